// Escaping and integer-arithmetic number formatting for the core's HTML pages.
#include "core/reporting/html_format.hpp"

#include <cmath>

namespace radar {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string svg_coordinate(double value) {
    const long long tenths = std::llround(value * 10.0);
    const long long magnitude = tenths < 0 ? -tenths : tenths;
    return (tenths < 0 ? "-" : "") + std::to_string(magnitude / 10) + "." + std::to_string(magnitude % 10);
}

std::string grouped_count(std::size_t value, TextLanguage language) {
    const std::string digits = std::to_string(value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += language == TextLanguage::dutch ? '.' : ',';
        out += digits[i];
    }
    return out;
}

std::string fixed_decimals(double value, int places, TextLanguage language) {
    long long scale = 1;
    for (int i = 0; i < places; ++i) scale *= 10;
    const long long scaled = std::llround(value * static_cast<double>(scale));
    const long long magnitude = scaled < 0 ? -scaled : scaled;
    std::string text = (scaled < 0 ? "-" : "") + std::to_string(magnitude / scale);
    if (places <= 0) return text;
    std::string fraction = std::to_string(magnitude % scale);
    fraction.insert(0, static_cast<std::size_t>(places) - fraction.size(), '0');
    return text + (language == TextLanguage::dutch ? "," : ".") + fraction;
}

}  // namespace radar
