// The single full-window ImGui window that hosts the header and the current screen.
#pragma once

#include "session/session.hpp"
#include "session/import_session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

// Global keyboard shortcuts, detected by the platform-specific app layer (it knows the key codes).
struct Shortcuts {
    bool focus_search = false;     // "/"
    bool toggle_language = false;  // Alt+L
};

void draw_main_window(Session& state, ImportSession& import_session, const Fonts& fonts, Shortcuts shortcuts);

}  // namespace radar::ui
