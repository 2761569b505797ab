// Streaming FNV-1a 64-bit hash of an imported file's bytes: identifies which data a snapshot
// holds (a fingerprint, not a cryptographic hash). Same value as fnv1a_64() over all bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace radar {

class Fnv1a64 {
public:
    void update(std::string_view bytes) {
        std::uint64_t hash = hash_;
        for (unsigned char c : bytes) {
            hash ^= c;
            hash *= 0x100000001b3ULL;
        }
        hash_ = hash;
    }
    std::uint64_t value() const { return hash_; }

private:
    std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

// "fnv1a64:" followed by 16 lower-case hex digits: names the algorithm honestly in stored data.
std::string format_content_hash(std::uint64_t hash);

}  // namespace radar
