// One "missing" flag per cell of a column, eight cells a byte: a million-row export with 24
// columns keeps 3 MB of flags instead of 24 MB.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/base/spare_capacity.hpp"

namespace radar {

class MissingFlags {
public:
    // Flags taken as stored (a dataset snapshot): `size` flags, 64 a word, the first in bit 0.
    // Bits past `size` are cleared; `words` must hold (size + 63) / 64 words.
    static MissingFlags from_words(std::vector<std::uint64_t> words, std::size_t size) {
        MissingFlags flags;
        if (size % 64 != 0) words.back() &= (std::uint64_t{1} << (size % 64)) - 1;
        flags.words_ = std::move(words);
        flags.size_ = size;
        return flags;
    }

    std::size_t size() const { return size_; }
    bool operator[](std::size_t row) const { return (words_[row >> 6] >> (row & 63)) & 1u; }

    [[gnu::always_inline]] void push_back(bool missing) {
        if ((size_ & 63) == 0) words_.push_back(0);
        words_.back() |= static_cast<std::uint64_t>(missing) << (size_ & 63);
        ++size_;
    }
    // `count` flags (at most 64) at once: the first in bit 0 of `flags`, whose bits past `count` are clear.
    void append(std::uint64_t flags, std::size_t count) {
        if (count == 0) return;
        const std::size_t offset = size_ & 63;
        if (offset == 0) {
            words_.push_back(flags);
        } else {
            words_.back() |= flags << offset;
            if (offset + count > 64) words_.push_back(flags >> (64 - offset));
        }
        size_ += count;
    }
    void pop_back() {
        --size_;
        words_[size_ >> 6] &= ~(std::uint64_t{1} << (size_ & 63));
        if ((size_ & 63) == 0) words_.pop_back();
    }
    void set(std::size_t row, bool missing) {
        const std::uint64_t bit = std::uint64_t{1} << (row & 63);
        words_[row >> 6] = missing ? (words_[row >> 6] | bit) : (words_[row >> 6] & ~bit);
    }

    void reserve(std::size_t rows) { words_.reserve((rows + 63) / 64); }
    // Gives back capacity beyond what is used when it is more than an eighth of it.
    void trim_capacity() { release_spare_capacity(words_); }
    std::size_t allocated_bytes() const { return words_.capacity() * sizeof(std::uint64_t); }

private:
    std::vector<std::uint64_t> words_;
    std::size_t size_ = 0;
};

}  // namespace radar
