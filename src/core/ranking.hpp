// Ranking of scored dossiers (highest score first, ties by dossier id) and a folded search
// index so a filter over 100,000 rows stays cheap.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dataset.hpp"
#include "starter_model.hpp"

namespace radar {

// Row indices ordered by score descending, then by the id column ascending (stable, deterministic).
std::vector<std::size_t> rank_rows(const std::vector<DossierScore>& scores, const Column& ids);

// rank_of[row] = 1-based position of that row in `ranked`.
std::vector<std::size_t> rank_positions(const std::vector<std::size_t>& ranked);

class SearchIndex {
public:
    // Indexes the folded text of the given columns of every row.
    SearchIndex(const Dataset& dataset, const std::vector<std::string>& columns);
    // True if every whitespace-separated word of the (unfolded) query occurs in the row's text.
    bool matches(std::size_t row, const std::vector<std::string>& folded_words) const;
    static std::vector<std::string> query_words(std::string_view query);

private:
    std::vector<std::string> haystacks_;
};

}  // namespace radar
