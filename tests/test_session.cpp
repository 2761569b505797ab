// The session (src/session/) without a browser: the app's month over the native folder store,
// the way the views drive it — import a 120-row export, accept it, select and freeze the month's
// batch, code dossiers, reload (the stored dataset is read again), report; write permission in a
// second "tab"; the coding rules; a backup merged into another device.
#include <doctest/doctest.h>

#include <optional>
#include <set>
#include <string>

#include "core/time/civil_date.hpp"
#include "core/data/csv_writer.hpp"
#include "core/data/demo_data.hpp"
#include "core/import/field_dictionary.hpp"
#include "platform/platform.hpp"
#include "platform/store.hpp"
#include "session/backup_session.hpp"
#include "session/i18n.hpp"
#include "session/import_session.hpp"
#include "session/import_work.hpp"
#include "session/screening_work.hpp"
#include "session/session.hpp"
#include "session_fixtures.hpp"
#include "temp_folder.hpp"

using namespace radar;
using namespace radar::session;
using namespace radar::test;

namespace {

// A 120-row export as the demo generator writes it (not the app's own demo dossiers).
std::string export_csv() { return demo_export_csv(120, 42); }

}  // namespace

TEST_CASE("the month through the session: import, accept, select, freeze, code, reload, report") {
    TempFolder folder("session-month");
    std::string dataset_hash;
    std::string batch_id;
    std::string coded_dossier;
    {
        RunningApp app(folder);
        CHECK(app.state.storage_mode() == StoreMode::writer);
        CHECK(app.state.is_synthetic());
        app.import_file("export-120.csv", export_csv());
        CHECK(app.state.import_refusal().empty());
        REQUIRE(app.state.dataset().row_count() == 120);
        CHECK_FALSE(app.state.is_synthetic());
        REQUIRE(app.state.engine());
        REQUIRE(app.state.snapshot());
        CHECK(app.state.snapshot()->source_name == "export-120.csv");
        REQUIRE(app.state.snapshot_save());
        CHECK(app.state.snapshot_save()->phase == SavePhase::saved);
        dataset_hash = app.state.dataset_hash();

        app.state.set_screener("Anna de Vries");
        batch_id = app.commit_month();
        REQUIRE(app.state.frozen_batches().size() == 1);
        CHECK(app.state.frozen_batches().front().dataset_hash == dataset_hash);

        const BatchMember member = app.first_member(batch_id);
        coded_dossier = member.dossier_id;
        CHECK_FALSE(save_coding(app.state, app.batch(batch_id), member, coded(ScreeningCode::geen_risico)));
        const SaveStatus* saved = app.state.save_status(coded_dossier);
        REQUIRE(saved);
        CHECK(saved->phase == SavePhase::saved);
        CHECK(app.state.screening().current_screening(coded_dossier));
    }

    // A reload: the stored export is read again (no demo data), the work is there.
    RunningApp reopened(folder);
    CHECK(reopened.state.load_problems().empty());
    CHECK_FALSE(reopened.state.is_synthetic());
    REQUIRE(reopened.state.dataset().row_count() == 120);
    CHECK(reopened.state.dataset_hash() == dataset_hash);
    REQUIRE(reopened.state.snapshot());
    CHECK(reopened.state.snapshot()->source_name == "export-120.csv");
    REQUIRE(reopened.state.frozen_batches().size() == 1);
    CHECK(reopened.state.screening().current_screening(coded_dossier));

    // The month's report over what the session holds, built once until its inputs change.
    const DayNumber today = reopened.state.reference_date();
    CHECK(reopened.state.report_history().any);
    CHECK(reopened.state.report_history().first_activity <= first_of_month(today));
    const Session::ReportRequest month{ReportPeriod{first_of_month(today), today},
                                       {ScreeningCode::risico, ScreeningCode::verder_onderzoek_nodig}};
    const Report* built = reopened.state.report(month, Timestamp{platform::now_millis()});
    REQUIRE(built);
    const std::uint64_t generation = reopened.state.report_generation();
    CHECK(reopened.state.report(month, Timestamp{platform::now_millis()}) == built);
    CHECK(reopened.state.report_generation() == generation);
    const Report& report = *built;
    CHECK(report.dossiers.total == 1);
    CHECK(report.dataset_hashes == std::vector<std::string>{dataset_hash});
    REQUIRE(report.months.size() == 1);
    CHECK(report.months.front().batches == 1);

    // New work makes a new report.
    reopened.state.set_screener("Bram Peters");
    const BatchState& batch = reopened.batch(batch_id);
    std::optional<BatchMember> second;
    for (std::size_t i : reopened.state.screening_order(batch))
        if (!batch.member_coded[i]) second = batch.members[i];
    REQUIRE(second);
    REQUIRE_FALSE(save_coding(reopened.state, batch, *second, coded(ScreeningCode::risico)));
    const Report* after = reopened.state.report(month, Timestamp{platform::now_millis()});
    REQUIRE(after);
    CHECK(reopened.state.report_generation() != generation);
    CHECK(after->dossiers.total == 2);
    // Its breakdowns by province and care type read the screened dossiers' rows of the dataset.
    std::map<std::string, std::size_t> provinces, care_types;
    for (const std::string& id : {coded_dossier, second->dossier_id}) {
        const std::optional<std::size_t> row = reopened.state.row_of(id);
        REQUIRE(row);
        const DossierAttributes attributes = dossier_attributes_at(reopened.state.dataset(), *row);
        CHECK_FALSE(attributes.province.empty());
        ++provinces[attributes.province];
        ++care_types[attributes.care_type];
    }
    const auto counted = [](const std::vector<BreakdownRow>& rows) {
        std::map<std::string, std::size_t> counts;
        for (const BreakdownRow& row : rows)
            for (const std::size_t count : row.codes.by_code)
                if (count) counts[row.group] += count;
        return counts;
    };
    CHECK(counted(after->by_province) == provinces);
    CHECK(counted(after->by_care_type) == care_types);
}

