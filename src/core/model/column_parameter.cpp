// Choosing a column as a new model input and its first pipeline.
#include "core/model/column_parameter.hpp"

#include <algorithm>

namespace radar {

std::vector<InputColumn> model_input_columns(const Dataset& dataset, const std::set<std::string>& protected_fields,
                                             const std::string& id_field) {
    std::vector<InputColumn> columns;
    for (const Column& column : dataset.columns()) {
        if (column.protected_attribute || protected_fields.count(column.name) || column.name == id_field) continue;
        if (column.kind == ValueKind::text) continue;
        columns.push_back({column.name, column.kind});
    }
    return columns;
}

namespace {

std::string unique_parameter_id(const ModelSpec& spec, const std::string& base) {
    auto taken = [&](const std::string& id) {
        return std::any_of(spec.parameters.begin(), spec.parameters.end(),
                           [&](const ModelParameter& parameter) { return parameter.id == id; });
    };
    if (!taken(base)) return base;
    for (int suffix = 2;; ++suffix) {
        const std::string id = base + "_" + std::to_string(suffix);
        if (!taken(id)) return id;
    }
}

// Every value of a text column, in order of first appearance.
std::vector<std::string> column_values(const Column& column) {
    std::vector<std::string> values;
    std::set<std::string_view> seen;
    for (std::size_t row = 0; row < column.size(); ++row) {
        if (column.is_missing(row)) continue;
        const std::string_view value = column.texts[row];
        if (seen.insert(value).second) values.emplace_back(value);
    }
    return values;
}

}  // namespace

ModelParameter parameter_for_column(const ModelSpec& spec, const Column& column) {
    ModelParameter parameter;
    parameter.id = unique_parameter_id(spec, column.name.empty() ? "input" : column.name);
    parameter.field = column.name;
    parameter.weight = 1.0;
    parameter.missing.kind = MissingPolicyKind::unknown;
    parameter.label = {column.name, column.name};
    parameter.rationale = {"Toegevoegd in de modeleditor: " + column.name, "Added in the model editor: " + column.name};
    Transform transform;
    switch (column.kind) {
    case ValueKind::whole_number:
    case ValueKind::number: transform.kind = TransformKind::linear; break;
    case ValueKind::boolean: transform.kind = TransformKind::boolean; break;
    case ValueKind::date:
        transform.kind = TransformKind::time_since;
        transform.unit = TimeUnit::months;
        break;
    case ValueKind::category:
    case ValueKind::text:
        transform.kind = TransformKind::categorical;
        for (std::string& value : column_values(column)) transform.levels.emplace_back(std::move(value), 0.0);
        if (transform.levels.empty()) transform.levels.emplace_back("", 0.0);
        break;
    }
    parameter.transforms.push_back(std::move(transform));
    return parameter;
}

}  // namespace radar
