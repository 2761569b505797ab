// Month names and the day/month/year and time layout of dates shown to people.
#include "core/time/date_text.hpp"

#include <cstdio>
#include <vector>

namespace radar {
namespace {

constexpr const char* dutch_months[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                        "juli",    "augustus", "september", "oktober", "november", "december"};
constexpr const char* english_months[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};

constexpr std::int64_t millis_per_minute = 60 * 1000;
constexpr std::int64_t minutes_per_day = 24 * 60;

// Floor division: moments before 1970 fall on the day before, not the day after.
std::int64_t floor_div(std::int64_t value, std::int64_t divisor) {
    const std::int64_t quotient = value / divisor;
    return quotient * divisor > value ? quotient - 1 : quotient;
}

std::int64_t local_minutes(Timestamp at, const UtcOffsetAt& utc_offset) {
    return floor_div(at.millis, millis_per_minute) + (utc_offset ? utc_offset(at) : 0);
}

// 1..12 for a month name or its first three letters in Dutch or English ("mrt" too); 0 otherwise.
int month_from_name(std::string_view word) {
    std::string lower;
    for (char c : word) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (int month = 1; month <= 12; ++month)
        for (const char* name : {dutch_months[month - 1], english_months[month - 1]}) {
            std::string full;
            for (const char* c = name; *c; ++c) full += static_cast<char>(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
            if (lower == full || (lower.size() == 3 && full.compare(0, 3, lower) == 0)) return month;
        }
    return lower == "mrt" ? 3 : 0;
}

// The pieces between spaces, '-', '/' and '.' ("3 dec. 2026" gives "3", "dec", "2026").
std::vector<std::string_view> date_parts(std::string_view text) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const bool separator = i == text.size() || text[i] == ' ' || text[i] == '-' || text[i] == '/' || text[i] == '.';
        if (!separator) continue;
        if (i > start) parts.push_back(text.substr(start, i - start));
        start = i + 1;
    }
    return parts;
}

std::optional<int> whole_number(std::string_view text) {
    if (text.empty() || text.size() > 4) return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

std::optional<DayNumber> parse_date_text(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (const auto iso = parse_iso_date(text)) return iso;
    const std::vector<std::string_view> parts = date_parts(text);
    if (parts.size() != 3) return std::nullopt;
    const auto day = whole_number(parts[0]);
    const auto year = whole_number(parts[2]);
    int month = 0;
    if (const auto number = whole_number(parts[1])) month = *number;
    else month = month_from_name(parts[1]);
    if (!day || !year || parts[2].size() != 4 || month < 1 || month > 12 || *day < 1 || *day > 31) return std::nullopt;
    const CivilDate date{*year, month, *day};
    const DayNumber number = days_from_civil(date);
    const CivilDate back = civil_from_days(number);
    if (back.year != date.year || back.month != date.month || back.day != date.day) return std::nullopt;
    return number;
}

std::string format_month_year(DayNumber day, TextLanguage language) {
    const CivilDate date = civil_from_days(day);
    const auto index = static_cast<std::size_t>(date.month - 1);
    return std::string(language == TextLanguage::dutch ? dutch_months[index] : english_months[index]) + " " +
           std::to_string(date.year);
}

std::string format_date(DayNumber day, TextLanguage language) {
    return std::to_string(civil_from_days(day).day) + " " + format_month_year(day, language);
}

DayNumber local_day(Timestamp at, const UtcOffsetAt& utc_offset) {
    return static_cast<DayNumber>(floor_div(local_minutes(at, utc_offset), minutes_per_day));
}

std::string format_date_time(Timestamp at, const UtcOffsetAt& utc_offset, TextLanguage language) {
    const std::int64_t minutes = local_minutes(at, utc_offset);
    const std::int64_t of_day = minutes - floor_div(minutes, minutes_per_day) * minutes_per_day;
    char time[8];
    std::snprintf(time, sizeof time, "%02d:%02d", static_cast<int>(of_day / 60), static_cast<int>(of_day % 60));
    return format_date(local_day(at, utc_offset), language) + ", " + time;
}

}  // namespace radar
