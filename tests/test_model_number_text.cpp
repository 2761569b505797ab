// Numbers in the model editor's fields: shown with the language's decimal mark, exactly, and read
// back from what people type ("1,5" or "1.5" in either language); everything else is refused.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "core/model/number_text.hpp"

using namespace radar;

TEST_CASE("a number is shown with a comma in Dutch and a point in English, without grouping") {
    CHECK(format_decimal(1.5, TextLanguage::dutch) == "1,5");
    CHECK(format_decimal(1.5, TextLanguage::english) == "1.5");
    CHECK(format_decimal(6, TextLanguage::dutch) == "6");
    CHECK(format_decimal(0, TextLanguage::english) == "0");
    CHECK(format_decimal(-0.0, TextLanguage::dutch) == "0");
    CHECK(format_decimal(-0.25, TextLanguage::dutch) == "-0,25");
    CHECK(format_decimal(1500, TextLanguage::dutch) == "1500");
    CHECK(format_decimal(1234567.125, TextLanguage::english) == "1234567.125");
    CHECK(format_decimal(0.1, TextLanguage::english) == "0.1");
    CHECK(format_decimal(1e-7, TextLanguage::dutch) == "0,0000001");
    CHECK(format_decimal(1.0 / 3.0, TextLanguage::english) == "0.3333333333333333");
    // Only numbers a field cannot show plainly get an exponent.
    CHECK(format_decimal(1e-300, TextLanguage::english) == "1e-300");
    CHECK(format_decimal(2.5e22, TextLanguage::dutch) == "2,5e+22");
}

TEST_CASE("what a field shows reads back to exactly the same number, in both languages") {
    for (const double value : {0.0, 1.5, -2.75, 0.1, 1.0 / 3.0, 2.0 / 3.0, 1e-7, 123456.789, 1e15 + 0.5, 1e-300,
                               2.5e22, -std::numeric_limits<double>::max(), std::numeric_limits<double>::denorm_min()})
        for (const TextLanguage language : {TextLanguage::dutch, TextLanguage::english}) {
            const std::string text = format_decimal(value, language);
            INFO(text);
            const auto read = parse_decimal(text);
            REQUIRE(read.has_value());
            CHECK(*read == value);
        }
}

TEST_CASE("a typed number may use a comma or a point, whatever the language") {
    CHECK(parse_decimal("1,5") == 1.5);
    CHECK(parse_decimal("1.5") == 1.5);
    CHECK(parse_decimal("7,5") == 7.5);
    CHECK(parse_decimal("  3 ") == 3.0);
    CHECK(parse_decimal("-0,25") == -0.25);
    CHECK(parse_decimal("+2") == 2.0);
    CHECK(parse_decimal("\xE2\x88\x92" "4,5") == -4.5);  // U+2212 MINUS SIGN, as the app writes it
    CHECK(parse_decimal(",5") == 0.5);
    CHECK(parse_decimal("5,") == 5.0);
    CHECK(parse_decimal("1,5e3") == 1500.0);
    CHECK(parse_decimal("2E-2") == 0.02);
    CHECK(parse_decimal("007") == 7.0);
}

TEST_CASE("anything else is not a number") {
    for (const char* text : {"", "   ", "-", "+", ",", ".", "abc", "7,5x", "1.000,5", "1,000.5", "1,5,2", "1 000",
                             "--1", "+-1", "1e", "1e+", "e5", ",e5", "inf", "nan", "1e400", "-1e400", "0x10", "1/2",
                             "12%", "\xE2\x88\x92", "\xC2\xA0" "1"})
        CHECK_MESSAGE(!parse_decimal(text).has_value(), "'", text, "' was read as a number");
}

TEST_CASE("a step button adds without binary noise") {
    CHECK(add_step(0.1, 0.5) == 0.6);
    CHECK(format_decimal(add_step(0.1, 0.5), TextLanguage::dutch) == "0,6");
    CHECK(add_step(0.1, -0.5) == -0.4);
    CHECK(format_decimal(add_step(0.1, -0.5), TextLanguage::english) == "-0.4");
    CHECK(add_step(1.5, 0.5) == 2.0);
    CHECK(add_step(0.5, -0.5) == 0.0);
    CHECK(add_step(6, 0.5) == 6.5);
}
