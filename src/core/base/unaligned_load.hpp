// Reading 4 or 8 bytes at any address as one little-endian word (a fixed-size memcpy compiles to
// a single load), for code that scans or hashes text a word at a time.
#pragma once

#include <cstdint>
#include <cstring>

namespace radar {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "word-at-a-time text code assumes little-endian loads");

inline std::uint64_t load_word(const char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    return word;
}

inline std::uint32_t load_half_word(const char* p) {
    std::uint32_t word;
    std::memcpy(&word, p, 4);
    return word;
}

}  // namespace radar
