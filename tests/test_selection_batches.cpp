// Batches over time: preview and commit through the event history, one batch per month,
// supplementary batches, re-selection after the cooldown, frozen batch JSON and reproduction.
#include <doctest/doctest.h>

#include "core/data/dataset_hash.hpp"
#include "core/screening/screening_actions.hpp"
#include "core/selection/frozen_batch.hpp"
#include "core/selection/preview_request.hpp"
#include "selection_fixtures.hpp"

using namespace radar;
using namespace radar::fixtures;

namespace {

struct Team {
    Table data = ranked_table(12);
    std::vector<ScreeningEvent> events;
    int next_id = 1;

    std::string id() { return "ev-" + std::to_string(next_id++); }
    ScreeningState state() const { return fold_events(events); }

    PreviewRequest request(const char* reference, bool supplementary = false) const {
        PreviewRequest request;
        request.reference_date = day(reference);
        request.settings.capacity = 3;
        request.supplementary = supplementary;
        request.model_version_id = "starter-1";
        request.dataset_hash = dataset_sha256(data.dataset);
        return request;
    }

    Checked<BatchPreview> preview(const char* reference, bool supplementary = false) const {
        return preview_batch(data.dataset, data.scores, state(), request(reference, supplementary));
    }

    FrozenBatch commit(const char* reference, bool supplementary = false) {
        const auto preview = this->preview(reference, supplementary);
        REQUIRE_MESSAGE(preview.ok(), preview.error());
        const std::string stamp_time = std::string(reference) + "T08:00:00.000Z";
        const auto committed = commit_batch(*preview, state(), {id(), *parse_timestamp(stamp_time), "An"});
        REQUIRE_MESSAGE(committed.ok(), committed.error());
        events.push_back(committed->event);
        return committed->batch;
    }

    void code_all(const FrozenBatch& batch, const char* date) {
        for (const FrozenMember& member : batch.members) {
            CodingRequest coding;
            coding.stamp = {id(), *parse_timestamp(std::string(date) + "T10:00:00.000Z"), "An"};
            coding.dossier_id = member.dossier_id;
            coding.batch_id = batch.batch_id;
            coding.code = ScreeningCode::risico;
            coding.screening_date = day(date);
            const auto recorded = record_screening(state(), coding);
            REQUIRE_MESSAGE(recorded.ok(), recorded.error());
            events.insert(events.end(), recorded->begin(), recorded->end());
        }
    }
};

std::vector<std::string> member_ids(const FrozenBatch& batch) {
    std::vector<std::string> ids;
    for (const FrozenMember& member : batch.members) ids.push_back(member.dossier_id);
    return ids;
}

}  // namespace

TEST_CASE("monthly batches: cooldown after screening, re-selection after three months") {
    Team team;
    const FrozenBatch january = team.commit("2024-01-05");
    CHECK(january.batch_id == "2024-01");
    CHECK(member_ids(january) == std::vector<std::string>{"D01", "D02", "D03"});
    team.code_all(january, "2024-01-20");
    CHECK(team.state().batches.at("2024-01").status() == BatchStatus::closed);

    const FrozenBatch february = team.commit("2024-02-05");
    CHECK(member_ids(february) == std::vector<std::string>{"D04", "D05", "D06"});
    CHECK(february.held_back.size() == 3);
    CHECK(february.held_back[0].dossier_id == "D01");
    CHECK(format_iso_date(february.held_back[0].cooldown_until) == "2024-04-20");
    team.code_all(february, "2024-02-20");

    // April 5th: D01-D03 are still cooling down until April 20th.
    team.code_all(team.commit("2024-03-05"), "2024-03-20");
    const FrozenBatch april = team.commit("2024-04-05");
    CHECK(member_ids(april) == std::vector<std::string>{"D10", "D11", "D12"});
    team.code_all(april, "2024-04-06");
    // May 5th: the top dossiers are back (screened January 20th, eligible since April 20th).
    CHECK(member_ids(team.commit("2024-05-05")) == std::vector<std::string>{"D01", "D02", "D03"});
}

