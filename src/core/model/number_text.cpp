// Number formatting through snprintf, whose correctly rounded output is the same in glibc and musl;
// parsing through fast_float (libc++ 14 has no floating-point from_chars).
#include "core/model/number_text.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fast_float/fast_float.h>
#include <system_error>

namespace radar {

std::string format_number(double value) {
    char buffer[40];
    for (int precision = 15; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
        if (std::strtod(buffer, nullptr) == value) break;
    }
    return buffer;
}

std::string format_fixed(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string format_decimal(double value, TextLanguage language) {
    std::string text;
    if (std::isfinite(value) && std::fabs(value) < 1e21) {
        char buffer[64];
        for (int decimals = 0; decimals <= 20 && text.empty(); ++decimals) {
            std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
            if (std::strtod(buffer, nullptr) == value) text = buffer;
        }
    }
    if (text.empty()) text = format_number(value);
    if (text == "-0") text = "0";
    if (language == TextLanguage::dutch)
        for (char& c : text)
            if (c == '.') c = ',';
    return text;
}

std::optional<double> parse_decimal(std::string_view text) {
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    // The sign, written back in ASCII: fast_float reads "-" but not "+" or U+2212 MINUS SIGN.
    std::string plain;
    if (text.substr(0, 3) == "\xE2\x88\x92") {
        plain = "-";
        text.remove_prefix(3);
    } else if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        if (text.front() == '-') plain = "-";
        text.remove_prefix(1);
    }
    // Digits with at most one decimal mark, then an optional exponent with its own sign.
    bool mark = false, digits = false, exponent = false, exponent_digits = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            (exponent ? exponent_digits : digits) = true;
            plain += c;
        } else if ((c == ',' || c == '.') && !mark && !exponent) {
            mark = true;
            plain += '.';
        } else if ((c == 'e' || c == 'E') && digits && !exponent) {
            exponent = true;
            plain += 'e';
            if (i + 1 < text.size() && (text[i + 1] == '-' || text[i + 1] == '+')) plain += text[++i];
        } else {
            return std::nullopt;
        }
    }
    if (!digits || (exponent && !exponent_digits)) return std::nullopt;
    double value = 0.0;
    const auto result = fast_float::from_chars(plain.data(), plain.data() + plain.size(), value);
    if (result.ec != std::errc() || result.ptr != plain.data() + plain.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

double add_step(double value, double step) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.15g", value + step);
    return std::strtod(buffer, nullptr);
}

}  // namespace radar
