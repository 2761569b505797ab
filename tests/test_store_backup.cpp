// Moving the team's work between two devices through a backup file: store records become backup
// content, the file validates, merging it into another store writes only what was missing, a
// second import changes nothing, and per-device settings never travel.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>

#include "platform/store_backup.hpp"
#include "platform/store_export_format.hpp"
#include "core/screening/event_json.hpp"
#include "core/screening/screening_state.hpp"
#include "screening_fixtures.hpp"

using namespace radar;
using namespace radar::platform;
using namespace radar::fixtures;
namespace fs = std::filesystem;

namespace {

struct FolderStore {
    fs::path path;
    std::unique_ptr<Store> store;
    explicit FolderStore(const std::string& name)
        : path(fs::temp_directory_path() / ("radar-store-backup-test-" + std::to_string(::getpid()) + "-" + name)) {
        fs::remove_all(path);
        store = make_folder_store(path.string());
        store->open([](const StoreResult& result, const StoreStatus&) { REQUIRE(result.ok); });
    }
    ~FolderStore() { fs::remove_all(path); }

    void commit(std::vector<StoreWrite> writes) {
        bool ok = false;
        store->commit(std::move(writes), [&](const StoreResult& result) { ok = result.ok; });
        REQUIRE(ok);
    }
    BackupContent content() {
        BackupContent result;
        store->load_all([&](const StoreResult& loaded, StoreContents contents) {
            REQUIRE(loaded.ok);
            std::vector<std::string> problems;
            result = backup_content_from_store(contents, problems);
            CHECK(problems.empty());
        });
        return result;
    }
};

StoreWrite event_write(const ScreeningEvent& event) {
    return {RecordKind::event, event.event_id, event_to_text(event), false};
}

}  // namespace

TEST_CASE("a backup moves the team's work to another device, once") {
    FolderStore first("first"), second("second");
    first.commit({event_write(coded("e1", "KO-1", ScreeningCode::risico, "2024-01-10", "", "2024-01-10T09:00:00.000Z")),
                  event_write(coded("e2", "KO-2", ScreeningCode::geen_risico, "2024-01-11", "ok", "2024-01-11T09:00:00.000Z")),
                  {RecordKind::model, "childcare-default", R"({"id":"childcare-default"})", false},
                  {RecordKind::setting, "possible_risk", R"(["risico","verder_onderzoek_nodig"])", false},
                  {RecordKind::setting, "screener", R"("An")", false}});
    second.commit({event_write(coded("e3", "KO-3", ScreeningCode::risico, "2024-01-12", "", "2024-01-12T09:00:00.000Z")),
                   {RecordKind::setting, "screener", R"("Bo")", false}});

    const BackupContent exported = first.content();
    CHECK(exported.events.size() == 2);
    CHECK(exported.settings.size() == 1);  // the screener's name stays on its device
    const Checked<BackupDocument> document = validate_backup(export_backup(exported, at("2024-02-01T10:00:00.000Z")));
    REQUIRE_MESSAGE(document.ok(), document.error());

    const BackupMerge merge = merge_backup(second.content(), document->content);
    CHECK(merge.added_events.size() == 2);
    CHECK(merge.added_models.size() == 1);
    CHECK(merge.conflicts.empty());
    second.commit(store_writes_for_merge(merge));

    const BackupContent merged = second.content();
    CHECK(merged.events.size() == 3);
    CHECK(merged.models.size() == 1);
    CHECK(merged.settings.at("possible_risk") == exported.settings.at("possible_risk"));
    CHECK(merge_backup(merged, document->content).changes_nothing());
    second.store->load_all([](const StoreResult&, StoreContents contents) {
        REQUIRE(contents.settings.size() == 2);
        CHECK(contents.settings[1].key == "screener");
        CHECK(contents.settings[1].data == R"("Bo")");
    });
}

