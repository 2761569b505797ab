// Radix ranking, the tie order by dossier id, and movement. Scores map to unsigned keys whose order
// is the scores' order (IEEE-754 sign-magnitude flipped), so sorting keys sorts scores exactly.
#include "core/model/rank_order.hpp"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <string_view>

namespace radar {
namespace {

// Larger scores get smaller keys (descending order); NaN sorts last.
std::uint64_t descending_key(double score) {
    if (score != score) return ~std::uint64_t{0};
    score += 0.0;  // -0.0 becomes +0.0: equal scores must get equal keys
    std::uint64_t bits = 0;
    std::memcpy(&bits, &score, sizeof bits);
    const std::uint64_t ascending = (bits >> 63) ? ~bits : bits | (std::uint64_t{1} << 63);
    return ~ascending;
}

// Numeric ids (rare): a comparison sort.
std::vector<std::uint32_t> order_by_number(const Column& ids) {
    std::vector<std::uint32_t> order(ids.size());
    std::iota(order.begin(), order.end(), std::uint32_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (ids.missing[a] != ids.missing[b]) return ids.missing[a] > ids.missing[b];
        if (ids.missing[a]) return false;
        return ids.numbers[a] < ids.numbers[b];
    });
    return order;
}

// The 8 bytes of `text` from `offset` on, big-endian and padded with zero bytes: a smaller key
// means a smaller text (by unsigned bytes); equal keys need the whole texts compared.
std::uint64_t prefix_key(std::string_view text, std::size_t offset) {
    std::uint64_t key = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        const std::size_t at = offset + i;
        key = key << 8 | (at < text.size() ? static_cast<unsigned char>(text[at]) : 0u);
    }
    return key;
}

}  // namespace

// Text ids: rows are sorted by the 8 bytes that follow the prefix all ids share (e.g. "KO-1" of
// "KO-1000000" ... "KO-1999999"), which usually tells every id apart; rows with equal keys are
// then ordered by their whole ids. 1M ids: a radix sort instead of 20M text comparisons.
std::vector<std::uint32_t> order_by_id(const Column& ids) {
    if (ids.type != ColumnType::text) return order_by_number(ids);
    std::vector<std::uint32_t> order;
    std::vector<std::uint32_t> rows;
    order.reserve(ids.size());
    rows.reserve(ids.size());
    for (std::uint32_t row = 0; row < ids.size(); ++row) (ids.missing[row] ? order : rows).push_back(row);
    if (rows.empty()) return order;

    const std::string_view first = ids.texts[rows.front()];
    std::size_t shared = first.size();
    for (const std::uint32_t row : rows) {
        const std::string_view id = ids.texts[row];
        std::size_t same = 0;
        const std::size_t limit = std::min(shared, id.size());
        while (same < limit && id[same] == first[same]) ++same;
        shared = same;
    }
    std::vector<std::uint64_t> keys(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) keys[i] = prefix_key(ids.texts[rows[i]], shared);
    StableKeySort().sort(keys, rows);

    const auto by_whole_id = [&](std::uint32_t a, std::uint32_t b) { return ids.texts[a] < ids.texts[b]; };
    for (std::size_t begin = 0; begin < rows.size();) {
        std::size_t end = begin + 1;
        while (end < rows.size() && keys[end] == keys[begin]) ++end;
        if (end - begin > 1) std::stable_sort(rows.begin() + begin, rows.begin() + end, by_whole_id);
        begin = end;
    }
    order.insert(order.end(), rows.begin(), rows.end());
    return order;
}

RankOrder::RankOrder(std::vector<std::uint32_t> tie_order)
    : tie_order_(std::move(tie_order)),
      keys_(tie_order_.size()),
      order_(tie_order_),
      rank_of_(tie_order_.size()),
      percentiles_(tie_order_.size()) {}

void RankOrder::rank(const std::vector<double>& scores) {
    const std::size_t n = tie_order_.size();
    if (n == 0) return;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t row = tie_order_[i];
        keys_[i] = descending_key(scores[row]);
        order_[i] = row;
    }
    sorter_.sort(keys_, order_);
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
