// Stable sorting of rows by 64-bit keys: an LSD radix sort that skips the digits on which all
// keys agree, in linear time and, once its buffers have grown, without allocating; at once or one
// pass per call (a build spread over frames). Rankings (scores as keys) and the tie order
// (dossier ids as keys) both sort this way.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace radar {

class StableKeySort {
public:
    // Reorders `keys` ascending and `rows` along with them; rows with equal keys keep their order.
    // Both vectors must have the same size.
    void sort(std::vector<std::uint64_t>& keys, std::vector<std::uint32_t>& rows);
    // The same in steps: start() finds the digits that vary, then each pass() sorts by the next of
    // them; true once sorted (at most 6 passes). The vectors must not change in between.
    void start(const std::vector<std::uint64_t>& keys);
    bool pass(std::vector<std::uint64_t>& keys, std::vector<std::uint32_t>& rows);

private:
    void skip_steady_digits();

    static constexpr int digit_bits = 11;
    static constexpr int pass_count = 6;  // 6 * 11 >= 64
    std::uint64_t varying_ = 0;
    int next_pass_ = pass_count;
    std::vector<std::uint64_t> keys_swap_;
    std::vector<std::uint32_t> rows_swap_;
    std::array<std::uint32_t, std::size_t{1} << digit_bits> histogram_{};
};

}  // namespace radar
