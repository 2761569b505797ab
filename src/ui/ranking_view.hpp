// The ranked dossier table with its search box and row count.
#pragma once

#include "session/session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

struct RankingViewInput {
    bool focus_filter = false;  // the "/" shortcut was pressed
};

void draw_ranking_view(Session& state, const Fonts& fonts, RankingViewInput input);

}  // namespace radar::ui
