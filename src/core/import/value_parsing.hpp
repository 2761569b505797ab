// Cell text to typed values, as Belgian and Dutch exports write them: decimal comma or point with
// thousands separators where unambiguous, d/m/y and ISO dates (also with a time), and booleans
// in Dutch, English and French. Empty text is never a value here: callers treat it as missing.
#pragma once

#include <string_view>

#include "civil_date.hpp"

namespace radar {

enum class ParseStatus {
    ok,
    unparsable,  // not in any accepted syntax
    impossible,  // dates: right syntax, but no such day (31/02/2023, month 13)
};

// Without ASCII spaces, tabs and no-break spaces (U+00A0) at both ends.
std::string_view trim_spaces_slow(std::string_view text);
inline std::string_view trim_spaces(std::string_view text) {
    // Inline fast path: almost no cell starts or ends with a space.
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
inline NumberParse parse_number(std::string_view text, bool whole_number_expected = false,
                                DecimalMark file_decimal_mark = DecimalMark::unknown) {
    // Inline fast path: a plain whole number of up to 15 digits (exact in a double), which most
    // numeric cells of an export are.
    if (!text.empty() && text.size() <= 15) {
        const bool negative = text[0] == '-';
        std::size_t at = negative ? 1 : 0;
        long long value = 0;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') value = value * 10 + (text[at++] - '0');
        if (at == text.size() && at > (negative ? 1u : 0u))
            return {ParseStatus::ok, static_cast<double>(negative ? -value : value)};
    }
    return parse_number_slow(text, whole_number_expected, file_decimal_mark);
}

struct DateParse {
    ParseStatus status = ParseStatus::unparsable;
    DayNumber day = 0;
};

// dd/mm/yyyy, d/m/yyyy, d-m-yyyy, dd.mm.yyyy, yyyy-mm-dd, yyyy/mm/dd, optionally followed by a
// time ("T" or space, hh:mm[:ss[.fff]], optional "Z" or +hh:mm offset). Day-first, as in Belgium.
// The calendar date as written is kept; a time zone offset does not shift it.
DateParse parse_date(std::string_view text);

enum class BooleanToken {
    invalid,
    yes,     // ja, j, yes, y, true, waar, oui, vrai, 1
    no,      // nee, n, no, false, onwaar, non, faux, 0
    x_mark,  // "x": yes in an x/empty column
};

// Case-insensitive, ignores surrounding spaces.
BooleanToken parse_boolean(std::string_view text);

}  // namespace radar
