// The "Model" screen: the active model's parameters with live weight and threshold editing, the
// ranking movement against the active version, and saving, activating, importing and exporting versions.
#pragma once

#include "session/session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

void draw_model_editor_view(Session& state, const Fonts& fonts);

}  // namespace radar::ui
