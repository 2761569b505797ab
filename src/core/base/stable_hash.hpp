// A text hash that never changes across builds and platforms (FNV-1a, 64 bits), for seeding
// random streams from ids: the same batch id always gives the same stream.
#pragma once

#include <cstdint>
#include <string_view>

namespace radar {

inline std::uint64_t stable_text_hash(std::string_view text) {
    std::uint64_t hash = 0xCBF29CE484222325ULL;
    for (unsigned char c : text) hash = (hash ^ c) * 0x100000001B3ULL;
    return hash;
}

}  // namespace radar
