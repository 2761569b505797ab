// Backups: export and validate round trip, the content hash ignores record order, corrupted or
// truncated files are refused with a precise message, and importing is an idempotent merge (model
// versions by content).
#include <doctest/doctest.h>

#include <algorithm>

#include "core/backup/backup_merge.hpp"
#include "core/data/dataset_hash.hpp"
#include "core/model/model_json.hpp"
#include "core/model/model_registry.hpp"
#include "model_fixtures.hpp"
#include "core/screening/event_json.hpp"
#include "core/selection/frozen_batch.hpp"
#include "selection_fixtures.hpp"
#include "core/base/sha256.hpp"

using namespace radar;
using namespace radar::fixtures;

namespace {

BackupContent sample_content() {
    const Table data = ranked_table(8);
    PreviewRequest request;
    request.reference_date = day("2024-01-05");
    request.settings.capacity = 2;
    request.model_version_id = "starter-1";
    request.dataset_hash = dataset_sha256(data.dataset);
    const auto preview = preview_batch(data.dataset, data.scores, fold_events({}), request);
    REQUIRE(preview.ok());
    const auto committed = commit_batch(*preview, fold_events({}), {"ev-commit", at("2024-01-05T08:00:00.000Z"), "An"});
    REQUIRE(committed.ok());
    BackupContent content;
    content.events = {coded("ev-2", "D01", ScreeningCode::risico, "2024-01-10", "2024-01"), committed->event,
                      coded("ev-1", "D02", ScreeningCode::geen_risico, "2024-01-09", "2024-01")};
    content.batches = {committed->batch};
    content.models = {{"starter-1", Json{{"terms", 12}, {"name", "Startmodel"}}}};
    content.mapping_profiles = {{"opgroeien-2024", Json{{"dossier_id", "Dossiernummer"}}}};
    content.settings = Json{{"screener", "An"}, {"language", "nl"}};
    return content;
}

std::string refusal(const std::string& text) {
    const auto result = validate_backup(text);
    return result.ok() ? "" : result.error();
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a backup round-trips and its hash does not depend on record order") {
    const BackupContent content = sample_content();
    const std::string text = export_backup(content, at("2024-02-01T12:00:00.000Z"));
    const auto document = validate_backup(text);
    REQUIRE_MESSAGE(document.ok(), document.error());
    CHECK(document->counts.events == 3);
    CHECK(document->counts.batches == 1);
    CHECK(document->counts.settings == 2);
    CHECK(document->content_sha256 == backup_content_sha256(content));
    CHECK(document->content.events[0].event_id == "ev-1");  // sorted by id
    CHECK(export_backup(document->content, at("2024-02-01T12:00:00.000Z")) == text);

    BackupContent reordered = content;
    std::swap(reordered.events[0], reordered.events[2]);
    CHECK(backup_content_sha256(reordered) == backup_content_sha256(content));
    CHECK(backup_content_sha256(BackupContent{}) != backup_content_sha256(content));
    CHECK(validate_backup(export_backup(BackupContent{}, at("2024-02-01T12:00:00.000Z"))).ok());
}

TEST_CASE("a truncated or corrupted backup is refused with a precise message") {
    const std::string text = export_backup(sample_content(), at("2024-02-01T12:00:00.000Z"));
    for (std::size_t cut : {std::size_t{0}, std::size_t{1}, text.size() / 3, text.size() / 2, text.size() - 3}) {
        CAPTURE(cut);
        const std::string message = refusal(text.substr(0, cut));
        CHECK(message.rfind("backup refused: not valid JSON at byte " + std::to_string(cut) +
                                " (the text ends too early: truncated?)",
                            0) == 0);
    }
    CHECK(refusal(replaced(text, "\"D01\"", "\"D07\"")).rfind(
              "backup refused: the content does not match its SHA-256 (recorded ", 0) == 0);
    CHECK(refusal(replaced(text, "\"events\": 3", "\"events\": 4")) ==
          "backup refused: field 'counts.events' says 4, the backup holds 3 (truncated or edited?)");
    CHECK(refusal(replaced(text, "\"version\": 1", "\"version\": 2")) ==
          "backup refused: backup version 2 is newer than this app supports (1); update the app");
    CHECK(refusal(replaced(text, "dossier-radar-backup", "something-else")) ==
          "backup refused: this is not a Dossier Radar backup (field 'format' is not \"dossier-radar-backup\")");
    CHECK(refusal("[]") == "backup refused: this is not a Dossier Radar backup (not a JSON object)");
    CHECK(refusal("") .rfind("backup refused: not valid JSON at byte 0", 0) == 0);
}

TEST_CASE("a key written twice anywhere in a backup refuses the backup, naming the key") {
    const std::string text = export_backup(sample_content(), at("2024-02-01T12:00:00.000Z"));
    CHECK(refusal(replaced(text, "\"screener\": \"An\"", "\"screener\": \"An\", \"screener\": \"Bo\"")) ==
          "backup refused: the key \"screener\" occurs twice in one object");
}

TEST_CASE("invalid records inside a backup with a correct hash are refused naming the record and field") {
    // Re-sign edited content so only the record-level checks can catch the problem.
    auto resigned = [](Json document) {
        document["content_sha256"] = sha256_hex(canonical_json(document["content"]));
        return document.dump(1);
    };
    const Json document = *parse_json_strict(export_backup(sample_content(), at("2024-02-01T12:00:00.000Z")));
    Json edited = document;
    edited["content"]["events"][0]["code"] = "hoog";
    CHECK(refusal(resigned(edited)) ==
          "backup refused: content.events[0]: field 'code': expected one of risico, geen_risico, "
          "verder_onderzoek_nodig; got \"hoog\"");
    edited = document;
    edited["content"]["events"][1]["event_id"] = "ev-1";
    CHECK(refusal(resigned(edited)) == "backup refused: event ev-1 occurs twice");
    edited = document;
    edited["content"]["batches"][0]["members"][0]["dossier_id"] = "D05";
    CHECK(refusal(resigned(edited)) == "backup refused: batch 2024-01 does not match its batch_committed event ev-commit");
    edited = document;
    edited["content"]["models"][0].erase("value");
    CHECK(refusal(resigned(edited)) == "backup refused: content.models[0]: field 'value': is missing");
    edited = document;
    edited["content"]["models"].push_back(edited["content"]["models"][0]);
    edited["counts"]["models"] = 2;
    CHECK(refusal(resigned(edited)) == "backup refused: content.models[1]: field 'id': starter-1 occurs twice");
}

TEST_CASE("importing merges by id: twice changes nothing, conflicts are reported") {
    const BackupContent mine = sample_content();
    const auto restored = validate_backup(export_backup(mine, at("2024-02-01T12:00:00.000Z")));
    REQUIRE(restored.ok());

    const BackupMerge into_empty = merge_backup(BackupContent{}, restored->content);
    CHECK(into_empty.added_events.size() == 3);
    CHECK(into_empty.added_batches.size() == 1);
    CHECK(into_empty.added_settings.size() == 2);
    const BackupContent device = apply_backup_merge(BackupContent{}, into_empty);
    CHECK(backup_content_sha256(device) == restored->content_sha256);

    const BackupMerge again = merge_backup(device, restored->content);
    CHECK(again.changes_nothing());
    CHECK(again.conflicts.empty());
    CHECK(again.identical == 3 + 1 + 1 + 1 + 2);
    CHECK(backup_content_sha256(apply_backup_merge(device, again)) == restored->content_sha256);

    // Another screener's export: one new event, one event id reused with other content, a
    // different value for a setting.
    BackupContent theirs = mine;
    theirs.events.push_back(coded("ev-9", "D03", ScreeningCode::risico, "2024-01-12"));
    std::get<ScreeningCoded>(theirs.events[0].payload).note = "edited elsewhere";
    theirs.settings["screener"] = "Bert";
    const BackupMerge merge = merge_backup(device, theirs);
    CHECK(merge.added_events.size() == 1);
    REQUIRE(merge.conflicts.size() == 2);
    CHECK(merge.conflicts[0].kind == "event");
    CHECK(merge.conflicts[0].id == "ev-2");
    CHECK(merge.conflicts[1].kind == "setting");
    CHECK(merge.summary() ==
          "1 event, 0 batches, 0 models, 0 mapping profiles, 0 settings added; 6 already present; 2 conflicts "
          "(local kept): event ev-2 setting screener");
}

namespace {

// A registry's versions as the store keeps them: one record per version, keyed by its fingerprint.
std::vector<OpaqueRecord> model_records(const ModelRegistry& registry) {
    std::vector<OpaqueRecord> records;
    for (const ModelVersion& version : registry.versions())
        records.push_back({version.info.fingerprint, Json(ModelRegistry::record_json_value(version))});
    return records;
}

ModelSpec with_intercept(double intercept) {
    ModelSpec spec = radar::test::parse_or_fail(radar::test::default_model_text());
    spec.intercept = intercept;
    return spec;
}

}  // namespace

TEST_CASE("model versions merge by content: the same model is one version, a new one gets the next number") {
    const ModelSpec start = with_intercept(0), mine_edit = with_intercept(-1), their_edit = with_intercept(-2);
    ModelRegistry mine;
    mine.save(start, "An", "start", "2024-01-01");
    mine.save(mine_edit, "An", "mine", "2024-01-02");
    ModelRegistry theirs;  // another device: the same start model, its own edit, then the same edit as mine
    theirs.save(start, "Bo", "start", "2024-01-03");
    theirs.save(their_edit, "Bo", "theirs", "2024-01-04");
    theirs.save(mine_edit, "Bo", "copied", "2024-01-05");

    BackupContent device;
    device.models = model_records(mine);
    BackupContent incoming;
    incoming.models = model_records(theirs);
    const auto backup = validate_backup(export_backup(incoming, at("2024-02-01T12:00:00.000Z")));
    REQUIRE_MESSAGE(backup.ok(), backup.error());

    const BackupMerge merge = merge_backup(device, backup->content);
    CHECK(merge.identical == 2);
    CHECK(merge.conflicts.empty());
    REQUIRE(merge.added_models.size() == 1);
    CHECK(merge.added_models[0].id == theirs.versions()[1].info.fingerprint);
    CHECK(merge.added_models[0].value["version"] == 3);
    CHECK(merge.summary().rfind("0 events, 0 batches, 1 model,", 0) == 0);

    // The merged records restore one registry: 1 and 2 as this device numbered them, 3 theirs.
    const BackupContent merged = apply_backup_merge(device, merge);
    std::vector<std::string> records;
    for (const OpaqueRecord& record : merged.models) records.push_back(record.value.dump());
    ModelRegistry restored;
    CHECK(restored.restore(records, 3).empty());
    REQUIRE(restored.list().size() == 3);
    CHECK(restored.spec(1) == start);
    CHECK(restored.spec(2) == mine_edit);
    CHECK(restored.spec(3) == their_edit);
    CHECK(restored.find(3)->info.author == "Bo");
    // A batch selected with any of the merged models finds its version.
    for (const ModelSpec& spec : {start, mine_edit, their_edit})
        CHECK(restored.find_by_model_version_id(model_version_id(spec)).has_value());

    // Importing the same backup again changes nothing.
    const BackupMerge again = merge_backup(merged, backup->content);
    CHECK(again.changes_nothing());
    CHECK(again.identical == 3);
}

TEST_CASE("a backup's versions fill an empty device in their own order") {
    ModelRegistry theirs;
    theirs.save(with_intercept(0), "Bo", "", "2024-01-03");
    theirs.save(with_intercept(-2), "Bo", "", "2024-01-04");
    BackupContent incoming;
    incoming.models = model_records(theirs);
    std::reverse(incoming.models.begin(), incoming.models.end());
    const BackupMerge merge = merge_backup(BackupContent{}, incoming);
    REQUIRE(merge.added_models.size() == 2);
    CHECK(merge.added_models[0].value["version"] == 1);
    CHECK(merge.added_models[0].id == theirs.versions()[0].info.fingerprint);
    CHECK(merge.added_models[1].value["version"] == 2);
}
