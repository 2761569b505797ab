// Loading, scoring, filtering and sorting behind the ranking screen.
#include "session/session.hpp"

#include <algorithm>
#include <set>

#include "core/data/dataset_hash.hpp"
#include "core/model/column_parameter.hpp"
#include "core/model/model_json.hpp"
#include "session/i18n.hpp"
#include "session/value_labels.hpp"

namespace radar::session {
namespace {

// The present values of a text column, sorted: a dictionary column's from its codes in use (a set
// node per row took 80 ms at 900,000 rows in the frame that adopts an import); a pooled column's
// texts are looked up without a copy.
std::vector<std::string> distinct_values(const Column* column) {
    if (!column || column->type != ColumnType::text) return {};
    const TextColumn& texts = column->texts;
    std::set<std::string, std::less<>> values;
    if (!texts.pooled()) {
        for (const std::string_view value : present_dictionary_values(*column)) values.emplace(value);
        return {values.begin(), values.end()};
    }
    for (std::size_t row = 0; row < column->size(); ++row)
        if (!column->is_missing(row) && values.find(texts[row]) == values.end()) values.emplace(texts[row]);
    return {values.begin(), values.end()};
}

ModelProblem no_model_loaded() { return model_problem("", {"no model is loaded", "er is geen model geladen"}); }

}  // namespace

void Session::load_demo(std::size_t dossier_count, DayNumber export_date, DayNumber reference_date,
                         const std::string& model_json, std::set<std::string> protected_fields) {
    engine_.reset();
    protected_fields_ = std::move(protected_fields);
    saved_spec_.reset();
    saved_ranking_ = {};
    DemoSettings& settings = demo_settings_;
    settings.dossier_count = dossier_count;
    settings.export_date = export_date;
    synthetic_ = true;
    export_date_ = export_date;
    reference_date_ = reference_date;
    selection_date_ = reference_date;
    snapshot_.reset();
    install_dataset(generate_demo_data(settings).dataset);
    model_problems_.clear();
    ModelParseResult parsed = parse_model_json(model_json);
    if (parsed.ok()) {
        EngineResult created = ScoringEngine::create(*parsed.spec, dataset_, scoring_context());
        engine_ = std::move(created.engine);
        model_problems_ = std::move(created.problems);
        registry_ = ModelRegistry();
        if (engine_) {
            const SaveResult first = registry_.save(engine_->spec(), parsed.spec->author, "", parsed.spec->created_at);
            if (first.saved) registry_.activate(first.saved->version);
            adopt_active_version();
        }
    } else {
        model_problems_ = std::move(parsed.problems);
    }
}

const std::vector<std::string>& Session::search_columns() {
    static const std::vector<std::string> columns{"dossier_id", "name", "municipality", "care_type"};
    return columns;
}

void Session::install_dataset(Dataset dataset, std::optional<PreparedDataset> prepared) {
    engine_.reset();  // it reads the old dataset; the caller scores the new one
    drop_snapshot_writing();  // so does an unfinished snapshot of it
    dataset_ = std::move(dataset);
    // Everything derived from the old dataset holds its row numbers or its hash: drop it all
    // here, in the one place a dataset is replaced, so no screen can read a stale row.
    ++dataset_generation_;
    ++scores_generation_;
    preview_cache_ = PreviewCache{};
    batch_checks_.clear();
    index_dataset(std::move(prepared));
}

void Session::index_dataset(std::optional<PreparedDataset> prepared) {
    ids_ = dataset_.find(dossier_id_column);
    names_ = dataset_.find("name");
    municipalities_ = dataset_.find("municipality");
    care_types_ = dataset_.find("care_type");
    if (!prepared) prepared = DatasetPreparation(dataset_, search_columns()).take();
    // Hashed once per load: every batch preview and commit names this snapshot.
    dataset_hash_ = std::move(prepared->sha256);
    search_ = std::move(prepared->search);
    row_by_id_ = std::move(prepared->row_by_id);
    if (row_by_id_) row_by_id_->rebind(ids_->texts);
    provinces_ = distinct_values(dataset_.find("province"));
    care_type_values_ = distinct_values(care_types_);
}

ImportTrial Session::start_import_trial(const ImportResult& result) const {
    ImportTrial trial;
    trial.model_generation = model_generation_;
    if (!saved_spec_ || !names_ || !municipalities_ || !care_types_) {
        trial.refusal = tr(TextId::import_refused_no_model);
        return trial;
    }
    for (const char* needed : {"dossier_id", "name", "municipality", "care_type"}) {
        const Column* column = result.dataset.find(needed);
        if (!column || column->type != ColumnType::text) {
            trial.refusal =
                std::string(tr(TextId::import_refused_missing_field)) + field_label(field_dictionary_.get(), needed);
            return trial;
        }
    }
    // Fields the model reads that the file has no column for: named as the screener knows them
    // (the model check names fields and parameters as the model file does).
    std::vector<std::string> missing;
    for (const ModelParameter& parameter : saved_spec_->parameters)
        if (!result.dataset.find(parameter.field) &&
            std::find(missing.begin(), missing.end(), parameter.field) == missing.end())
            missing.push_back(parameter.field);
    if (!missing.empty()) {
        std::string labels;
        for (const std::string& field : missing)
            labels += (labels.empty() ? "" : ", ") + field_label(field_dictionary_.get(), field);
        trial.refusal = std::string(tr(TextId::import_refused_model)) + "\n" +
                        filled(TextId::import_refused_model_fields, {labels});
        return trial;
    }
    trial.build.emplace(*saved_spec_, result.dataset, scoring_context());
    return trial;
}

bool Session::advance_import_trial(ImportTrial& trial) const {
    if (trial.decided()) return true;
    if (!trial.build->advance()) return false;
    EngineResult built = trial.build->take();
    trial.build.reset();
    trial.engine = std::move(built.engine);
    if (trial.engine) return true;
    trial.refusal = tr(TextId::import_refused_model);
    for (const auto& problem : built.problems) trial.refusal += "\n- " + problem.message_in(language_code());
    return true;
}

bool Session::trial_is_current(const ImportTrial& trial) const {
    return trial.decided() && trial.model_generation == model_generation_;
}

std::string Session::adopt_import(ImportResult& result, ImportOrigin origin, PreparedDataset prepared, ImportTrial trial) {
    if (!trial_is_current(trial)) return tr(TextId::import_refused_model_changed);
    if (!trial.engine) return trial.refusal;
    SnapshotDescriptor* restored = std::get_if<SnapshotDescriptor>(&origin);
    ReviewedFile* picked = std::get_if<ReviewedFile>(&origin);
    const std::string imported_at = restored ? restored->imported_at : picked->imported_at;
    AcceptOutcome outcome =
        radar::accept_import(result, imported_at, restored ? restored->export_date : picked->stated_export_date);
    if (!outcome.accepted) return outcome.error;
    // The data age: the export's day, or (a snapshot from before export dates were kept) the
    // day it was imported.
    export_date_ = outcome.accepted->snapshot.export_date > 0
                       ? outcome.accepted->snapshot.export_date
                       : parse_iso_date(imported_at.substr(0, 10)).value_or(reference_date_);
    stored_dataset_.reset();  // older than what was just accepted
    snapshot_reading_.reset();
    skipped_dataset_.reset();
    snapshot_ = std::move(outcome.accepted->snapshot);
    synthetic_ = false;
    import_refusal_.clear();
    install_dataset(std::move(outcome.accepted->dataset), std::move(prepared));
    engine_ = std::move(trial.engine);
    engine_->rebind(dataset_);
    engine_->set_reference_date(reference_date_);  // changed while the import was prepared
    model_problems_.clear();
    saved_ranking_ = engine_->snapshot();
    if (restored) {
        snapshot_ = std::move(*restored);
        activate_wanted_model();  // a stored active version made for this dataset rather than the demo
    } else {
        damaged_snapshot_.reset();  // the new snapshot takes its place
        persist_snapshot(picked->mapping);
    }
    return {};
}

void Session::set_today(DayNumber day) {
    reference_date_ = day;
    selection_date_ = day;
    if (!engine_) return;
    engine_->set_reference_date(day);
    ++scores_generation_;
}

ScoringContext Session::scoring_context() const {
    ScoringContext context;
    context.reference_date = reference_date_;
    context.protected_fields = protected_fields_;
    return context;
}

std::vector<ModelProblem> Session::update_model(const ModelSpec& edited) {
    if (!engine_) return {no_model_loaded()};
    auto problems = engine_->update(edited);
    if (problems.empty()) ++scores_generation_;
    return problems;
}

Checked<std::string> Session::add_model_input(const std::string& column) {
    if (!engine_) return Checked<std::string>::failure("no model is loaded");
    const Column* found = dataset_.find(column);
    if (!found) return Checked<std::string>::failure("the dataset has no column '" + column + "'");
    ModelSpec edited = engine_->spec();
    edited.parameters.push_back(parameter_for_column(edited, *found));
    const std::string id = edited.parameters.back().id;
    const std::vector<ModelProblem> problems = update_model(edited);
    if (!problems.empty()) return Checked<std::string>::failure(describe_problems(problems, language_code()));
    return id;
}

SaveResult Session::save_model_version(const std::string& author, const std::string& note,
                                        const std::string& saved_at) {
    if (!engine_) return SaveResult::refused({no_model_loaded()});
    SaveResult result = registry_.save(engine_->spec(), author, note, saved_at);
    if (result.saved) {
        registry_.activate(result.saved->version);
        adopt_active_version();
        commit_model_version(result.saved->fingerprint, true);
    } else if (result.existing) {
        activate_model_version(result.existing->version);
    }
    return result;
}

bool Session::activate_model_version(int version) {
    if (!use_model_version(version).empty()) return false;
    store_active_choice();
    return true;
}

std::vector<ModelProblem> Session::use_model_version(int version) {
    const std::optional<ModelSpec> spec = registry_.spec(version);
    if (!spec) {
        const std::string number = std::to_string(version);
        return {model_problem(
            "", {"model version " + number + " is not saved", "modelversie " + number + " is niet bewaard"})};
    }
    auto problems = update_model(*spec);
    if (!problems.empty()) return problems;
    registry_.activate(version);
    adopt_active_version();
    wanted_active_model_.clear();
    model_notice_.clear();
    return {};
}

SaveResult Session::import_model(std::string_view model_json, const std::string& author, const std::string& note,
                                  const std::string& saved_at) {
    ModelParseResult parsed = parse_model_json(model_json);
    if (!parsed.ok()) return SaveResult::refused(std::move(parsed.problems));
    if (!engine_) return SaveResult::refused({no_model_loaded()});
    // Scoring first checks the fields against this dataset, so a model that cannot score it is
    // never saved; the version then records exactly what is scoring.
    const ModelSpec previous = engine_->spec();
    auto problems = update_model(*parsed.spec);
    if (!problems.empty()) return SaveResult::refused(std::move(problems));
    SaveResult result = registry_.save(*parsed.spec, author.empty() ? parsed.spec->author : author, note, saved_at);
    if (result.existing) {
        activate_model_version(result.existing->version);
        return result;
    }
    if (!result.saved) {
        update_model(previous);
        return result;
    }
    registry_.activate(result.saved->version);
    adopt_active_version();
    commit_model_version(result.saved->fingerprint, true);
    return result;
}

Movement Session::movement() const {
    if (!engine_ || saved_ranking_.order.size() != engine_->row_count()) return {};
    return engine_->movement_since(saved_ranking_, movement_top_n_);
}

void Session::adopt_active_version() {
    saved_spec_ = registry_.active_spec();
    ++model_generation_;
    if (engine_) saved_ranking_ = engine_->snapshot();
}

}  // namespace radar::session
