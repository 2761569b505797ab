// The top band: app title, dataset and dates, the synthetic-data badge and the language switch.
#pragma once

#include "ui/app_state.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

void draw_header_bar(const AppState& state, const Fonts& fonts);

}  // namespace radar::ui
