// The search index.
#include "ranking.hpp"

#include <algorithm>

#include "text_fold.hpp"

namespace radar {

SearchIndex::SearchIndex(const Dataset& dataset, const std::vector<std::string>& columns) {
    std::vector<std::size_t> indexed;
    for (const auto& name : columns)
        if (const auto column = dataset.index_of(name)) indexed.push_back(*column);
    std::string haystack;
    std::string scratch;
    for (std::size_t row = 0; row < dataset.row_count(); ++row) {
        haystack.clear();
        for (std::size_t column : indexed) {
            append_folded(haystack, dataset.cell_text(column, row, scratch));
            haystack += '\n';
        }
        haystacks_.push_back(haystack);
    }
    haystacks_.trim_capacity();
}

bool SearchIndex::matches(std::size_t row, const std::vector<std::string>& folded_words) const {
    const std::string_view haystack = haystacks_[row];
    return std::all_of(folded_words.begin(), folded_words.end(),
                       [&](const std::string& word) { return haystack.find(word) != std::string::npos; });
}

std::vector<std::string> SearchIndex::query_words(std::string_view query) {
    std::vector<std::string> words;
    const std::string folded = fold_for_search(query);
    std::size_t start = 0;
    while (start < folded.size()) {
        const std::size_t end = folded.find_first_of(" \t", start);
        const std::size_t stop = end == std::string::npos ? folded.size() : end;
        if (stop > start) words.push_back(folded.substr(start, stop - start));
        start = stop + 1;
    }
    return words;
}

}  // namespace radar
