// Text for the HTML pages the core writes (the report, its audit section): escaping, and numbers
// formatted with integer arithmetic so a page is byte-identical natively and in WebAssembly.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/base/text_language.hpp"

namespace radar {

// Escapes & < > " ' so that any text is safe in element content and in quoted attributes.
std::string html_escape(std::string_view text);

// One decimal, '.' as the mark: SVG coordinates ("-12.5").
std::string svg_coordinate(double value);

// "1.234" (nl) / "1,234" (en).
std::string grouped_count(std::size_t value, TextLanguage language);

// `places` decimals (0..6) with the language's mark: "0,81" (nl) / "0.81" (en).
std::string fixed_decimals(double value, int places, TextLanguage language);

}  // namespace radar
