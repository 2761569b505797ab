// The dataset column a user names (a command's option, the audit screen's grouping): the column's
// own name, the same in another case, or the dictionary field the name maps to as an export
// header ("Kindplaatsen" -> capacity, "Provincie" -> province).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/data/dataset.hpp"
#include "core/import/field_dictionary.hpp"

namespace radar {

// How typed names and cells are compared: surrounding spaces removed, ASCII letters in lower case.
std::string lower_trimmed(std::string_view text);

// The column's name, or none when the dataset has no such column. Without a dictionary only the
// column names are compared.
std::optional<std::string> resolve_column(const Dataset& dataset, const FieldDictionary* dictionary,
                                          const std::string& name);

}  // namespace radar