TEST_CASE("the store's own export reads as a backup: the crash panel's emergency backup can be imported") {
    FolderStore store("emergency");
    store.commit({event_write(coded("e1", "KO-1", ScreeningCode::risico, "2024-01-10", "", "2024-01-10T09:00:00.000Z")),
                  {RecordKind::setting, "possible_risk", R"(["risico"])", false},
                  {RecordKind::setting, "screener", R"("An")", false}});
    std::string exported;
    store.store->load_all([&](const StoreResult& loaded, StoreContents contents) {
        REQUIRE(loaded.ok);
        exported = write_store_export(contents);
    });
    const Checked<BackupDocument> document = read_backup_file(exported);
    REQUIRE_MESSAGE(document.ok(), document.error());
    CHECK(document->content.events.size() == 1);
    CHECK(document->counts.events == 1);
    CHECK(document->content.settings.size() == 1);  // the screener's name stays on its device
    CHECK(document->content_sha256 == backup_content_sha256(store.content()));

    // A regular backup still reads; anything else is refused with the backup format's message.
    CHECK(read_backup_file(export_backup(store.content(), at("2024-02-01T10:00:00.000Z"))).ok());
    const Checked<BackupDocument> neither = read_backup_file(R"({"format":"something-else"})");
    CHECK_FALSE(neither.ok());
    CHECK(neither.error() == validate_backup(R"({"format":"something-else"})").error());
}

TEST_CASE("a store export with a key written twice, in the file or in one of its records, is refused naming it") {
    FolderStore store("duplicate-key");
    store.commit({{RecordKind::model, "childcare-default", R"({"id":"childcare-default","id":"other"})", false}});
    std::string exported;
    store.store->load_all([&](const StoreResult&, StoreContents contents) { exported = write_store_export(contents); });
    const Checked<BackupDocument> in_record = read_backup_file(exported);
    REQUIRE_FALSE(in_record.ok());
    CHECK(in_record.error() == "childcare-default: the key \"id\" occurs twice in one object");

    const std::string twice = R"({"format":"dossier-radar-store","format":"dossier-radar-store"})";
    CHECK(read_store_export(twice).result.message ==
          "the backup is not valid JSON: the key \"format\" occurs twice in one object");
    CHECK_FALSE(read_backup_file(twice).ok());
}

TEST_CASE("outcomes after screening go through the store into a backup and into another device's store") {
    FolderStore first("outcomes-first"), second("outcomes-second");
    OutcomeDetails enforcement = outcome_details(OutcomeType::enforcement, "2024-02-15");
    enforcement.measure = EnforcementMeasure::opheffing;
    first.commit({event_write(coded("e1", "KO-1", ScreeningCode::risico, "2024-01-10", "", "2024-01-10T09:00:00.000Z")),
                  event_write(outcome("o1", "e1", "KO-1", enforcement, "2024-02-15T09:00:00.000Z")),
                  event_write(outcome_withdrawn("o2", "o1", "KO-1", "2024-02-16T09:00:00.000Z")),
                  event_write(outcome("o3", "e1", "KO-1", inspection_details(InspectionResult::serious_shortcomings,
                                                                              "2024-02-20"),
                                      "2024-02-20T09:00:00.000Z"))});
    const BackupContent exported = first.content();
    CHECK(exported.events.size() == 4);
    const Checked<BackupDocument> document = validate_backup(export_backup(exported, at("2024-03-01T10:00:00.000Z")));
    REQUIRE_MESSAGE(document.ok(), document.error());
    const BackupMerge merge = merge_backup(second.content(), document->content);
    CHECK(merge.added_events.size() == 4);
    second.commit(store_writes_for_merge(merge));
    const BackupContent merged = second.content();
    CHECK(merge_backup(merged, document->content).changes_nothing());
    const ScreeningState state = fold_events(merged.events);
    CHECK(state.issues.empty());
    const auto current = state.current_outcomes("KO-1");
    REQUIRE(current.size() == 1);
    CHECK(current[0]->outcome_id == "o3");
    CHECK(state.outcome("o1")->withdrawn);
}
