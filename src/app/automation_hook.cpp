// Exported C functions called from index.html's window.radar object via ccall.
#include "app/automation_hook.hpp"

#include <emscripten/emscripten.h>
#include <imgui.h>

#include <nlohmann/json.hpp>
#include <iterator>
#include <optional>
#include <string>

#include "app/drawn_text.hpp"
#include "core/base/strict_json.hpp"
#include "platform/platform.hpp"
#include "core/reporting/report_export.hpp"
#include "core/screening/blind_queue.hpp"
#include "core/selection/selection_reasons.hpp"
#include "session/i18n.hpp"
#include "ui/outcome_form.hpp"
#include "ui/report_view.hpp"
#include "ui/storage_view.hpp"
#include "session/double_coding_work.hpp"

namespace radar::app {
namespace {
session::Session* attached_state = nullptr;
const ui::Fonts* attached_fonts = nullptr;
session::ImportSession* attached_import = nullptr;
const session::BackupSession* attached_backup = nullptr;
session::AuditWork* attached_audit = nullptr;
ui::ViewState* attached_views = nullptr;

nlohmann::json import_info(const session::ImportSession& session) {
    static constexpr const char* phases[] = {"idle", "reading", "reviewing"};
    nlohmann::json info = {{"phase", phases[static_cast<int>(session.phase())]},
                           {"file", session.file_name()},
                           {"readError", session.read_error()},
                           {"bytesRead", session.bytes_read()},
                           {"fileBytes", session.file_size()}};
    if (const ImportResult* result = session.result()) {
        info["ok"] = result->ok();
        info["encoding"] = encoding_code(result->encoding);
        info["rowsRead"] = result->summary.rows_read;
        info["rowsImported"] = result->summary.rows_imported;
        info["rowsWithWarnings"] = result->summary.rows_with_warnings;
        info["rowsRejected"] = result->summary.rows_rejected;
        info["columns"] = result->columns.size();
        nlohmann::json mapping = nlohmann::json::array();
        for (const ImportedColumn& column : result->columns)
            mapping.push_back({{"header", column.header}, {"field", column.field}, {"protected", column.protected_attribute},
                               {"type", value_kind_code(column.kind)}, {"typeChosen", column.kind_chosen}});
        info["mapping"] = mapping;
        info["fieldsNotFound"] = result->fields_not_found;
        info["profile"] = result->mapping_profile;
    }
    static constexpr const char* accept_steps[] = {"none", "checking", "preparing", "finishing"};
    info["accept"] = accept_steps[static_cast<int>(session.accept_step())];
    if (const DatasetPreparation* preparation = session.preparation()) info["acceptProgress"] = preparation->progress();
    info["rereading"] = session.rereading();
    info["keptBytes"] = session.kept_byte_count();
    if (const SnapshotDescriptor* restoring = session.restoring()) info["restoring"] = restoring->source_name;
    info["matchedProfile"] = session.matched_profile();
    return info;
}

const char* storage_mode_name(session::StoreMode mode) {
    switch (mode) {
        case session::StoreMode::opening: return "opening";
        case session::StoreMode::writer: return "writer";
        case session::StoreMode::read_only: return "read-only";
        case session::StoreMode::closed: return "closed";
        case session::StoreMode::memory_only: return "memory";
    }
    return "memory";
}

// Mapping profiles and the stored dataset snapshot (issue #3).
void add_import_storage_info(const session::Session& state, nlohmann::json& info) {
    auto phase = [](const std::optional<session::SaveStatus>& status) -> nlohmann::json {
        if (!status) return nullptr;
        return status->phase == session::SavePhase::saving ? "saving" : status->phase == session::SavePhase::saved ? "saved" : "failed";
    };
    nlohmann::json profiles = nlohmann::json::array();
    for (const MappingProfile& profile : state.mapping_profiles()) profiles.push_back(profile.name);
    info["mappingProfiles"] = profiles;
    info["fieldDictionary"] = {{"custom", state.custom_dictionary_name()},
                               {"fields", state.field_dictionary() ? state.field_dictionary()->fields.size() : 0},
                               {"save", phase(state.dictionary_save())}};
    info["profileSave"] = phase(state.profile_save());
    info["datasetStore"] = {{"stored", state.snapshot_stored()},
                            {"save", phase(state.snapshot_save())},
                            {"memoryOnly", state.dataset_memory_only()}};
    // The store's mode again (info's "storage" says more), so that a benchmark polling only
    // importState() sees the store open before a stored snapshot is decoded.
    info["datasetStore"]["storageMode"] = storage_mode_name(state.storage_mode());
    if (const auto decoding = state.stored_dataset_reading()) info["datasetStore"]["decoding"] = decoding->second;
}

bool text_capture_requested = false;
std::string captured_text;
}  // namespace

bool drawn_text_requested() { return text_capture_requested; }

void capture_drawn_text_if_requested(const ImDrawData& frame) {
    if (!text_capture_requested) return;
    text_capture_requested = false;
    captured_text = drawn_text(frame, *ImGui::GetIO().Fonts);
}

void attach_automation_hook(const AutomatedApp& app) {
    attached_state = app.state;
    attached_fonts = app.fonts;
    attached_import = app.import_session;
    attached_backup = app.backup;
    attached_audit = app.audit;
    attached_views = app.views;
}

const char* save_phase_name(session::SavePhase phase) {
    switch (phase) {
        case session::SavePhase::saving: return "saving";
        case session::SavePhase::saved: return "saved";
        case session::SavePhase::failed: return "failed";
    }
    return "";
}

nlohmann::json save_status_json(const session::Session& state, const std::string& subject) {
    const session::SaveStatus* status = state.save_status(subject);
    if (!status) return nullptr;
    return {{"phase", save_phase_name(status->phase)}, {"error", status->error_name}};
}

// The Model tab's version list: number, content fingerprint, author, note and the save state of
// a version this page wrote (null for versions read from the store or never written).
nlohmann::json model_version_list(const session::Session& state) {
    nlohmann::json list = nlohmann::json::array();
    for (const ModelVersion& version : state.model_registry().versions()) {
        const session::SaveStatus* status = state.model_save_status(version.info.fingerprint);
        list.push_back({{"version", version.info.version},
                        {"fingerprint", version.info.fingerprint},
                        {"author", version.info.author},
                        {"note", version.info.note},
                        {"save", status ? nlohmann::json(save_phase_name(status->phase)) : nlohmann::json()},
                        {"error", status ? status->error_name : ""}});
    }
    return list;
}

nlohmann::json merge_json(const BackupMerge& merge) {
    nlohmann::json conflicts = nlohmann::json::array();
    for (const RecordConflict& conflict : merge.conflicts) conflicts.push_back({{"kind", conflict.kind}, {"id", conflict.id}});
    return {{"events", merge.added_events.size()},
            {"batches", merge.added_batches.size()},
            {"models", merge.added_models.size()},
            {"mappingProfiles", merge.added_mapping_profiles.size()},
            {"settings", merge.added_settings.size()},
            {"identical", merge.identical},
            {"conflicts", conflicts}};
}

// The storage screen: store status, last backup, and the backup session's action and outcome.
nlohmann::json backup_info(const session::Session& state) {
    constexpr const char* actions[] = {"none", "export", "read", "import", "forget", "export-store", "migrate"};
    constexpr const char* phases[] = {"idle", "working", "done", "failed"};
    const session::BackupSession& session = *attached_backup;
    nlohmann::json info{{"action", actions[static_cast<int>(session.action())]},
                        {"phase", phases[static_cast<int>(session.phase())]},
                        {"detail", session.detail()},
                        {"lastBackupAt", state.last_backup_at() ? format_timestamp(*state.last_backup_at()) : ""},
                        {"due", session::backup_due(state, Timestamp{platform::now_millis()})}};
    if (const auto& status = session.status())
        info["status"] = {{"persisted", status->persisted.value_or(false)},
                          {"usage", status->usage_bytes.value_or(-1.0)},
                          {"quota", status->quota_bytes.value_or(-1.0)}};
    if (const auto& pending = state.pending_migration())
        info["pendingMigration"] = {{"from", pending->from_version}, {"to", pending->to_version},
                                    {"rewritesData", pending->rewrites_data}};
    if (const auto& preview = session.import_preview()) info["preview"] = merge_json(preview->merge);
    if (const auto& merged = session.merged()) info["merged"] = merge_json(*merged);
    return info;
}

const char* batch_check_name(session::BatchCheck::Outcome outcome) {
    switch (outcome) {
        case session::BatchCheck::Outcome::reproduced: return "reproduced";
        case session::BatchCheck::Outcome::differs: return "differs";
        case session::BatchCheck::Outcome::dataset_changed: return "dataset-changed";
        case session::BatchCheck::Outcome::model_changed: return "model-changed";
        case session::BatchCheck::Outcome::no_record: return "no-record";
    }
    return "";
}

nlohmann::json outcome_json(const OutcomeState& outcome) {
    nlohmann::json item{{"id", outcome.outcome_id},
                        {"screening", outcome.screening_event_id},
                        {"type", outcome_type_key(outcome.details.type)},
                        {"date", format_iso_date(outcome.details.outcome_date)},
                        {"note", outcome.details.note},
                        {"corrected", !outcome.correction_ids.empty()}};
    if (outcome.details.type == OutcomeType::enforcement) item["measure"] = enforcement_measure_key(outcome.details.measure);
    if (outcome.details.type == OutcomeType::handed_over) item["handedOverTo"] = outcome.details.handed_over_to;
    if (outcome.details.type == OutcomeType::inspection)
        item["result"] = inspection_result_key(outcome.details.inspection_result);
    return item;
}

// The outcome a test asks for, as JSON: {"dossier", "type", "measure", "handedOverTo", "result",
// "date" (YYYY-MM-DD, default today), "note", "corrects", "withdraw", "reason"}.
std::optional<session::OutcomeInput> outcome_input(const session::Session& state, const std::string& text) {
    const Checked<Json> parsed = parse_json_strict(text);
    if (!parsed) return std::nullopt;
    const Json& json = *parsed;
    if (!json.is_object() || !json.contains("dossier") || !json["dossier"].is_string()) return std::nullopt;
    auto word = [&](const char* key) { return json.contains(key) && json[key].is_string() ? json[key].get<std::string>() : ""; };
    session::OutcomeInput input;
    input.dossier_id = word("dossier");
    input.corrects = word("corrects");
    input.reason = word("reason");
    input.withdraw = json.value("withdraw", false);
    const std::string type = word("type"), measure = word("measure"), result = word("result"), date = word("date");
    bool known = type.empty() && input.withdraw;
    for (int i = 0; i <= static_cast<int>(OutcomeType::inspection); ++i)
        if (type == outcome_type_key(static_cast<OutcomeType>(i))) {
            input.details.type = static_cast<OutcomeType>(i);
            known = true;
        }
    for (int i = 0; i <= static_cast<int>(EnforcementMeasure::other); ++i)
        if (measure == enforcement_measure_key(static_cast<EnforcementMeasure>(i)))
            input.details.measure = static_cast<EnforcementMeasure>(i);
    for (int i = 0; i <= static_cast<int>(InspectionResult::serious_shortcomings); ++i)
        if (result == inspection_result_key(static_cast<InspectionResult>(i)))
            input.details.inspection_result = static_cast<InspectionResult>(i);
    if (!known) return std::nullopt;
    input.details.handed_over_to = word("handedOverTo");
    input.details.note = word("note");
    const std::optional<DayNumber> day = date.empty() ? std::optional<DayNumber>(state.reference_date()) : parse_iso_date(date);
    if (!day) return std::nullopt;
    input.details.outcome_date = *day;
    return input;
}

// Storage, the selection preview, the batches and the screening queue.
void add_workflow_info(session::Session& state, nlohmann::json& info) {
    info["storage"] = {{"mode", storage_mode_name(state.storage_mode())},
                       {"loaded", state.storage_loaded()},
                       {"message", state.storage_message()}};
    info["backup"] = backup_info(state);
    info["screener"] = state.screener();
    info["events"] = state.screening().events.size();
    if (const Checked<BatchPreview>* preview = state.batch_preview()) {
        nlohmann::json selection;
        if (!preview->ok()) {
            selection["error"] = preview->error();
        } else {
            const BatchPreview& batch = preview->value();
            const SelectionOutcome& outcome = batch.outcome;
            nlohmann::json selected = nlohmann::json::array(), held_back = nlohmann::json::array();
            for (std::size_t index : outcome.selected) selected.push_back(outcome.decisions[index].dossier_id);
            for (const auto* list : {&outcome.held_back, &outcome.waiting})
                for (std::size_t index : *list) {
                    const DossierDecision& decision = outcome.decisions[index];
                    held_back.push_back({{"id", decision.dossier_id},
                                         {"decision", decision_key(decision.decision)},
                                         {"reason", describe_decision(outcome, decision, TextLanguage::english)}});
                }
            selection = {{"batchId", batch.batch_id}, {"referenceDate", format_iso_date(state.selection_date())},
                         {"supplementary", batch.supplementary}, {"selected", selected},
                         {"heldBack", held_back}, {"commit", save_status_json(state, "batch:" + batch.batch_id)}};
        }
        info["selection"] = selection;
    }
    nlohmann::json batches = nlohmann::json::array();
    for (const auto& [id, batch] : state.screening().batches) {
        nlohmann::json item{{"id", id}, {"coded", batch.coded_count}, {"total", batch.total()},
                            {"open", batch.status() == BatchStatus::open}};
        if (batch.closed_by_user) item["uncodedAtClose"] = batch.uncoded_at_close;
        for (const FrozenBatch& frozen : state.frozen_batches())
            if (frozen.batch_id == id) {
                item["scoresAsOf"] = format_iso_date(batch_scores_day(frozen));
                item["controlSeed"] = frozen.settings.control_seed;
                item["blind"] = screened_blind(batch);
            }
        if (const session::BatchCheck* check = state.batch_check(id))
            item["check"] = {{"outcome", batch_check_name(check->outcome)},
                             {"differences", check->differences},
                             {"modelVersion", check->recorded_model_version}};
        batches.push_back(item);
    }
    info["batches"] = batches;
    if (const Report* report = state.last_report()) info["report"] = report_json_value(*report);
    const auto found = state.screening().batches.find(state.screening_batch());
    if (found == state.screening().batches.end()) return;
    const BatchState& batch = found->second;
    nlohmann::json queue = nlohmann::json::array();
    for (std::size_t i : state.screening_order(batch)) {
        const BatchMember& member = batch.members[i];
        nlohmann::json item{{"id", member.dossier_id}, {"control", member.kind == SelectionKind::control}};
        // What the screen hides from a screener who owes the dossier a second code, this does too.
        if (session::awaiting_second_code(state, member.dossier_id)) {
            item["hidden"] = true;
            queue.push_back(item);
            continue;
        }
        if (const EffectiveScreening* screening = state.screening().current_screening(member.dossier_id);
            screening && batch.member_coded[i]) {
            item["code"] = code_key(screening->code);
            item["note"] = screening->note;
            item["corrected"] = !screening->correction_ids.empty();
        }
        nlohmann::json outcomes = nlohmann::json::array();
        for (const OutcomeState* outcome : state.screening().current_outcomes(member.dossier_id))
            outcomes.push_back(outcome_json(*outcome));
        item["outcomes"] = outcomes;
        queue.push_back(item);
    }
    info["screening"] = {{"batch", batch.batch_id},
                         {"blind", screened_blind(batch)},
                         {"dossier", state.screening_dossier()},
                         {"queue", queue},
                         {"refusal", attached_views->marks.screening_refusal},
                         {"saveStatus", save_status_json(state, state.screening_dossier())},
                         {"outcomeSaveStatus", save_status_json(state, session::outcome_subject(state.screening_dossier()))}};
}

// The Audit screen: the current screener's second-code queue, the disagreements awaiting a
// decision, the agreement figures and the group audit's groupings.
nlohmann::json audit_info(const session::Session& state, session::AuditWork& audit) {
    nlohmann::json queue = nlohmann::json::array();
    for (const session::SecondCodeItem& item : session::second_code_queue(state))
        queue.push_back({{"batch", item.batch_id}, {"dossier", item.dossier_id}});
    nlohmann::json disagreements = nlohmann::json::array();
    for (const session::Disagreement& d : session::disagreements_awaiting(state))
        disagreements.push_back({{"batch", d.batch_id}, {"dossier", d.dossier_id}, {"first", code_key(d.first_code)},
                                 {"second", code_key(d.second_code)}, {"firstScreener", d.first_screener},
                                 {"secondScreener", d.second_screener}});
    const session::AuditChoices& choices = audit.choices(state);
    nlohmann::json out{{"secondCodeQueue", queue},
                       {"disagreements", disagreements},
                       {"choices",
                        {{"grouping", choices.grouping},
                         {"reference", choices.reference_group},
                         {"band", {choices.band.low, choices.band.high}}}}};
    const auto statistic = [](const EstimatedStatistic& figure) {
        return figure.estimate.value ? nlohmann::json(*figure.estimate.value) : nlohmann::json();
    };
    if (const CoderAgreement* agreement = audit.agreement(state))
        out["agreement"] = {{"units", agreement->overall.table.units},
                            {"agreeing", agreement->overall.table.agreeing()},
                            {"percent", statistic(agreement->overall.percent)},
                            {"kappa", statistic(agreement->overall.kappa)},
                            {"alpha", statistic(agreement->overall.alpha)},
                            {"pairs", agreement->by_pair.size()},
                            {"adjudicated", agreement->adjudicated}};
    if (const Checked<AuditReport>* report = audit.audit(state)) {
        if (*report) {
            nlohmann::json groupings = nlohmann::json::array();
            for (const GroupAudit& grouping : (*report)->groupings) groupings.push_back(grouping.grouping);
            out["groupings"] = groupings;
        } else {
            out["auditError"] = report->error();
        }
    }
    return out;
}

// The Evaluatie screen's figures for the evaluated version, and the backtest once it ran.
nlohmann::json evaluation_info(session::Session& state) {
    nlohmann::json out{{"definition", label_definition_to_json(state.label_definition())},
                       {"statement", label_definition_statement(state.label_definition(), TextLanguage::english)},
                       {"notice", state.label_definition_notice()}};
    const std::optional<int> version = state.evaluated_version();
    if (!version) return out;
    out["version"] = *version;
    if (const Checked<VersionEvaluation>* evaluation = state.version_evaluation()) {
        if (!*evaluation) {
            out["error"] = evaluation->error();
        } else {
            const VersionEvaluation& e = **evaluation;
            const EvaluationSummary& summary = e.summary;
            out["batches"] = e.batches;
            out["labelled"] = summary.rows;
            out["labelledControl"] = e.labelled_control;
            out["notYetKnown"] = e.not_yet_known;
            out["positives"] = summary.positives;
            out["k"] = summary.at_k.k;
            out["precision"] = summary.at_k.precision;
            out["baseRateSource"] = base_rate_source_name(summary.base_rate_source);
            if (summary.base_rate) out["baseRate"] = *summary.base_rate;
            if (summary.lift.ratio) out["lift"] = *summary.lift.ratio;
            if (summary.auc) out["auc"] = *summary.auc;
            if (summary.estimated_recall) out["estimatedRecall"] = *summary.estimated_recall;
        }
    }
    if (const std::optional<int> candidate = state.backtest_candidate()) out["backtestCandidate"] = *candidate;
    if (const Checked<BacktestReport>* report = state.backtest_report()) {
        if (!*report) {
            out["backtest"] = {{"error", report->error()}};
        } else {
            nlohmann::json months = nlohmann::json::array();
            for (const BacktestComparison& month : (*report)->months) {
                nlohmann::json item{{"month", month.month}, {"k", month.candidate.k},
                                    {"screened", month.candidate.screened}, {"positives", month.candidate.positives},
                                    {"coverage", month.candidate.coverage}};
                if (month.candidate.precision_at_k) item["precisionCandidate"] = *month.candidate.precision_at_k;
                if (month.then && month.then->precision_at_k) item["precisionThen"] = *month.then->precision_at_k;
                months.push_back(item);
            }
            out["backtest"] = {{"months", months}};
            if ((*report)->candidate_replay && (*report)->candidate_replay->mean_days_earlier)
                out["backtest"]["candidateDaysEarlier"] = *(*report)->candidate_replay->mean_days_earlier;
        }
    }
    if (const session::Session::LearnedWhatIf* learned = state.learned_weights()) {
        if (!learned->weights) {
            out["learned"] = {{"error", learned->weights.error()}};
        } else {
            const LearnedWeights& weights = *learned->weights;
            nlohmann::json by_parameter = nlohmann::json::object();
            for (const LearnedWeight& weight : weights.weights) by_parameter[weight.parameter_id] = weight.learned;
            out["learned"] = {{"labelled", weights.labelled}, {"positives", weights.positives},
                              {"lambda", weights.choice.lambda}, {"folds", weights.choice.folds},
                              {"weights", by_parameter}, {"heldOutMonths", weights.held_out_months},
                              {"heldOutRows", weights.held_out_rows},
                              {"entered", learned->movement.entered.size()}, {"left", learned->movement.left.size()}};
            if (weights.held_out_auc_learned) out["learned"]["heldOutAucLearned"] = *weights.held_out_auc_learned;
            if (weights.held_out_auc_current) out["learned"]["heldOutAucCurrent"] = *weights.held_out_auc_current;
        }
    }
    return out;
}

}  // namespace radar::app

