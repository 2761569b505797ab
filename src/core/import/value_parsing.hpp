// Cell text to typed values, as Belgian and Dutch exports write them: decimal comma or point with
// thousands separators where unambiguous, d/m/y and ISO dates (also with a time), and booleans
// in Dutch, English and French. Empty text is never a value here: callers treat it as missing.
#pragma once

#include <cmath>
#include <cstdint>
#include <string_view>

#include "core/time/civil_date.hpp"

namespace radar {

// A whole number a double holds exactly (at most 2^53 either way): what a whole-number field or
// column may hold.
inline bool is_exact_whole_number(double value) {
    return value == std::floor(value) && std::fabs(value) <= 9007199254740992.0;
}

enum class ParseStatus {
    ok,
    unparsable,  // not in any accepted syntax
    impossible,  // dates: right syntax, but no such day (31/02/2023, month 13)
};

// Without ASCII spaces, tabs and no-break spaces (U+00A0) at both ends.
std::string_view trim_spaces_slow(std::string_view text);
[[gnu::always_inline]] inline std::string_view trim_spaces(std::string_view text) {
    // Forced inline fast path: almost no cell starts or ends with a space, and em++ otherwise
    // leaves this as a call (returning the view through memory) for every cell.
    const auto edge = [](char c) { return c == ' ' || c == '\t' || c == '\xC2' || c == '\xA0'; };
    if (text.empty() || (!edge(text.front()) && !edge(text.back()))) return text;
    return trim_spaces_slow(text);
}

struct NumberParse {
    ParseStatus status = ParseStatus::unparsable;
    double value = 0.0;
};

// The decimal mark a file is known to use. Excel writes ';'-separated CSV exactly where the
// decimal mark is ',' (Belgium, the Netherlands), and ','-separated CSV where it is '.'.
enum class DecimalMark { unknown, comma, point };

// Accepts an optional sign, digits, one decimal mark ("," or "."), and thousands separators
// (".", ",", space, no-break space, apostrophe) in groups of three. Both marks present: the last
// one is the decimal mark ("1.234,5" = "1,234.5" = 1234.5). A single "," or "." is the decimal
// mark ("1,5", "0.25"), unless exactly three digits follow it after one to three digits ("1.250"):
// that is ambiguous and is read as a thousands separator when `whole_number_expected` (a
// whole-number field cannot hold 1.25) or when `file_decimal_mark` is the other mark; otherwise
// as the decimal mark. Exponents ("1e3") are accepted without thousands separators.
// Infinity and NaN are not numbers.
NumberParse parse_number_slow(std::string_view text, bool whole_number_expected, DecimalMark file_decimal_mark);
// The fast paths of parse_number: up to 15 digits (exact in a double), which most numeric cells of
// an export are, as a plain whole number, or digits with the file's own decimal mark and thousands
// separators: true, with the value parse_number gives. Anything else says false (for the full
// parser to decide). Forced inline, as the importer's per-cell fast path.
[[gnu::always_inline]] inline bool parse_plain_number(std::string_view text, bool whole_number_expected,
                                                      DecimalMark file_decimal_mark, double& result) {
    if (!text.empty() && text.size() <= 24) {
        const bool negative = text[0] == '-';
        const std::size_t first_digit = negative ? 1 : 0;
        std::size_t at = first_digit;
        // Unsigned: more digits than fit wrap around (defined), and such results are not used.
        std::uint64_t value = 0;
        const auto signed_value = [&] { return negative ? -static_cast<double>(value) : static_cast<double>(value); };
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') value = value * 10 + static_cast<std::uint64_t>(text[at++] - '0');
        const std::size_t integer_digits = at - first_digit;
        if (at == text.size() && integer_digits > 0 && integer_digits <= 15) {
            result = signed_value();
            return true;
        }
        const char mark = file_decimal_mark == DecimalMark::comma ? ',' : file_decimal_mark == DecimalMark::point ? '.' : 0;
        // The file's other mark between groups of three digits separates thousands ("1.500,00").
        const char thousands = mark == ',' ? '.' : ',';
        const auto digit = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
        std::size_t whole_digits = integer_digits;
        if (mark != 0 && integer_digits > 0 && integer_digits <= 3) {
            while (at < text.size() && text[at] == thousands && digit(at + 1) && digit(at + 2) && digit(at + 3) &&
                   !digit(at + 4)) {
                value = value * 1000 + static_cast<std::uint64_t>((text[at + 1] - '0') * 100 + (text[at + 2] - '0') * 10 +
                                                                  (text[at + 3] - '0'));
                at += 4;
                whole_digits += 3;
            }
            if (at == text.size() && whole_digits > integer_digits && whole_digits <= 15) {
                result = signed_value();
                return true;
            }
        }
        if (mark != 0 && at < text.size() && text[at] == mark && integer_digits > 0) {
            const std::size_t fraction_start = ++at;
            while (at < text.size() && text[at] >= '0' && text[at] <= '9') value = value * 10 + static_cast<std::uint64_t>(text[at++] - '0');
            const std::size_t fraction_digits = at - fraction_start;
            // "1,250" in a whole-number field is 1250: the rules of the slow path decide that.
            const bool thousands_like = whole_number_expected && whole_digits == integer_digits && fraction_digits == 3 &&
                                        integer_digits <= 3;
            if (at == text.size() && fraction_digits > 0 && whole_digits + fraction_digits <= 15 && !thousands_like) {
                // Both operands are exact, so the one division rounds correctly, as parsing would.
                static constexpr double powers_of_ten[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                                           1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
                result = signed_value() / powers_of_ten[fraction_digits];
                return true;
            }
        }
    }
    return false;
}
inline NumberParse parse_number(std::string_view text, bool whole_number_expected = false,
                                DecimalMark file_decimal_mark = DecimalMark::unknown) {
    double value = 0.0;
    if (parse_plain_number(text, whole_number_expected, file_decimal_mark, value)) return {ParseStatus::ok, value};
    return parse_number_slow(text, whole_number_expected, file_decimal_mark);
}

// One to nine digits and nothing else, the most common whole-number cell: true, with the value
// parse_number gives it. Anything else says false (for the full parser to decide).
inline bool parse_small_whole_number(std::string_view text, double& value) {
    if (text.empty() || text.size() > 9) return false;
    std::uint32_t whole = 0;
    for (const char c : text) {
        const std::uint32_t digit = static_cast<std::uint32_t>(static_cast<unsigned char>(c)) - '0';
        if (digit > 9) return false;
        whole = whole * 10 + digit;
    }
    value = whole;
    return true;
}

struct DateParse {
    ParseStatus status = ParseStatus::unparsable;
    DayNumber day = 0;
};

// dd/mm/yyyy, d/m/yyyy, d-m-yyyy, dd.mm.yyyy, yyyy-mm-dd, yyyy/mm/dd, optionally followed by a
// time ("T" or space, hh:mm[:ss[.fff]], optional "Z" or +hh:mm offset). Day-first, as in Belgium.
// The calendar date as written is kept; a time zone offset does not shift it.
DateParse parse_date_slow(std::string_view text);
// Two-digit day and month and a four-digit year (dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy), the form of
// most date cells of an export, naming a real day: true, with the day parse_date gives it.
// Anything else says false (for parse_date to decide). Forced inline, as the importer's per-cell
// fast path: em++ otherwise leaves parse_date, and the calendar sums in it, as calls.
[[gnu::always_inline]] inline bool parse_day_first_date(std::string_view text, DayNumber& day) {
    if (text.size() != 10) return false;
    const char separator = text[2];
    if ((separator != '/' && separator != '-' && separator != '.') || text[5] != separator) return false;
    const auto digit = [&](std::size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(text[i])) - '0'; };
    if (digit(0) > 9 || digit(1) > 9 || digit(3) > 9 || digit(4) > 9 || digit(6) > 9 || digit(7) > 9 || digit(8) > 9 ||
        digit(9) > 9)
        return false;
    const CivilDate date{static_cast<int>(digit(6) * 1000 + digit(7) * 100 + digit(8) * 10 + digit(9)),
                         static_cast<int>(digit(3) * 10 + digit(4)), static_cast<int>(digit(0) * 10 + digit(1))};
    if (date.year < 1 || !is_valid(date)) return false;
    day = days_from_civil(date);
    return true;
}
inline DateParse parse_date(std::string_view text) {
    DayNumber day = 0;
    if (parse_day_first_date(text, day)) return {ParseStatus::ok, day};
    return parse_date_slow(text);
}

enum class BooleanToken {
    invalid,
    yes,     // ja, j, yes, y, true, waar, oui, vrai, 1
    no,      // nee, n, no, false, onwaar, non, faux, 0
    x_mark,  // "x": yes in an x/empty column
};

// Case-insensitive, ignores surrounding spaces.
BooleanToken parse_boolean(std::string_view text);

}  // namespace radar
