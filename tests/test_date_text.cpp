// The one date format people read (issue #22): day, month name and year in Dutch or English,
// moments in local time with the device's UTC offset at that moment.
#include <doctest/doctest.h>

#include "core/time/date_text.hpp"

using namespace radar;

TEST_CASE("dates read as day, month name and year in both languages") {
    const DayNumber day = days_from_civil({2026, 12, 3});
    CHECK(format_date(day, TextLanguage::dutch) == "3 december 2026");
    CHECK(format_date(day, TextLanguage::english) == "3 December 2026");
    CHECK(format_month_year(day, TextLanguage::dutch) == "december 2026");
    CHECK(format_date(days_from_civil({2024, 2, 29}), TextLanguage::english) == "29 February 2024");
}

TEST_CASE("moments read in local time, with the offset in force at that moment") {
    const Timestamp winter = *parse_timestamp("2026-12-03T14:50:30.367Z");
    const Timestamp summer = *parse_timestamp("2026-07-01T22:30:00.000Z");
    const UtcOffsetAt brussels = [](Timestamp at) { return at.millis > 1'780'000'000'000 && at.millis < 1'792'000'000'000 ? 120 : 60; };
    CHECK(format_date_time(winter, brussels, TextLanguage::dutch) == "3 december 2026, 15:50");
    CHECK(format_date_time(summer, brussels, TextLanguage::english) == "2 July 2026, 00:30");
    CHECK(local_day(summer, brussels) == days_from_civil({2026, 7, 2}));
    // Without an offset: UTC. West of UTC, and before 1970, the day rolls back.
    CHECK(format_date_time(winter, {}, TextLanguage::english) == "3 December 2026, 14:50");
    CHECK(format_date_time(*parse_timestamp("2026-12-03T02:00:00Z"), [](Timestamp) { return -300; },
                           TextLanguage::english) == "2 December 2026, 21:00");
    CHECK(local_day(Timestamp{-1}, {}) == days_from_civil({1969, 12, 31}));
}

TEST_CASE("typed dates: month names in both languages, day-first numbers, ISO; impossible days refused") {
    const DayNumber december_3 = days_from_civil({2026, 12, 3});
    for (const char* text : {"3 december 2026", "3 December 2026", "3 dec 2026", "3 Dec. 2026", "03-12-2026",
                             "3/12/2026", "3.12.2026", "2026-12-03", "  3 december 2026 "})
        CHECK_MESSAGE(parse_date_text(text) == december_3, text);
    CHECK(parse_date_text("1 maart 2027") == days_from_civil({2027, 3, 1}));
    CHECK(parse_date_text("1 mrt 2027") == days_from_civil({2027, 3, 1}));
    CHECK(parse_date_text("29 februari 2024") == days_from_civil({2024, 2, 29}));
    for (const char* text : {"29 februari 2026", "31-04-2026", "3 decembre 2026", "3 12", "2026", "", "3 december 26",
                             "0-1-2026", "12/31/2026"})
        CHECK_FALSE_MESSAGE(parse_date_text(text).has_value(), text);
    // What the app shows reads back.
    CHECK(parse_date_text(format_date(december_3, TextLanguage::dutch)) == december_3);
    CHECK(parse_date_text(format_date(december_3, TextLanguage::english)) == december_3);
}
