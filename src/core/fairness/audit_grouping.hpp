// The groups a fairness audit compares: any dataset column's values per dossier (province, care
// type, municipality, a protected attribute...), or the organiser size class derived from how many
// locations (dossiers) each organiser has. A dossier whose cell is empty is in the group "".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/checked.hpp"
#include "core/data/dataset.hpp"
#include "core/import/field_dictionary.hpp"

namespace radar {

// The derived grouping's name: the organiser's number of locations in the dataset, as the classes
// "1", "2-5" and "6+" (dossiers sharing an organiser_id; an empty organiser_id counts as 1).
constexpr const char* organiser_size_grouping = "organiser_size";

// Each group's name once and a number per dataset row (not a string per dossier: an audit of a
// million dossiers reads a few thousand batch members and counts the rest).
struct Grouping {
    static constexpr std::uint32_t no_dossier = UINT32_MAX;  // a row without a dossier id

    std::string name;                  // the column's name, or organiser_size_grouping
    bool protected_attribute = false;  // a protected field (audited, never a model input)
    bool derived = false;              // computed from other columns, not read from one
    std::vector<std::string> group_names;   // in order of first appearance ("" = empty cell)
    std::vector<std::uint32_t> row_groups;  // per dataset row: an index into group_names, or no_dossier
    const Column* ids = nullptr;            // the dataset's dossier ids (valid while the dataset is)

    // The group of a row with a dossier id.
    const std::string& group_of_row(std::size_t row) const { return group_names[row_groups[row]]; }
};

// Whether a column is protected: marked so by the importer or named in the dictionary.
bool is_protected_column(const Column& column, const FieldDictionary* dictionary);

// The grouping by `name`: a column of the dataset or organiser_size_grouping. An unknown name is
// an error listing the groupings available.
Checked<Grouping> grouping_named(const Dataset& dataset, const std::string& name,
                                 const FieldDictionary* dictionary = nullptr);

// Every name grouping_named accepts: the dataset's columns except the dossier id, and the
// organiser size class when the dataset has organiser_id.
std::vector<std::string> available_groupings(const Dataset& dataset);

// What an audit looks at unless told otherwise: province, care type, organiser size class and
// municipality (those that exist), then every protected column present, in dataset order.
std::vector<std::string> default_groupings(const Dataset& dataset, const FieldDictionary* dictionary = nullptr);

}  // namespace radar
