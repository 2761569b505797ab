// Native implementation of the platform interface (CLI and native tools).
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "platform.hpp"

namespace radar::platform {

DayNumber today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return days_from_civil({local.tm_year + 1900, local.tm_mon + 1, local.tm_mday});
}

std::string now_iso() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::optional<std::string> start_option(const std::string& name) {
    std::string variable = "RADAR_";
    for (char c : name) variable += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const char* value = std::getenv(variable.c_str());
    if (!value) return std::nullopt;
    return std::string(value);
}

void notify_ready() {}

void report_fatal_error(const std::string& message) { std::fprintf(stderr, "radar: %s\n", message.c_str()); }

}  // namespace radar::platform
