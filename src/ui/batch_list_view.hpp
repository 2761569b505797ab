// The committed batches on the "Selectie" screen: progress and status per batch, the check that
// re-running the rule reproduces a batch, and closing an open batch after a confirmation that
// lists its uncoded dossiers.
#pragma once

#include <array>
#include <string>

#include "session/session.hpp"
#include "ui/session_names.hpp"

namespace radar::ui {

// The batch the close confirmation is about (set by its "close" button) and what is typed in it.
struct CloseDialog {
    std::string batch_id;
    std::array<char, 200> note{};
    std::string refusal;
};

void draw_batch_list(Session& state, CloseDialog& dialog);

}  // namespace radar::ui
