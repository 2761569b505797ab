// The ranked dossier table with its search box and row count.
#pragma once

#include <array>

#include "session/ranking_list.hpp"
#include "session/session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

// The ranking screen's own state: the filtered, sorted list with its selected dossier, and the
// filter box's text.
struct RankingViewState {
    RankingList list;
    std::array<char, 256> search_box{};
};

// `focus_filter`: the "/" shortcut was pressed.
void draw_ranking_view(Session& state, const Fonts& fonts, RankingViewState& view, bool focus_filter);

}  // namespace radar::ui