TEST_CASE("the province and care-type lists are the dataset's present values, sorted, demo and imported alike") {
    const auto present_values = [](const Dataset& dataset, const char* name) {
        std::set<std::string> values;
        const Column& column = *dataset.find(name);
        for (std::size_t row = 0; row < column.size(); ++row)
            if (!column.is_missing(row)) values.emplace(column.texts[row]);
        return std::vector<std::string>(values.begin(), values.end());
    };
    TempFolder folder("session-lists");
    RunningApp app(folder);
    REQUIRE(app.state.provinces().size() > 1);
    CHECK(app.state.provinces() == present_values(app.state.dataset(), "province"));
    app.import_file("export-120.csv", export_csv());
    REQUIRE(app.state.dataset().row_count() == 120);
    CHECK(app.state.provinces() == present_values(app.state.dataset(), "province"));
    CHECK(app.state.care_types() == present_values(app.state.dataset(), "care_type"));
}

TEST_CASE("a model version saved while an import is accepted: the import is tried again under it") {
    TempFolder folder("session-model-during-accept");
    RunningApp app(folder);
    app.read_file("export-120.csv", export_csv());
    app.import->request_accept();
    for (int frame = 0; frame < 1000 && app.import->accept_step() != ImportSession::AcceptStep::finishing; ++frame)
        advance_import_work(app.state, *app.import);
    REQUIRE(app.import->accept_step() == ImportSession::AcceptStep::finishing);
    CHECK(app.state.is_synthetic());  // nothing adopted yet

    ModelSpec edited = app.state.engine()->spec();
    edited.parameters.front().weight += 3.0;
    REQUIRE(app.state.update_model(edited).empty());
    REQUIRE(app.state.save_model_version("Anna de Vries", "zwaarder", platform::now_iso()).saved);

    advance_import_work(app.state, *app.import);  // the finishing step's notice was drawn
    advance_import_work(app.state, *app.import);  // finds the trial stale: back to checking
    CHECK(app.import->accept_step() == ImportSession::AcceptStep::checking);
    CHECK(app.state.is_synthetic());
    app.run_frames();
    CHECK(app.state.import_refusal().empty());
    REQUIRE(app.state.dataset().row_count() == 120);
    REQUIRE(app.state.engine());
    CHECK(app.state.engine()->spec() == *app.state.saved_model());
    CHECK(app.state.engine()->spec().parameters.front().weight == edited.parameters.front().weight);
    REQUIRE(app.state.snapshot_save());
    CHECK(app.state.snapshot_save()->phase == SavePhase::saved);
}

