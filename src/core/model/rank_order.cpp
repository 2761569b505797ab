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

std::size_t bit_words(std::size_t bits) { return (bits + 63) / 64; }
bool test_bit(const std::vector<std::uint64_t>& bits, std::size_t at) { return (bits[at / 64] >> (at % 64)) & 1u; }
void set_bit(std::vector<std::uint64_t>& bits, std::size_t at) { bits[at / 64] |= std::uint64_t{1} << (at % 64); }
std::size_t popcount(std::uint64_t bits) { return static_cast<std::size_t>(__builtin_popcountll(bits)); }
std::size_t lowest_bit(std::uint64_t bits) { return static_cast<std::size_t>(__builtin_ctzll(bits)); }
std::size_t highest_bit(std::uint64_t bits) { return static_cast<std::size_t>(63 - __builtin_clzll(bits)); }

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

std::vector<std::uint32_t> order_by_id(const Column& ids) {
    IdOrderBuild build(ids);
    while (!build.advance()) {
    }
    return build.take();
}

std::size_t IdOrderBuild::planned_steps(std::size_t rows) {
    const std::size_t slices = (rows + rows_per_step - 1) / rows_per_step;
    return 4 * slices + 8 + 1;  // rows, prefix, keys and equal keys in slices; the radix passes
}

template <typename Each>
bool IdOrderBuild::each_in_slice(std::size_t count, Each each) {
    const std::size_t end = std::min(count, next_ + rows_per_step);
    for (std::size_t i = next_; i < end; ++i) each(i);
    next_ = end == count ? 0 : end;
    return end == count;
}

// Text ids: rows are sorted by the 8 bytes that follow the prefix all ids share (e.g. "KO-1" of
// "KO-1000000" ... "KO-1999999"), which usually tells every id apart; rows with equal keys are
// then ordered by their whole ids. 1M ids: a radix sort instead of 20M text comparisons.
bool IdOrderBuild::advance() {
    const Column& ids = *ids_;
    switch (phase_) {
    case Phase::rows: {
        if (ids.type != ColumnType::text) {
            order_ = order_by_number(ids);
            phase_ = Phase::done;
            break;
        }
        if (next_ == 0) {
            order_.reserve(ids.size());
            rows_.reserve(ids.size());
        }
        const auto partition = [&](std::size_t row) {
            (ids.missing[row] ? order_ : rows_).push_back(static_cast<std::uint32_t>(row));
        };
        if (!each_in_slice(ids.size(), partition)) break;
        if (rows_.empty()) {
            phase_ = Phase::done;
            break;
        }
        shared_ = ids.texts[rows_.front()].size();
        phase_ = Phase::shared_prefix;
        break;
    }
    case Phase::shared_prefix: {
        const std::string_view first = ids.texts[rows_.front()];
        const auto shorten = [&](std::size_t i) {
            const std::string_view id = ids.texts[rows_[i]];
            std::size_t same = 0;
            const std::size_t limit = std::min(shared_, id.size());
            while (same < limit && id[same] == first[same]) ++same;
            shared_ = same;
        };
        if (!each_in_slice(rows_.size(), shorten)) break;
        keys_.reserve(rows_.size());
        phase_ = Phase::keys;
        break;
    }
    case Phase::keys: {
        const auto key = [&](std::size_t i) { keys_.push_back(prefix_key(ids.texts[rows_[i]], shared_)); };
        if (!each_in_slice(rows_.size(), key)) break;
        sorter_.start(keys_);
        phase_ = Phase::sort;
        break;
    }
    case Phase::sort:
        if (sorter_.pass(keys_, rows_)) phase_ = Phase::equal_keys;
        break;
    case Phase::equal_keys: {
        // Runs of equal keys, from next_ on, until about rows_per_step rows are behind.
        const auto by_whole_id = [&](std::uint32_t a, std::uint32_t b) { return ids.texts[a] < ids.texts[b]; };
        const std::size_t stop = std::min(rows_.size(), next_ + rows_per_step);
        std::size_t begin = next_;
        while (begin < stop) {
            std::size_t end = begin + 1;
            while (end < rows_.size() && keys_[end] == keys_[begin]) ++end;
            if (end - begin > 1) std::stable_sort(rows_.begin() + begin, rows_.begin() + end, by_whole_id);
            begin = end;
        }
        next_ = begin;
        if (next_ < rows_.size()) break;
        order_.insert(order_.end(), rows_.begin(), rows_.end());
        rows_ = {};
        keys_ = {};
        phase_ = Phase::done;
        break;
    }
    case Phase::done:
        break;
    }
    return phase_ == Phase::done;
}

