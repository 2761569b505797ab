// The panel beside the ranking that explains one dossier: rank, score, the reasons behind the
// score and every field of the dossier (extra imported columns included).
#pragma once

#include "core/model/explanation.hpp"
#include "session/session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

void draw_dossier_panel(Session& state, const Fonts& fonts, RankingList& list);

// The panel's parts, also drawn by the screening screen: the reasons behind the score (bars on
// one scale for every dossier of `spec`), how complete the model's input is, and every field of
// the dossier.
void draw_score_reasons(const Dataset& dataset, const ModelSpec& spec, std::size_t row, const Explanation& explanation);
void draw_completeness(const Completeness& info);
void draw_dossier_fields(const Session& state, std::size_t row);

}  // namespace radar::ui
