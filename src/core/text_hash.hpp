// A fast 64-bit hash of a short text for in-memory hash tables (dictionary codes, duplicate ids):
// eight bytes at a time, then a final mix so that every input bit reaches both the low bits (the
// slot) and the high bits (a tag). Not for anything stored or compared across builds.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace radar {

inline std::uint64_t hash_text(std::string_view text) {
    std::uint64_t hash = 0x9E3779B97F4A7C15ULL ^ text.size();
    const char* p = text.data();
    std::size_t left = text.size();
    for (; left >= 8; left -= 8, p += 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        hash = (hash ^ word) * 0xFF51AFD7ED558CCDULL;
        hash ^= hash >> 32;
    }
    std::uint64_t tail = 0;
    if (left > 0) std::memcpy(&tail, p, left);  // an empty view's data() may be null
    hash = (hash ^ tail) * 0xC4CEB9FE1A85EC53ULL;
    hash ^= hash >> 29;
    hash *= 0xFF51AFD7ED558CCDULL;
    return hash ^ (hash >> 32);
}

}  // namespace radar
