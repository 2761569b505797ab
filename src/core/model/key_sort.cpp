// LSD radix passes of 11 bits, each a counting sort; a pass whose digit never varies is skipped
// (point models leave most low-order mantissa bits of their scores equal; ids share prefixes).
#include "core/model/key_sort.hpp"

namespace radar {
namespace {

constexpr std::uint64_t digit_mask(int bits) { return (std::uint64_t{1} << bits) - 1; }

}  // namespace

void StableKeySort::sort(std::vector<std::uint64_t>& keys, std::vector<std::uint32_t>& rows) {
    start(keys);
    while (!pass(keys, rows)) {
    }
}

void StableKeySort::start(const std::vector<std::uint64_t>& keys) {
    std::uint64_t all_ones = ~std::uint64_t{0};
    std::uint64_t any_ones = 0;
    for (const std::uint64_t key : keys) {
        all_ones &= key;
        any_ones |= key;
    }
    varying_ = keys.size() < 2 ? 0 : all_ones ^ any_ones;
    next_pass_ = 0;
}

void StableKeySort::skip_steady_digits() {
    while (next_pass_ < pass_count && ((varying_ >> (next_pass_ * digit_bits)) & digit_mask(digit_bits)) == 0) ++next_pass_;
}

bool StableKeySort::pass(std::vector<std::uint64_t>& keys, std::vector<std::uint32_t>& rows) {
    constexpr std::uint64_t mask = digit_mask(digit_bits);
    skip_steady_digits();
    if (next_pass_ == pass_count) return true;
    const int shift = next_pass_++ * digit_bits;
    const std::size_t n = keys.size();
    keys_swap_.resize(n);
    rows_swap_.resize(n);
    histogram_.fill(0);
    for (const std::uint64_t key : keys) ++histogram_[(key >> shift) & mask];
    std::uint32_t start = 0;
    for (std::uint32_t& count : histogram_) {
        const std::uint32_t bucket = count;
        count = start;
        start += bucket;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t target = histogram_[(keys[i] >> shift) & mask]++;
        keys_swap_[target] = keys[i];
        rows_swap_[target] = rows[i];
    }
    keys.swap(keys_swap_);
    rows.swap(rows_swap_);
    skip_steady_digits();
    return next_pass_ == pass_count;
}

}  // namespace radar
