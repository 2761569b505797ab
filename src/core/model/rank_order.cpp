// Radix ranking and movement. Scores map to unsigned keys whose order is the scores' order
// (IEEE-754 sign-magnitude flipped), so sorting keys sorts scores exactly, ties included.
#include "model/rank_order.hpp"

#include <algorithm>
#include <cstring>
#include <numeric>

namespace radar {
namespace {

constexpr int digit_bits = 11;
constexpr int pass_count = 6;  // 6 * 11 >= 64
constexpr std::uint64_t digit_mask = (1u << digit_bits) - 1;

// Larger scores get smaller keys (descending order); NaN sorts last.
std::uint64_t descending_key(double score) {
    if (score != score) return ~std::uint64_t{0};
    score += 0.0;  // -0.0 becomes +0.0: equal scores must get equal keys
    std::uint64_t bits = 0;
    std::memcpy(&bits, &score, sizeof bits);
    const std::uint64_t ascending = (bits >> 63) ? ~bits : bits | (std::uint64_t{1} << 63);
    return ~ascending;
}

std::size_t digit(std::uint64_t key, int pass) {
    return static_cast<std::size_t>((key >> (pass * digit_bits)) & digit_mask);
}

}  // namespace

std::vector<std::uint32_t> order_by_id(const Column& ids) {
    std::vector<std::uint32_t> order(ids.size());
    std::iota(order.begin(), order.end(), std::uint32_t{0});
    const bool text = ids.type == ColumnType::text;
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (ids.missing[a] != ids.missing[b]) return ids.missing[a] > ids.missing[b];
        if (ids.missing[a]) return false;
        return text ? ids.texts[a] < ids.texts[b] : ids.numbers[a] < ids.numbers[b];
    });
    return order;
}

RankOrder::RankOrder(std::vector<std::uint32_t> tie_order)
    : tie_order_(std::move(tie_order)),
      keys_(tie_order_.size()),
      keys_swap_(tie_order_.size()),
      order_(tie_order_),
      order_swap_(tie_order_.size()),
      rank_of_(tie_order_.size()),
      percentiles_(tie_order_.size()),
      histograms_(pass_count) {}

void RankOrder::rank(const std::vector<double>& scores) {
    const std::size_t n = tie_order_.size();
    if (n == 0) return;
    // Bits that differ between keys: a pass whose digit has none of them cannot reorder
    // anything and is skipped (point models leave most low-order mantissa bits equal).
    std::uint64_t all_ones = ~std::uint64_t{0};
    std::uint64_t any_ones = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t row = tie_order_[i];
        const std::uint64_t key = descending_key(scores[row]);
        keys_[i] = key;
        order_[i] = row;
        all_ones &= key;
        any_ones |= key;
    }
    const std::uint64_t varying = all_ones ^ any_ones;
    for (int pass = 0; pass < pass_count; ++pass) {
        if (digit(varying, pass) == 0) continue;
        auto& histogram = histograms_[pass];
        histogram.fill(0);
        for (std::size_t i = 0; i < n; ++i) ++histogram[digit(keys_[i], pass)];
        std::uint32_t start = 0;
        for (auto& count : histogram) {
            const std::uint32_t bucket = count;
            count = start;
            start += bucket;
        }
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint32_t target = histogram[digit(keys_[i], pass)]++;
            keys_swap_[target] = keys_[i];
            order_swap_[target] = order_[i];
        }
        keys_.swap(keys_swap_);
        order_.swap(order_swap_);
    }
    for (std::size_t i = 0; i < n; ++i) rank_of_[order_[i]] = static_cast<std::uint32_t>(i + 1);
    // Walk groups of equal keys from the bottom: each group's percentile counts the rows below it.
    std::size_t end = n;
    while (end > 0) {
        std::size_t begin = end - 1;
        while (begin > 0 && keys_[begin - 1] == keys_[end - 1]) --begin;
        const double percentile = 100.0 * static_cast<double>(n - end) / static_cast<double>(n);
        for (std::size_t i = begin; i < end; ++i) percentiles_[order_[i]] = percentile;
        end = begin;
    }
}

Movement compare_rankings(const RankingSnapshot& before, const RankingSnapshot& after, std::size_t top_n) {
    return compare_rankings(before, after.order, after.rank_of, top_n);
}

Movement compare_rankings(const RankingSnapshot& before, const std::vector<std::uint32_t>& after_order,
                          const std::vector<std::uint32_t>& after_rank_of, std::size_t top_n) {
    Movement movement;
    const std::size_t n = std::min(before.order.size(), after_order.size());
    movement.top_n = std::min(top_n, n);
    const auto limit = static_cast<std::uint32_t>(movement.top_n);
    for (std::size_t i = 0; i < movement.top_n; ++i) {
        const std::uint32_t row = after_order[i];
        const RankMove move{row, before.rank_of[row], static_cast<std::uint32_t>(i + 1)};
        movement.top.push_back(move);
        if (move.rank_before != move.rank_after) ++movement.moved_in_top;
        if (move.rank_before > limit) movement.entered.push_back(move);
    }
    for (std::size_t i = 0; i < movement.top_n; ++i) {
        const std::uint32_t row = before.order[i];
        if (after_rank_of[row] > limit)
            movement.left.push_back({row, static_cast<std::uint32_t>(i + 1), after_rank_of[row]});
    }
    return movement;
}

}  // namespace radar
