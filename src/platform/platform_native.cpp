// Native implementation of the platform interface (CLI and native tools).
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>

#include "platform.hpp"
#include "wheel_steps.hpp"

namespace radar::platform {

DayNumber today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return days_from_civil({local.tm_year + 1900, local.tm_mon + 1, local.tm_mday});
}

int utc_offset_minutes(Timestamp at) {
    const std::time_t seconds = static_cast<std::time_t>(at.millis / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    return static_cast<int>(local.tm_gmtoff / 60);
}

std::string now_iso() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::int64_t now_millis() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

RandomBits128 random_bits_128() {
    // random_device is the OS entropy source on Linux (not a deterministic engine).
    std::random_device device;
    auto word = [&device] { return (std::uint64_t{device()} << 32) | device(); };
    RandomBits128 bits;
    bits.high = word();
    bits.low = word();
    return bits;
}

std::optional<std::string> start_option(const std::string& name) {
    std::string variable = "RADAR_";
    for (char c : name) variable += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const char* value = std::getenv(variable.c_str());
    if (!value) return std::nullopt;
    return std::string(value);
}

void notify_ready() {}

void reload_page_with_notice(const std::string&) {}

std::optional<std::string> take_start_notice() { return std::nullopt; }

void note_dataset_restore(bool) {}

void work_between_frames(std::function<bool()> work) {
    while (work()) {}
}

void set_wheel_handler(std::function<void(WheelSteps)>) {}

OfflineStatus offline_status() { return {}; }

void activate_new_version() {}

Workspace start_workspace() { return Workspace::own; }

void open_workspace(Workspace, bool) {}

void report_fatal_error(const std::string& message) { std::fprintf(stderr, "radar: %s\n", message.c_str()); }

}  // namespace radar::platform
