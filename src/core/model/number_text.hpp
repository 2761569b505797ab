// Numbers as people read and type them. format_number: shortest text that reads back to the same
// double ("0.5", "60", "1e-07"), for messages and definitions; format_decimal / parse_decimal:
// the model editor's number fields, with the language's decimal mark. Identical natively and in wasm.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/base/text_language.hpp"

namespace radar {

std::string format_number(double value);

// Fixed number of decimals ("12.50" for 12.5 with 2): for tables and fingerprints.
std::string format_fixed(double value, int decimals);

// A number for an input field: the shortest plain decimal that reads back to the same double,
// with a comma in Dutch and a point in English, no thousands separators ("1,5" / "1.5", "-0,25",
// "6", "0,0000001"). Only numbers that need more than 20 decimals or 21 digits get an exponent.
std::string format_decimal(double value, TextLanguage language);

// A number typed by a person, whatever the interface language: spaces around it, an optional
// sign ("-", "+" or "−"), digits with at most one decimal mark ("," or "."), optionally an
// exponent ("1,5e3"). "1,5" and "1.5" both give 1.5. Nothing else is a number: no empty text,
// no second mark ("1.000,5" is refused rather than guessed), no thousands separators with
// spaces, no "inf"/"nan", nothing out of the double range.
std::optional<double> parse_decimal(std::string_view text);

// value + step without binary noise (15 significant digits), for "-"/"+" buttons next to a field:
// 0.1 + 0.5 gives the double nearest 0.6, so the field shows "0,6" and not "0,6000000000000001".
double add_step(double value, double step);

}  // namespace radar
