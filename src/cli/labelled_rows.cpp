// Column names, --where and label cells for the evaluation commands.
#include "cli/labelled_rows.hpp"

#include "core/evaluation/outcome_label.hpp"

namespace radar::cli {

bool CellCondition::matches(const Dataset& dataset, std::size_t row, std::string& scratch) const {
    return lower_trimmed(dataset.cell_text(column, row, scratch)) == value;
}

Checked<CellCondition> cell_condition(const Dataset& dataset, const FieldDictionary& dictionary,
                                      const std::string& text, const std::string& option) {
    using Result = Checked<CellCondition>;
    const std::size_t equals = text.find('=');
    if (equals == std::string::npos || equals == 0)
        return Result::failure(option + " needs COLUMN=VALUE, got '" + text + "'");
    const std::string column = text.substr(0, equals);
    const auto name = resolve_column(dataset, &dictionary, column);
    if (!name) return Result::failure(option + ": no column '" + column + "' in the data");
    const std::size_t index = *dataset.index_of(*name);
    std::string value = lower_trimmed(text.substr(equals + 1));
    // A yes/no column holds 1 and 0: "ja", "yes", "true" and "1" all mean its 1.
    if (dataset.columns()[index].kind == ValueKind::boolean)
        if (const std::optional<bool> yes = parse_outcome_label(value)) value = *yes ? "1" : "0";
    return CellCondition{index, value};
}

Checked<LabelledRows> labelled_rows(const Dataset& dataset, const FieldDictionary& dictionary, const std::string& label,
                                    const std::optional<CellCondition>& where) {
    using Result = Checked<LabelledRows>;
    LabelledRows result;
    const auto label_name = resolve_column(dataset, &dictionary, label);
    if (!label_name) return Result::failure("--label: no column '" + label + "' in the data");
    result.label_column = *label_name;
    const std::size_t label_index = *dataset.index_of(*label_name);
    const auto id_index = dataset.index_of(dictionary.id_field().name);
    std::string scratch;
    for (std::size_t row = 0; row < dataset.row_count(); ++row) {
        if (where && !where->matches(dataset, row, scratch)) {
            ++result.excluded_by_where;
            continue;
        }
        ++result.matching_where;
        const std::string text(dataset.cell_text(label_index, row, scratch));
        if (text.find_first_not_of(" \t") == std::string::npos) {
            ++result.empty_labels;
            continue;
        }
        const auto value = parse_outcome_label(text);
        if (!value) {
            const std::string id = id_index ? dataset.cell_text(*id_index, row) : std::string();
            return Result::failure("row " + std::to_string(row + 1) + (id.empty() ? "" : " (dossier " + id + ")") +
                                   ": label '" + text + "' in column '" + *label_name +
                                   "' is not 1/0, ja/nee, true/false or yes/no");
        }
        result.rows.push_back(row);
        result.positive.push_back(*value ? 1 : 0);
    }
    return result;
}

}  // namespace radar::cli
