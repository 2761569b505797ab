// A folded search index so a text filter over 100,000 rows stays cheap. (Ranking by score lives
// in model/rank_order.hpp.)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dataset.hpp"
#include "text_column.hpp"

namespace radar {

class SearchIndex {
public:
    // Indexes the folded text of the given columns of every row.
    SearchIndex(const Dataset& dataset, const std::vector<std::string>& columns);
    // True if every whitespace-separated word of the (unfolded) query occurs in the row's text.
    bool matches(std::size_t row, const std::vector<std::string>& folded_words) const;
    static std::vector<std::string> query_words(std::string_view query);

private:
    // Per row, the folded cells of the indexed columns, each followed by '\n', in one pool (a
    // million rows would otherwise be a million separately allocated strings).
    TextPool haystacks_;
};

}  // namespace radar
