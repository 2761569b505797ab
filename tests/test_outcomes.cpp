// Outcomes after screening: validation, JSON round trips (old version-1 events still read),
// folding with corrections and withdrawal, merging by id, and a backup round trip.
#include <doctest/doctest.h>

#include "core/backup/backup_merge.hpp"
#include "core/screening/event_json.hpp"
#include "core/screening/event_merge.hpp"
#include "core/screening/event_text.hpp"
#include "core/screening/screening_state.hpp"
#include "screening_fixtures.hpp"

using namespace radar;
using namespace radar::fixtures;

namespace {

std::vector<ScreeningEvent> screened_with_outcomes() {
    OutcomeDetails enforcement = outcome_details(OutcomeType::enforcement, "2024-02-15");
    enforcement.measure = EnforcementMeasure::schorsing;
    enforcement.note = "Zoë: \"schorsing\"";
    return {coded("ev-s1", "KO-1", ScreeningCode::risico, "2024-01-10"),
            coded("ev-s2", "KO-2", ScreeningCode::verder_onderzoek_nodig, "2024-01-11"),
            outcome("ev-o1", "ev-s1", "KO-1", enforcement, "2024-02-15T10:00:00.000Z"),
            outcome("ev-o2", "ev-s2", "KO-2", inspection_details(InspectionResult::shortcomings, "2024-02-20"),
                    "2024-02-21T10:00:00.000Z"),
            outcome("ev-o3", "ev-s2", "KO-2", outcome_details(OutcomeType::handed_over, "2024-02-22"),
                    "2024-02-22T10:00:00.000Z"),
            outcome("ev-o4", "ev-s2", "KO-2", outcome_details(OutcomeType::support, "2024-02-23"),
                    "2024-02-23T10:00:00.000Z")};
}

std::string error_of(const std::string& text) {
    const auto parsed = parse_event(text);
    return parsed ? "" : parsed.error();
}

const char* outcome_text =
    R"({"event_id":"ev-o9","schema_version":2,"kind":"outcome_recorded","recorded_at":"2024-03-01T09:00:00.000Z",)"
    R"("screener":"An","dossier_id":"KO-1","screening_event_id":"ev-s1","outcome_type":"inspection",)"
    R"("inspection_result":"serious_shortcomings","outcome_date":"2024-02-28","note":""})";

std::string with(const std::string& from, const std::string& to) {
    std::string text = outcome_text;
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("outcome events survive a JSON round trip and are written with the current schema version") {
    auto events = screened_with_outcomes();
    events.push_back(outcome_corrected("ev-c1", "ev-o2", "KO-2",
                                       inspection_details(InspectionResult::serious_shortcomings, "2024-02-20"),
                                       "2024-02-25T10:00:00.000Z"));
    events.push_back(outcome_withdrawn("ev-c2", "ev-o4", "KO-2", "2024-02-26T10:00:00.000Z"));
    for (const ScreeningEvent& event : events) {
        CAPTURE(event.event_id);
        CHECK(validate_event(event) == "");
        CHECK(event.schema_version == screening_schema_version);
        const auto back = parse_event(event_to_text(event));
        REQUIRE_MESSAGE(back.ok(), back.error());
        CHECK(event_to_text(*back) == event_to_text(event));
        CHECK(back->kind() == event.kind());
    }
    const auto parsed = parse_event(outcome_text);
    REQUIRE_MESSAGE(parsed.ok(), parsed.error());
    const auto* recorded = parsed->as<OutcomeRecorded>();
    REQUIRE(recorded);
    CHECK(recorded->screening_event_id == "ev-s1");
    CHECK(recorded->details.inspection_result == InspectionResult::serious_shortcomings);
    CHECK(format_iso_date(recorded->details.outcome_date) == "2024-02-28");
    // Only the fields of the outcome's type are written.
    const std::string enforcement = event_to_text(events[2]);
    CHECK(enforcement.find("\"measure\":\"schorsing\"") != std::string::npos);
    CHECK(enforcement.find("inspection_result") == std::string::npos);
    CHECK(enforcement.find("handed_over_to") == std::string::npos);
}

TEST_CASE("version-1 events from before outcomes existed are still read and keep their text") {
    const std::string old_text =
        R"({"code":"risico","dossier_id":"KO-1","event_id":"ev-9","kind":"screening_coded","note":"",)"
        R"("recorded_at":"2024-01-10T09:00:00.000Z","schema_version":1,"screener":"An","screening_date":"2024-01-10"})";
    const auto old_event = parse_event(old_text);
    REQUIRE_MESSAGE(old_event.ok(), old_event.error());
    CHECK(old_event->schema_version == 1);
    CHECK(event_to_text(*old_event) == old_text);  // so merging an old backup finds it identical
    const std::string screening = event_to_text(coded("ev-s1", "KO-1", ScreeningCode::risico, "2024-02-01"));
    const auto history = parse_events("[" + old_text + "," + screening + "," + outcome_text + "]");
    REQUIRE_MESSAGE(history.ok(), history.error());
    const ScreeningState state = fold_events(*history);
    CHECK(state.issues.empty());
    CHECK(state.outcomes_of_screening("ev-9").empty());  // the outcome follows ev-s1, not ev-9
    CHECK(state.current_outcomes("KO-1").size() == 1);
    CHECK(state.outcomes_of_screening("ev-s1").size() == 1);
}

TEST_CASE("outcome validation names the field that is wrong") {
    CHECK(error_of(with(R"("schema_version":2)", R"("schema_version":1)")) ==
          "event (ev-o9): field 'schema_version': an outcome event needs version 2 or later, got 1");
    CHECK(error_of(with(R"("schema_version":2)", R"("schema_version":4)")) ==
          "event: schema_version 4 is newer than this app supports (3); update the app");
    CHECK(error_of(with(R"("serious_shortcomings")", R"("terrible")")) ==
          "event: field 'inspection_result': expected one of no_shortcomings, shortcomings, serious_shortcomings; got "
          "\"terrible\"");
    CHECK(error_of(with(R"("outcome_type":"inspection","inspection_result":"serious_shortcomings",)",
                        R"("outcome_type":"enforcement",)")) == "event: field 'measure': is missing");
    CHECK(error_of(with(R"("outcome_type":"inspection",)", R"("outcome_type":"support",)")) ==
          "event: field 'inspection_result': is not a known field");
    CHECK(error_of(with(R"("outcome_date":"2024-02-28")", R"("outcome_date":"1890-02-28")")) ==
          "event (ev-o9): field 'outcome_date': 1890-02-28 is outside 1990-01-01..2199-12-31");
    CHECK(error_of(with(R"("screening_event_id":"ev-s1",)", "")) == "event: field 'screening_event_id': is missing");

    ScreeningEvent handed = outcome("ev-h", "ev-s1", "KO-1", outcome_details(OutcomeType::handed_over, "2024-02-01"));
    std::get<OutcomeRecorded>(handed.payload).details.handed_over_to.clear();
    CHECK(validate_event(handed) == "field 'handed_over_to': must not be empty");
    ScreeningEvent stray = outcome("ev-h", "ev-s1", "KO-1", outcome_details(OutcomeType::support, "2024-02-01"));
    std::get<OutcomeRecorded>(stray.payload).details.handed_over_to = "Team Oost";
    CHECK(validate_event(stray) == "field 'handed_over_to': only an outcome of type handed_over names whom it was handed to");
    ScreeningEvent self = outcome_withdrawn("ev-w", "ev-w", "KO-1", "2024-03-01T09:00:00.000Z");
    CHECK(validate_event(self) == "field 'corrects_event_id': an event cannot correct itself");
    ScreeningEvent no_reason = outcome_withdrawn("ev-w", "ev-o1", "KO-1", "2024-03-01T09:00:00.000Z");
    std::get<OutcomeCorrected>(no_reason.payload).reason.clear();
    CHECK(validate_event(no_reason) == "field 'reason': must not be empty");
    ScreeningEvent no_dossier = outcome("ev-x", "ev-s1", "", outcome_details(OutcomeType::none, "2024-02-01"));
    CHECK(validate_event(no_dossier) == "field 'dossier_id': must not be empty");
}

TEST_CASE("the fold knows the current outcomes per dossier and per screening; the latest correction wins") {
    auto events = screened_with_outcomes();
    events.push_back(outcome_corrected("ev-c1", "ev-o2", "KO-2",
                                       inspection_details(InspectionResult::serious_shortcomings, "2024-02-19"),
                                       "2024-02-25T10:00:00.000Z"));
    // A correction of the correction, recorded later: it decides.
    events.push_back(outcome_corrected("ev-c2", "ev-c1", "KO-2",
                                       inspection_details(InspectionResult::no_shortcomings, "2024-02-18"),
                                       "2024-02-26T10:00:00.000Z"));
    events.push_back(outcome_withdrawn("ev-c3", "ev-o4", "KO-2", "2024-02-27T10:00:00.000Z"));
    // Order of the input never matters.
    std::reverse(events.begin(), events.end());
    const ScreeningState state = fold_events(events);
    CHECK(state.issues.empty());
    REQUIRE(state.outcomes.size() == 4);

    const OutcomeState* inspection = state.outcome("ev-o2");
    REQUIRE(inspection);
    CHECK(inspection->details.inspection_result == InspectionResult::no_shortcomings);
    CHECK(format_iso_date(inspection->details.outcome_date) == "2024-02-18");
    CHECK(inspection->correction_ids == std::vector<std::string>{"ev-c1", "ev-c2"});
    CHECK(state.outcome("ev-o4")->withdrawn);

    const auto of_ko2 = state.current_outcomes("KO-2");
    REQUIRE(of_ko2.size() == 2);  // support withdrawn
    CHECK(of_ko2[0]->outcome_id == "ev-o2");
    CHECK(of_ko2[1]->outcome_id == "ev-o3");
    CHECK(of_ko2[1]->details.handed_over_to == "Team Oost");
    CHECK(state.outcomes_of_screening("ev-s1").size() == 1);
    CHECK(state.outcomes_of_screening("ev-s1")[0]->details.measure == EnforcementMeasure::schorsing);
    CHECK(state.outcomes_of_screening("ev-unknown").empty());
    CHECK(state.history("KO-2")->outcomes.size() == 3);
    CHECK(state.history("KO-2")->timeline.size() == 7);
}

TEST_CASE("outcomes that refer to unknown or foreign screenings are kept and reported") {
    const ScreeningState state = fold_events(
        {coded("ev-s1", "KO-1", ScreeningCode::risico, "2024-01-10"),
         outcome("ev-o1", "ev-later", "KO-1", outcome_details(OutcomeType::none, "2024-02-01")),
         outcome("ev-o2", "ev-s1", "KO-2", outcome_details(OutcomeType::none, "2024-02-01")),
         outcome_withdrawn("ev-w1", "ev-nothing", "KO-1", "2024-03-02T09:00:00.000Z"),
         outcome_withdrawn("ev-w2", "ev-o1", "KO-9", "2024-03-03T09:00:00.000Z")});
    CHECK(state.issues == std::vector<std::string>{
                              "outcome ev-o1 follows ev-later, which is not a known screening",
                              "outcome ev-o2 is for dossier KO-2 but follows a screening of dossier KO-1",
                              "outcome correction ev-w1 refers to ev-nothing, which is not a known outcome",
                              "outcome correction ev-w2 is for dossier KO-9 but corrects an outcome of dossier KO-1; ignored"});
    CHECK(state.current_outcomes("KO-1").size() == 1);
}

TEST_CASE("outcomes merge by event id like every event") {
    const auto local = screened_with_outcomes();
    auto incoming = local;
    incoming.push_back(outcome_withdrawn("ev-c9", "ev-o1", "KO-1", "2024-03-05T10:00:00.000Z"));
    ScreeningEvent changed = incoming[3];
    std::get<OutcomeRecorded>(changed.payload).details.inspection_result = InspectionResult::serious_shortcomings;
    incoming[3] = changed;
    const EventMerge merge = merge_events(local, incoming);
    REQUIRE(merge.added.size() == 1);
    CHECK(merge.added[0].event_id == "ev-c9");
    CHECK(merge.identical == local.size() - 1);
    REQUIRE(merge.conflicts.size() == 1);
    CHECK(merge.conflicts[0].event_id == "ev-o2");
    auto all = local;
    all.insert(all.end(), merge.added.begin(), merge.added.end());
    CHECK(merge_events(all, incoming).added.empty());
    CHECK(fold_events(all).current_outcomes("KO-1").empty());
}

TEST_CASE("outcomes travel in a backup and merge into another device once") {
    BackupContent content;
    content.events = screened_with_outcomes();
    content.events.push_back(outcome_withdrawn("ev-c1", "ev-o4", "KO-2", "2024-02-27T10:00:00.000Z"));
    const std::string text = export_backup(content, at("2024-03-01T12:00:00.000Z"));
    CHECK(text.find("outcome_recorded") != std::string::npos);
    const auto document = validate_backup(text);
    REQUIRE_MESSAGE(document.ok(), document.error());
    CHECK(document->counts.events == content.events.size());
    CHECK(document->content_sha256 == backup_content_sha256(content));

    BackupContent other;
    other.events = {coded("ev-s1", "KO-1", ScreeningCode::risico, "2024-01-10")};
    const BackupMerge merge = merge_backup(other, document->content);
    CHECK(merge.added_events.size() == content.events.size() - 1);
    CHECK(merge.conflicts.empty());
    other.events.insert(other.events.end(), merge.added_events.begin(), merge.added_events.end());
    CHECK(merge_backup(other, document->content).changes_nothing());
    const ScreeningState state = fold_events(other.events);
    CHECK(state.current_outcomes("KO-1").size() == 1);
    CHECK(state.current_outcomes("KO-2").size() == 2);
}

TEST_CASE("outcome lines for the dossier timeline, in Dutch and English") {
    auto events = screened_with_outcomes();
    CHECK(describe_event(events[2], "KO-1", TextLanguage::dutch) ==
          "15 februari 2024 · An · Gevolg op 15 februari 2024: Handhaving (schorsing) — Zoë: \"schorsing\"");
    CHECK(describe_event(events[3], "KO-2", TextLanguage::english) ==
          "21 February 2024 · An · Outcome on 20 February 2024: Inspection: shortcomings");
    CHECK(describe_event(outcome_withdrawn("ev-c1", "ev-o4", "KO-2", "2024-02-27T10:00:00.000Z"), "KO-2",
                         TextLanguage::dutch) ==
          "27 februari 2024 · An · Gevolg ingetrokken (ev-o4): recorded on the wrong dossier");
    CHECK(describe_outcome(outcome_details(OutcomeType::handed_over, "2024-02-01"), TextLanguage::dutch) ==
          "Overgedragen aan klantenbeheer: Team Oost");
}
