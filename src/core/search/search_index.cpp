// The search index: built a slice of rows at a time, or taken as a dataset snapshot stored it.
#include "core/search/search_index.hpp"

#include <algorithm>

#include "core/search/text_fold.hpp"

namespace radar {

SearchIndex::SearchIndex(const Dataset& dataset, const std::vector<std::string>& columns, std::size_t rows_now)
    : columns_(columns) {
    for (const auto& name : columns)
        if (const auto column = dataset.index_of(name)) indexed_columns_.push_back(*column);
    index_rows(dataset, rows_now);
}

SearchIndex::SearchIndex(const Dataset& dataset, const std::vector<std::string>& columns)
    : SearchIndex(dataset, columns, dataset.row_count()) {}

SearchIndex SearchIndex::in_steps(const Dataset& dataset, const std::vector<std::string>& columns) {
    return SearchIndex(dataset, columns, 0);
}

std::optional<SearchIndex> SearchIndex::restored(const Dataset& dataset, const std::vector<std::string>& columns,
                                                 std::uint32_t stored_format, const std::vector<std::string>& stored_columns,
                                                 TextPool haystacks) {
    if (stored_format != format || stored_columns != columns || haystacks.size() != dataset.row_count()) return std::nullopt;
    SearchIndex index(dataset, columns, 0);
    index.haystacks_ = std::move(haystacks);
    return index;
}

bool SearchIndex::index_rows(const Dataset& dataset, std::size_t max_rows) {
    const std::size_t total = dataset.row_count();
    const std::size_t end = haystacks_.size() + std::min(max_rows, total - std::min(total, haystacks_.size()));
    for (std::size_t row = haystacks_.size(); row < end; ++row) {
        haystack_.clear();
        for (std::size_t column : indexed_columns_) {
            append_folded(haystack_, dataset.cell_text(column, row, scratch_));
            haystack_ += '\n';
        }
        haystacks_.push_back(haystack_);
    }
    if (haystacks_.size() < total) return false;
    haystacks_.trim_capacity();
    return true;
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
