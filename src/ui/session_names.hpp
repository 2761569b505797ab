// The views draw the session (src/session/) and call its actions, so the session's names are the
// views' vocabulary: this one place brings them into radar::ui.
#pragma once

namespace radar::session {}

namespace radar::ui {
using namespace radar::session;
}  // namespace radar::ui
