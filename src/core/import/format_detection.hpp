// Guesses, from the first bytes of a file, what it is: a UTF-16 or UTF-8 byte-order mark, CSV or
// JSON, Excel's "sep=;" first line, the CSV delimiter.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "core/import/text_encoding.hpp"

namespace radar {

enum class DetectedFormat { csv, json };

// utf16_le (FF FE) or utf16_be (FE FF) when `sample` starts with a UTF-16 byte-order mark.
std::optional<TextEncoding> utf16_byte_order_mark(std::string_view sample);

// Whether the text (byte-order mark already removed) starts like JSON: '[' or '{' followed by
// something only JSON has there. A CSV header such as "[Dossier];Naam" stays CSV.
DetectedFormat detect_format(std::string_view sample);

// True when `sample` starts with the UTF-8 byte-order mark EF BB BF.
bool has_utf8_byte_order_mark(std::string_view sample);

struct SeparatorLine {
    char delimiter = ';';
    std::size_t length = 0;  // bytes to skip, line break included
};
// Excel's "sep=;" first line, which names the delimiter and is not part of the data.
std::optional<SeparatorLine> excel_separator_line(std::string_view sample);

// Picks , ; tab or | : the candidate giving the most records with the header's field count
// (quotes respected), then the most fields. `complete`: the sample is the whole file (otherwise
// its last, possibly cut, line is ignored, unless it is the only one: then that part of the
// header decides). Falls back to ',' when nothing splits the header.
char detect_delimiter(std::string_view sample, bool complete);

}  // namespace radar
