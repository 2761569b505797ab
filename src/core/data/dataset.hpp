// The columnar table every part of the core works on: named, typed columns of equal length,
// with an explicit "missing" flag per cell (missing is never confused with 0 or "").
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time/civil_date.hpp"
#include "core/data/missing_flags.hpp"
#include "core/data/number_column.hpp"
#include "core/data/text_column.hpp"

namespace radar {

enum class ColumnType { text, integer, number, date };

// What a column's values mean, beyond how they are stored: a boolean is stored as an integer
// 0/1 column, a category as a text column (a few values, repeated), free text as text.
enum class ValueKind : std::uint8_t { text, category, whole_number, number, date, boolean };

// "text", "category", "whole_number", "number", "date", "boolean".
const char* value_kind_code(ValueKind kind);
std::optional<ValueKind> value_kind_from_code(std::string_view code);
// How a kind is stored: whole numbers and booleans as integer, categories as text.
ColumnType column_type_for(ValueKind kind);
// The kind a column of this type has unless said otherwise (text is free text).
ValueKind default_value_kind(ColumnType type);

struct Column {
    std::string name;
    ColumnType type = ColumnType::text;
    ValueKind kind = ValueKind::text;  // set with the type by Dataset::add_column; the importer refines it
    TextColumn texts;                 // used when type == text
    NumberColumn numbers;             // integer, number; dates as day numbers
    MissingFlags missing;
    // Never a model input: a protected field, or a column whose header names one, whatever it
    // was mapped to (set by the importer; scoring engines refuse it on every path).
    bool protected_attribute = false;

    std::size_t size() const { return missing.size(); }
    bool is_missing(std::size_t row) const { return missing[row]; }
    void push_text(std::string_view value);
    void push_number(double value);
    void push_missing();
};

// A present cell's text as the dataset writes it (Dataset::cell_text): text as it is, whole
// numbers as digits, other numbers in the fewest digits that read back the same, dates as ISO.
std::string_view column_cell_text(const Column& column, std::size_t row, std::string& scratch);

// A text column kept as a dictionary (not pooled): the values its present cells hold, in code
// order, each once, found by marking the codes in use (no text read per cell).
std::vector<std::string_view> present_dictionary_values(const Column& column);

class Dataset {
public:
    // References returned here stay valid while more columns are added (deque storage).
    Column& add_column(std::string name, ColumnType type);
    const Column* find(const std::string& name) const;
    std::optional<std::size_t> index_of(const std::string& name) const;
    const std::deque<Column>& columns() const { return columns_; }
    std::deque<Column>& columns() { return columns_; }
    std::size_t row_count() const { return columns_.empty() ? 0 : columns_.front().size(); }

    // Text of a cell as shown to users and written to CSV; "" when missing.
    std::string cell_text(std::size_t column, std::size_t row) const;
    // The same as a view: a text cell's own bytes, other cells formatted into `scratch` (for
    // loops over many cells, which would otherwise allocate a string per cell).
    std::string_view cell_text(std::size_t column, std::size_t row, std::string& scratch) const;

private:
    std::deque<Column> columns_;
};

}  // namespace radar