RankOrder::RankOrder(std::vector<std::uint32_t> tie_order)
    : tie_order_(std::move(tie_order)),
      tie_position_(tie_order_.size()),
      keys_(tie_order_.size()),
      order_ties_(tie_order_.size()),
      order_(tie_order_),
      rank_of_(tie_order_.size()),
      left_place_bits_(bit_words(tie_order_.size()), 0),
      moved_tie_bits_(bit_words(tie_order_.size()), 0) {
    for (std::size_t i = 0; i < tie_order_.size(); ++i) {
        tie_position_[tie_order_[i]] = static_cast<std::uint32_t>(i);
        order_ties_[i] = static_cast<std::uint32_t>(i);
        rank_of_[tie_order_[i]] = static_cast<std::uint32_t>(i + 1);
    }
}

void RankOrder::rank(const std::vector<double>& scores) {
    start_rank(scores);
    while (!continue_rank()) {
    }
}

void RankOrder::start_rank(const std::vector<double>& scores) {
    clear_pending();
    for (std::size_t i = 0; i < tie_order_.size(); ++i) {
        keys_[i] = descending_key(scores[tie_order_[i]]);
        order_ties_[i] = static_cast<std::uint32_t>(i);
    }
    sorter_.start(keys_);
    keys_sorted_ = false;
}

bool RankOrder::continue_rank() {
    if (!keys_sorted_) {
        keys_sorted_ = sorter_.pass(keys_, order_ties_);
        return false;
    }
    for (std::size_t i = 0; i < tie_order_.size(); ++i) {
        order_[i] = tie_order_[order_ties_[i]];
        rank_of_[order_[i]] = static_cast<std::uint32_t>(i + 1);
    }
    return true;
}

void RankOrder::clear_pending() {
    if (!pending_) return;
    std::fill(left_place_bits_.begin(), left_place_bits_.end(), 0);
    std::fill(moved_tie_bits_.begin(), moved_tie_bits_.end(), 0);
    moved_ties_.clear();
    moved_keys_.clear();
    moved_sorted_ = true;
    pending_ = false;
}

std::size_t RankOrder::place_of(std::uint64_t key, std::uint32_t tie_position) const {
    std::size_t low = 0;
    std::size_t high = keys_.size();
    while (low < high) {
        const std::size_t middle = low + (high - low) / 2;
        if (keys_[middle] < key || (keys_[middle] == key && order_ties_[middle] < tie_position)) low = middle + 1;
        else high = middle;
    }
    return low;
}

std::size_t RankOrder::moved_place_of(std::uint64_t key, std::uint32_t tie_position) const {
    std::size_t low = 0;
    std::size_t high = moved_keys_.size();
    while (low < high) {
        const std::size_t middle = low + (high - low) / 2;
        if (moved_keys_[middle] < key || (moved_keys_[middle] == key && moved_ties_[middle] < tie_position))
            low = middle + 1;
        else high = middle;
    }
    return low;
}

std::size_t RankOrder::left_places_before(std::size_t place) const {
    std::size_t count = 0;
    const std::size_t whole_words = place / 64;
    for (std::size_t word = 0; word < whole_words; ++word) count += popcount(left_place_bits_[word]);
    if (place % 64) count += popcount(left_place_bits_[whole_words] & ((std::uint64_t{1} << (place % 64)) - 1));
    return count;
}

