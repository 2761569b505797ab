// The committed batches on the "Selectie" screen: progress and status per batch, the check that
// re-running the rule reproduces a batch, and closing an open batch after a confirmation that
// lists its uncoded dossiers.
#pragma once

#include "session/session.hpp"
#include "ui/session_names.hpp"

namespace radar::ui {

void draw_batch_list(Session& state);

}  // namespace radar::ui
