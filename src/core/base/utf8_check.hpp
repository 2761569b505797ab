// Checks on UTF-8 text shared by the importer, the strict JSON reader and the stores. They skip
// ASCII eight bytes at a time: a 150 MB export is checked before it is stored.
#pragma once

#include <string_view>

namespace radar {

// No byte is 0x80 or above.
bool is_ascii(std::string_view text);

// Well-formed UTF-8: no stray or missing continuation bytes, no overlong forms, no UTF-16
// surrogates, nothing past U+10FFFF (what IndexedDB and JSON can hold byte-identically).
bool is_valid_utf8(std::string_view text);

}  // namespace radar