std::size_t RankOrder::staying_rows_before(std::uint64_t key, std::uint32_t tie_position) const {
    const std::size_t place = place_of(key, tie_position);
    return place - left_places_before(place);
}

std::size_t RankOrder::rows_before(std::uint64_t key, std::uint32_t tie_position) const {
    sort_moved();
    return staying_rows_before(key, tie_position) + moved_place_of(key, tie_position);
}

bool RankOrder::row_moved(std::size_t row) const { return test_bit(moved_tie_bits_, tie_position_[row]); }

std::uint64_t RankOrder::pending_key(const std::vector<double>& scores, std::size_t row) const {
    return row_moved(row) ? descending_key(scores[row]) : keys_[rank_of_[row] - 1];
}

void RankOrder::sort_moved() const {
    if (moved_sorted_) return;
    sorter_.sort(moved_keys_, moved_ties_);
    moved_sorted_ = true;
}

void RankOrder::rerank(const std::vector<double>& scores, const std::vector<std::uint32_t>& changed_rows) {
    const std::size_t n = tie_order_.size();
    if (changed_rows.empty()) return;
    // The rows moved since the last complete order: the changed rows and those of earlier calls.
    std::size_t moved_count = moved_ties_.size();
    for (const std::uint32_t row : changed_rows) {
        if (test_bit(moved_tie_bits_, tie_position_[row])) continue;
        set_bit(moved_tie_bits_, tie_position_[row]);
        set_bit(left_place_bits_, rank_of_[row] - 1);
        ++moved_count;
    }
    pending_ = true;
    // Sorting most of the rows apart and merging them costs more than one full radix rank.
    if (moved_count * 4 > n * 3) {
        rank(scores);
        return;
    }
    // The moved rows' tie positions ascending (from the bit set), then stably by their new keys.
    moved_ties_.clear();
    for (std::size_t word = 0; word < moved_tie_bits_.size(); ++word)
        for (std::uint64_t bits = moved_tie_bits_[word]; bits != 0; bits &= bits - 1)
            moved_ties_.push_back(static_cast<std::uint32_t>(word * 64 + lowest_bit(bits)));
    moved_keys_.resize(moved_ties_.size());
    for (std::size_t i = 0; i < moved_ties_.size(); ++i) moved_keys_[i] = descending_key(scores[tie_order_[moved_ties_[i]]]);
    moved_sorted_ = false;
}

void RankOrder::finish_merge() {
    if (!pending_) return;
    sort_moved();
    const std::size_t moved_count = moved_ties_.size();
    // Only places from the first one a moved row leaves or takes to the last one change: before
    // it every entry stays and comes before every moved row; after it, the reverse.
    std::size_t begin = place_of(moved_keys_.front(), moved_ties_.front());
    std::size_t end = place_of(moved_keys_.back(), moved_ties_.back());
    for (std::size_t word = 0; word < left_place_bits_.size(); ++word)
        if (left_place_bits_[word]) {
            begin = std::min(begin, word * 64 + lowest_bit(left_place_bits_[word]));
            break;
        }
    for (std::size_t word = left_place_bits_.size(); word-- > 0;)
        if (left_place_bits_[word]) {
            end = std::max(end, word * 64 + highest_bit(left_place_bits_[word]) + 1);
            break;
        }

    // Merge the staying entries (in their order) with the moved rows: by key, then tie position.
    merged_ties_.resize(end - begin);
    merged_keys_.resize(end - begin);
    std::size_t kept = begin;
    std::size_t moved = 0;
    for (std::size_t out = 0; out < end - begin; ++out) {
        while (kept < end && test_bit(left_place_bits_, kept)) ++kept;
        const bool take_moved =
            moved < moved_count &&
            (kept == end || moved_keys_[moved] < keys_[kept] ||
             (moved_keys_[moved] == keys_[kept] && moved_ties_[moved] < order_ties_[kept]));
        if (take_moved) {
            merged_ties_[out] = moved_ties_[moved];
            merged_keys_[out] = moved_keys_[moved++];
        } else {
            merged_ties_[out] = order_ties_[kept];
            merged_keys_[out] = keys_[kept++];
        }
    }
    for (std::size_t place = begin; place < end; ++place) {
        keys_[place] = merged_keys_[place - begin];
        order_ties_[place] = merged_ties_[place - begin];
        order_[place] = tie_order_[order_ties_[place]];
        rank_of_[order_[place]] = static_cast<std::uint32_t>(place + 1);
    }
    clear_pending();
}

