// Accent- and case-insensitive matching for search boxes: "Crèche" and "creche" match, "Ayşe" and "ayse".
#pragma once

#include <string>
#include <string_view>

namespace radar {

// Lower-cases ASCII and maps the accented letters of Latin-1, Latin Extended-A and Romanian
// (UTF-8 encoded: "Ayşe Černá Ștefan" folds to "ayse cerna stefan") to their base letter, and the
// ligatures Ĳ and Œ to "ij" and "oe"; other bytes pass through unchanged. Folded text is never
// longer than the text.
std::string fold_for_search(std::string_view utf8);
// The same, appended to `out` (no allocation per text when folding many into one buffer).
void append_folded(std::string& out, std::string_view utf8);

}  // namespace radar