TEST_CASE("an export without the fields the model reads is refused, naming them as the screener knows them") {
    TempFolder folder("session-refused-fields");
    RunningApp app(folder);
    app.read_file("no_model_fields.csv",
                  "Dossiernummer;Naam opvang;Gemeente;Type opvang\nKO-1;Kribbe A;Gent;groepsopvang\nKO-2;Kribbe "
                  "B;Brugge;gezinsopvang\n");
    app.import->request_accept();
    for (int frame = 0; frame < 100 && app.state.import_refusal().empty(); ++frame)
        advance_import_work(app.state, *app.import);
    const std::string& refusal = app.state.import_refusal();
    CHECK(refusal.rfind(tr(TextId::import_refused_model), 0) == 0);
    CHECK(refusal.find("Klachten (12 maanden)") != std::string::npos);  // complaints_12m's Dutch label
    CHECK(refusal.find("Koppel ze hierboven aan een kolom") != std::string::npos);
    for (const char* internal : {"complaints_12m", "parameter", "'"}) {
        CAPTURE(internal);
        CHECK(refusal.find(internal) == std::string::npos);
    }
    CHECK(app.state.is_synthetic());  // nothing changed
    CHECK(app.import->phase() == ImportSession::Phase::reviewing);
}

TEST_CASE("stored records with a key written twice are load problems at start-up, and nothing of them is used") {
    TempFolder folder("session-duplicate-keys");
    {
        std::unique_ptr<platform::Store> store = platform::make_folder_store(folder.path.string());
        store->open([](const platform::StoreResult& result, const platform::StoreStatus&) { REQUIRE(result.ok); });
        const std::string profile = R"({"name": "export", "name": "x", "columns": []})";
        store->commit({{platform::RecordKind::setting, "screener", R"({"name": "An", "name": "Bo"})", false},
                       {platform::RecordKind::model, "f1", R"({"version": 1, "version": 2})", false},
                       {platform::RecordKind::mapping_profile, "export", profile, false}},
                      [](const platform::StoreResult& result) { REQUIRE(result.ok); });
        store->put_snapshot({"dataset", R"({"descriptor": {}, "descriptor": {}, "mapping": {}})", "dossier_id\nKO-1\n"},
                            [](const platform::StoreResult& result) { REQUIRE(result.ok); });
    }
    RunningApp app(folder);
    CHECK(app.state.load_problems() ==
          std::vector<std::string>{
              "screener: the key \"name\" occurs twice in one object",
              "models: a model version record is not valid JSON: the key \"version\" occurs twice in one object",
              "export: the mapping profile is not valid JSON: the key \"name\" occurs twice in one object",
              "dataset: the key \"descriptor\" occurs twice in one object"});
    CHECK(app.state.screener().empty());
    CHECK(app.state.mapping_profiles().empty());
    CHECK(app.state.is_synthetic());  // the demo dossiers stay: the stored dataset was not read
}

