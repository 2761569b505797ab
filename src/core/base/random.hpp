// A small deterministic pseudo-random generator (SplitMix64) with integer-only helpers, so the
// same seed gives the same sequence on every compiler and on WebAssembly (no std distributions).
#pragma once

#include <cstdint>

namespace radar {

class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    // Uniform integer in [0, bound); bound > 0. Multiply-shift keeps it branch-free and exact.
    std::uint32_t below(std::uint32_t bound) {
        return static_cast<std::uint32_t>(((next() >> 32) * bound) >> 32);
    }

    int between(int low, int high_inclusive) {
        return low + static_cast<int>(below(static_cast<std::uint32_t>(high_inclusive - low + 1)));
    }

    // Uniform in [0, 1) with 53 random bits: exact in IEEE double everywhere.
    double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

    bool chance(double probability) { return unit() < probability; }

private:
    std::uint64_t state_;
};

}  // namespace radar
