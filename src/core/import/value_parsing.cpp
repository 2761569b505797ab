// Number, date and boolean parsing for imported cells (numbers through fast_float).
#include "core/import/value_parsing.hpp"

#include <cmath>
#include <cstring>

#include <fast_float/fast_float.h>

namespace radar {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// A boolean word of up to six lower-case letters and its length, packed as parse_boolean packs text.
constexpr std::uint64_t packed_word(std::string_view word) {
    std::uint64_t key = static_cast<std::uint64_t>(word.size()) << 56;
    for (std::size_t i = 0; i < word.size(); ++i) key |= static_cast<std::uint64_t>(static_cast<unsigned char>(word[i])) << (8 * i);
    return key;
}

// A thousands/decimal separator at `text[at]`: returns its byte length (0 if none) and its kind.
// Kinds: '.' and ',' (may be decimal marks), ' ' (any space, including U+00A0 and U+202F), '\''.
std::size_t separator_at(std::string_view text, std::size_t at, char& kind) {
    const char c = text[at];
    if (c == '.' || c == ',' || c == '\'') {
        kind = c;
        return 1;
    }
    if (c == ' ') {
        kind = ' ';
        return 1;
    }
    const std::string_view rest = text.substr(at);
    if (rest.substr(0, 2) == "\xC2\xA0" || rest.substr(0, 3) == "\xE2\x80\xAF") {
        kind = ' ';
        return rest[0] == '\xC2' ? 2 : 3;
    }
    return 0;
}

bool finite_result(const char* first, const char* last, double& value, char decimal_mark) {
    const auto result = fast_float::from_chars_advanced(first, last, value,
                                                        fast_float::parse_options(fast_float::chars_format::general, decimal_mark));
    return result.ec == std::errc() && result.ptr == last && std::isfinite(value);
}

NumberParse with_exponent(std::string_view text) {
    // Only "digits[mark digits]e[sign]digits" with at most one kind of decimal mark.
    const bool has_comma = text.find(',') != std::string_view::npos;
    const bool has_point = text.find('.') != std::string_view::npos;
    if (has_comma && has_point) return {};
    for (char c : text)
        if (!is_digit(c) && c != ',' && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') return {};
    // fast_float also accepts "inf"/"nan" and a leading '+' only in some versions: strip '+' ourselves.
    std::size_t start = text[0] == '+' ? 1 : 0;
    if (start == 1 && text.size() > 1 && text[1] == '-') return {};
    double value = 0;
    if (!finite_result(text.data() + start, text.data() + text.size(), value, has_comma ? ',' : '.')) return {};
    return {ParseStatus::ok, value};
}

}  // namespace

std::string_view trim_spaces_slow(std::string_view text) {
    while (!text.empty()) {
        if (text.front() == ' ' || text.front() == '\t') text.remove_prefix(1);
        else if (text.substr(0, 2) == "\xC2\xA0") text.remove_prefix(2);
        else break;
    }
    while (!text.empty()) {
        if (text.back() == ' ' || text.back() == '\t') text.remove_suffix(1);
        else if (text.size() >= 2 && text.substr(text.size() - 2) == "\xC2\xA0") text.remove_suffix(2);
        else break;
    }
    return text;
}

NumberParse parse_number_slow(std::string_view text, bool whole_number_expected, DecimalMark file_decimal_mark) {
    text = trim_spaces(text);
    if (text.empty() || text.size() > 64) return {};
    if (text.find_first_of("eE") != std::string_view::npos) return with_exponent(text);

    bool negative = false;
    std::size_t at = 0;
    if (text[0] == '-' || text[0] == '+') {
        negative = text[0] == '-';
        at = 1;
    }
    // Split into digit groups and the separators between them.
    constexpr std::size_t max_groups = 24;
    std::string_view groups[max_groups];
    char separators[max_groups];  // separators[i] sits before groups[i + 1]
    std::size_t group_count = 0;
    std::size_t group_start = at;
    for (std::size_t i = at; i <= text.size(); ++i) {
        char kind = 0;
        std::size_t length = 0;
        if (i < text.size()) {
            if (is_digit(text[i])) continue;
            length = separator_at(text, i, kind);
            if (length == 0) return {};
        }
        if (group_count == max_groups) return {};
        groups[group_count] = text.substr(group_start, i - group_start);
        if (i < text.size()) separators[group_count] = kind;
        ++group_count;
        if (i == text.size()) break;
        i += length - 1;
        group_start = i + 1;
    }
    const std::size_t separator_count = group_count - 1;

    // Which separator (if any) is the decimal mark?
    std::size_t integer_groups = group_count;  // groups before the decimal mark
    if (separator_count > 0) {
        const char last = separators[separator_count - 1];
        std::size_t last_count = 0;
        for (std::size_t i = 0; i < separator_count; ++i) last_count += separators[i] == last ? 1 : 0;
        if ((last == '.' || last == ',') && last_count == 1) {
            const bool ambiguous = separator_count == 1 && groups[1].size() == 3 && !groups[0].empty() &&
                                   groups[0].size() <= 3;
            const bool other_mark = (last == '.' && file_decimal_mark == DecimalMark::comma) ||
                                    (last == ',' && file_decimal_mark == DecimalMark::point);
            const bool thousands = ambiguous && (whole_number_expected || other_mark);
            if (!thousands) integer_groups = group_count - 1;
        }
    }
    // Every separator before the decimal mark is a thousands separator of one single kind.
    const std::size_t thousands_count = integer_groups - 1;
    for (std::size_t i = 0; i < thousands_count; ++i)
        if (separators[i] != separators[0]) return {};
    if (thousands_count > 0) {
        if (groups[0].empty() || groups[0].size() > 3) return {};
        for (std::size_t i = 1; i < integer_groups; ++i)
            if (groups[i].size() != 3) return {};
    }
    const bool has_fraction = integer_groups < group_count;
    if (has_fraction && groups[group_count - 1].empty()) return {};
    if (!has_fraction && groups[0].empty()) return {};

    char buffer[80];
    std::size_t length = 0;
    if (negative) buffer[length++] = '-';
    for (std::size_t i = 0; i < integer_groups; ++i) {
        std::memcpy(buffer + length, groups[i].data(), groups[i].size());
        length += groups[i].size();
    }
    if (length == (negative ? 1u : 0u)) buffer[length++] = '0';  // ",5" = 0.5
    if (has_fraction) {
        buffer[length++] = '.';
        const std::string_view fraction = groups[group_count - 1];
        std::memcpy(buffer + length, fraction.data(), fraction.size());
        length += fraction.size();
    }
    double value = 0;
    if (!finite_result(buffer, buffer + length, value, '.')) return {};
    return {ParseStatus::ok, value};
}

DateParse parse_date_slow(std::string_view text) {
    text = trim_spaces(text);
    std::size_t at = 0;
    // Reads 1..max_digits digits; returns the count read (0 = none).
    auto read_number = [&](int& value, std::size_t max_digits) {
        std::size_t count = 0;
        value = 0;
        while (at < text.size() && is_digit(text[at]) && count < max_digits) {
            value = value * 10 + (text[at] - '0');
            ++at;
            ++count;
        }
        if (at < text.size() && is_digit(text[at])) return std::size_t{0};  // too many digits
        return count;
    };
    int first = 0, second = 0, third = 0;
    const std::size_t first_digits = read_number(first, 4);
    if (first_digits == 0 || at >= text.size()) return {};
    const char separator = text[at];
    if (separator != '-' && separator != '/' && separator != '.') return {};
    ++at;
    if (read_number(second, 2) == 0 || at >= text.size() || text[at] != separator) return {};
    ++at;
    const std::size_t third_digits = read_number(third, 4);
    if (third_digits == 0) return {};

    CivilDate date;
    if (first_digits == 4 && third_digits <= 2 && separator != '.') {
        date = {first, second, third};
    } else if (first_digits <= 2 && third_digits == 4) {
        date = {third, second, first};
    } else {
        return {};
    }

    // Optional time of day, validated but not kept.
    if (at < text.size()) {
        if (text[at] != 'T' && text[at] != ' ') return {};
        ++at;
        while (at < text.size() && text[at] == ' ') ++at;
        int hour = 0, minute = 0, second_of_minute = 0;
        if (read_number(hour, 2) == 0 || at >= text.size() || text[at] != ':') return {};
        ++at;
        if (read_number(minute, 2) != 2) return {};
        if (at < text.size() && text[at] == ':') {
            ++at;
            if (read_number(second_of_minute, 2) != 2) return {};
            if (at < text.size() && (text[at] == '.' || text[at] == ',')) {
                ++at;
                const std::size_t digits_start = at;
                while (at < text.size() && is_digit(text[at])) ++at;
                if (at == digits_start) return {};
            }
        }
        if (hour > 23 || minute > 59 || second_of_minute > 60) return {};
        if (at < text.size() && text[at] == 'Z') {
            ++at;
        } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
            ++at;
            // +hh, +hhmm or +hh:mm
            const std::string_view offset = text.substr(at);
            const bool valid = (offset.size() == 2 || offset.size() == 4 || (offset.size() == 5 && offset[2] == ':')) &&
                               is_digit(offset[0]) && is_digit(offset[1]) &&
                               (offset.size() == 2 || (is_digit(offset[offset.size() - 2]) && is_digit(offset.back())));
            if (!valid) return {};
            at = text.size();
        }
        if (at != text.size()) return {};
    }
    if (date.year < 1 || !is_valid(date)) return {ParseStatus::impossible, 0};
    return {ParseStatus::ok, days_from_civil(date)};
}

