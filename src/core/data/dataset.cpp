// Column storage and cell formatting for Dataset.
#include "core/data/dataset.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <optional>

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

// What "%.15g" writes for `value` when a decimal of at most 15 significant digits, at most nine
// of them after the point, reads back as `value` and %g writes it without an exponent
// (1e-4 <= |value| < 1e14); nothing otherwise. snprintf and strtod of a double cost a
// microsecond or more (in wasm they compute with software long doubles), and the fingerprint
// writes every number cell. Why it is the same text: such a decimal d is within half a unit in the
// last place of `value`, far closer than the 15-digit grid's spacing, so rounding `value` to 15
// digits gives d; the fewest decimals give d without trailing zeros, as %g drops them.
std::optional<std::string_view> short_decimal_text(double value, std::string& scratch) {
    const double magnitude = std::fabs(value);
    if (!(magnitude >= 1e-4 && magnitude < 1e14)) return std::nullopt;
    static constexpr double powers_of_ten[] = {1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    for (std::size_t decimals = 1; decimals <= std::size(powers_of_ten); ++decimals) {
        const double power = powers_of_ten[decimals - 1];
        // Off from the true product by at most a quarter, so the nearest whole number is d's digits.
        const double digits = std::nearbyint(magnitude * power);
        if (digits >= 1e15) return std::nullopt;
        if (digits / power != magnitude) continue;  // both exact, the division rounded as strtod would
        auto left = static_cast<unsigned long long>(digits);
        if (left % 10 == 0) return std::nullopt;  // fewer decimals should have done; let snprintf decide
        char text[32];
        char* const end = text + sizeof text;
        char* first = end;
        for (std::size_t i = 0; i < decimals; ++i, left /= 10) *--first = static_cast<char>('0' + left % 10);
        *--first = '.';
        do *--first = static_cast<char>('0' + left % 10);
        while ((left /= 10) != 0);
        if (value < 0) *--first = '-';
        scratch.assign(first, end);
        return std::string_view(scratch);
    }
    return std::nullopt;
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

std::vector<std::string_view> present_dictionary_values(const Column& column) {
    const TextColumn& texts = column.texts;
    std::vector<char> used(texts.distinct_count(), 0);
    for (std::size_t row = 0; row < column.size(); ++row)
        if (!column.is_missing(row)) used[texts.code(row)] = 1;
    std::vector<std::string_view> values;
    for (std::uint32_t code = 0; code < used.size(); ++code)
        if (used[code]) values.push_back(texts.distinct_value(code));
    return values;
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
        if (const auto short_text = short_decimal_text(value, scratch)) return *short_text;
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
