// The single full-window ImGui window that hosts the header and the current screen.
#pragma once

#include "session/backup_session.hpp"
#include "session/audit_work.hpp"
#include "session/import_session.hpp"
#include "session/session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"
#include "ui/view_state.hpp"

namespace radar::ui {

// Global keyboard shortcuts, detected by the platform-specific app layer (it knows the key codes).
struct Shortcuts {
    bool focus_search = false;     // "/"
    bool toggle_language = false;  // Alt+L
    bool show_shortcuts = false;   // "?" (outside text fields)
};

// Draws the frame: the session's parts and the views' own state, all owned by the app.
void draw_main_window(Session& state, ImportSession& import_session, BackupSession& backup, AuditWork& audit, ViewState& views,
                      const Fonts& fonts, Shortcuts shortcuts);

}  // namespace radar::ui
