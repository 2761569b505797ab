// Groupings for the audit: a column's values, or the derived organiser size class.
#include "core/fairness/audit_grouping.hpp"

#include <algorithm>
#include <map>

namespace radar {
namespace {

constexpr const char* id_column = "dossier_id";
constexpr const char* organiser_column = "organiser_id";

const char* organiser_size_class(std::size_t locations) {
    if (locations <= 1) return "1";
    if (locations <= 5) return "2-5";
    return "6+";
}

// Rows with a dossier id and the id of each.
std::vector<std::pair<std::size_t, std::string>> identified_rows(const Column& ids) {
    std::vector<std::pair<std::size_t, std::string>> rows;
    for (std::size_t row = 0; row < ids.size(); ++row)
        if (!ids.is_missing(row)) rows.emplace_back(row, std::string(ids.texts[row]));
    return rows;
}

}  // namespace

bool is_protected_column(const Column& column, const FieldDictionary* dictionary) {
    return column.protected_attribute || (dictionary && dictionary->is_protected(column.name));
}

std::vector<std::string> available_groupings(const Dataset& dataset) {
    std::vector<std::string> names;
    for (const Column& column : dataset.columns())
        if (column.name != id_column) names.push_back(column.name);
    if (dataset.find(organiser_column) && !dataset.find(organiser_size_grouping)) names.push_back(organiser_size_grouping);
    return names;
}

std::vector<std::string> default_groupings(const Dataset& dataset, const FieldDictionary* dictionary) {
    std::vector<std::string> names;
    for (const char* name : {"province", "care_type", organiser_size_grouping, "municipality"}) {
        for (const std::string& available : available_groupings(dataset))
            if (available == name) names.push_back(available);
    }
    for (const Column& column : dataset.columns())
        if (is_protected_column(column, dictionary) && column.name != id_column &&
            std::find(names.begin(), names.end(), column.name) == names.end())
            names.push_back(column.name);
    return names;
}

Checked<Grouping> grouping_named(const Dataset& dataset, const std::string& name, const FieldDictionary* dictionary) {
    const Column* ids = dataset.find(id_column);
    if (!ids || ids->type != ColumnType::text) return Checked<Grouping>::failure("the dataset has no dossier_id column");
    Grouping grouping;
    grouping.name = name;
    const Column* column = name == id_column ? nullptr : dataset.find(name);
    if (!column && name == organiser_size_grouping && dataset.find(organiser_column)) {
        const Column& organisers = *dataset.find(organiser_column);
        std::string scratch;
        std::map<std::string, std::size_t> locations;
        for (std::size_t row = 0; row < organisers.size(); ++row)
            if (!organisers.is_missing(row)) ++locations[std::string(column_cell_text(organisers, row, scratch))];
        grouping.derived = true;
        for (const auto& [row, id] : identified_rows(*ids)) {
            const std::size_t count =
                organisers.is_missing(row) ? 1 : locations[std::string(column_cell_text(organisers, row, scratch))];
            grouping.dossier_ids.push_back(id);
            grouping.groups.push_back(organiser_size_class(count));
        }
        return grouping;
    }
    if (!column) {
        std::string list;
        for (const std::string& available : available_groupings(dataset)) list += (list.empty() ? "" : ", ") + available;
        return Checked<Grouping>::failure("no column '" + name + "' to group by; available: " + list);
    }
    grouping.protected_attribute = is_protected_column(*column, dictionary);
    std::string scratch;
    for (const auto& [row, id] : identified_rows(*ids)) {
        grouping.dossier_ids.push_back(id);
        grouping.groups.push_back(column->is_missing(row) ? std::string()
                                                          : std::string(column_cell_text(*column, row, scratch)));
    }
    return grouping;
}

}  // namespace radar