const std::vector<std::uint32_t>& RankOrder::order() {
    finish_merge();
    return order_;
}

const std::vector<std::uint32_t>& RankOrder::ranks() {
    finish_merge();
    return rank_of_;
}

namespace {

// Moved rows as (key, tie position): the order of the ranking.
struct MovedEntry {
    std::uint64_t key;
    std::uint32_t tie_position;
    bool operator<(const MovedEntry& other) const {
        return key < other.key || (key == other.key && tie_position < other.tie_position);
    }
};

}  // namespace

std::vector<std::uint32_t> RankOrder::top(std::size_t n) const {
    n = std::min(n, tie_order_.size());
    if (!pending_) return {order_.begin(), order_.begin() + static_cast<std::ptrdiff_t>(n)};
    // The first n moved rows in order: sorted, they are the sorted part's head; unsorted, a max-heap
    // of the n best seen so far keeps them in one pass (most rows lose one comparison with its top).
    std::vector<MovedEntry> first_moved;
    if (moved_sorted_) {
        for (std::size_t i = 0; i < std::min(n, moved_keys_.size()); ++i) first_moved.push_back({moved_keys_[i], moved_ties_[i]});
    } else if (n > 0) {
        first_moved.reserve(n);
        for (std::size_t i = 0; i < moved_keys_.size(); ++i) {
            const MovedEntry entry{moved_keys_[i], moved_ties_[i]};
            if (first_moved.size() < n) {
                first_moved.push_back(entry);
                std::push_heap(first_moved.begin(), first_moved.end());
            } else if (entry < first_moved.front()) {
                std::pop_heap(first_moved.begin(), first_moved.end());
                first_moved.back() = entry;
                std::push_heap(first_moved.begin(), first_moved.end());
            }
        }
        std::sort_heap(first_moved.begin(), first_moved.end());
    }
    std::vector<std::uint32_t> rows;
    rows.reserve(n);
    std::size_t kept = 0;
    std::size_t moved = 0;
    while (rows.size() < n) {
        while (kept < keys_.size() && test_bit(left_place_bits_, kept)) ++kept;
        const bool take_moved =
            moved < first_moved.size() &&
            (kept == keys_.size() || first_moved[moved] < MovedEntry{keys_[kept], order_ties_[kept]});
        rows.push_back(take_moved ? tie_order_[first_moved[moved++].tie_position] : order_[kept++]);
    }
    return rows;
}

std::uint32_t RankOrder::rank_of(const std::vector<double>& scores, std::size_t row) const {
    if (!pending_) return rank_of_[row];
    return static_cast<std::uint32_t>(rows_before(pending_key(scores, row), tie_position_[row]) + 1);
}

