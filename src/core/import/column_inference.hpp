// The type of an extra column (one that maps to no dictionary field), inferred from all its
// values: whole number, number, date, boolean, category or text; and the conversion of the
// column the importer read as text into that type. Rules in docs/import.md.
#pragma once

#include <cstddef>

#include "core/data/dataset.hpp"
#include "core/import/value_parsing.hpp"

namespace radar {

// At most this many distinct values, each appearing twice on average, make a category.
constexpr std::size_t max_category_values = 50;

// The kind of a text column's non-empty values (empty cells are missing and do not count):
//   boolean       every value is a yes/no word (ja/nee, j/n, yes/no, y/n, true/false, waar/onwaar,
//                 oui/non, vrai/faux, 1/0), at most two different ones ignoring case
//   whole_number  every value is a number (see number) without a fraction
//   number        every value parses as parse_number does with the file's decimal mark (decimal
//                 comma or point, thousands separators in groups of three) and has at most 15
//                 digits, none with a leading zero ("0123" is a code)
//   date          every value is a date parse_date accepts (day first, ISO)
//   category      at most max_category_values distinct values, with at least twice as many values
//   text          anything else, also a column without any value
// The first kind that fits wins, so one value that is not a number makes a numeric column a
// category or text: no value is ever left out.
ValueKind infer_value_kind(const Column& text_column, DecimalMark decimal_mark);

// True when `text` (trimmed, non-empty) is a value of `kind` under the rules above.
bool fits_value_kind(std::string_view text, ValueKind kind, DecimalMark decimal_mark);

// The number a value of a numeric kind is stored as (booleans 0/1, dates as day numbers);
// only for values that fit the kind.
double stored_number(std::string_view text, ValueKind kind, DecimalMark decimal_mark);

// The text column as a column of `kind` (same name, missing cells and protection); every
// non-empty value must fit the kind (infer_value_kind checked it). Text and category stay text.
Column converted_column(Column text_column, ValueKind kind, DecimalMark decimal_mark);

// converted_column(text_column, infer_value_kind(text_column)), as an import does with each extra
// column, with a pooled column's values (too many distinct ones for a dictionary, an amount for
// instance) parsed once each instead of once to check and once to convert.
Column inferred_column(Column text_column, DecimalMark decimal_mark);

}  // namespace radar
