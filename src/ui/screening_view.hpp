// The "Screening" screen (issue #6): the open batch's queue with progress, the chosen dossier
// with its reasons and history, and the coding form (1/2/3, Enter, J/K; corrections as new events).
#pragma once

#include "session/session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

void draw_screening_view(Session& state, const Fonts& fonts);

}  // namespace radar::ui
