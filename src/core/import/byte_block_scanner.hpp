// Finds the next "special" byte of a CSV text (the delimiter, a line break, or a byte >= 0x80)
// 64 bytes at a time: each block is classified once into a 64-bit mask (byte_block_scanner.cpp:
// wasm simd128 in the browser, SSE2 natively, a plain loop elsewhere), and the fields inside it
// are then found by counting zero bits instead of testing byte after byte.
#pragma once

#include <cstddef>
#include <cstdint>

namespace radar {

class ByteBlockScanner {
public:
    static constexpr std::size_t block_bytes = 64;

    explicit ByteBlockScanner(char delimiter) : delimiter_(delimiter) {}

    // Forgets the block it holds: call whenever the bytes under it may have changed (a new input).
    void reset() { block_ = nullptr; }

    // The first special byte in [p, limit), or `limit` when there is none.
    const char* next_special(const char* p, const char* limit) {
        while (p < limit) {
            if (!holds(p)) {
                if (static_cast<std::size_t>(limit - p) < block_bytes) return next_special_bytewise(p, limit);
                block_ = p;
                mask_ = special_mask(p);
            }
            const std::uint64_t bits = mask_ >> static_cast<unsigned>(p - block_);
            if (bits != 0) {
                const char* found = p + __builtin_ctzll(bits);
                return found < limit ? found : limit;
            }
            p = block_ + block_bytes;
        }
        return limit;
    }

    // Bit i set: byte i of the 64 at `p` is special.
    std::uint64_t special_mask(const char* p) const;

private:
    bool holds(const char* p) const {
        const auto address = reinterpret_cast<std::uintptr_t>(p);
        const auto start = reinterpret_cast<std::uintptr_t>(block_);
        return block_ != nullptr && address >= start && address - start < block_bytes;
    }
    bool is_special(char c) const {
        return c == delimiter_ || c == '\n' || c == '\r' || static_cast<unsigned char>(c) >= 0x80;
    }
    const char* next_special_bytewise(const char* p, const char* limit) const {
        while (p < limit && !is_special(*p)) ++p;
        return p;
    }

    char delimiter_;
    const char* block_ = nullptr;  // the 64 bytes mask_ describes
    std::uint64_t mask_ = 0;
};

}  // namespace radar
