// The group audit each batch was frozen with (FrozenBatch::audit_at_commit), on the Audit screen:
// a later reader chooses a batch and sees the selection figures, the reference group and the fair
// band the team saw that day, whatever the dataset or the choices are now.
#pragma once

#include <string>

#include "session/session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

// `shown_batch`: the batch chosen in the view ("" = the newest).
void draw_audits_at_commit(const Session& state, const Fonts& fonts, std::string& shown_batch);

}  // namespace radar::ui
