// The top band: app title, dataset and dates, the synthetic-data badge and the language switch.
#pragma once

#include "session/session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

void draw_header_bar(const Session& state, const Fonts& fonts);

}  // namespace radar::ui
