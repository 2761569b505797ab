// Accent- and case-insensitive matching for search boxes: "Crèche" and "creche" match.
#pragma once

#include <string>
#include <string_view>

namespace radar {

// Lower-cases ASCII and maps the Latin-1 letters (UTF-8 encoded) to their base letter; other
// bytes pass through unchanged.
std::string fold_for_search(std::string_view utf8);
// The same, appended to `out` (no allocation per text when folding many into one buffer).
void append_folded(std::string& out, std::string_view utf8);

}  // namespace radar
