// Groupings for the audit: a column's values, or the derived organiser size class.
#include "core/fairness/audit_grouping.hpp"

#include <algorithm>
#include <iterator>

#include "core/base/text_index.hpp"

namespace radar {
namespace {

constexpr const char* id_column = "dossier_id";
constexpr const char* organiser_column = "organiser_id";

constexpr const char* organiser_size_classes[] = {"1", "2-5", "6+"};

std::size_t organiser_size_class(std::size_t locations) {
    if (locations <= 1) return 0;
    if (locations <= 5) return 1;
    return 2;
}

// Numbers the groups in order of first appearance.
class GroupNumbering {
public:
    explicit GroupNumbering(Grouping& grouping) : grouping_(grouping) {}
    std::uint32_t number_of(std::string_view group) {
        const auto number = static_cast<std::uint32_t>(grouping_.group_names.size());
        const auto name_at = [this](std::size_t known) { return std::string_view(grouping_.group_names[known]); };
        if (const auto known = numbers_.add(group, number, name_at)) return static_cast<std::uint32_t>(*known);
        grouping_.group_names.emplace_back(group);
        return number;
    }

    // The group of a present cell; a text column's dictionary code is looked up once.
    std::uint32_t number_of_cell(const Column& column, std::size_t row) {
        if (column.type != ColumnType::text || column.texts.pooled())
            return number_of(column_cell_text(column, row, scratch_));
        const std::uint32_t code = column.texts.code(row);
        if (code >= number_of_code_.size()) number_of_code_.resize(column.texts.distinct_count(), Grouping::no_dossier);
        std::uint32_t& number = number_of_code_[code];
        if (number == Grouping::no_dossier) number = number_of(column.texts.distinct_value(code));
        return number;
    }

private:
    Grouping& grouping_;
    TextIndex numbers_;  // a group's name -> its number
    std::string scratch_;  // a number's or date's text
    std::vector<std::uint32_t> number_of_code_;  // by dictionary code; no_dossier = not looked up yet
};

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
    grouping.ids = ids;
    grouping.row_groups.assign(ids->size(), Grouping::no_dossier);
    GroupNumbering numbering(grouping);
    const Column* column = name == id_column ? nullptr : dataset.find(name);
    if (!column && name == organiser_size_grouping && dataset.find(organiser_column)) {
        const Column& organisers = *dataset.find(organiser_column);
        Grouping by_organiser;  // each organiser a group: its number per row, then its locations
        GroupNumbering organiser_numbering(by_organiser);
        by_organiser.row_groups.assign(organisers.size(), Grouping::no_dossier);
        for (std::size_t row = 0; row < organisers.size(); ++row)
            if (!organisers.is_missing(row)) by_organiser.row_groups[row] = organiser_numbering.number_of_cell(organisers, row);
        std::vector<std::size_t> locations(by_organiser.group_names.size());
        for (const std::uint32_t organiser : by_organiser.row_groups)
            if (organiser != Grouping::no_dossier) ++locations[organiser];
        grouping.derived = true;
        std::uint32_t class_numbers[std::size(organiser_size_classes)] = {Grouping::no_dossier, Grouping::no_dossier,
                                                                          Grouping::no_dossier};
        for (std::size_t row = 0; row < ids->size(); ++row) {
            if (ids->is_missing(row)) continue;
            const std::uint32_t organiser = by_organiser.row_groups[row];
            const std::size_t size_class = organiser_size_class(organiser == Grouping::no_dossier ? 1 : locations[organiser]);
            std::uint32_t& number = class_numbers[size_class];
            if (number == Grouping::no_dossier) number = numbering.number_of(organiser_size_classes[size_class]);
            grouping.row_groups[row] = number;
        }
        return grouping;
    }
    if (!column) {
        std::string list;
        for (const std::string& available : available_groupings(dataset)) list += (list.empty() ? "" : ", ") + available;
        return Checked<Grouping>::failure("no column '" + name + "' to group by; available: " + list);
    }
    grouping.protected_attribute = is_protected_column(*column, dictionary);
    for (std::size_t row = 0; row < ids->size(); ++row)
        if (!ids->is_missing(row))
            grouping.row_groups[row] =
                column->is_missing(row) ? numbering.number_of(std::string_view()) : numbering.number_of_cell(*column, row);
    return grouping;
}

}  // namespace radar
