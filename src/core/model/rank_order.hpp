// Deterministic ranking of scores (highest first, ties by dossier id) with ranks and percentiles,
// re-ranked without allocation (or, after some rows changed, by taking only them apart: the top
// places and a few ranks are answered by selection and counting, their sort and merge back into the
// whole order wait until they are read), and the "movement" between two rankings of the same rows.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "core/data/dataset.hpp"
#include "core/model/key_sort.hpp"

namespace radar {

// Rows ordered by the id column ascending (text by bytes, numbers by value, missing ids first);
// rows with equal ids keep their row order. This is the tie-break order of every ranking.
std::vector<std::uint32_t> order_by_id(const Column& ids);

// order_by_id in steps (a build spread over frames): text ids' rows, their shared prefix and sort
// keys, each rows_per_step rows a step; then one radix pass per step; then rows with equal keys
// ordered by their whole ids, about rows_per_step rows a step. Number ids in one step.
class IdOrderBuild {
public:
    static constexpr std::size_t rows_per_step = 1 << 17;
    // At most this many steps for `rows` ids.
    static std::size_t planned_steps(std::size_t rows);

    explicit IdOrderBuild(const Column& ids) : ids_(&ids) {}
    bool advance();  // does the next step; true once the order is done
    std::vector<std::uint32_t> take() { return std::move(order_); }

private:
    enum class Phase { rows, shared_prefix, keys, sort, equal_keys, done };
    // Calls each(i) for the next rows_per_step of the indexes below `count`, from next_ on; true
    // (and next_ back at 0) once all of them are done.
    template <typename Each>
    bool each_in_slice(std::size_t count, Each each);
    const Column* ids_;
    Phase phase_ = Phase::rows;
    std::size_t next_ = 0;      // where the phase goes on: a row of the column, or an index of rows_
    std::size_t shared_ = 0;    // the length of the prefix every id shares (so far)
    std::vector<std::uint32_t> order_;  // missing ids first, then (once sorted) the other rows
    std::vector<std::uint32_t> rows_;   // rows with an id, sorted by key
    std::vector<std::uint64_t> keys_;
    StableKeySort sorter_;
};

class RankOrder {
public:
    RankOrder() = default;
    explicit RankOrder(std::vector<std::uint32_t> tie_order);

    // Ranks all rows by score descending, ties in tie order. A stable radix sort on the scores'
    // bit patterns: linear time, and after the first ranking no allocation.
    void rank(const std::vector<double>& scores);
    // rank() in steps (a build spread over frames): start_rank() takes the scores' keys, then each
    // continue_rank() does one radix pass or, last, writes the order and the ranks; true once
    // ranked. Nothing else may be asked of the order in between.
    void start_rank(const std::vector<double>& scores);
    bool continue_rank();
    // The same ranking after only `changed_rows` (distinct rows, any order) got new scores since the
    // last call. Only the moved rows (these and those of earlier calls not yet merged) are taken
    // apart, with their new keys; the other rows keep their places in the last complete order.
    // Sorting the moved rows waits until one row's rank or percentile is asked, merging them into
    // the whole order until it is read: top() selects among them and ranks_of() counts over them
    // without sorting. Most rows moved: a full rank().
    void rerank(const std::vector<double>& scores, const std::vector<std::uint32_t>& changed_rows);

