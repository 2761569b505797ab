// Where a paragraph's lines break: only at spaces, never inside a word or a number. Dear ImGui
// 1.86 also breaks after "." and ",", which split "5,3%" or "1.250" over two lines.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace radar {

// How wide a piece of text is drawn (in the caller's unit, e.g. pixels).
using TextWidth = std::function<float(std::string_view)>;

// `text` with a line break in place of the space before each word that would end past `width`.
// Existing line breaks stay; the spaces at a new break are dropped; a word wider than `width`
// stays whole on its own line (whoever draws it cuts or clips it).
std::string broken_at_spaces(std::string_view text, float width, const TextWidth& width_of);

}  // namespace radar
