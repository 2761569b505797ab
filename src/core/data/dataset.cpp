// Column storage and cell formatting for Dataset.
#include "core/data/dataset.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace radar {
namespace {

// The text std::to_string gives, written into `scratch` without its allocation and formatting
// call (cell_text runs for every cell when a dataset is fingerprinted).
std::string_view whole_number_text(long long value, std::string& scratch) {
    char digits[24];
    char* const end = digits + sizeof digits;
    char* first = end;
    unsigned long long magnitude = value < 0 ? 0ULL - static_cast<unsigned long long>(value) : static_cast<unsigned long long>(value);
    do {
        *--first = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (value < 0) *--first = '-';
    scratch.assign(first, end);
    return scratch;
}

}  // namespace

const char* value_kind_code(ValueKind kind) {
    switch (kind) {
    case ValueKind::text: return "text";
    case ValueKind::category: return "category";
    case ValueKind::whole_number: return "whole_number";
    case ValueKind::number: return "number";
    case ValueKind::date: return "date";
    case ValueKind::boolean: return "boolean";
    }
    return "text";
}

std::optional<ValueKind> value_kind_from_code(std::string_view code) {
    for (ValueKind kind : {ValueKind::text, ValueKind::category, ValueKind::whole_number, ValueKind::number,
                           ValueKind::date, ValueKind::boolean})
        if (code == value_kind_code(kind)) return kind;
    return std::nullopt;
}

ColumnType column_type_for(ValueKind kind) {
    switch (kind) {
    case ValueKind::text:
    case ValueKind::category: return ColumnType::text;
    case ValueKind::whole_number:
    case ValueKind::boolean: return ColumnType::integer;
    case ValueKind::number: return ColumnType::number;
    case ValueKind::date: return ColumnType::date;
    }
    return ColumnType::text;
}

ValueKind default_value_kind(ColumnType type) {
    switch (type) {
    case ColumnType::text: return ValueKind::text;
    case ColumnType::integer: return ValueKind::whole_number;
    case ColumnType::number: return ValueKind::number;
    case ColumnType::date: return ValueKind::date;
    }
    return ValueKind::text;
}

void Column::push_text(std::string_view value) {
    texts.push_back(value);
    missing.push_back(false);
}

void Column::push_number(double value) {
    numbers.push_back(value);
    missing.push_back(false);
}

void Column::push_missing() {
    if (type == ColumnType::text) texts.push_empty();
    else numbers.push_back(0.0);
    missing.push_back(true);
}

Column& Dataset::add_column(std::string name, ColumnType type) {
    Column column;
    column.name = std::move(name);
    column.type = type;
    column.kind = default_value_kind(type);
    columns_.push_back(std::move(column));
    return columns_.back();
}

const Column* Dataset::find(const std::string& name) const {
    const auto index = index_of(name);
    return index ? &columns_[*index] : nullptr;
}

std::optional<std::size_t> Dataset::index_of(const std::string& name) const {
    for (std::size_t i = 0; i < columns_.size(); ++i)
        if (columns_[i].name == name) return i;
    return std::nullopt;
}

std::string Dataset::cell_text(std::size_t column_index, std::size_t row) const {
    std::string scratch;
    return std::string(cell_text(column_index, row, scratch));
}

std::string_view Dataset::cell_text(std::size_t column_index, std::size_t row, std::string& scratch) const {
    const Column& column = columns_[column_index];
    if (column.is_missing(row)) return {};
    return column_cell_text(column, row, scratch);
}

std::string_view column_cell_text(const Column& column, std::size_t row, std::string& scratch) {
    switch (column.type) {
    case ColumnType::text: return column.texts[row];
    case ColumnType::date: scratch = format_iso_date(static_cast<DayNumber>(column.numbers[row])); return scratch;
    case ColumnType::integer: return whole_number_text(static_cast<long long>(column.numbers[row]), scratch);
    case ColumnType::number: {
        const double value = column.numbers[row];
        if (value == std::floor(value) && std::fabs(value) < 1e15) return whole_number_text(static_cast<long long>(value), scratch);
        // The shortest of 15 and 17 significant digits that reads back as the same number:
        // 51.05, not 51.049999999999997.
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.15g", value);
        if (std::strtod(buffer, nullptr) != value) std::snprintf(buffer, sizeof buffer, "%.17g", value);
        scratch = buffer;
        return scratch;
    }
    }
    return {};
}

}  // namespace radar
