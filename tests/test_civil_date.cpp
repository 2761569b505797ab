// Calendar arithmetic: round trips, leap years, month-end clamping, strict ISO parsing.
#include <doctest/doctest.h>

#include "core/time/civil_date.hpp"

using namespace radar;

TEST_CASE("day numbers round-trip through civil dates") {
    CHECK(days_from_civil({1970, 1, 1}) == 0);
    CHECK(days_from_civil({2000, 3, 1}) == 11017);
    for (DayNumber day = -800000; day <= 800000; day += 997) {
        const CivilDate date = civil_from_days(day);
        CHECK(is_valid(date));
        CHECK(days_from_civil(date) == day);
    }
}

TEST_CASE("leap years follow the Gregorian rules") {
    CHECK(days_in_month(2024, 2) == 29);
    CHECK(days_in_month(2023, 2) == 28);
    CHECK(days_in_month(1900, 2) == 28);
    CHECK(days_in_month(2000, 2) == 29);
}

TEST_CASE("ISO dates parse strictly") {
    CHECK(parse_iso_date("2023-12-31") == days_from_civil({2023, 12, 31}));
    CHECK_FALSE(parse_iso_date("2023-02-29"));
    CHECK_FALSE(parse_iso_date("2023-13-01"));
    CHECK_FALSE(parse_iso_date("2023-1-01"));
    CHECK_FALSE(parse_iso_date("31/12/2023"));
    CHECK_FALSE(parse_iso_date(""));
    CHECK(format_iso_date(days_from_civil({2024, 2, 29})) == "2024-02-29");
    CHECK(format_iso_date(days_from_civil({987, 6, 5})) == "0987-06-05");
}

TEST_CASE("adding months clamps to the end of the month") {
    const DayNumber jan31 = days_from_civil({2024, 1, 31});
    CHECK(format_iso_date(add_months(jan31, 1)) == "2024-02-29");
    CHECK(format_iso_date(add_months(jan31, 13)) == "2025-02-28");
    CHECK(format_iso_date(add_months(jan31, -2)) == "2023-11-30");
    CHECK(format_iso_date(add_months(days_from_civil({2023, 11, 15}), 3)) == "2024-02-15");
    CHECK(format_iso_date(first_of_month(days_from_civil({2026, 11, 28}))) == "2026-11-01");
}
