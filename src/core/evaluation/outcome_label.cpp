// Outcome label spellings.
#include "core/evaluation/outcome_label.hpp"

#include <cctype>
#include <string>

namespace radar {

std::optional<bool> parse_outcome_label(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    std::string lower(text);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "1" || lower == "ja" || lower == "true" || lower == "yes") return true;
    if (lower == "0" || lower == "nee" || lower == "false" || lower == "no") return false;
    return std::nullopt;
}

}  // namespace radar
