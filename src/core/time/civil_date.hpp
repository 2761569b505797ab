// Calendar dates as day numbers (days since 1970-01-01) and the few operations the core needs:
// ISO parsing/formatting, month arithmetic with end-of-month clamping, first day of a month.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace radar {

struct CivilDate {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
};

using DayNumber = std::int32_t;

// Forced inline: an import calls these for every date cell, and em++ otherwise leaves them as calls.
[[gnu::always_inline]] inline DayNumber days_from_civil(CivilDate date) {
    const int y = date.year - (date.month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int year_of_era = y - era * 400;
    const int shifted_month = date.month + (date.month > 2 ? -3 : 9);
    const int day_of_year = (153 * shifted_month + 2) / 5 + date.day - 1;
    const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return static_cast<DayNumber>(era * 146097 + day_of_era - 719468);
}
[[gnu::always_inline]] inline int days_in_month(int year, int month) {
    constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : lengths[month - 1];
}
[[gnu::always_inline]] inline bool is_valid(CivilDate date) {
    return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= days_in_month(date.year, date.month);
}
CivilDate civil_from_days(DayNumber days);

// Strict "YYYY-MM-DD"; returns nothing for anything else, including impossible dates.
std::optional<DayNumber> parse_iso_date(std::string_view text);
std::string format_iso_date(DayNumber days);

// Adds whole months; a day past the end of the target month is clamped (31 Jan + 1 = 28/29 Feb).
DayNumber add_months(DayNumber days, int months);
DayNumber first_of_month(DayNumber days);

}  // namespace radar
