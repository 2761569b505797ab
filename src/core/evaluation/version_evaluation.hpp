// How a saved model version did on the team's own work: the labelled members of the frozen
// batches it selected (the score it gave them then, the label the user's definition gives their
// screening now), the control sample's base rate, and a month-by-month backtest against another
// version (the version active then, or any candidate) with the Chicago-style replay.
//
// Selective labels: only screened dossiers carry a label, and the score chose most of them; the
// control sample (random, screened blind) is the only unbiased base rate. Screenings whose label
// is not yet known (the definition's window has not passed) are left out and counted.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/checked.hpp"
#include "core/data/dataset.hpp"
#include "core/evaluation/backtest.hpp"
#include "core/evaluation/evaluation_summary.hpp"
#include "core/evaluation/replay.hpp"
#include "core/model/model_registry.hpp"
#include "core/model/scoring_engine.hpp"
#include "core/screening/confirmed_risk.hpp"
#include "core/screening/screening_state.hpp"
#include "core/selection/frozen_batch.hpp"

namespace radar {

// A batch member's screening in its own batch (withdrawn ones do not count) and its label under
// `definition` as of `today`; none when the member was not coded in that batch. A label is final
// only once its window has passed: until then it is not_yet_known even when an outcome already
// confirmed it, so a month's positives never enter the figures before its negatives can.
struct MemberLabel {
    const EffectiveScreening* screening = nullptr;
    LabelStatus status = LabelStatus::not_yet_known;
};
std::optional<MemberLabel> member_label(const ScreeningState& state, const FrozenBatch& batch,
                                        const FrozenMember& member, const LabelDefinition& definition,
                                        DayNumber today);

// The day a batch's scores were computed for (batches from before that field: their reference date).
DayNumber batch_scores_day(const FrozenBatch& batch);

struct VersionEvaluation {
    std::string model_version_id;
    std::size_t batches = 0;
    std::size_t selected = 0;             // members of those batches
    std::size_t screened = 0;             // members coded in their batch
    std::size_t not_yet_known = 0;        // screened, label not yet known: left out
    std::size_t labelled_top = 0;         // labelled members chosen by the score
    std::size_t labelled_control = 0;     // labelled control-sample members
    std::size_t control_positives = 0;
    // Over the labelled members, ranked by their place in their own month's list (the score's
    // percentile then, so months with different score levels compare) with k = labelled_top.
    // Population: the dataset rows of every batch month, so the estimated recall is the share of
    // all dossier-months' confirmed risk that the score's picks found.
    EvaluationSummary summary;
};

// `logistic`: the version's model reports a probability (calibration bins from the raw scores).
Checked<VersionEvaluation> evaluate_version(const ScreeningState& state, const std::vector<FrozenBatch>& batches,
                                           const std::string& model_version_id, bool logistic,
                                           const LabelDefinition& definition, DayNumber today);

// One month of the backtest, the version that selected its batches next to a candidate.
struct BacktestComparison {
    std::string month;                 // YYYY-MM
    std::string version_then;          // model_version_id of the month's batches
    int saved_version_then = 0;        // its version number here, 0 when not saved here
    std::optional<BacktestMonthResult> then;       // none when that version is not saved here
    BacktestMonthResult candidate;
};

struct BacktestReport {
    std::vector<BacktestComparison> months;
    BacktestTotals then_totals;       // over months whose version was found
    BacktestTotals candidate_totals;  // over every month
    std::optional<ReplayResult> candidate_replay;  // the month's screenings re-ordered by the candidate's score
    std::optional<ReplayResult> then_replay;       // the same with the scores recorded in the batches
    std::size_t not_yet_known = 0;
    std::size_t unknown_dossiers = 0;  // screened dossiers no longer in the dataset (left out)
    std::size_t months_without_eligibility = 0;  // the month's rule could not run: every row ranked
};

// Ranks `dataset` as of each batch month's scoring day with the version of that month's batches
// (found in `registry`) and with `candidate`, over the dossiers the month's rule could select (its
// recorded settings and history: dossiers in cooldown, waiting or excluded then are left out), and
// evaluates both on the month's labelled screenings (batch size = the month's top-of-list
// members). The dataset is today's: ages of dated inputs move back, counts stay as they are now
// (stated on screen).
Checked<BacktestReport> backtest_versions(const ScreeningState& state, const std::vector<FrozenBatch>& batches,
                                          const ModelRegistry& registry, const ModelSpec& candidate,
                                          const Dataset& dataset, const ScoringContext& context,
                                          const LabelDefinition& definition, DayNumber today);

}  // namespace radar
