// The top band: app title, dataset and dates, the synthetic-data badge, and the tools: the list of
// shortcuts, the text size and the language switch.
#pragma once

#include "session/session.hpp"
#include "ui/session_names.hpp"
#include "ui/shortcuts_dialog.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

// `compact`: a short window (zoomed in, larger text, a small screen): the title in the body's
// bold font and less room around it, so the screens keep their height. `loading`: the name of a
// stored dataset being loaded at start-up, shown in place of the data still in use (without the
// synthetic demo's badge); nullptr otherwise.
void draw_header_bar(Session& state, const Fonts& fonts, ShortcutsDialog& shortcuts, bool compact,
                     const std::string* loading);

}  // namespace radar::ui
