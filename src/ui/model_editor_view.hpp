// The "Model" screen: the active model's parameters with live weight and threshold editing, the
// ranking movement against the active version, and saving, activating, importing and exporting versions.
#pragma once

#include "ui/app_state.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

void draw_model_editor_view(AppState& state, const Fonts& fonts);

}  // namespace radar::ui
