// Inferring an extra column's type from all its values, and converting it.
#include "core/import/column_inference.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace radar {
namespace {

// At most 15 digits (all exact in a double), and no leading zero before another digit: a value
// such as "0123" or a 16-digit account number is a code, not a quantity.
bool number_shaped(std::string_view text) {
    std::size_t digits = 0;
    bool first_digit = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') {
            if (c == 'e' || c == 'E') break;  // the exponent's digits are not significant
            continue;
        }
        if (first_digit && c == '0' && i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9') return false;
        first_digit = false;
        ++digits;
    }
    return digits > 0 && digits <= 15;
}

std::string lower_ascii(std::string_view text) {
    std::string lower(text);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return lower;
}

// Every distinct non-empty value of the column once (all cells when the column is pooled), with
// the number of non-empty cells.
struct ValueSet {
    std::vector<std::string_view> values;
    std::size_t present = 0;  // non-empty cells
    std::size_t distinct = 0;
};

ValueSet value_set(const Column& column) {
    ValueSet set;
    const TextColumn& texts = column.texts;
    if (!texts.pooled()) {
        for (std::size_t row = 0; row < column.size(); ++row) set.present += !column.is_missing(row);
        set.values = present_dictionary_values(column);
        set.distinct = set.values.size();
        return set;
    }
    // A pooled column has at least TextColumn::early_pool_check distinct values: never a category
    // or boolean, so its values only need checking one by one.
    for (std::size_t row = 0; row < column.size(); ++row) {
        if (column.is_missing(row)) continue;
        ++set.present;
        set.values.push_back(texts[row]);
    }
    set.distinct = TextColumn::dictionary_limit + 1;
    return set;
}

// A value of a numeric kind (whole number, number, date) and the number it is stored as; nothing
// when it does not fit the kind.
std::optional<double> numeric_value(std::string_view text, ValueKind kind, DecimalMark decimal_mark) {
    if (kind == ValueKind::date) {
        const DateParse parsed = parse_date(text);
        if (parsed.status != ParseStatus::ok) return std::nullopt;
        return static_cast<double>(parsed.day);
    }
    if (!number_shaped(text)) return std::nullopt;
    const NumberParse parsed = parse_number(text, false, decimal_mark);
    if (parsed.status != ParseStatus::ok) return std::nullopt;
    if (kind == ValueKind::whole_number && !is_exact_whole_number(parsed.value)) return std::nullopt;
    return parsed.value;
}

// An empty column of `kind` with the text column's name and protection, room for all its rows.
Column typed_like(const Column& text_column, ValueKind kind) {
    Column typed;
    typed.name = text_column.name;
    typed.type = column_type_for(kind);
    typed.kind = kind;
    typed.protected_attribute = text_column.protected_attribute;
    typed.numbers.reserve(text_column.size());
    typed.missing.reserve(text_column.size());
    return typed;
}

// The pooled text column as a column of a numeric `kind`, parsed in one pass; nothing as soon as
// a value does not fit.
std::optional<Column> parsed_as(const Column& text_column, ValueKind kind, DecimalMark decimal_mark) {
    Column typed = typed_like(text_column, kind);
    for (std::size_t row = 0; row < text_column.size(); ++row) {
        if (text_column.is_missing(row)) {
            typed.push_missing();
            continue;
        }
        const std::optional<double> value = numeric_value(text_column.texts[row], kind, decimal_mark);
        if (!value) return std::nullopt;
        typed.push_number(*value);
    }
    return typed;
}

bool all_fit(const ValueSet& set, ValueKind kind, DecimalMark decimal_mark) {
    return std::all_of(set.values.begin(), set.values.end(),
                       [&](std::string_view value) { return fits_value_kind(value, kind, decimal_mark); });
}

}  // namespace

bool fits_value_kind(std::string_view text, ValueKind kind, DecimalMark decimal_mark) {
    switch (kind) {
    case ValueKind::text:
    case ValueKind::category: return true;
    case ValueKind::boolean: {
        const BooleanToken token = parse_boolean(text);
        return token == BooleanToken::yes || token == BooleanToken::no;
    }
    case ValueKind::whole_number:
    case ValueKind::number:
    case ValueKind::date:
        return numeric_value(text, kind, decimal_mark).has_value();
    }
    return false;
}

double stored_number(std::string_view text, ValueKind kind, DecimalMark decimal_mark) {
    switch (kind) {
    case ValueKind::boolean: return parse_boolean(text) == BooleanToken::yes ? 1.0 : 0.0;
    case ValueKind::date: return static_cast<double>(parse_date(text).day);
    default: return parse_number(text, false, decimal_mark).value;
    }
}

ValueKind infer_value_kind(const Column& text_column, DecimalMark decimal_mark) {
    const ValueSet set = value_set(text_column);
    if (set.present == 0) return ValueKind::text;
    // Spellings differing only in case ("Ja", "ja", "JA") count once: a handful at most.
    if (set.distinct <= 16 && all_fit(set, ValueKind::boolean, decimal_mark)) {
        std::vector<std::string> spellings;
        for (std::string_view value : set.values) spellings.push_back(lower_ascii(value));
        std::sort(spellings.begin(), spellings.end());
        if (std::unique(spellings.begin(), spellings.end()) - spellings.begin() <= 2) return ValueKind::boolean;
    }
    for (ValueKind kind : {ValueKind::whole_number, ValueKind::number, ValueKind::date})
        if (all_fit(set, kind, decimal_mark)) return kind;
    if (set.distinct <= max_category_values && set.present >= 2 * set.distinct) return ValueKind::category;
    return ValueKind::text;
}

Column converted_column(Column text_column, ValueKind kind, DecimalMark decimal_mark) {
    const ColumnType type = column_type_for(kind);
    if (type == ColumnType::text) {
        text_column.kind = kind;
        return text_column;
    }
    Column typed = typed_like(text_column, kind);
    const TextColumn& texts = text_column.texts;
    // A dictionary column's values are parsed once each, not once per cell.
    std::vector<double> by_code;
    if (!texts.pooled()) {
        by_code.resize(texts.distinct_count(), 0.0);
        for (std::size_t code = 0; code < by_code.size(); ++code)
            if (fits_value_kind(texts.distinct_value(code), kind, decimal_mark))
                by_code[code] = stored_number(texts.distinct_value(code), kind, decimal_mark);
    }
    for (std::size_t row = 0; row < text_column.size(); ++row) {
        if (text_column.is_missing(row)) typed.push_missing();
        else if (!texts.pooled()) typed.push_number(by_code[texts.code(row)]);
        else typed.push_number(stored_number(texts[row], kind, decimal_mark));
    }
    return typed;
}

Column inferred_column(Column text_column, DecimalMark decimal_mark) {
    if (text_column.texts.pooled()) {
        // infer_value_kind's order. A pooled column holds thousands of distinct values (an empty
        // one is a dictionary of one value), so it has values and is never a boolean or a category.
        for (const ValueKind kind : {ValueKind::whole_number, ValueKind::number, ValueKind::date})
            if (std::optional<Column> typed = parsed_as(text_column, kind, decimal_mark)) return std::move(*typed);
        return converted_column(std::move(text_column), ValueKind::text, decimal_mark);
    }
    const ValueKind kind = infer_value_kind(text_column, decimal_mark);
    return converted_column(std::move(text_column), kind, decimal_mark);
}

}  // namespace radar
