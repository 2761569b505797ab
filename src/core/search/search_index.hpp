// A folded search index so a text filter over 100,000 rows stays cheap. (Ranking by score lives
// in model/rank_order.hpp.)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/dataset.hpp"
#include "core/data/text_column.hpp"

namespace radar {

class SearchIndex {
public:
    // Indexes the folded text of the given columns of every row.
    SearchIndex(const Dataset& dataset, const std::vector<std::string>& columns);
    // The same index built a slice at a time: index_rows() until it returns true. Until then
    // only the first rows_indexed() rows can be matched.
    static SearchIndex in_steps(const Dataset& dataset, const std::vector<std::string>& columns);
    // Indexes up to `max_rows` more rows of `dataset` (the one given when created); true once
    // every row is indexed.
    bool index_rows(const Dataset& dataset, std::size_t max_rows);
    std::size_t rows_indexed() const { return haystacks_.size(); }
    // True if every whitespace-separated word of the (unfolded) query occurs in the row's text.
    bool matches(std::size_t row, const std::vector<std::string>& folded_words) const;
    static std::vector<std::string> query_words(std::string_view query);

    // The index as a dataset snapshot keeps it: the columns asked for, and per row its folded
    // text. `format` changes with anything that changes that text (the folding, the layout), so
    // an index stored by another version is built again instead of used.
    static constexpr std::uint32_t format = 1;
    const std::vector<std::string>& columns() const { return columns_; }
    const TextPool& haystacks() const { return haystacks_; }
    // A stored index, complete, when it was made in this format over these columns of a dataset
    // of this many rows; nothing otherwise.
    static std::optional<SearchIndex> restored(const Dataset& dataset, const std::vector<std::string>& columns,
                                               std::uint32_t stored_format, const std::vector<std::string>& stored_columns,
                                               TextPool haystacks);

private:
    SearchIndex(const Dataset& dataset, const std::vector<std::string>& columns, std::size_t rows_now);

    std::vector<std::string> columns_;
    std::vector<std::size_t> indexed_columns_;
    std::string haystack_;  // the row being indexed
    std::string scratch_;   // one cell's text
    // Per row, the folded cells of the indexed columns, each followed by '\n', in one pool (a
    // million rows would otherwise be a million separately allocated strings).
    TextPool haystacks_;
};

}  // namespace radar
