// The larger-text setting: the app draws its text, and the spacing around it, at 100% to 200% of
// its normal size (the fonts are made again at that size, so the text stays sharp). A stored
// setting, like the screener's name.
#pragma once

#include "session/session.hpp"
#include "ui/session_names.hpp"

namespace radar::ui {

// The chosen size in percent: one of 100, 125, 150, 200 (100 when none was chosen).
int text_size_percent(const Session& state);

// The header's choice of text size ("Tekst 125%").
void draw_text_size_choice(Session& state);

}  // namespace radar::ui
