// The model editor's "learn weights from outcomes" what-if: the active version's weights fitted
// on the labelled screenings (see evaluation/learned_weights.hpp), next to the current ones, with
// the held-out comparison and the top-N movement; saved as a new version only on request.
#pragma once

#include <optional>
#include <string>

#include "session/session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

// `author` names who saves the learned version (the editor's author field; the screener's name
// when empty). The save's result when the user saved this frame.
std::optional<SaveResult> draw_learned_weights(Session& state, const Fonts& fonts, const std::string& author);

}  // namespace radar::ui
