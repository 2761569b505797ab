// Dataset values and field names as people read them in the current language: dates in the
// app's format, numbers with the language's decimal mark, the export's Dutch category values
// (care type, enforcement measure, status) translated in English, and the field dictionary's
// label instead of a field key (and an audit grouping's name).
#pragma once

#include <string>
#include <string_view>

#include "core/data/dataset.hpp"
#include "core/import/field_dictionary.hpp"

namespace radar::session {

// "gezinsopvang" -> "family-based care", "aanmaning" -> "formal warning" in English; Dutch and
// unknown values are returned as they are.
std::string category_label(std::string_view value);

// One cell for people; "" when missing.
std::string cell_label(const Dataset& dataset, std::size_t column, std::size_t row);

// The dictionary's label of a field ("Organisator" for organiser_id); an imported extra column
// keeps its own name. Without a dictionary the name is returned.
std::string field_label(const FieldDictionary* dictionary, const std::string& name);

// An audit grouping's name for people: "Organisatiegrootte (aantal locaties)" for the organiser
// size class, else the field's label.
std::string grouping_label(const FieldDictionary* dictionary, const std::string& name);

}  // namespace radar::session
