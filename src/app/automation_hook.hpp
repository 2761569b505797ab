// The thin automation surface behind `window.radar` (see index.html): tests read the app's state
// and drive the filter and language through these C functions.
#pragma once

#include "session/audit_work.hpp"
#include "session/backup_session.hpp"
#include "session/import_session.hpp"
#include "session/session.hpp"
#include "ui/theme.hpp"
#include "ui/view_state.hpp"

namespace radar::app {

// What the hook reads and acts on: the app's session parts and the views' state (for what only a
// view holds, e.g. the report it shows). Set once at start-up; all outlive the page.
struct AutomatedApp {
    session::Session* state = nullptr;
    session::ImportSession* import_session = nullptr;
    const session::BackupSession* backup = nullptr;
    session::AuditWork* audit = nullptr;
    ui::ViewState* views = nullptr;
    const ui::Fonts* fonts = nullptr;
};
void attach_automation_hook(const AutomatedApp& app);

// When window.radar.captureText() asked for it: keeps the text of this drawn frame (what a person
// sees), for tests that check the words on screen. Called after ImGui::Render().
void capture_drawn_text_if_requested(const ImDrawData& frame);
// A test asked for the next frame's text: that frame is wanted now.
bool drawn_text_requested();

}  // namespace radar::app
