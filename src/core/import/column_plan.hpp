// How the TableBuilder reads one file column (its ColumnPlan), and appending a cell to a column:
// shared by the row path (table_builder.cpp) and the batch path (table_builder_batch.cpp).
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/dataset.hpp"
#include "core/import/table_builder.hpp"

namespace radar {

struct TableBuilder::ColumnPlan {
    // What a cell of this column becomes (the field's type, settled once per column).
    enum class Kind : std::uint8_t { extra, text, category, whole_number, number, date, boolean };
    std::string header;
    const FieldSpec* field = nullptr;  // nullptr: extra attribute
    Kind kind = Kind::extra;           // extra: read as text, its type inferred in finish()
    bool required = false;
    Column* column = nullptr;
    std::vector<std::string> folded_values;  // the field's categories, folded for matching
    // Per category of the field: its code in the column's dictionary plus one (0: not stored yet).
    std::vector<std::uint32_t> value_codes;
    // The field's range (or none: infinite bounds), for the inline check of every value.
    double low = -std::numeric_limits<double>::infinity();
    double high = std::numeric_limits<double>::infinity();
    std::uint64_t x_marks = 0;         // boolean cells written as "x"
    std::uint64_t other_booleans = 0;  // any other non-empty boolean cell

    // Whether its cells are stored as text (an extra attribute's type is inferred in finish()).
    bool holds_text() const { return kind == Kind::extra || kind == Kind::text || kind == Kind::category; }
    // Whether `value` lies in the field's range (an extra attribute has none).
    bool admits(double value) const {
        if (value >= low && value <= high) return true;
        if (!field) return true;
        return (!field->min || value >= *field->min) && (!field->max || value <= *field->max);
    }
};

namespace column_append {

// Appending to a column. Kept here rather than calling Column::push_* and forced inline: these
// run once per cell, and compilers (em++ in particular) otherwise leave them as calls.
// A missing cell holds "" or 0 like Column::push_missing.
[[gnu::always_inline]] inline void append_missing(Column& column) {
    if (column.type == ColumnType::text)
        column.texts.push_empty();
    else
        column.numbers.push_back(0.0);
    column.missing.push_back(true);
}

[[gnu::always_inline]] inline void append_number(Column& column, double value) {
    column.numbers.push_back(value);
    column.missing.push_back(false);
}

[[gnu::always_inline]] inline void append_text(Column& column, std::string_view text) {
    column.texts.push_back(text);
    column.missing.push_back(false);
}

}  // namespace column_append

}  // namespace radar
