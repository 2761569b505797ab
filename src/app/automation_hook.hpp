// The thin automation surface behind `window.radar` (see index.html): tests read the app's state
// and drive the filter and language through these C functions.
#pragma once

#include "session/session.hpp"
#include "session/import_session.hpp"
#include "ui/theme.hpp"

namespace radar::app {

// The hook reads and acts on these; set once at start-up (both outlive the page).
void attach_automation_hook(session::Session* state, const ui::Fonts* fonts, session::ImportSession* import_session);

// When window.radar.captureText() asked for it: keeps the text of this drawn frame (what a person
// sees), for tests that check the words on screen. Called after ImGui::Render().
void capture_drawn_text_if_requested(const ImDrawData& frame);

}  // namespace radar::app
