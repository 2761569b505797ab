// Timestamp parsing and formatting on integers only (no <ctime>, no locale).
#include "core/time/timestamp.hpp"

namespace radar {
namespace {

constexpr std::int64_t millis_per_day = 86'400'000;

int digits(std::string_view text, std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

void put_digits(std::string& text, std::size_t at, std::int64_t value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10)
        text[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
}

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view text) {
    const bool with_millis = text.size() == 24;
    if (text.size() != 20 && !with_millis) return std::nullopt;
    if (text[10] != 'T' || text[13] != ':' || text[16] != ':' || text.back() != 'Z') return std::nullopt;
    if (with_millis && text[19] != '.') return std::nullopt;
    const auto day = parse_iso_date(text.substr(0, 10));
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    const int second = digits(text, 17, 2);
    const int millis = with_millis ? digits(text, 20, 3) : 0;
    if (!day || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || millis < 0)
        return std::nullopt;
    return Timestamp{static_cast<std::int64_t>(*day) * millis_per_day +
                     ((hour * 60 + minute) * 60 + second) * std::int64_t{1000} + millis};
}

DayNumber day_of(Timestamp time) {
    const std::int64_t day = time.millis >= 0 ? time.millis / millis_per_day
                                              : -((-time.millis + millis_per_day - 1) / millis_per_day);
    return static_cast<DayNumber>(day);
}

std::string format_timestamp(Timestamp time) {
    const DayNumber day = day_of(time);
    const std::int64_t in_day = time.millis - static_cast<std::int64_t>(day) * millis_per_day;
    std::string text = format_iso_date(day) + "T00:00:00.000Z";
    put_digits(text, 11, in_day / 3'600'000, 2);
    put_digits(text, 14, in_day / 60'000 % 60, 2);
    put_digits(text, 17, in_day / 1000 % 60, 2);
    put_digits(text, 20, in_day % 1000, 3);
    return text;
}

}  // namespace radar
