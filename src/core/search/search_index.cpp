// The search index: built a slice of rows at a time, or taken as a dataset snapshot stored it.
#include "core/search/search_index.hpp"

#include <algorithm>

#include "core/search/text_fold.hpp"

namespace radar {
namespace {

// A number or date cell's text, at most (a date is 10 bytes, a number up to about 24).
constexpr std::size_t number_text_bytes = 24;

// The bytes of every row's text in `columns`, at most: the cells' bytes (folding keeps or shortens
// them) and a separator per cell.
std::size_t text_bytes_at_most(const Dataset& dataset, const std::vector<std::size_t>& columns) {
    const std::size_t rows = dataset.row_count();
    std::size_t bytes = rows * columns.size();
    for (const std::size_t index : columns) {
        const Column& column = dataset.columns()[index];
        if (column.type != ColumnType::text) {
            bytes += rows * number_text_bytes;
        } else if (column.texts.pooled()) {
            bytes += column.texts.cells().byte_count();
        } else {
            std::vector<std::size_t> uses(column.texts.distinct_count());
            for (std::size_t row = 0; row < rows; ++row) ++uses[column.texts.code(row)];
            for (std::size_t code = 0; code < uses.size(); ++code) bytes += uses[code] * column.texts.distinct_value(code).size();
        }
    }
    return bytes;
}

}  // namespace

SearchIndex::SearchIndex(const Dataset& dataset, const std::vector<std::string>& columns, std::size_t rows_now)
    : columns_(columns) {
    for (const auto& name : columns)
        if (const auto column = dataset.index_of(name)) indexed_columns_.push_back(*column);
    index_rows(dataset, rows_now);
}

SearchIndex::SearchIndex(const Dataset& dataset, const std::vector<std::string>& columns)
    : SearchIndex(in_steps(dataset, columns)) {
    index_rows(dataset, dataset.row_count());
}

SearchIndex SearchIndex::in_steps(const Dataset& dataset, const std::vector<std::string>& columns) {
    SearchIndex index(dataset, columns, 0);
    // All the room at once: grown by doubling, the text (63 MB for 900,000 dossiers) held half
    // its size more while it was copied, and kept up to twice the room it needed.
    index.haystacks_.reserve(dataset.row_count(), text_bytes_at_most(dataset, index.indexed_columns_));
    return index;
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
