// The importer's shortcuts give what the full paths give: the inline date and whole-number
// parsers against the full parsers, the packed boolean words against the plain word list, and
// the one UTF-8 check per record against decoding field by field.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/import/text_encoding.hpp"
#include "core/import/value_parsing.hpp"

using namespace radar;

namespace {

// xorshift64: the same cases on every run and platform.
class Cases {
public:
    std::uint64_t next() {
        state_ ^= state_ << 13;
        state_ ^= state_ >> 7;
        state_ ^= state_ << 17;
        return state_;
    }
    char pick(std::string_view from) { return from[next() % from.size()]; }

private:
    std::uint64_t state_ = 88172645463325252ULL;
};

// `day_first`: the text is dd?mm?yyyy with one separator, which the importer's per-cell fast
// path must take whenever it names a real day.
void check_date(const std::string& text, bool day_first) {
    const DateParse inline_parse = parse_date(text);
    const DateParse full = parse_date_slow(text);
    CAPTURE(text);
    REQUIRE(inline_parse.status == full.status);
    REQUIRE(inline_parse.day == full.day);
    DayNumber day = -1;
    const bool taken = parse_day_first_date(text, day);
    if (day_first) REQUIRE(taken == (full.status == ParseStatus::ok));
    if (taken) {
        REQUIRE(full.status == ParseStatus::ok);
        REQUIRE(day == full.day);
    }
}

}  // namespace

TEST_CASE("dates: the inline fast paths give what the full parser gives") {
    // Every day and month from 00 to 99 in years around the edges (0000, leap rules, 9999).
    for (const char* year : {"0000", "0001", "1900", "1999", "2000", "2023", "2024", "2100", "9999"})
        for (int day = 0; day < 100; ++day)
            for (int month = 0; month < 100; ++month)
                for (const char separator : {'/', '-', '.'}) {
                    std::string text = std::to_string(100 + day).substr(1) + separator +
                                       std::to_string(100 + month).substr(1) + separator + year;
                    check_date(text, true);
                }
    // Ten-character texts of digits, separators and other bytes, mixed separators included.
    Cases cases;
    for (int i = 0; i < 200000; ++i) {
        std::string text;
        for (int c = 0; c < 10; ++c) {
            const bool separator_place = c == 2 || c == 5 || c == 4 || c == 7;
            text += separator_place && cases.next() % 4 != 0 ? cases.pick("/-./ T") : cases.pick("0123456789012345678a \xC2");
        }
        check_date(text, false);
    }
}

TEST_CASE("whole numbers: the inline fast path gives what the full parser gives") {
    Cases cases;
    for (int i = 0; i < 200000; ++i) {
        std::string text;
        const std::size_t length = 1 + cases.next() % 12;
        for (std::size_t c = 0; c < length; ++c) text += cases.next() % 8 == 0 ? cases.pick("-+,. a\xA0") : cases.pick("0123456789");
        double value = -1;
        CAPTURE(text);
        if (!parse_small_whole_number(text, value)) continue;
        for (const DecimalMark mark : {DecimalMark::unknown, DecimalMark::comma, DecimalMark::point}) {
            const NumberParse full = parse_number(text, true, mark);
            REQUIRE(full.status == ParseStatus::ok);
            REQUIRE(full.value == value);
        }
    }
    double value = -1;
    CHECK(parse_small_whole_number("007", value));
    CHECK(value == 7);
    CHECK(parse_small_whole_number("999999999", value));
    CHECK(value == 999999999);
    for (const char* text : {"", "1234567890", "-1", "+1", "1,5", "1.000", " 1", "1 "})
        CHECK_MESSAGE(!parse_small_whole_number(text, value), text);
}

TEST_CASE("decoding: one check per record gives what decoding every field gives") {
    // Records of ASCII, UTF-8 and stray Windows-1252 bytes, in files read automatically, as
    // UTF-8 and as Windows-1252; the first non-ASCII record decides the automatic encoding.
    const std::vector<std::string> pieces = {"abc", "", "Zo\xC3\xAB", "cr\xC3\xA8" "che", "\xE9t\xE9", "\xC3", "\xE2\x82\xAC",
                                             "\xED\xA0\x80", "\xF0\x9F\x98\x80", "x\x80y", "12,5"};
    Cases cases;
    for (const EncodingChoice choice : {EncodingChoice::automatic, EncodingChoice::utf8, EncodingChoice::windows_1252}) {
        for (int file = 0; file < 300; ++file) {
            TextDecoder per_record(choice);
            TextDecoder per_field(choice);
            for (int record = 0; record < 6; ++record) {
                std::vector<std::string> fields(1 + cases.next() % 5);
                std::string bytes;
                for (std::string& field : fields) {
                    // Mostly ASCII records, now and then one with other bytes.
                    field = pieces[cases.next() % (cases.next() % 3 == 0 ? pieces.size() : 2)];
                    bytes += (bytes.empty() && &field == &fields.front() ? "" : ";") + field;
                }
                std::string scratch;
                const bool as_is = per_record.keeps_as_is(bytes);
                for (const std::string& field : fields) {
                    const std::string expected(per_field.decode(field, scratch));
                    std::string other_scratch;
                    const std::string got = as_is ? field : std::string(per_record.decode(field, other_scratch));
                    CAPTURE(bytes);
                    REQUIRE(got == expected);
                }
                REQUIRE(per_record.encoding() == per_field.encoding());
                REQUIRE(per_record.invalid_utf8_sequences() == per_field.invalid_utf8_sequences());
            }
        }
    }
}

TEST_CASE("booleans: the packed comparison reads every word as the word list does") {
    // The documented words, compared the plain way: lower-cased text against each of them.
    const auto expected = [](std::string_view text) {
        text = trim_spaces(text);
        std::string lowered;
        for (const char c : text) lowered += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        if (lowered == "x") return BooleanToken::x_mark;
        for (const char* word : {"ja", "j", "yes", "y", "true", "waar", "oui", "vrai", "1"})
            if (lowered == word) return BooleanToken::yes;
        for (const char* word : {"nee", "n", "no", "false", "onwaar", "non", "faux", "0"})
            if (lowered == word) return BooleanToken::no;
        return BooleanToken::invalid;
    };
    Cases cases;
    for (int i = 0; i < 300000; ++i) {
        std::string text;
        if (cases.next() % 3 == 0) {
            // A word of the list (or a near miss), in mixed case, sometimes with spaces around.
            static const char* const words[] = {"ja", "nee", "yes", "no", "true", "false", "waar", "onwaar", "oui",
                                                "non", "vrai", "faux", "x", "j", "n", "y", "0", "1", "jaa", "nee!"};
            for (const char c : std::string(words[cases.next() % 20]))
                text += cases.next() % 2 && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
            if (cases.next() % 4 == 0) text = " " + text + "\t";
        } else {
            const std::size_t length = cases.next() % 10;
            for (std::size_t c = 0; c < length; ++c) text += cases.pick("jaNEyestruwonfalsxv01 AEIOUX\t");
        }
        if (cases.next() % 50 == 0) text += std::string(1, '\0');
        CAPTURE(text);
        REQUIRE(parse_boolean(text) == expected(text));
    }
    for (const char* text : {"JA", " Nee ", "Onwaar", "FAUX", "x", "X", "oui", "vrai", "Y", "n"})
        CHECK_MESSAGE(parse_boolean(text) == expected(text), text);
}
