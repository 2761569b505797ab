// The ranked dossier table with its search box and row count.
#pragma once

#include <array>

#include "session/session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

struct RankingViewInput {
    bool focus_filter = false;  // the "/" shortcut was pressed
    std::array<char, 256>* search_box = nullptr;  // the filter box's text (the view state's)
};

void draw_ranking_view(Session& state, const Fonts& fonts, RankingViewInput input);

}  // namespace radar::ui
