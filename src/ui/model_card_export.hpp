// The model card of the active model version as the app sees it: the saved versions, the
// dictionary's protected fields and the use figures of the recorded history.
#pragma once

#include <string>

#include "core/reporting/model_card.hpp"
#include "session/session.hpp"
#include "ui/session_names.hpp"

namespace radar::ui {

// `notice` badges the card (the synthetic-data badge for the demo; "" otherwise).
ModelCardInput model_card_input(const Session& state, const std::string& notice, Timestamp now);

// The file name of the active version's card: "<model id>-v<N>-modelkaart.html".
std::string model_card_file_name(const Session& state);

}  // namespace radar::ui
