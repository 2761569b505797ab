// LSD radix passes of 11 bits, each a counting sort; a pass whose digit never varies is skipped
// (point models leave most low-order mantissa bits of their scores equal; ids share prefixes).
#include "core/model/key_sort.hpp"

namespace radar {

void StableKeySort::sort(std::vector<std::uint64_t>& keys, std::vector<std::uint32_t>& rows) {
    const std::size_t n = keys.size();
    if (n < 2) return;
    std::uint64_t all_ones = ~std::uint64_t{0};
    std::uint64_t any_ones = 0;
    for (const std::uint64_t key : keys) {
        all_ones &= key;
        any_ones |= key;
    }
    const std::uint64_t varying = all_ones ^ any_ones;
    constexpr std::uint64_t digit_mask = (std::uint64_t{1} << digit_bits) - 1;
    keys_swap_.resize(n);
    rows_swap_.resize(n);
    for (int pass = 0; pass < pass_count; ++pass) {
        const int shift = pass * digit_bits;
        if (((varying >> shift) & digit_mask) == 0) continue;
        histogram_.fill(0);
        for (const std::uint64_t key : keys) ++histogram_[(key >> shift) & digit_mask];
        std::uint32_t start = 0;
        for (std::uint32_t& count : histogram_) {
            const std::uint32_t bucket = count;
            count = start;
            start += bucket;
        }
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint32_t target = histogram_[(keys[i] >> shift) & digit_mask]++;
            keys_swap_[target] = keys[i];
            rows_swap_[target] = rows[i];
        }
        keys.swap(keys_swap_);
        rows.swap(rows_swap_);
    }
}

}  // namespace radar
