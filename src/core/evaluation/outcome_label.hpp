// Reading an outcome label cell as positive / negative: 1/0, ja/nee, true/false, yes/no
// (case-insensitive, spaces around ignored). Anything else is not a label.
#pragma once

#include <optional>
#include <string_view>

namespace radar {

// True for 1/ja/true/yes, false for 0/nee/false/no, none for anything else (also empty).
std::optional<bool> parse_outcome_label(std::string_view text);

}  // namespace radar