TEST_CASE("a second page on the same store reads but may not write" * doctest::skip(without_process_locks)) {
    TempFolder folder("session-second-page");
    RunningApp writer(folder);
    writer.state.set_screener("Anna de Vries");
    const std::string batch_id = writer.commit_month();

    RunningApp reader(folder);
    reader.state.set_screener("Bram Peters");
    CHECK(reader.state.storage_mode() == StoreMode::read_only);
    CHECK(std::string(write_blocker(reader.state)) == tr(TextId::storage_not_writable));
    REQUIRE(reader.state.frozen_batches().size() == 1);
    const std::optional<CodingRefusal> refusal =
        save_coding(reader.state, reader.batch(batch_id), reader.first_member(batch_id), coded(ScreeningCode::risico));
    REQUIRE(refusal);
    CHECK(std::string(refusal->message) == tr(TextId::storage_not_writable));
    CHECK(reader.state.save_status(reader.first_member(batch_id).dossier_id) == nullptr);
    const Checked<BatchPreview>* preview = reader.state.batch_preview();
    REQUIRE(preview);
    REQUIRE(*preview);
    CHECK_FALSE(commit_preview(reader.state, **preview));
}

TEST_CASE("the coding rules refuse an incomplete draft and submit nothing") {
    TempFolder folder("session-coding-rules");
    RunningApp app(folder);
    const BatchState* batch = nullptr;
    SUBCASE("without a screener name nothing can be committed") {
        const Checked<BatchPreview>* preview = app.state.batch_preview();
        REQUIRE(preview);
        REQUIRE(*preview);
        CHECK(std::string(commit_blocker(app.state, **preview)) == tr(TextId::screener_required));
        CHECK_FALSE(commit_preview(app.state, **preview));
        CHECK(app.state.frozen_batches().empty());
        return;
    }
    app.state.set_screener("Anna de Vries");
    const std::string batch_id = app.commit_month();
    batch = &app.batch(batch_id);
    const BatchMember member = app.first_member(batch_id);
    const std::size_t events_before = app.state.screening().events.size();

    SUBCASE("no code chosen") {
        const auto refusal = save_coding(app.state, *batch, member, CodingDraft{});
        REQUIRE(refusal);
        CHECK(std::string(refusal->message) == tr(TextId::choose_code));
    }
    SUBCASE("Verder onderzoek nodig needs a valid due date") {
        CodingDraft draft = coded(ScreeningCode::verder_onderzoek_nodig);
        draft.due_date = "31-02-2027";
        const auto refusal = save_coding(app.state, *batch, member, draft);
        REQUIRE(refusal);
        CHECK(std::string(refusal->message) == tr(TextId::due_date_invalid));
    }
    SUBCASE("Geen risico for a top-10% dossier needs a note (unless the batch is blind)") {
        const std::optional<double> percentile = visible_percentile(*batch, member);
        if (percentile && *percentile >= 90.0) {
            const auto refusal = save_coding(app.state, *batch, member, coded(ScreeningCode::geen_risico, "  "));
            REQUIRE(refusal);
            CHECK(std::string(refusal->message) == tr(TextId::note_required_message));
            CHECK(refusal->focus_note);
        } else {
            CHECK(member_hidden(*batch, member));
        }
    }
    SUBCASE("a coded dossier changes only through a correction with a reason") {
        REQUIRE_FALSE(save_coding(app.state, *batch, member, coded(ScreeningCode::risico)));
        const std::size_t events_after_code = app.state.screening().events.size();
        CHECK(events_after_code > events_before);
        const auto again = save_coding(app.state, app.batch(batch_id), member, coded(ScreeningCode::geen_risico));
        REQUIRE(again);
        CHECK(std::string(again->message).empty());
        CodingDraft correction = coded(ScreeningCode::geen_risico);
        correction.correcting = true;
        const auto no_reason = save_coding(app.state, app.batch(batch_id), member, correction);
        REQUIRE(no_reason);
        CHECK(std::string(no_reason->message) == tr(TextId::correction_reason_required));
        CHECK(no_reason->focus_note);
        CHECK(app.state.screening().events.size() == events_after_code);
        correction.correction_reason = "Verkeerde code gekozen";
        CHECK_FALSE(save_coding(app.state, app.batch(batch_id), member, correction));
        const EffectiveScreening* now = screening_in_batch(app.state.screening(), member.dossier_id, batch_id);
        REQUIRE(now);
        CHECK(now->code == ScreeningCode::geen_risico);
        return;
    }
    CHECK(app.state.screening().events.size() == events_before);
}

