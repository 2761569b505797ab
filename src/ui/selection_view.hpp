// The "Selectie" screen (issue #5): batch settings, this month's preview with a reason per
// dossier and the cooldown list, committing the batch, and the batches with their progress.
#pragma once

#include "session/session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

void draw_selection_view(Session& state, const Fonts& fonts);

}  // namespace radar::ui
