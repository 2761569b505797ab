// Gathers the model card's input from the running app (see model_card_export.hpp).
#include "ui/model_card_export.hpp"

#include "core/model/model_json.hpp"

namespace radar::ui {

ModelCardInput model_card_input(const Session& state, const std::string& notice, Timestamp now) {
    ModelCardInput input;
    const ModelRegistry& registry = state.model_registry();
    if (const auto active = registry.active_version()) {
        input.model = *registry.spec(*active);
        input.version = registry.find(*active)->info;
    } else if (state.saved_model()) {
        input.model = *state.saved_model();
    }
    input.versions = registry.list();
    input.protected_fields.assign(state.protected_fields().begin(), state.protected_fields().end());
    input.use = model_card_use(state.screening(), state.frozen_batches(), model_version_id(input.model),
                               ReportSettings{}.possible_risk);
    // The Evaluatie screen's figures for this version, with the team's label definition.
    const Checked<VersionEvaluation> evaluated =
        evaluate_version(state.screening(), state.frozen_batches(), model_version_id(input.model), input.model.logistic,
                         state.label_definition(), state.reference_date());
    if (evaluated) input.evaluations.push_back(model_card_evaluation(*evaluated, state.label_definition()));
    input.notice = notice;
    input.generated_at = now;
    return input;
}

std::string model_card_file_name(const Session& state) {
    const ModelRegistry& registry = state.model_registry();
    const auto active = registry.active_version();
    if (!active) return "modelkaart.html";
    return registry.find(*active)->info.model_id + "-v" + std::to_string(*active) + "-modelkaart.html";
}

}  // namespace radar::ui
