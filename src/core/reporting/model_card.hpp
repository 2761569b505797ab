// The model card of one model version: an algorithm-register entry (purpose, inputs and their
// rationales, protected fields kept out, method, performance with its label definition, human
// oversight, monitoring, version history) with clearly marked places for what only people can
// state (legal basis, impact assessment, objection procedure, revision date). As JSON and as a
// self-contained printable HTML page, the same in the app and `radar model-card`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/evaluation/version_evaluation.hpp"
#include "core/model/model_registry.hpp"
#include "core/model/model_spec.hpp"
#include "core/reporting/report.hpp"
#include "core/screening/screening_state.hpp"
#include "core/selection/frozen_batch.hpp"
#include "core/base/strict_json.hpp"

namespace radar {

// How the version was used, folded from the screening history: its frozen batches and the
// screenings of their members, with the top of the list compared to the control sample.
struct ModelCardUse {
    std::size_t batches = 0;
    std::string first_month;  // YYYY-MM of its first batch ("" without batches)
    std::string last_month;
    std::size_t selected = 0;          // batch members
    std::size_t control_selected = 0;  // of which control sample
    std::size_t screened = 0;          // members with a (non-withdrawn) screening in their batch
    std::size_t screened_blind = 0;    // of which coded without the score or reasons shown
    std::size_t corrected = 0;         // of which corrected afterwards
    std::vector<ScreeningCode> possible_risk;
    LiftFigures lift;  // possible-risk share of the top of the list against the control sample
};

// `model_version_id` as model_version_id(spec); `possible_risk` the codes counted as a hit.
ModelCardUse model_card_use(const ScreeningState& state, const std::vector<FrozenBatch>& batches,
                            const std::string& model_version_id, const std::vector<ScreeningCode>& possible_risk);

// Evaluation figures measured elsewhere (the Evaluatie screen, `radar evaluate`), always with the
// label definition they rest on.
struct ModelCardEvaluation {
    LocalText label_definition;  // e.g. "Risico bevestigd = ernstige tekorten binnen 6 maanden"
    LocalText scope;             // which dossiers and period were evaluated
    std::size_t labelled = 0;
    std::size_t positives = 0;
    std::optional<double> auc;
    std::size_t k = 0;
    std::optional<Proportion> precision_at_k;
    std::optional<Proportion> base_rate;  // from the control sample when available
    std::optional<double> lift;
    std::optional<double> lift_low;
    std::optional<double> lift_high;
};

// The Evaluatie screen's figures of a version (evaluation/version_evaluation.hpp) as a card entry.
ModelCardEvaluation model_card_evaluation(const VersionEvaluation& evaluation, const LabelDefinition& definition);

struct ModelCardInput {
    ModelSpec model;
    std::optional<ModelVersionInfo> version;  // the saved version this card is for, if saved
    std::vector<ModelVersionInfo> versions;   // the version history (save order)
    std::vector<std::string> protected_fields;
    std::optional<ModelCardUse> use;  // none without a screening history
    std::vector<ModelCardEvaluation> evaluations;
    std::string notice;  // a badge, e.g. "SYNTHETISCHE DEMODATA"
    Timestamp generated_at;
};

// The places only people can fill, by key ("legal_basis", ...), in card order.
const std::vector<std::string>& model_card_places_for_people();

Json model_card_json(const ModelCardInput& input);
std::string model_card_html(const ModelCardInput& input, TextLanguage language);

}  // namespace radar
