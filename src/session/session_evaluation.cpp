// [SECTION] Evaluation (see session.hpp): the user's label definition (a stored team setting that
// travels in backups), the cached evaluation of a saved version, and the backtest run on request.
#include <cstdio>

#include "core/model/model_json.hpp"
#include "session/session.hpp"
#include "session/i18n.hpp"

namespace radar::session {

void Session::set_label_definition(const LabelDefinition& definition) {
    if (!validate_label_definition(definition).empty() || definition == label_definition_) return;
    label_definition_ = definition;
    label_definition_notice_.clear();
    if (!store_ || storage_mode_ != StoreMode::writer) return;
    store_->put(platform::RecordKind::setting, label_definition_setting, label_definition_to_text(definition),
                [this](const platform::StoreResult& result) {
                    if (result.ok) return;
                    char line[512];
                    std::snprintf(line, sizeof line, tr(TextId::label_definition_not_saved),
                                  result.failure_text().c_str());
                    label_definition_notice_ = line;
                });
}

void Session::load_label_definition(const platform::StoreRecord& record) {
    Checked<LabelDefinition> stored = parse_label_definition(record.data);
    if (stored) label_definition_ = *stored;
    else load_problems_.push_back(record.key + ": " + stored.error());
}

std::optional<int> Session::evaluated_version() const {
    if (evaluated_version_ && registry_.find(*evaluated_version_)) return evaluated_version_;
    return registry_.active_version();
}

std::optional<int> Session::backtest_candidate() const {
    if (backtest_candidate_ && registry_.find(*backtest_candidate_)) return backtest_candidate_;
    return evaluated_version();
}

EvaluationKey Session::evaluation_key(int version) const {
    return {version, label_definition_, screening_generation_, scores_generation_, reference_date_};
}

const Checked<VersionEvaluation>* Session::version_evaluation() {
    const std::optional<int> version = evaluated_version();
    if (!version) return nullptr;
    const EvaluationKey key = evaluation_key(*version);
    if (!version_evaluation_ || !(evaluation_cache_key_ == key)) {
        const std::optional<ModelSpec> spec = registry_.spec(*version);
        if (!spec) return nullptr;
        version_evaluation_ = evaluate_version(screening_, frozen_batches_, radar::model_version_id(*spec),
                                               spec->logistic, label_definition_, reference_date_);
        evaluation_cache_key_ = key;
    }
    return &*version_evaluation_;
}

void Session::run_backtest() {
    const std::optional<int> candidate_version = backtest_candidate();
    if (!candidate_version) return;
    const std::optional<ModelSpec> candidate = registry_.spec(*candidate_version);
    if (!candidate) return;
    backtest_ = backtest_versions(screening_, frozen_batches_, registry_, *candidate, dataset_, scoring_context(),
                                  label_definition_, reference_date_);
    backtest_key_ = evaluation_key(*candidate_version);
}

const Checked<BacktestReport>* Session::backtest_report() const {
    const std::optional<int> candidate_version = backtest_candidate();
    if (!backtest_ || !candidate_version || !(backtest_key_ == evaluation_key(*candidate_version))) return nullptr;
    return &*backtest_;
}

void Session::run_learned_weights() {
    const std::optional<int> active = registry_.active_version();
    const std::optional<ModelSpec> spec = registry_.active_spec();
    if (!active || !spec) return;
    Checked<LearnedWeights> weights = learn_weights(*spec, dataset_, scoring_context(), screening_, frozen_batches_,
                                                    label_definition_, reference_date_);
    Movement movement;
    if (weights && engine_) {
        const EngineResult learned = ScoringEngine::create(weights->spec, dataset_, scoring_context());
        const EngineResult current = ScoringEngine::create(*spec, dataset_, scoring_context());
        if (learned.engine && current.engine)
            movement = compare_rankings(current.engine->snapshot(), learned.engine->snapshot(), movement_top_n_);
    }
    learned_ = LearnedWhatIf{std::move(weights), std::move(movement)};
    learned_key_ = evaluation_key(*active);
}

const Session::LearnedWhatIf* Session::learned_weights() const {
    const std::optional<int> active = registry_.active_version();
    if (!learned_ || !active || !(learned_key_ == evaluation_key(*active))) return nullptr;
    return &*learned_;
}

SaveResult Session::save_learned_weights(const std::string& author, const std::string& saved_at) {
    const LearnedWhatIf* what_if = learned_weights();
    if (!what_if || !what_if->weights)
        return SaveResult::refused(
            {model_problem("", {"no learned weights to save", "er zijn geen geleerde gewichten om te bewaren"})});
    const LearnedWeights& learned = *what_if->weights;
    return import_model(model_to_json(learned.spec), author, provenance_note(learned, dataset_hash_), saved_at);
}

}  // namespace radar::session
