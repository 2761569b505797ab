// Small text widgets the screens share: a section's title, text wrapped at spaces, a wrapping
// bullet and tooltip, a text cut to its column with an ellipsis (the whole text on hover), and a
// screening code as a coloured chip that carries its name (never colour alone).
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

#include "core/screening/screening_event.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

// A section's title in the strong font, with a rule under it; a heading (level 3) for the
// accessibility layer.
void section_title(const char* title, const Fonts& fonts);

// Text wrapped as ImGui::TextWrapped wraps it (at the pushed wrap position, else at the window's
// or column's edge), but broken only at spaces: ImGui alone also breaks after "." and ",", inside
// a number ("5,\n3%").
void wrapped_text(std::string_view text);
// How high wrapped_text draws `text` when it wraps at `width` pixels (to size a band before it).
float wrapped_text_height(std::string_view text, float width);
// The same in the muted colour (ImGui's TextDisabled).
void wrapped_muted_text(std::string_view text);
// Text of a narrow table cell or header, wrapped at spaces: a word wider than the cell is cut
// with "…" (all of it on hover) rather than broken inside.
void wrapped_cell_text(const std::string& text);

// A bullet whose text wraps at the window's (or the pushed) wrap width, aligned after the bullet;
// ImGui's BulletText does not wrap.
void wrapped_bullet(const std::string& text);

// A tooltip for the last item when it is hovered, wrapped at about 35 characters' width (ImGui's
// SetTooltip runs a long text off the screen).
void wrapped_tooltip(const char* text);
// The same tooltip shown now, whatever is hovered (the caller decided: a disabled item, a row).
void show_wrapped_tooltip(const char* text);

// `text` as it fits in `width` pixels: whole, or cut ending in "…" (for text drawn by hand).
std::string cut_to_width(const std::string& text, float width);

// Draws `text` in at most `width` pixels (the rest of the line when width <= 0), ending in "…"
// when it does not fit; hovering a cut text shows all of it.
void fitted_text(const std::string& text, float width = 0.0f);

// "Risico" / "Geen risico" / "Verder onderzoek nodig" on a light chip in the code's colour; the
// short form ("Onderzoek" / "Investigate" for the third) where a list is narrow.
void code_chip(ScreeningCode code, bool short_label = false);

}  // namespace radar::ui
