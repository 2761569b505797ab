// A folded search index so a text filter over a million rows stays cheap. A column kept as a
// dictionary (few distinct values: a name, a municipality, a care type) is folded once per
// distinct value and matched through its cells' codes; the other columns (an id) are folded per
// row. (Ranking by score lives in model/rank_order.hpp.)
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

    // A query's words and, per dictionary column, which of its values hold each word; made for
    // the dataset the index was made for (its columns must outlive the query).
    class Query {
        friend class SearchIndex;
        struct DictionaryMatches {
            const Column* column;
            std::vector<std::uint8_t> holds;  // [word * values + value]: the value holds the word
            std::size_t values;
        };
        std::vector<std::string> words_;
        std::vector<DictionaryMatches> dictionaries_;
    };
    // The query for the folded words (query_words) over `dataset`, the index's dataset.
    Query query(const Dataset& dataset, std::vector<std::string> folded_words) const;
    // True if every word of the query occurs in one of the row's indexed cells.
    bool matches(std::size_t row, const Query& query) const;
    // The folded words of a query, split at spaces, tabs and line breaks.
    static std::vector<std::string> query_words(std::string_view query);

    // The index as a dataset snapshot keeps it: the columns asked for, and per row the folded
    // text of those of them that are not dictionaries in the dataset. `format` changes with
    // anything that changes that text (the folding, the layout), so an index stored by another
    // version is built again instead of used (format 1 held every column's text per row; format
    // 2 folded Latin-1 letters only, format 3 Latin Extended-A and ș ț as well).
    static constexpr std::uint32_t format = 3;
    const std::vector<std::string>& columns() const { return columns_; }
    const TextPool& haystacks() const { return haystacks_; }
    // A stored index, complete, when it was made in this format over these columns of a dataset
    // of this many rows; nothing otherwise.
    static std::optional<SearchIndex> restored(const Dataset& dataset, const std::vector<std::string>& columns,
                                               std::uint32_t stored_format, const std::vector<std::string>& stored_columns,
                                               TextPool haystacks);

private:
    // The columns sorted into per-row and dictionary ones (dictionaries folded), no row indexed.
    struct NoRowsYet {};
    SearchIndex(const Dataset& dataset, const std::vector<std::string>& columns, NoRowsYet);

    struct DictionaryColumn {
        std::size_t column;
        TextPool folded_values;  // per distinct value, folded
    };
    std::vector<std::string> columns_;
    std::vector<std::size_t> row_columns_;  // folded per row into haystacks_
    std::vector<DictionaryColumn> dictionary_columns_;
    std::string haystack_;  // the row being indexed
    std::string scratch_;   // one cell's text
    // Per row, the folded cells of row_columns_, each followed by '\n', in one pool (a million rows
    // would otherwise be a million separately allocated strings).
    TextPool haystacks_;
};

}  // namespace radar
