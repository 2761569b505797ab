// Where a dossier stood in the ranking (percentile and band), and the rule that asks for a note
// when a screening code disagrees with that band.
#pragma once

#include <cstdint>
#include <optional>

#include "core/screening/screening_event.hpp"

namespace radar {

// Mid-rank percentile (0..100): the share of ranked dossiers below this one, counting the dossier
// itself as half. Rank 1 of 100 -> 99.5, rank 10 -> 90.5, rank 11 -> 89.5; a lone dossier (rank 1
// of 1) is at 50, neither in the top nor in the bottom of a ranking of one.
double score_percentile(std::uint32_t rank, std::uint32_t total);

enum class ScoreBand { top_10, from_10_to_25, from_25_to_50, bottom_50 };
constexpr int score_band_count = 4;
ScoreBand score_band(double percentile);
const char* score_band_key(ScoreBand band);    // "top_10", "10_25", "25_50", "bottom_50"
const char* score_band_label(ScoreBand band);  // "top 10%", "10-25%", ... (same in both languages)

// A note is required when the code disagrees with the score band: "Geen risico" for a dossier in
// the top 10% of the ranking, or "Risico" for one in the bottom half. "Verder onderzoek nodig"
// never needs one (it always gets a follow-up). Pass no percentile when the screener must not
// see the score (control-sample dossiers): then no note is required.
bool note_required(ScreeningCode code, std::optional<double> percentile);

}  // namespace radar
