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

DayNumber days_from_civil(CivilDate date);
CivilDate civil_from_days(DayNumber days);
int days_in_month(int year, int month);
bool is_valid(CivilDate date);

// Strict "YYYY-MM-DD"; returns nothing for anything else, including impossible dates.
std::optional<DayNumber> parse_iso_date(std::string_view text);
std::string format_iso_date(DayNumber days);

// Adds whole months; a day past the end of the target month is clamped (31 Jan + 1 = 28/29 Feb).
DayNumber add_months(DayNumber days, int months);
DayNumber first_of_month(DayNumber days);

}  // namespace radar