TEST_CASE("pending dossiers of an open batch are not selected again") {
    Team team;
    const FrozenBatch january = team.commit("2024-01-05");
    const auto preview = team.preview("2024-02-05");
    REQUIRE(preview.ok());
    CHECK(preview->outcome.find("D01")->decision == Decision::pending);
    CHECK(preview->outcome.find("D01")->pending_batch == "2024-01");
    CHECK(preview->history.at("D01").pending_batch == "2024-01");
    // Closing January by hand frees its uncoded dossiers.
    const auto close = record_batch_close(team.state(), {team.id(), at("2024-01-31T17:00:00.000Z"), "An"}, "2024-01", "");
    REQUIRE(close.ok());
    team.events.push_back(*close);
    CHECK(member_ids(team.commit("2024-02-05")) == member_ids(january));
}

TEST_CASE("one batch per calendar month unless explicitly supplementary") {
    Team team;
    CHECK(team.preview("2024-01-20", true).error() ==
          "month 2024-01 has no regular batch yet; a supplementary batch comes after it");
    team.commit("2024-01-05");
    CHECK(team.preview("2024-01-20").error() ==
          "month 2024-01 already has its batch (2024-01, committed 2024-01-05T08:00:00.000Z by An); another batch "
          "this month must be marked supplementary");
    const FrozenBatch extra = team.commit("2024-01-20", true);
    CHECK(extra.batch_id == "2024-01-s1");
    CHECK(extra.supplementary);
    CHECK(member_ids(extra) == std::vector<std::string>{"D04", "D05", "D06"});  // January's are pending
    CHECK(team.commit("2024-01-25", true).batch_id == "2024-01-s2");
    CHECK(team.preview("2024-02-01").ok());
}

TEST_CASE("a frozen batch survives JSON and is refused when damaged") {
    Team team;
    team.code_all(team.commit("2024-01-05"), "2024-01-06");
    const FrozenBatch batch = team.commit("2024-02-05");
    const auto back = parse_batch(batch_to_text(batch));
    REQUIRE_MESSAGE(back.ok(), back.error());
    CHECK(batch_to_text(*back) == batch_to_text(batch));
    CHECK(back->history.size() == 3);

    Json damaged = batch_to_json(batch);
    damaged["members"][1]["rank"] = 99;
    CHECK(batch_from_json(damaged).error() == "batch (2024-02): field 'members': dossier D05 has rank 99 outside 1..12");
    damaged = batch_to_json(batch);
    damaged["members"][0].erase("score");
    CHECK(batch_from_json(damaged).error() == "batch: members[0]: field 'score': is missing");
    damaged = batch_to_json(batch);
    damaged["settings"]["cooldown_months"] = "3";
    CHECK(batch_from_json(damaged).error() == "batch: settings: field 'cooldown_months': expected a whole number, got \"3\"");
    damaged = batch_to_json(batch);
    damaged["month"] = "2024-03";
    CHECK(batch_from_json(damaged).error() ==
          "batch (2024-02): field 'month': 2024-03 is not the month of the reference date 2024-02-05");
}