extern "C" {

// A JSON snapshot: language, dataset size, visible rows and the first visible ones.
EMSCRIPTEN_KEEPALIVE const char* radar_info() {
    using radar::app::attached_state;
    static std::string text;
    nlohmann::json info;
    info["language"] = radar::session::language_code();
    if (radar::app::attached_import) info["import"] = radar::app::import_info(*radar::app::attached_import);
    info["fontEmbedded"] = radar::app::attached_fonts && radar::app::attached_fonts->embedded;
    if (attached_state) {
        const auto& state = *attached_state;
        info["dossiers"] = state.dataset().row_count();
        radar::session::RankingList& list = radar::app::attached_views->ranking.list;
        const std::vector<std::size_t>& rows = list.rows(state);
        info["visible"] = rows.size();
        info["synthetic"] = state.is_synthetic();
        info["workspace"] = state.demo_workspace() ? "demo" : "own";
        const auto& [demo_first_month, demo_months] = state.demo_year_span();
        info["demoYear"] = demo_months > 0 ? nlohmann::json{{"firstMonth", demo_first_month}, {"months", demo_months}}
                                           : nlohmann::json();
        const radar::ui::DemoTourState& tour = radar::app::attached_views->demo_tour;
        info["demoTourStep"] = tour.open ? tour.step + 1 : 0;
        info["exportDate"] = radar::format_iso_date(state.export_date());
        info["referenceDate"] = radar::format_iso_date(state.reference_date());
        info["filter"] = list.filter().text;
        info["firstRowY"] = radar::app::attached_views->marks.first_row_y;  // device pixels; divide by devicePixelRatio
        info["rankingScrollRows"] = radar::app::attached_views->marks.ranking_scroll_rows;
        info["rankingScrollMaxRows"] = radar::app::attached_views->marks.ranking_scroll_max_rows;
        info["windowScroll"] = {{"y", radar::app::attached_views->marks.window_scroll},  // device pixels
                                {"maxY", radar::app::attached_views->marks.window_scroll_max}};
        if (const auto selected = list.selected_row(state)) info["selected"] = state.id(*selected);
        nlohmann::json top = nlohmann::json::array();
        for (std::size_t i = 0; i < rows.size() && i < 10; ++i) {
            const std::size_t row = rows[i];
            top.push_back({{"rank", state.rank_of(row)}, {"id", state.id(row)}, {"name", state.name(row)},
                           {"score", state.display_score(row)}});
        }
        info["top"] = top;
        nlohmann::json widgets = nlohmann::json::object();  // device pixels, like firstRowY
        for (const auto& [name, box] : radar::app::attached_views->marks.widgets)
            widgets[name] = {{"left", box.left}, {"top", box.top}, {"right", box.right}, {"bottom", box.bottom}};
        info["widgets"] = widgets;
        info["screen"] = radar::ui::screen_code(radar::app::attached_views->marks.screen);
        info["columns"] = state.dataset().columns().size();
        nlohmann::json column_types = nlohmann::json::object();  // every dataset column's type
        for (const radar::Column& column : state.dataset().columns()) column_types[column.name] = radar::value_kind_code(column.kind);
        info["columnTypes"] = column_types;
        info["datasetHash"] = state.dataset_hash();
        if (state.snapshot()) info["source"] = state.snapshot()->source_name;
        if (const radar::SnapshotDescriptor* skipped = state.skipped_dataset()) info["skippedDataset"] = skipped->source_name;
        if (const auto& damaged = state.damaged_snapshot())
            info["damagedDataset"] = {{"source", damaged->first}, {"problem", damaged->second}};
        if (!state.import_refusal().empty()) info["importRefusal"] = state.import_refusal();
        if (const radar::ScoringEngine* engine = state.engine()) {
            nlohmann::json weights = nlohmann::json::object();
            for (const auto& parameter : engine->spec().parameters) weights[parameter.id] = parameter.weight;
            const auto active = state.model_registry().active_version();
            info["model"] = {{"id", engine->spec().id},
                             {"activeVersion", active ? *active : 0},
                             {"versions", state.model_registry().versions().size()},
                             {"versionList", radar::app::model_version_list(state)},
                             {"notice", state.model_notice()},
                             {"edited", state.model_edited()},
                             {"weights", weights}};
            const radar::Movement movement = state.movement();
            info["movement"] = {{"topN", movement.top_n},
                                {"entered", movement.entered.size()},
                                {"left", movement.left.size()},
                                {"movedInTop", movement.moved_in_top}};
        }
    }
    if (attached_state) radar::app::add_workflow_info(*attached_state, info);
    if (attached_state) info["evaluation"] = radar::app::evaluation_info(*attached_state);
    if (attached_state && radar::app::attached_audit)
        info["audit"] = radar::app::audit_info(*attached_state, *radar::app::attached_audit);
    if (attached_state) radar::app::add_import_storage_info(*attached_state, info);
    // Replaces bytes that are not UTF-8 (a hostile file name, say) instead of throwing.
    text = info.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return text.c_str();
}

// The import's progress and the stored dataset's, without the figures radar_info builds (the
// selection preview, the audit), so a benchmark can poll it every frame and time the import alone.
EMSCRIPTEN_KEEPALIVE const char* radar_import_state() {
    using radar::app::attached_state;
    static std::string text;
    nlohmann::json state;
    if (radar::app::attached_import) state["import"] = radar::app::import_info(*radar::app::attached_import);
    if (attached_state) {
        state["dossiers"] = attached_state->dataset().row_count();
        state["synthetic"] = attached_state->is_synthetic();
        radar::app::add_import_storage_info(*attached_state, state);
    }
    text = state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return text.c_str();
}

// Asks for the text of the next whole frame (read it with radar_captured_text two frames later).
EMSCRIPTEN_KEEPALIVE void radar_capture_text() { radar::app::text_capture_requested = true; }

// Every text the last captured frame rendered, one item per line.
EMSCRIPTEN_KEEPALIVE const char* radar_captured_text() { return radar::app::captured_text.c_str(); }

// Traps on purpose (wasm `unreachable`), so a test can check that the page contains a crash.
EMSCRIPTEN_KEEPALIVE void radar_simulate_crash() { __builtin_trap(); }

EMSCRIPTEN_KEEPALIVE void radar_set_filter(const char* text) {
    if (radar::app::attached_views) radar::app::attached_views->ranking.list.set_text(text ? text : "");
}

// Sets one parameter's weight as the editor's slider would; 0 if there is no such parameter or
// the model refuses the value.
EMSCRIPTEN_KEEPALIVE int radar_set_weight(const char* parameter_id, double weight) {
    auto* state = radar::app::attached_state;
    if (!state || !state->engine() || !parameter_id) return 0;
    radar::ModelSpec edited = state->engine()->spec();
    for (auto& parameter : edited.parameters)
        if (parameter.id == parameter_id) {
            parameter.weight = weight;
            return state->update_model(edited).empty() ? 1 : 0;
        }
    return 0;
}

// Saves the current model as a new version (as the editor's button does); its number, or 0.
EMSCRIPTEN_KEEPALIVE int radar_save_version(const char* author, const char* note) {
    auto* state = radar::app::attached_state;
    if (!state) return 0;
    const radar::SaveResult result =
        state->save_model_version(author ? author : "", note ? note : "", radar::format_iso_date(state->reference_date()));
    if (result.existing) return result.existing->version;
    return result.saved ? result.saved->version : 0;
}

// Brings a screen forward in the next frame: "ranking", "model", "data", "selection",
// "screening", "report", "storage" or "evaluation"; 0 for anything else.
EMSCRIPTEN_KEEPALIVE int radar_show_screen(const char* name) {
    using radar::ui::Screen;
    auto* state = radar::app::attached_state;
    const auto screen = radar::ui::screen_from_code(name ? name : "");
    if (!state || !screen) return 0;
    radar::app::attached_views->marks.requested_screen = *screen;
    return 1;
}

// Records, corrects or withdraws an outcome through the outcome form's own submit (same checks,
// same store path); returns "" when submitted, else why not. Watch screening.outcomeSaveStatus.
EMSCRIPTEN_KEEPALIVE const char* radar_record_outcome(const char* request) {
    static std::string answer;
    auto* state = radar::app::attached_state;
    if (!state) return "no app state";
    const auto input = radar::app::outcome_input(*state, request ? request : "");
    answer = input ? radar::session::submit_outcome(*state, *input) : "not a valid outcome request";
    return answer.c_str();
}

// Sets the label definition as the Evaluatie screen does (JSON as the setting stores it, e.g.
// {"version":1,"rule":"serious_or_enforcement","window_months":6}); "" when set, else why not.
EMSCRIPTEN_KEEPALIVE const char* radar_set_label_definition(const char* definition_json) {
    static std::string answer;
    auto* state = radar::app::attached_state;
    if (!state) return "no app state";
    const radar::Checked<radar::LabelDefinition> definition = radar::parse_label_definition(definition_json ? definition_json : "");
    if (!definition) return (answer = definition.error()).c_str();
    answer = radar::validate_label_definition(*definition);
    if (answer.empty()) state->set_label_definition(*definition);
    return answer.c_str();
}

// Runs the Evaluatie screen's backtest of a saved version (as its button does); 1 when it ran.
EMSCRIPTEN_KEEPALIVE int radar_run_backtest(int candidate_version) {
    auto* state = radar::app::attached_state;
    if (!state || !state->model_registry().find(candidate_version)) return 0;
    state->set_backtest_candidate(candidate_version);
    state->run_backtest();
    return 1;
}

// Sets the screener's name (the session setting recorded on every event).
EMSCRIPTEN_KEEPALIVE void radar_set_screener(const char* name) {
    if (radar::app::attached_state) radar::app::attached_state->set_screener(name ? name : "");
}

// Sets the selection's reference date ("YYYY-MM-DD"; "" for today); 0 if the date is invalid.
EMSCRIPTEN_KEEPALIVE int radar_set_selection_date(const char* text) {
    auto* state = radar::app::attached_state;
    const std::string value = text ? text : "";
    if (!state) return 0;
    if (value.empty()) {
        state->reset_selection_date();
        return 1;
    }
    const std::optional<radar::DayNumber> day = radar::parse_iso_date(value);
    if (!day) return 0;
    state->set_selection_date(*day);
    return 1;
}

// Moves the app's date ("YYYY-MM-DD") with the same dataset, as if the app were used that day:
// scores, screening date and selection date follow. 0 if the date is invalid.
EMSCRIPTEN_KEEPALIVE int radar_set_today(const char* text) {
    auto* state = radar::app::attached_state;
    const std::optional<radar::DayNumber> day = radar::parse_iso_date(text ? text : "");
    if (!state || !day) return 0;
    state->set_today(*day);
    return 1;
}

// Accepts "nl" or "en"; anything else is ignored and returns 0.
EMSCRIPTEN_KEEPALIVE int radar_set_language(const char* code) {
    const std::string value = code ? code : "";
    if (value == "nl") radar::session::set_language(radar::session::Language::dutch);
    else if (value == "en") radar::session::set_language(radar::session::Language::english);
    else return 0;
    return 1;
}

// The review's mapping edit: the file column with this header maps to `field` ("" = extra
// attribute) and the file is read again; 0 when no review is open or there is no such column.
EMSCRIPTEN_KEEPALIVE int radar_import_assign(const char* header, const char* field) {
    auto* session = radar::app::attached_import;
    const radar::ImportResult* result = session ? session->result() : nullptr;
    if (!result || !header) return 0;
    for (std::size_t i = 0; i < result->columns.size(); ++i)
        if (result->columns[i].header == header) {
            session->assign(i, field ? field : "");
            return 1;
        }
    return 0;
}

// Saves the reviewed mapping as a named profile (as the review's button does); 0 without a review.
EMSCRIPTEN_KEEPALIVE int radar_import_save_profile(const char* name) {
    auto* session = radar::app::attached_import;
    auto* state = radar::app::attached_state;
    const radar::ImportResult* result = session ? session->result() : nullptr;
    if (!result || !state || !name || !*name) return 0;
    state->save_mapping_profile(radar::profile_from_mappings(name, result->mappings()));
    return 1;
}

// The review's type edit: the extra column with this header is read as `kind` ("whole_number",
// "number", "date", "boolean", "category", "text"; "" = inferred again) and the file is read
// again; 0 when no review is open, there is no such column or the kind is unknown.
EMSCRIPTEN_KEEPALIVE int radar_import_choose_kind(const char* header, const char* kind) {
    auto* session = radar::app::attached_import;
    const radar::ImportResult* result = session ? session->result() : nullptr;
    const std::string code = kind ? kind : "";
    const std::optional<radar::ValueKind> chosen = radar::value_kind_from_code(code);
    if (!result || !header || (!code.empty() && !chosen)) return 0;
    for (std::size_t i = 0; i < result->columns.size(); ++i)
        if (result->columns[i].header == header && result->columns[i].extra) {
            session->choose_kind(i, chosen);
            return 1;
        }
    return 0;
}

// The model editor's "add an input" on a dataset column: the new parameter's id, or "" when the
// model refuses it (a protected column, for one).
EMSCRIPTEN_KEEPALIVE const char* radar_add_model_input(const char* column) {
    static std::string id;
    id.clear();
    auto* state = radar::app::attached_state;
    if (!state || !column) return id.c_str();
    const radar::Checked<std::string> added = state->add_model_input(column);
    if (added) id = *added;
    return id.c_str();
}

}
