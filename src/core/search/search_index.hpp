// A folded search index so a text filter over 100,000 rows stays cheap. (Ranking by score lives
// in model/rank_order.hpp.)
#pragma once

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

private:
    SearchIndex(const Dataset& dataset, const std::vector<std::string>& columns, std::size_t rows_now);

    std::vector<std::size_t> indexed_columns_;
    std::string haystack_;  // the row being indexed
    std::string scratch_;   // one cell's text
    // Per row, the folded cells of the indexed columns, each followed by '\n', in one pool (a
    // million rows would otherwise be a million separately allocated strings).
    TextPool haystacks_;
};

}  // namespace radar