TEST_CASE("version 2 of a batch: its double-coding share and its audit at commit; version 1 unchanged") {
    Team team;
    FrozenBatch batch = team.commit("2024-01-05");
    const Json plain = batch_to_json(batch);
    CHECK(plain["schema_version"] == 1);  // neither field: written as before
    CHECK_FALSE(plain["settings"].contains("double_coding"));
    CHECK_FALSE(plain.contains("audit_at_commit"));

    batch.settings.double_coding = {0.25, 5};
    BatchAuditRecord audit;
    audit.band_low = 0.9;
    audit.band_high = 1.1;
    RecordedGrouping province;
    province.grouping = "province";
    province.reference_group = "Antwerpen";
    RecordedGroup antwerpen;
    antwerpen.group = "Antwerpen";
    antwerpen.dossiers = 40;
    antwerpen.selected = 4;
    antwerpen.selection_rate = 0.1;
    antwerpen.ratio = 1.0;
    antwerpen.in_band = true;
    antwerpen.reference = true;
    RecordedGroup empty_cell;  // a group without figures: nothing optional is written
    empty_cell.dossiers = 3;
    empty_cell.too_few = true;
    province.groups = {antwerpen, empty_cell};
    audit.groupings = {province};
    batch.audit_at_commit = audit;
    const Json extended = batch_to_json(batch);
    CHECK(extended["schema_version"] == 2);
    CHECK(extended["settings"]["double_coding"] == Json{{"share", 0.25}, {"minimum", 5}});
    CHECK_FALSE(extended["audit_at_commit"]["groupings"][0]["groups"][1].contains("ratio"));
    const auto back = parse_batch(batch_to_text(batch));
    REQUIRE_MESSAGE(back.ok(), back.error());
    CHECK(back->settings.double_coding == DoubleCodingSettings{0.25, 5});
    REQUIRE(back->audit_at_commit);
    CHECK(*back->audit_at_commit == audit);
    CHECK(batch_to_text(*back) == batch_to_text(batch));

    Json damaged = extended;
    damaged["settings"]["double_coding"]["share"] = 1.5;
    CHECK(batch_from_json(damaged).error() == "batch: settings: double_coding: field 'share': must be 0..1");
    damaged = extended;
    damaged["audit_at_commit"]["groupings"][0]["groups"][0]["colour"] = "red";
    CHECK(batch_from_json(damaged).error() ==
          "batch: audit_at_commit: groupings[0]: groups[0]: field 'colour': is not a known field");
    damaged = extended;
    damaged["schema_version"] = 3;
    CHECK(batch_from_json(damaged).error() == "batch: schema_version 3 is newer than this app supports (2); update the app");
}

TEST_CASE("re-running the rule with the recorded inputs reproduces a frozen batch") {
    Team team;
    team.code_all(team.commit("2024-01-05"), "2024-01-06");
    PreviewRequest request = team.request("2024-02-05");
    request.settings.control_size = 2;
    request.settings.control_seed = 77;
    const auto preview = preview_batch(team.data.dataset, team.data.scores, team.state(), request);
    REQUIRE(preview.ok());
    const auto committed = commit_batch(*preview, team.state(), {"ev-x", at("2024-02-05T08:00:00.000Z"), "An"});
    REQUIRE(committed.ok());
    const FrozenBatch batch = *parse_batch(batch_to_text(committed->batch));
    const std::string hash = dataset_sha256(team.data.dataset);

    // Later history (more screenings, more batches) does not matter: the facts are recorded.
    team.events.push_back(committed->event);
    team.code_all(batch, "2024-02-07");
    const auto report = reproduce_batch(batch, team.data.dataset, team.data.scores, "starter-1", hash);
    CHECK(report.reproduced);
    CHECK(report.differences.empty());

    std::vector<double> changed = team.data.scores;
    changed[6] = 100.0;  // D07 now ranks first
    const auto different = reproduce_batch(batch, team.data.dataset, changed, "starter-2", "other");
    CHECK_FALSE(different.reproduced);
    REQUIRE(different.differences.size() >= 3);
    CHECK(different.differences[0] == "dataset snapshot differs: the batch was selected from " + hash + ", the re-run uses other");
    CHECK(different.differences[1] == "model version differs: the batch used starter-1, the re-run uses starter-2");
    bool names_d07 = false;
    for (const auto& line : different.differences) names_d07 |= line.rfind("D07: not in the batch, the re-run selects it as top_n (rank 1", 0) == 0;
    CHECK(names_d07);
}