std::vector<std::uint32_t> RankOrder::ranks_of(const std::vector<double>& scores, const std::vector<std::uint32_t>& rows) const {
    std::vector<std::uint32_t> ranks;
    ranks.reserve(rows.size());
    if (!pending_ || moved_sorted_) {
        for (const std::uint32_t row : rows) ranks.push_back(rank_of(scores, row));
        return ranks;
    }
    // The rows' entries sorted; each moved row is counted once, at the first of them it comes
    // before; summed up to an entry, these counts are the moved rows before it.
    std::vector<MovedEntry> asked;
    for (const std::uint32_t row : rows) asked.push_back({pending_key(scores, row), tie_position_[row]});
    std::vector<MovedEntry> sorted_asked = asked;
    std::sort(sorted_asked.begin(), sorted_asked.end());
    std::vector<std::size_t> moved_before(sorted_asked.size() + 1, 0);
    for (std::size_t i = 0; i < moved_keys_.size(); ++i) {
        const MovedEntry entry{moved_keys_[i], moved_ties_[i]};
        ++moved_before[static_cast<std::size_t>(std::upper_bound(sorted_asked.begin(), sorted_asked.end(), entry) -
                                                sorted_asked.begin())];
    }
    for (std::size_t i = 1; i < moved_before.size(); ++i) moved_before[i] += moved_before[i - 1];
    for (const MovedEntry& entry : asked) {
        const auto at = static_cast<std::size_t>(std::lower_bound(sorted_asked.begin(), sorted_asked.end(), entry) -
                                                  sorted_asked.begin());
        ranks.push_back(static_cast<std::uint32_t>(staying_rows_before(entry.key, entry.tie_position) +
                                                   moved_before[at] + 1));
    }
    return ranks;
}

double RankOrder::percentile(const std::vector<double>& scores, std::size_t row) const {
    // Keys ascend along the order: the rows below the row's group follow every row with its key.
    const std::size_t n = tie_order_.size();
    const std::uint64_t key = descending_key(scores[row]);
    const auto group_end = [&](const std::vector<std::uint64_t>& keys) {
        return static_cast<std::size_t>(std::upper_bound(keys.begin(), keys.end(), key) - keys.begin());
    };
    const std::size_t places_up_to_group = group_end(keys_);
    if (!pending_) return 100.0 * static_cast<double>(n - places_up_to_group) / static_cast<double>(n);
    sort_moved();
    const std::size_t rows_up_to_group = places_up_to_group - left_places_before(places_up_to_group) + group_end(moved_keys_);
    return 100.0 * static_cast<double>(n - rows_up_to_group) / static_cast<double>(n);
}

Movement compare_rankings(const RankingSnapshot& before, const RankingSnapshot& after, std::size_t top_n) {
    const std::size_t n = std::min(top_n, after.order.size());
    return compare_rankings(
        before, {after.order.begin(), after.order.begin() + static_cast<std::ptrdiff_t>(n)},
        [&](const std::vector<std::uint32_t>& rows) {
            std::vector<std::uint32_t> ranks;
            for (const std::uint32_t row : rows) ranks.push_back(after.rank_of[row]);
            return ranks;
        },
        top_n);
}

Movement compare_rankings(const RankingSnapshot& before, const std::vector<std::uint32_t>& after_top,
                          const std::function<std::vector<std::uint32_t>(const std::vector<std::uint32_t>&)>& after_ranks_of,
                          std::size_t top_n) {
    Movement movement;
    movement.top_n = std::min({top_n, before.order.size(), after_top.size()});
    const auto limit = static_cast<std::uint32_t>(movement.top_n);
    for (std::size_t i = 0; i < movement.top_n; ++i) {
        const std::uint32_t row = after_top[i];
        const RankMove move{row, before.rank_of[row], static_cast<std::uint32_t>(i + 1)};
        movement.top.push_back(move);
        if (move.rank_before != move.rank_after) ++movement.moved_in_top;
        if (move.rank_before > limit) movement.entered.push_back(move);
    }
    const std::vector<std::uint32_t> top_before(before.order.begin(),
                                                before.order.begin() + static_cast<std::ptrdiff_t>(movement.top_n));
    const std::vector<std::uint32_t> ranks_after = after_ranks_of(top_before);
    for (std::size_t i = 0; i < movement.top_n; ++i)
        if (ranks_after[i] > limit) movement.left.push_back({top_before[i], static_cast<std::uint32_t>(i + 1), ranks_after[i]});
    return movement;
}

}  // namespace radar
