// The text of a drawn frame, read back from ImGui's draw lists: every glyph quad is matched to
// the font atlas's glyph by its texture coordinates. It is what a person sees (tooltips, popups
// and input fields included), for tests that check the words on screen.
#pragma once

#include <imgui.h>

#include <string>

namespace radar::app {

// One line per run of glyphs on the same line, in draw order; a space where glyphs are further
// apart than a sixth of the line's height (a space is about a third). Glyphs cut by a clip
// rectangle are left out.
std::string drawn_text(const ImDrawData& frame, const ImFontAtlas& atlas);

}  // namespace radar::app