BooleanToken parse_boolean(std::string_view text) {
    text = trim_spaces(text);
    // The longest word is six letters. The lower-cased letters and the length, packed into one
    // word, are compared at once instead of text against every word in turn.
    if (text.empty() || text.size() > 6) return BooleanToken::invalid;
    // Byte by byte without a loop: clang vectorises a loop of at most six bytes into wasm lane
    // extracts and shuffles (i64x2), slower than the bytes one by one.
    const auto letter = [&](std::size_t i) -> std::uint64_t {
        return i < text.size() ? static_cast<std::uint64_t>(static_cast<unsigned char>(lower_ascii(text[i]))) << (8 * i)
                               : 0;
    };
    const std::uint64_t key = static_cast<std::uint64_t>(text.size()) << 56 | letter(0) | letter(1) | letter(2) |
                              letter(3) | letter(4) | letter(5);
    switch (key) {
    case packed_word("x"): return BooleanToken::x_mark;
    case packed_word("ja"):
    case packed_word("j"):
    case packed_word("yes"):
    case packed_word("y"):
    case packed_word("true"):
    case packed_word("waar"):
    case packed_word("oui"):
    case packed_word("vrai"):
    case packed_word("1"): return BooleanToken::yes;
    case packed_word("nee"):
    case packed_word("n"):
    case packed_word("no"):
    case packed_word("false"):
    case packed_word("onwaar"):
    case packed_word("non"):
    case packed_word("faux"):
    case packed_word("0"): return BooleanToken::no;
    default: return BooleanToken::invalid;
    }
}

}  // namespace radar
