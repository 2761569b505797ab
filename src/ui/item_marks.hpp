// Where automation (window.radar.info().widgets) finds the last drawn widget.
#pragma once

#include <string>

#include "session/session.hpp"
#include "ui/session_names.hpp"

namespace radar::ui {

// Records the last item's box (display pixels) for automation under `name`.
void note_last_item(Session& state, const std::string& name);

}  // namespace radar::ui
