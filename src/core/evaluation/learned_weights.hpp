// Weights learned from outcomes, as a what-if for a model: an L2-regularised logistic regression
// of the label on the model's own parameters after their transforms (the value each weight
// multiplies), on every labelled batch member of the recorded work, each scored as of its batch's
// scoring day. λ is chosen by temporal cross-validation over the batch months. The result is the
// same model with the fitted weights (log-odds per unit), its intercept, and for a parameter whose
// missing input scores stated points, those points fitted too (a 0/1 "missing" column); it is never
// applied by itself: the caller shows it and saves it as a new version only when the user asks,
// with `provenance_note` in the version's note.
//
// Out of sample: the last `held_out_months` batch months are left out of a second fit, and the
// learned and the current weights are compared on them (AUC and precision at the screened count's
// top share), so the what-if shows more than its fit to the data it saw.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/checked.hpp"
#include "core/data/dataset.hpp"
#include "core/evaluation/fitted_model.hpp"
#include "core/model/model_spec.hpp"
#include "core/model/scoring_engine.hpp"
#include "core/screening/confirmed_risk.hpp"
#include "core/screening/screening_state.hpp"
#include "core/selection/frozen_batch.hpp"

namespace radar {

struct LearnedWeightsRequest {
    std::size_t held_out_months = 2;
    LambdaSelectionOptions selection;
};

struct LearnedWeight {
    std::string parameter_id;
    double current = 0.0;
    double learned = 0.0;
    std::optional<double> current_missing_points;  // parameters whose missing input scores points
    std::optional<double> learned_missing_points;
};

struct LearnedWeights {
    ModelSpec spec;  // the current model with the learned weights, logistic, shown as a probability
    std::vector<LearnedWeight> weights;
    LogisticFit fit;
    LambdaChoice choice;
    LabelDefinition definition;
    std::size_t labelled = 0;
    std::size_t positives = 0;
    std::size_t not_yet_known = 0;
    std::size_t unknown_dossiers = 0;  // labelled members no longer in the dataset: left out
    std::string first_month;           // YYYY-MM
    std::string last_month;
    // Held out: the last months, scored by a fit on the months before them.
    std::vector<std::string> held_out_months;
    std::size_t held_out_rows = 0;
    std::size_t held_out_positives = 0;
    std::optional<double> held_out_auc_current;
    std::optional<double> held_out_auc_learned;
};

Checked<LearnedWeights> learn_weights(const ModelSpec& current, const Dataset& dataset, const ScoringContext& context,
                                      const ScreeningState& state, const std::vector<FrozenBatch>& batches,
                                      const LabelDefinition& definition, DayNumber today,
                                      const LearnedWeightsRequest& request = {});

// The saved version's note: where the weights came from (dataset hash, label definition, months,
// λ and how it was chosen, rows, held-out AUC), in English (notes are not translated).
std::string provenance_note(const LearnedWeights& learned, const std::string& dataset_hash);

}  // namespace radar
