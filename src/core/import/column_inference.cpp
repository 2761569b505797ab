// Inferring an extra column's type from all its values, and converting it.
#include "core/import/column_inference.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace radar {
namespace {

constexpr double largest_exact_integer = 9007199254740992.0;  // 2^53

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
    // A pooled column has more than 65,536 distinct values: never a category or boolean, so its
    // values only need checking one by one.
    for (std::size_t row = 0; row < column.size(); ++row) {
        if (column.is_missing(row)) continue;
        ++set.present;
        set.values.push_back(texts[row]);
    }
    set.distinct = TextColumn::dictionary_limit + 1;
    return set;
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
    case ValueKind::number: {
        if (!number_shaped(text)) return false;
        const NumberParse parsed = parse_number(text, false, decimal_mark);
        if (parsed.status != ParseStatus::ok) return false;
        return kind == ValueKind::number ||
               (parsed.value == std::floor(parsed.value) && std::fabs(parsed.value) <= largest_exact_integer);
    }
    case ValueKind::date: return parse_date(text).status == ParseStatus::ok;
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
    Column typed;
    typed.name = std::move(text_column.name);
    typed.type = type;
    typed.kind = kind;
    typed.protected_attribute = text_column.protected_attribute;
    typed.numbers.reserve(text_column.size());
    typed.missing.reserve(text_column.size());
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

}  // namespace radar
