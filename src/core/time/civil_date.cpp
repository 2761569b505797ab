// Proleptic Gregorian calendar conversions (the classic era-based algorithm), no <ctime> involved,
// so results are identical on every platform, native or WebAssembly.
#include "core/time/civil_date.hpp"

namespace radar {

CivilDate civil_from_days(DayNumber days) {
    const int z = days + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int day_of_era = z - era * 146097;
    const int year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const int shifted_month = (5 * day_of_year + 2) / 153;
    CivilDate result;
    result.day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    result.month = shifted_month + (shifted_month < 10 ? 3 : -9);
    result.year = year_of_era + era * 400 + (result.month <= 2 ? 1 : 0);
    return result;
}

std::optional<DayNumber> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto digits = [&](std::size_t from, std::size_t count) -> int {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const CivilDate date{digits(0, 4), digits(5, 2), digits(8, 2)};
    if (date.year < 0 || !is_valid(date)) return std::nullopt;
    return days_from_civil(date);
}

std::string format_iso_date(DayNumber days) {
    const CivilDate date = civil_from_days(days);
    std::string text = "0000-00-00";
    auto put = [&](std::size_t at, int value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10) text[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    };
    put(0, date.year, 4);
    put(5, date.month, 2);
    put(8, date.day, 2);
    return text;
}

DayNumber add_months(DayNumber days, int months) {
    CivilDate date = civil_from_days(days);
    const int month_index = date.year * 12 + (date.month - 1) + months;
    date.year = month_index >= 0 ? month_index / 12 : (month_index - 11) / 12;
    date.month = month_index - date.year * 12 + 1;
    const int last = days_in_month(date.year, date.month);
    if (date.day > last) date.day = last;
    return days_from_civil(date);
}

DayNumber first_of_month(DayNumber days) {
    CivilDate date = civil_from_days(days);
    date.day = 1;
    return days_from_civil(date);
}

}  // namespace radar
