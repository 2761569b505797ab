// Hashing and comparing short texts for in-memory hash tables (dictionary codes, duplicate ids)
// and the order of ids.
// The hash reads eight bytes at a time, then mixes so that every input bit reaches both the low
// bits (the slot) and the high bits (a tag). Not for anything stored or compared across builds.
// Both avoid variable-length memcpy/memcmp, which are byte-loop library calls in wasm.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/base/unaligned_load.hpp"

namespace radar {

// The last `left` (0..7) bytes at `p` folded into one word. Overlapping loads cover every byte;
// the fold is not unique across lengths, so callers mix the length in separately.
inline std::uint64_t load_tail(const char* p, std::size_t left) {
    if (left >= 4) return load_half_word(p) | static_cast<std::uint64_t>(load_half_word(p + left - 4)) << 32;
    if (left == 0) return 0;
    const auto byte = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])); };
    return byte(0) | byte(left / 2) << 8 | byte(left - 1) << 16;
}

inline std::uint64_t hash_text(std::string_view text) {
    std::uint64_t hash = 0x9E3779B97F4A7C15ULL ^ text.size();
    const char* p = text.data();
    std::size_t left = text.size();
    for (; left >= 8; left -= 8, p += 8) {
        hash = (hash ^ load_word(p)) * 0xFF51AFD7ED558CCDULL;
        hash ^= hash >> 32;
    }
    hash = (hash ^ load_tail(p, left)) * 0xC4CEB9FE1A85EC53ULL;
    hash ^= hash >> 29;
    hash *= 0xFF51AFD7ED558CCDULL;
    return hash ^ (hash >> 32);
}

// a == b, a word at a time.
inline bool same_text(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    const char* p = a.data();
    const char* q = b.data();
    std::size_t left = a.size();
    for (; left >= 8; left -= 8, p += 8, q += 8)
        if (load_word(p) != load_word(q)) return false;
    if (left >= 4) return load_half_word(p) == load_half_word(q) && load_half_word(p + left - 4) == load_half_word(q + left - 4);
    for (std::size_t i = 0; i < left; ++i)
        if (p[i] != q[i]) return false;
    return true;
}

// a < b as std::string_view orders them (bytes as unsigned, then the shorter first), comparing
// a word at a time while the words are equal.
inline bool text_less(std::string_view a, std::string_view b) {
    const std::size_t common = a.size() < b.size() ? a.size() : b.size();
    std::size_t at = 0;
    while (at + 8 <= common && load_word(a.data() + at) == load_word(b.data() + at)) at += 8;
    for (; at < common; ++at)
        if (a[at] != b[at]) return static_cast<unsigned char>(a[at]) < static_cast<unsigned char>(b[at]);
    return a.size() < b.size();
}

}  // namespace radar
