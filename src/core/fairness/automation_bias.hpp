// Automation-bias figures: how often screening codes follow the score band, for codes given with
// the score visible and for codes given blind (the control sample, the second blind codes). When
// screeners who see the score follow it much more often than blind screeners on the same band,
// the score may be deciding instead of the dossier.
//
// "Follows the band": a possible-risk code (Risico or Verder onderzoek nodig) in the top 25% of the
// ranking (bands top 10% and 10-25%), Geen risico below it (25-50% and 50-100%).
#pragma once

#include <array>
#include <optional>

#include "core/fairness/coder_agreement.hpp"
#include "core/reporting/report.hpp"
#include "core/screening/score_band.hpp"

namespace radar {

enum class CodingCondition { score_visible, blind };
const char* coding_condition_key(CodingCondition condition);  // "score_visible", "blind"
const char* coding_condition_label(CodingCondition condition, TextLanguage language);

// True when the code follows the band (see the top of this file).
bool code_follows_band(ScreeningCode code, ScoreBand band);

struct BandFollowing {
    ScoreBand band = ScoreBand::top_10;
    Proportion following;      // codes following the band, of the codes in the band
    Proportion possible_risk;  // possible-risk codes, of the codes in the band
};

struct ConditionFollowing {
    CodingCondition condition = CodingCondition::score_visible;
    Proportion following;  // over every band
    std::array<BandFollowing, score_band_count> by_band;
};

// The double-coded dossiers whose first code was given with the score visible: the same dossiers
// coded twice, once seeing the score and once blind.
struct PairedFollowing {
    std::size_t dossiers = 0;
    Proportion visible;  // first codes following the band
    Proportion blind;    // second codes following the band
};

// How often the screener had opened the dossier's score or reasons before giving the first code
// (reasons_seen on the event); events recorded before that was kept are counted apart.
struct ReasonsOpened {
    Proportion opened;             // reasons_seen true, of the first codes where it was recorded
    std::size_t not_recorded = 0;  // first codes without reasons_seen
};

struct AutomationBiasFigures {
    MonthRange period;
    ConditionFollowing visible;
    ConditionFollowing blind;
    PairedFollowing paired;
    ReasonsOpened reasons_opened;
};

// Over the current batch screenings in batches of the period (each member's band from its rank in
// the batch) and the period's second codes. A first code counts as blind when its screener had not
// seen the score or reasons (reasons_seen false) or, where that was not recorded, when the member
// is in the control sample (screened without its score); second codes are always blind. The first
// screener's own code is used (an adjudication does not change what the screener chose). Reasons
// opened counts the same first codes.
AutomationBiasFigures automation_bias(const ScreeningState& state, const DoubleCodingFold& fold,
                                      const MonthRange& period);

}  // namespace radar