TEST_CASE("a backup from one device merges into another through the backup session") {
    TempFolder first_folder("session-backup-from");
    TempFolder second_folder("session-backup-into");
    std::optional<OutgoingFile> file;
    std::string batch_id;
    std::string coded_dossier;
    {
        RunningApp first(first_folder);
        first.state.set_screener("Anna de Vries");
        batch_id = first.commit_month();
        const BatchMember member = first.first_member(batch_id);
        coded_dossier = member.dossier_id;
        REQUIRE_FALSE(save_coding(first.state, first.batch(batch_id), member, coded(ScreeningCode::risico)));
        BackupSession backup;
        backup.export_backup(first.state);
        CHECK(backup.phase() == BackupPhase::done);
        file = backup.take_download();
        REQUIRE(file);
        CHECK(file->mime_type == "application/json");
        CHECK_FALSE(backup.take_download());
        CHECK(first.state.last_backup_at());
    }

    RunningApp second(second_folder);
    CHECK(second.state.frozen_batches().empty());
    BackupSession backup;
    backup.preview_import(second.state, PickedFile{file->name, file->bytes, ""});
    REQUIRE(backup.phase() == BackupPhase::done);
    REQUIRE(backup.import_preview());
    CHECK_FALSE(backup.import_preview()->merge.changes_nothing());
    CHECK(second.state.frozen_batches().empty());  // nothing is written before the user confirms
    backup.confirm_import(second.state);
    CHECK(backup.phase() == BackupPhase::done);
    REQUIRE(second.state.frozen_batches().size() == 1);
    CHECK(second.state.frozen_batches().front().batch_id == batch_id);
    const EffectiveScreening* merged = screening_in_batch(second.state.screening(), coded_dossier, batch_id);
    REQUIRE(merged);
    CHECK(merged->code == ScreeningCode::risico);

    BackupSession damaged;
    damaged.preview_import(second.state, PickedFile{"kapot.json", "{\"not\": \"a backup\"}", ""});
    CHECK(damaged.phase() == BackupPhase::failed);
    CHECK_FALSE(damaged.import_preview());
}

TEST_CASE("an outcome is recorded through the session's rule, after the screening it follows") {
    TempFolder folder("session-outcome");
    RunningApp app(folder);
    app.state.set_screener("Anna de Vries");
    const std::string batch_id = app.commit_month();
    const BatchMember member = app.first_member(batch_id);
    OutcomeInput input;
    input.dossier_id = member.dossier_id;
    input.details.type = OutcomeType::handed_over;
    input.details.outcome_date = app.state.reference_date();
    input.details.handed_over_to = "Gemeente Utrecht";
    CHECK(submit_outcome(app.state, input) == tr(TextId::outcome_needs_screening));
    REQUIRE_FALSE(save_coding(app.state, app.batch(batch_id), member, coded(ScreeningCode::risico)));
    input.details.handed_over_to = " ";
    CHECK(submit_outcome(app.state, input) == tr(TextId::outcome_handed_over_required));
    CHECK(app.state.save_status(outcome_subject(member.dossier_id)) == nullptr);
    input.details.handed_over_to = "Gemeente Utrecht";
    CHECK(submit_outcome(app.state, input).empty());
    const SaveStatus* saved = app.state.save_status(outcome_subject(member.dossier_id));
    REQUIRE(saved);
    CHECK(saved->phase == SavePhase::saved);
    REQUIRE(app.state.screening().current_outcomes(member.dossier_id).size() == 1);
}
