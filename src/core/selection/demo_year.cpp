// The demo year: scores with the model and its revision, simulates the months, records each
// batch's audit at commit and the two versions as a registry saves them.
#include "core/selection/demo_year.hpp"

#include "core/data/dataset_hash.hpp"
#include "core/fairness/commit_audit.hpp"
#include "core/model/model_json.hpp"
#include "core/model/scoring_engine.hpp"

namespace radar {
namespace {

constexpr const char* revision_author = "Demo teamleider";

Checked<std::vector<double>> demo_scores(const DemoData& demo, const ModelSpec& model,
                                         const DemoYearSettings& settings) {
    ScoringContext context;
    context.reference_date = settings.scores_as_of;
    context.protected_fields = settings.protected_fields;
    EngineResult engine = ScoringEngine::create(model, demo.dataset, context);
    if (!engine.engine) return Checked<std::vector<double>>::failure("the demo model is refused: " + describe_problems(engine.problems));
    return engine.engine->raw_scores();
}

}  // namespace

const char* const demo_revision_note =
    "Na de evaluatie van het eerste halfjaar wegen klachten en de ouderdom van de laatste inspectie zwaarder.";

ModelSpec demo_model_revision(const ModelSpec& model) {
    ModelSpec revised = model;
    for (ModelParameter& parameter : revised.parameters) {
        if (parameter.id == "complaints") parameter.weight *= 1.5;
        if (parameter.id == "inspection_age") parameter.weight *= 2.0;
    }
    return revised;
}

Checked<DemoYear> build_demo_year(const DemoData& demo, const ModelSpec& model, const FieldDictionary* dictionary,
                                  const DemoYearSettings& settings) {
    using Result = Checked<DemoYear>;
    if (settings.model_change_month < 0 || settings.model_change_month > settings.months)
        return Result::failure("the model change month must be within the simulated months");
    const Checked<std::vector<double>> scores = demo_scores(demo, model, settings);
    if (!scores) return Result::failure(scores.error());

    DemoYear year;
    ModelRegistry registry;
    const SaveResult first = registry.save(model, model.author.empty() ? revision_author : model.author, "",
                                           format_iso_date(settings.first_month));
    if (!first.saved) return Result::failure("the demo model cannot be saved as a version");

    DemoHistorySettings history_settings;
    history_settings.first_month = settings.first_month;
    history_settings.months = settings.months;
    history_settings.selection = settings.selection;
    history_settings.seed = settings.seed;
    history_settings.corrections = settings.corrections;
    if (settings.model_change_month > 0) {
        const ModelSpec revised = demo_model_revision(model);
        const Checked<std::vector<double>> revised_scores = demo_scores(demo, revised, settings);
        if (!revised_scores) return Result::failure(revised_scores.error());
        const DayNumber change_day = add_months(settings.first_month, settings.model_change_month - 1);
        const SaveResult second = registry.save(revised, revision_author, demo_revision_note, format_iso_date(change_day));
        if (!second.saved) return Result::failure("the revised demo model is the same as the model");
        history_settings.model_change =
            DemoModelChange{settings.model_change_month - 1, *revised_scores, model_version_id(revised)};
    }
    Checked<DemoHistory> history =
        simulate_demo_history(demo, *scores, model_version_id(model), dataset_sha256(demo.dataset), history_settings);
    if (!history) return Result::failure(history.error());
    // Each batch carries the group audit of its commit, as a batch frozen in the app does.
    for (FrozenBatch& batch : history->batches) {
        const Checked<BatchAuditRecord> audit = audit_at_commit(demo.dataset, dictionary, {}, batch, AuditSettings{});
        if (!audit) return Result::failure(audit.error());
        if (!audit->groupings.empty()) batch.audit_at_commit = *audit;
    }
    year.history = std::move(*history);
    year.versions = registry.versions();
    return year;
}

BackupContent demo_year_backup_content(const DemoYear& year, bool with_models) {
    BackupContent content;
    content.events = year.history.events;
    content.batches = year.history.batches;
    if (with_models && !year.versions.empty()) {
        for (const ModelVersion& version : year.versions)
            content.models.push_back({version.info.fingerprint, Json(ModelRegistry::record_json_value(version))});
        content.settings[active_model_setting] = year.versions.back().info.fingerprint;
    }
    return content;
}

}  // namespace radar
