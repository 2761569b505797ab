// Value syntax of imported cells: numbers (decimal comma/point, thousands), dates, booleans.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/import/value_parsing.hpp"

using namespace radar;

namespace {

double number(std::string_view text, bool whole = false) {
    const NumberParse parsed = parse_number(text, whole);
    REQUIRE_MESSAGE(parsed.status == ParseStatus::ok, "not parsed: " << text);
    return parsed.value;
}

bool unparsable(std::string_view text, bool whole = false) {
    return parse_number(text, whole).status == ParseStatus::unparsable;
}

std::string date(std::string_view text) {
    const DateParse parsed = parse_date(text);
    REQUIRE_MESSAGE(parsed.status == ParseStatus::ok, "not parsed: " << text);
    return format_iso_date(parsed.day);
}

}  // namespace

TEST_CASE("numbers: plain, signs, decimal comma and decimal point") {
    CHECK(number("42") == 42);
    CHECK(number("-7") == -7);
    CHECK(number("+3") == 3);
    CHECK(number("12,5") == 12.5);
    CHECK(number("12.5") == 12.5);
    CHECK(number("-0,25") == -0.25);
    CHECK(number(",5") == 0.5);
    CHECK(number("  8 ") == 8);
    CHECK(number("0,1") == 0.1);  // correctly rounded (fast_float)
    CHECK(number("1e3") == 1000);
    CHECK(number("2,5E-1") == 0.25);
}

TEST_CASE("numbers: thousands separators only where unambiguous") {
    CHECK(number("1.234,5") == 1234.5);
    CHECK(number("1,234.5") == 1234.5);
    CHECK(number("1.234.567") == 1234567);
    CHECK(number("1,234,567") == 1234567);
    CHECK(number("1.234.567,89") == doctest::Approx(1234567.89));
    CHECK(number("1 234 567") == 1234567);
    CHECK(number("4\xC2\xA0" "500") == 4500);  // no-break space
    CHECK(number("1'234.5") == 1234.5);
    // One separator alone is the decimal mark...
    CHECK(number("1.234") == 1.234);
    CHECK(number("1,234") == 1.234);
    // ...unless the field holds whole numbers and exactly three digits follow.
    CHECK(number("1.234", true) == 1234);
    CHECK(number("1,234", true) == 1234);
    CHECK(number("1,5", true) == 1.5);  // the caller reports "not a whole number"
    CHECK(number("12.3456", true) == 12.3456);
}

TEST_CASE("numbers: the file's decimal mark settles \"1.250\" and only that") {
    CHECK(parse_number("1.250", false, DecimalMark::comma).value == 1250);
    CHECK(parse_number("1,250", false, DecimalMark::comma).value == 1.25);
    CHECK(parse_number("1,250", false, DecimalMark::point).value == 1250);
    CHECK(parse_number("1.250", false, DecimalMark::point).value == 1.25);
    CHECK(parse_number("12.50", false, DecimalMark::comma).value == 12.5);    // not three digits: a decimal point
    CHECK(parse_number("1234.567", false, DecimalMark::comma).value == 1234.567);  // four digits before: no grouping
    CHECK(parse_number("0,5", false, DecimalMark::point).value == 0.5);
}

TEST_CASE("numbers: the inline fast path gives what the full parser gives") {
    // Digits with thousands separators, the file's decimal mark, digits: splits of 1 to 16
    // digits, both marks, both field kinds, with and without a sign.
    std::uint64_t state = 88172645463325252ULL;
    auto next = [&] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    for (int i = 0; i < 50000; ++i) {
        const int digits = 1 + static_cast<int>(next() % 16);
        std::string text = next() % 4 == 0 ? "-" : "";
        const int point_at = 1 + static_cast<int>(next() % static_cast<std::uint64_t>(digits + 1));
        const DecimalMark mark = next() % 2 ? DecimalMark::comma : DecimalMark::point;
        // Sometimes thousands separators (the other mark, now and then a malformed group).
        const bool grouped = next() % 2 == 0;
        const char separator = mark == DecimalMark::comma ? '.' : ',';
        for (int d = 0; d < digits; ++d) {
            if (d == point_at) text += mark == DecimalMark::comma ? ',' : '.';
            const int from_point = point_at - d;
            if (grouped && d > 0 && d < point_at && (from_point % 3 == 0 || next() % 40 == 0)) text += separator;
            text += static_cast<char>('0' + next() % 10);
        }
        const bool whole = next() % 3 == 0;
        const NumberParse fast = parse_number(text, whole, mark);
        const NumberParse full = parse_number_slow(text, whole, mark);
        CAPTURE(text);
        REQUIRE(fast.status == full.status);
        REQUIRE(fast.value == full.value);
        double plain = 0.0;
        if (parse_plain_number(text, whole, mark, plain)) {
            REQUIRE(full.status == ParseStatus::ok);
            REQUIRE(plain == full.value);
        }
    }
    // The forms most numeric cells of an export take, which the importer's per-cell fast path
    // must take (and read as the full parser does).
    const std::vector<std::pair<std::string, DecimalMark>> common = {
        {"12", DecimalMark::comma},       {"-3", DecimalMark::unknown},      {"0,94", DecimalMark::comma},
        {"1.975,14", DecimalMark::comma}, {"-1.500,00", DecimalMark::comma}, {"12.345.678,9", DecimalMark::comma},
        {"0.25", DecimalMark::point},     {"1,234.5", DecimalMark::point},   {"1.500", DecimalMark::comma}};
    for (const auto& form : common) {
        CAPTURE(form.first);
        double plain = 0.0;
        REQUIRE(parse_plain_number(form.first, false, form.second, plain));
        CHECK(plain == parse_number_slow(form.first, false, form.second).value);
    }
}

