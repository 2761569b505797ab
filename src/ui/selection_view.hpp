// The "Selectie" screen (issue #5): batch settings, this month's preview with a reason per
// dossier and the cooldown list, committing the batch, and the batches with their progress.
#pragma once

#include <array>
#include <optional>

#include "session/session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

// The selection date as typed: mirrors the session's date unless the user is typing; an invalid
// entry is kept in the box with a message.
struct SelectionDateBox {
    std::array<char, 40> buffer{};
    std::optional<DayNumber> shown;
    bool editing = false;
    bool invalid = false;
};

struct ViewState;

void draw_selection_view(Session& state, const Fonts& fonts, ViewState& views);

}  // namespace radar::ui
