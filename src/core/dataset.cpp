// Column storage and cell formatting for Dataset.
#include "dataset.hpp"

#include <cmath>
#include <cstdio>

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
    switch (column.type) {
    case ColumnType::text: return column.texts[row];
    case ColumnType::date: scratch = format_iso_date(static_cast<DayNumber>(column.numbers[row])); return scratch;
    case ColumnType::integer: return whole_number_text(static_cast<long long>(column.numbers[row]), scratch);
    case ColumnType::number: {
        const double value = column.numbers[row];
        if (value == std::floor(value) && std::fabs(value) < 1e15) return whole_number_text(static_cast<long long>(value), scratch);
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.17g", value);
        scratch = buffer;
        return scratch;
    }
    }
    return {};
}

}  // namespace radar
