// The panel beside the ranking that explains one dossier: rank, score, the reasons behind the
// score and every field of the dossier (extra imported columns included).
#pragma once

#include "ui/app_state.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

void draw_dossier_panel(AppState& state, const Fonts& fonts);

}  // namespace radar::ui