TEST_CASE("numbers: malformed text is unparsable, never zero") {
    for (const char* text : {"", " ", "abc", "12a", "1.2.3", "1.23.456", "1,234.567,8", "12 34", "5,", "--5", "+-5",
                             "1.234,5.6", "1,2.5", "inf", "nan", "infinity", "1e", "1e999", "0x10", "€5", "5%", "1..2",
                             "=1+1", "1 ,5", ".", ","})
        CHECK_MESSAGE(unparsable(text), text);
}

TEST_CASE("dates: day-first with / - . separators, ISO, date-times") {
    CHECK(date("03/05/2010") == "2010-05-03");
    CHECK(date("3/5/2010") == "2010-05-03");
    CHECK(date("1-2-2015") == "2015-02-01");
    CHECK(date("01-02-2015") == "2015-02-01");
    CHECK(date("24.12.2023") == "2023-12-24");
    CHECK(date("2023-01-15") == "2023-01-15");
    CHECK(date("2023/01/15") == "2023-01-15");
    CHECK(date("2024-02-29") == "2024-02-29");
    CHECK(date("2023-01-15T10:30:00") == "2023-01-15");
    CHECK(date("2023-01-15T10:30:00Z") == "2023-01-15");
    CHECK(date("2023-01-15T23:30:00.123+02:00") == "2023-01-15");
    CHECK(date("2023-01-15T23:30-0500") == "2023-01-15");
    CHECK(date("2023-01-15 08:00") == "2023-01-15");
    CHECK(date("15/01/2023 08:00:59") == "2023-01-15");
    CHECK(date(" 15/01/2023 ") == "2023-01-15");
}

TEST_CASE("dates: impossible days and unparsable text are told apart") {
    for (const char* text : {"31/02/2022", "29/02/2023", "05/13/2021", "00/01/2020", "2023-02-30", "2023-13-01",
                             "32.01.2020", "0000-01-01"})
        CHECK_MESSAGE(parse_date(text).status == ParseStatus::impossible, text);
    for (const char* text : {"", "gisteren", "2023", "15/01/23", "2023-01", "15/01-2023", "2023.01.15", "12345/01/2020",
                             "2023-01-15T25:00", "2023-01-15T10:61", "2023-01-15X", "2023-01-15T10:30+5",
                             "15 januari 2023", "2023-001-01", "1/1/1/2020"})
        CHECK_MESSAGE(parse_date(text).status == ParseStatus::unparsable, text);
}

TEST_CASE("booleans in Dutch, English, French, digits and x marks") {
    for (const char* text : {"ja", "JA", "j", "yes", "Y", "true", "TRUE", "waar", "WAAR", "oui", "vrai", "1", " ja "})
        CHECK_MESSAGE(parse_boolean(text) == BooleanToken::yes, text);
    for (const char* text : {"nee", "Nee", "n", "no", "false", "onwaar", "non", "faux", "0"})
        CHECK_MESSAGE(parse_boolean(text) == BooleanToken::no, text);
    CHECK(parse_boolean("x") == BooleanToken::x_mark);
    CHECK(parse_boolean("X") == BooleanToken::x_mark);
    for (const char* text : {"", "misschien", "2", "jaa", "yes!", "xx", "verylongword"})
        CHECK_MESSAGE(parse_boolean(text) == BooleanToken::invalid, text);
}

TEST_CASE("trimming removes spaces, tabs and no-break spaces only") {
    CHECK(trim_spaces("  a b\t") == "a b");
    CHECK(trim_spaces("\xC2\xA0x\xC2\xA0") == "x");
    CHECK(trim_spaces("\n") == "\n");
    CHECK(trim_spaces("") == "");
}
