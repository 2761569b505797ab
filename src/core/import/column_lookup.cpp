// Finding the column a user names.
#include "core/import/column_lookup.hpp"

#include <cctype>

#include "core/import/column_mapping.hpp"

namespace radar {

std::string lower_trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    std::string lower(text);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower;
}

std::optional<std::string> resolve_column(const Dataset& dataset, const FieldDictionary* dictionary,
                                          const std::string& name) {
    if (dataset.find(name)) return name;
    for (const Column& column : dataset.columns())
        if (lower_trimmed(column.name) == lower_trimmed(name)) return column.name;
    if (!dictionary) return std::nullopt;
    const std::vector<HeaderMapping> mapped = map_headers({name}, *dictionary, nullptr);
    if (!mapped.empty() && !mapped.front().field.empty() && dataset.find(mapped.front().field))
        return mapped.front().field;
    return std::nullopt;
}

}  // namespace radar
