// Shared by `radar evaluate` and `radar fit`: COLUMN=VALUE conditions (--where, --control) over
// the columns a user names (core/import/column_lookup.hpp), and the labelled rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/checked.hpp"
#include "core/data/dataset.hpp"
#include "core/import/column_lookup.hpp"
#include "core/import/field_dictionary.hpp"

namespace radar::cli {

// "COLUMN=VALUE" (--where, --control): a row matches when its cell's text equals VALUE,
// case-insensitive, spaces around ignored; on a yes/no column ja/nee, yes/no, true/false, 1/0.
struct CellCondition {
    std::size_t column = 0;
    std::string value;  // lower-cased, trimmed
    bool matches(const Dataset& dataset, std::size_t row, std::string& scratch) const;
};
// Fails on a malformed condition or an unknown column, naming `option`.
Checked<CellCondition> cell_condition(const Dataset& dataset, const FieldDictionary& dictionary,
                                      const std::string& text, const std::string& option);

struct LabelledRows {
    std::vector<std::size_t> rows;       // dataset rows kept, in dataset order
    std::vector<std::uint8_t> positive;  // one per kept row
    std::size_t matching_where = 0;      // rows matching --where (all rows without it)
    std::size_t excluded_by_where = 0;
    std::size_t empty_labels = 0;  // rows matching --where with an empty label: excluded
    std::string label_column;      // the resolved column name
};

// Rows matching `where` with their label (parse_outcome_label). Fails on an unknown label column
// or a label value that is no label (naming the row, its dossier id and the value).
Checked<LabelledRows> labelled_rows(const Dataset& dataset, const FieldDictionary& dictionary, const std::string& label,
                                    const std::optional<CellCondition>& where);

}  // namespace radar::cli