TEST_CASE("commit refuses an empty batch and a batch id taken meanwhile") {
    Team team;
    const auto preview = team.preview("2024-01-05");
    REQUIRE(preview.ok());
    team.commit("2024-01-05");
    CHECK(commit_batch(*preview, team.state(), {"ev-y", at("2024-01-05T09:00:00.000Z"), "An"}).error() ==
          "batch 2024-01 was committed meanwhile; make a new preview");
    BatchPreview empty = *preview;
    empty.outcome.selected.clear();
    CHECK(commit_batch(empty, fold_events({}), {"ev-y", at("2024-01-05T09:00:00.000Z"), "An"}).error() ==
          "nothing to commit: no dossier was selected");
}

TEST_CASE("a batch records the day its scores were computed for; older batches mean the reference date") {
    Team team;
    PreviewRequest request = team.request("2024-01-05");
    request.scores_as_of = day("2024-01-20");  // back-dated selection, scored as of later
    const auto preview = preview_batch(team.data.dataset, team.data.scores, team.state(), request);
    REQUIRE(preview.ok());
    const auto committed = commit_batch(*preview, team.state(), {"ev-x", at("2024-01-20T08:00:00.000Z"), "An"});
    REQUIRE(committed.ok());
    CHECK(committed->batch.scores_as_of == day("2024-01-20"));
    const auto back = parse_batch(batch_to_text(committed->batch));
    REQUIRE(back.ok());
    CHECK(back->scores_as_of == day("2024-01-20"));
    CHECK(batch_to_json(*back)["scores_as_of"] == "2024-01-20");

    Json old = batch_to_json(committed->batch);
    old.erase("scores_as_of");
    const auto old_batch = batch_from_json(old);
    REQUIRE_MESSAGE(old_batch.ok(), old_batch.error());
    CHECK(old_batch->scores_as_of == day("2024-01-05"));
    CHECK(old_batch->schema_version == 1);
}

TEST_CASE("the preview request: the month, supplementary when the month has a batch, the given seed") {
    Team team;
    PreviewInputs inputs;
    inputs.selection_date = day("2024-01-05");
    inputs.scores_as_of = day("2024-01-09");
    inputs.settings.capacity = 3;
    inputs.settings.control_size = 2;
    inputs.settings.control_seed = 5;  // replaced by the drawn seed
    inputs.model_version_id = "starter-1";
    inputs.dataset_hash = dataset_sha256(team.data.dataset);
    const std::uint64_t seed = control_seed_from_random_bits(0xFFFFFFFFFFFFFFFFULL);
    CHECK(seed == max_control_seed);
    CHECK(control_seed_from_random_bits(0x12345678ABCDEF01ULL) < (std::uint64_t{1} << 53));

    PreviewRequest request = decide_preview_request(inputs, team.state(), seed);
    CHECK(request.reference_date == day("2024-01-05"));
    CHECK(request.scores_as_of == day("2024-01-09"));
    CHECK(request.settings.control_seed == seed);
    CHECK(request.settings.capacity == 3);
    CHECK_FALSE(request.supplementary);
    CHECK(request.model_version_id == "starter-1");
    CHECK(request.dataset_hash == inputs.dataset_hash);

    team.commit("2024-01-05");
    CHECK(decide_preview_request(inputs, team.state(), seed).supplementary);
    inputs.selection_date = day("2024-02-01");
    CHECK_FALSE(decide_preview_request(inputs, team.state(), seed).supplementary);
    inputs.supplementary = true;  // asked explicitly: kept (preview_batch refuses it if wrong)
    CHECK(decide_preview_request(inputs, team.state(), seed).supplementary);

    // The seed is the batch's: a preview with it draws the same control sample, and it is recorded.
    inputs.supplementary.reset();
    const auto preview = preview_batch(team.data.dataset, team.data.scores, team.state(),
                                       decide_preview_request(inputs, team.state(), 99));
    REQUIRE(preview.ok());
    const auto committed = commit_batch(*preview, team.state(), {"ev-y", at("2024-02-01T08:00:00.000Z"), "An"});
    REQUIRE(committed.ok());
    CHECK(committed->batch.settings.control_seed == 99);
}
