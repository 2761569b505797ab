// The search index: built a slice of rows at a time, or taken as a dataset snapshot stored it;
// dictionary columns matched per distinct value.
#include "core/search/search_index.hpp"

#include <algorithm>

#include "core/search/text_fold.hpp"

namespace radar {
namespace {

// A number or date cell's text, at most (a date is 10 bytes, a number up to about 24).
constexpr std::size_t number_text_bytes = 24;

// The bytes of every row's text in `columns` (none of them a dictionary), at most: the cells'
// bytes (folding keeps or shortens them) and a separator per cell.
std::size_t text_bytes_at_most(const Dataset& dataset, const std::vector<std::size_t>& columns) {
    const std::size_t rows = dataset.row_count();
    std::size_t bytes = rows * columns.size();
    for (const std::size_t index : columns) {
        const Column& column = dataset.columns()[index];
        bytes += column.type == ColumnType::text ? column.texts.cells().byte_count() : rows * number_text_bytes;
    }
    return bytes;
}

bool is_dictionary(const Column& column) { return column.type == ColumnType::text && !column.texts.pooled(); }

}  // namespace

SearchIndex::SearchIndex(const Dataset& dataset, const std::vector<std::string>& columns, NoRowsYet)
    : columns_(columns) {
    for (const auto& name : columns) {
        const auto index = dataset.index_of(name);
        if (!index) continue;
        const Column& column = dataset.columns()[*index];
        if (!is_dictionary(column)) {
            row_columns_.push_back(*index);
            continue;
        }
        DictionaryColumn folded{*index, {}};
        for (std::size_t code = 0; code < column.texts.distinct_count(); ++code) {
            haystack_.clear();
            append_folded(haystack_, column.texts.distinct_value(code));
            folded.folded_values.push_back(haystack_);
        }
        dictionary_columns_.push_back(std::move(folded));
    }
}

SearchIndex::SearchIndex(const Dataset& dataset, const std::vector<std::string>& columns)
    : SearchIndex(in_steps(dataset, columns)) {
    index_rows(dataset, dataset.row_count());
}

SearchIndex SearchIndex::in_steps(const Dataset& dataset, const std::vector<std::string>& columns) {
    SearchIndex index(dataset, columns, NoRowsYet{});
    // All the room at once: grown by doubling, the text held half its size more while it was
    // copied, and kept up to twice the room it needed.
    index.haystacks_.reserve(dataset.row_count(), text_bytes_at_most(dataset, index.row_columns_));
    return index;
}

std::optional<SearchIndex> SearchIndex::restored(const Dataset& dataset, const std::vector<std::string>& columns,
                                                 std::uint32_t stored_format, const std::vector<std::string>& stored_columns,
                                                 TextPool haystacks) {
    if (stored_format != format || stored_columns != columns || haystacks.size() != dataset.row_count()) return std::nullopt;
    SearchIndex index(dataset, columns, NoRowsYet{});
    index.haystacks_ = std::move(haystacks);
    return index;
}

bool SearchIndex::index_rows(const Dataset& dataset, std::size_t max_rows) {
    const std::size_t total = dataset.row_count();
    const std::size_t end = haystacks_.size() + std::min(max_rows, total - std::min(total, haystacks_.size()));
    for (std::size_t row = haystacks_.size(); row < end; ++row) {
        haystack_.clear();
        for (std::size_t column : row_columns_) {
            append_folded(haystack_, dataset.cell_text(column, row, scratch_));
            haystack_ += '\n';
        }
        haystacks_.push_back(haystack_);
    }
    if (haystacks_.size() < total) return false;
    haystacks_.trim_capacity();
    return true;
}

SearchIndex::Query SearchIndex::query(const Dataset& dataset, std::vector<std::string> folded_words) const {
    Query query;
    query.words_ = std::move(folded_words);
    if (query.words_.empty()) return query;
    for (const DictionaryColumn& dictionary : dictionary_columns_) {
        const std::size_t values = dictionary.folded_values.size();
        Query::DictionaryMatches matches{&dataset.columns()[dictionary.column], std::vector<std::uint8_t>(query.words_.size() * values), values};
        for (std::size_t word = 0; word < query.words_.size(); ++word)
            for (std::size_t value = 0; value < values; ++value)
                matches.holds[word * values + value] = dictionary.folded_values[value].find(query.words_[word]) != std::string_view::npos;
        query.dictionaries_.push_back(std::move(matches));
    }
    return query;
}

bool SearchIndex::matches(std::size_t row, const Query& query) const {
    const std::string_view haystack = haystacks_[row];
    for (std::size_t word = 0; word < query.words_.size(); ++word) {
        bool found = haystack.find(query.words_[word]) != std::string_view::npos;
        for (std::size_t d = 0; !found && d < query.dictionaries_.size(); ++d) {
            const Query::DictionaryMatches& dictionary = query.dictionaries_[d];
            const Column& column = *dictionary.column;
            found = !column.is_missing(row) && dictionary.holds[word * dictionary.values + column.texts.code(row)] != 0;
        }
        if (!found) return false;
    }
    return true;
}

std::vector<std::string> SearchIndex::query_words(std::string_view query) {
    std::vector<std::string> words;
    const std::string folded = fold_for_search(query);
    std::size_t start = 0;
    while (start < folded.size()) {
        // Line breaks separate words too: a word never holds the '\n' that ends each cell's text.
        const std::size_t end = folded.find_first_of(" \t\r\n", start);
        const std::size_t stop = end == std::string::npos ? folded.size() : end;
        if (stop > start) words.push_back(folded.substr(start, stop - start));
        start = stop + 1;
    }
    return words;
}

}  // namespace radar