    std::size_t size() const { return tie_order_.size(); }
    const std::vector<std::uint32_t>& tie_order() const { return tie_order_; }
    // The whole order (rows, best first) and the rank of every row (1-based); both finish a
    // pending merge first, in one pass over the places it changes.
    const std::vector<std::uint32_t>& order();
    const std::vector<std::uint32_t>& ranks();
    // Whether a merge is pending (the whole order not yet written out), and whether the moved rows
    // of a pending merge are sorted yet.
    bool merge_pending() const { return pending_; }
    bool moved_rows_sorted() const { return !pending_ || moved_sorted_; }
    // The first min(n, size()) rows of the order, without finishing a pending merge: O(n) once the
    // moved rows are sorted; before, a selection of the n first moved rows in one pass over them.
    std::vector<std::uint32_t> top(std::size_t n) const;
    // One row's rank (1-based); `scores` as given to the last rank()/rerank(). Pending: sorts the
    // moved rows if not done yet, then two binary searches and a count of moved places before it
    // (a pass over a bit set).
    std::uint32_t rank_of(const std::vector<double>& scores, std::size_t row) const;
    // The ranks of several rows at once, as rank_of() gives them. While the moved rows are not
    // sorted, one pass over them counts those before each row instead of sorting them.
    std::vector<std::uint32_t> ranks_of(const std::vector<double>& scores, const std::vector<std::uint32_t>& rows) const;
    // The share of all dossiers (0..100) that score strictly lower than `row`, so equal scores
    // share a percentile. The top dossier of 1,000 distinct scores has 99.9. A binary search (after
    // sorting the moved rows, if not done yet).
    double percentile(const std::vector<double>& scores, std::size_t row) const;

private:
    // The first place whose entry does not come before (key, tie position): a binary search.
    std::size_t place_of(std::uint64_t key, std::uint32_t tie_position) const;
    // The same among the moved rows (sorted by key, then tie position).
    std::size_t moved_place_of(std::uint64_t key, std::uint32_t tie_position) const;
    // How many of the places before `place` are left by a moved row.
    std::size_t left_places_before(std::size_t place) const;
    // How many rows (staying and moved) come before (key, tie position) in the pending order.
    std::size_t rows_before(std::uint64_t key, std::uint32_t tie_position) const;
    // How many staying rows come before (key, tie position) in the pending order.
    std::size_t staying_rows_before(std::uint64_t key, std::uint32_t tie_position) const;
    // A row's key and tie position in the pending order.
    std::uint64_t pending_key(const std::vector<double>& scores, std::size_t row) const;
    bool row_moved(std::size_t row) const;
    void sort_moved() const;
    void finish_merge();
    void clear_pending();

    std::vector<std::uint32_t> tie_order_;
    std::vector<std::uint32_t> tie_position_;  // per row, its index in tie_order_
    // The last complete order. Per place, best first: the score key (ascending) and the row's tie
    // position (ascending among equal keys), which together order the rows; the rows themselves;
    // per row its rank.
    std::vector<std::uint64_t> keys_;
    std::vector<std::uint32_t> order_ties_;
    std::vector<std::uint32_t> order_;
    std::vector<std::uint32_t> rank_of_;
    mutable StableKeySort sorter_;  // mutable: also sorts the moved rows when a read needs them sorted
    bool keys_sorted_ = true;  // between start_rank() and the last continue_rank(): the sort is done
    // A pending merge: the places of the complete order that moved rows left and the moved rows'
    // tie positions (bit sets), and the moved rows with their new keys: by tie position until
    // sorted (mutable: sorting them is left to the first read that needs it), then by new key,
    // then tie position.
    bool pending_ = false;
    std::vector<std::uint64_t> left_place_bits_;
    std::vector<std::uint64_t> moved_tie_bits_;
    mutable bool moved_sorted_ = true;
    mutable std::vector<std::uint32_t> moved_ties_;
    mutable std::vector<std::uint64_t> moved_keys_;
    // finish_merge()'s buffers, kept to avoid allocating per change.
    std::vector<std::uint32_t> merged_ties_;
    std::vector<std::uint64_t> merged_keys_;
};

// A ranking kept for comparison (e.g. under the saved model while the editor changes weights).
struct RankingSnapshot {
    std::vector<std::uint32_t> order;    // rows, best first
    std::vector<std::uint32_t> rank_of;  // per row, 1-based
};

struct RankMove {
    std::uint32_t row = 0;
    std::uint32_t rank_before = 0;  // 1-based
    std::uint32_t rank_after = 0;
    // Places moved up (positive) or down (negative).
    std::int64_t places_up() const { return static_cast<std::int64_t>(rank_before) - rank_after; }
};

struct Movement {
    std::size_t top_n = 0;
    std::vector<RankMove> entered;  // in the top N after, not before; by rank after
    std::vector<RankMove> left;     // in the top N before, not after; by rank before
    std::vector<RankMove> top;      // every row of the top N after, with its move; by rank after
    std::size_t moved_in_top = 0;   // rows of `top` whose rank changed
};

// Both rankings must rank the same rows. top_n is limited to the number of rows. Cost O(top_n).
Movement compare_rankings(const RankingSnapshot& before, const RankingSnapshot& after, std::size_t top_n);
// The same against a live ranking: its first top_n rows (or all, if fewer) and the 1-based ranks
// of rows, asked once for the rows of the top N before.
Movement compare_rankings(const RankingSnapshot& before, const std::vector<std::uint32_t>& after_top,
                          const std::function<std::vector<std::uint32_t>(const std::vector<std::uint32_t>&)>& after_ranks_of,
                          std::size_t top_n);

}  // namespace radar
