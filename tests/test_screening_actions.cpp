// User actions turned into events: the note rule, follow-ups for "Verder onderzoek nodig",
// no double coding within a batch, corrections, follow-up updates and closing a batch.
#include <doctest/doctest.h>

#include "core/screening/score_band.hpp"
#include "core/screening/screening_actions.hpp"
#include "screening_fixtures.hpp"

using namespace radar;
using namespace radar::fixtures;

namespace {

ScreeningState batch_state() {
    return fold_events({committed("ev-0", "2024-01", "2024-01", {"KO-1", "KO-2"}, "2024-01-02T08:00:00.000Z")});
}

CodingRequest request(const char* id, const char* dossier, ScreeningCode code) {
    CodingRequest coding;
    coding.stamp = {id, at("2024-01-10T09:00:00.000Z"), "An"};
    coding.dossier_id = dossier;
    coding.batch_id = "2024-01";
    coding.code = code;
    coding.screening_date = day("2024-01-10");
    return coding;
}

}  // namespace

TEST_CASE("score percentiles and bands") {
    CHECK(score_percentile(1, 100) == 99.5);
    CHECK(score_percentile(10, 100) == 90.5);
    CHECK(score_percentile(11, 100) == 89.5);
    CHECK(score_percentile(100, 100) == 0.5);
    CHECK(score_percentile(1, 5) == 90.0);
    // Small rankings: the only dossier is in the middle band, the first of eight in the top.
    CHECK(score_band(score_percentile(1, 1)) == ScoreBand::from_25_to_50);
    CHECK(score_band(score_percentile(1, 8)) == ScoreBand::top_10);
    CHECK(score_band(score_percentile(8, 8)) == ScoreBand::bottom_50);
    CHECK(score_band(score_percentile(10, 100)) == ScoreBand::top_10);
    CHECK(score_band(score_percentile(11, 100)) == ScoreBand::from_10_to_25);
    CHECK(score_band(score_percentile(50, 100)) == ScoreBand::from_25_to_50);
    CHECK(score_band(score_percentile(51, 100)) == ScoreBand::bottom_50);
    CHECK(score_band(score_percentile(240, 2400)) == ScoreBand::top_10);
    CHECK(score_band(score_percentile(241, 2400)) == ScoreBand::from_10_to_25);
}

TEST_CASE("a note is required when the code disagrees with the score band") {
    struct Case {
        ScreeningCode code;
        std::optional<double> percentile;
        bool required;
    };
    const Case cases[] = {
        {ScreeningCode::geen_risico, 95.0, true},  {ScreeningCode::geen_risico, 90.0, true},
        {ScreeningCode::geen_risico, 89.9, false}, {ScreeningCode::risico, 95.0, false},
        {ScreeningCode::risico, 49.0, true},       {ScreeningCode::risico, 50.0, false},
        {ScreeningCode::verder_onderzoek_nodig, 99.0, false}, {ScreeningCode::verder_onderzoek_nodig, 1.0, false},
        {ScreeningCode::geen_risico, std::nullopt, false},  // control sample: score hidden
    };
    for (const Case& test : cases) {
        CAPTURE(code_key(test.code));
        CAPTURE(test.percentile.value_or(-1));
        CHECK(note_required(test.code, test.percentile) == test.required);
    }
}

TEST_CASE("coding a dossier produces checked events") {
    const ScreeningState state = batch_state();
    CodingRequest coding = request("ev-1", "KO-1", ScreeningCode::geen_risico);
    coding.score_percentile = 97.0;
    auto refused = record_screening(state, coding);
    CHECK(refused.error().rfind("field 'note': a note is required: \"Geen risico\" disagrees", 0) == 0);
    coding.note = "   ";
    CHECK_FALSE(record_screening(state, coding).ok());
    coding.note = "inspectie vorige week zonder tekorten";
    const auto events = record_screening(state, coding);
    REQUIRE_MESSAGE(events.ok(), events.error());
    REQUIRE(events->size() == 1);
    CHECK((*events)[0].as<ScreeningCoded>()->batch_id == "2024-01");
    CHECK_FALSE((*events)[0].as<ScreeningCoded>()->reasons_seen.has_value());
    coding.reasons_seen = false;  // coded blind: recorded as such
    const auto blind = record_screening(state, coding);
    REQUIRE(blind.ok());
    CHECK((*blind)[0].as<ScreeningCoded>()->reasons_seen == std::optional<bool>(false));

    CodingRequest further = request("ev-2", "KO-2", ScreeningCode::verder_onderzoek_nodig);
    CHECK(record_screening(state, further).error() == "field 'follow_up': \"Verder onderzoek nodig\" needs a follow-up");
    further.follow_up = FollowUpRequest{"ev-3", FollowUpType::inspection_visit, day("2024-03-01"), ""};
    const auto with_follow_up = record_screening(state, further);
    REQUIRE_MESSAGE(with_follow_up.ok(), with_follow_up.error());
    REQUIRE(with_follow_up->size() == 2);
    CHECK((*with_follow_up)[1].as<FollowUpCreated>()->screening_event_id == "ev-2");
    further.follow_up->event_id = "ev-0";
    CHECK(record_screening(state, further).error() == "follow_up.field 'event_id': ev-0 is already used");
}

TEST_CASE("coding checks the batch and refuses a second code in the same batch") {
    std::vector<ScreeningEvent> events{committed("ev-0", "2024-01", "2024-01", {"KO-1"}, "2024-01-02T08:00:00.000Z"),
                                       coded("ev-1", "KO-1", ScreeningCode::risico, "2024-01-10", "2024-01")};
    const ScreeningState state = fold_events(events);
    CHECK(record_screening(state, request("ev-2", "KO-1", ScreeningCode::risico)).error() ==
          "dossier KO-1 already has a code in batch 2024-01; record a correction instead");
    CHECK(record_screening(state, request("ev-2", "KO-7", ScreeningCode::risico)).error() ==
          "field 'batch_id': batch 2024-01 does not contain dossier KO-7");
    CodingRequest unknown = request("ev-2", "KO-1", ScreeningCode::risico);
    unknown.batch_id = "2023-12";
    CHECK(record_screening(state, unknown).error() == "field 'batch_id': unknown batch 2023-12");
    CodingRequest outside = request("ev-2", "KO-7", ScreeningCode::risico);
    outside.batch_id.clear();
    CHECK(record_screening(state, outside).ok());
}

TEST_CASE("corrections and follow-up updates refer to what exists") {
    const ScreeningState state = fold_events({coded("ev-1", "KO-1", ScreeningCode::risico, "2024-01-10")});
    CorrectionRequest correction;
    correction.stamp = {"ev-2", at("2024-01-11T09:00:00.000Z"), "Bert"};
    correction.corrects_event_id = "ev-1";
    correction.code = ScreeningCode::geen_risico;
    correction.screening_date = day("2024-01-10");
    CHECK(record_correction(state, correction).error() == "field 'reason': a correction needs a reason");
    correction.reason = "typo";
    const auto event = record_correction(state, correction);
    REQUIRE_MESSAGE(event.ok(), event.error());
    CHECK(event->dossier_id == "KO-1");
    correction.corrects_event_id = "ev-9";
    CHECK(record_correction(state, correction).error() == "field 'corrects_event_id': ev-9 is not a screening or a correction");

    FollowUpUpdateRequest update;
    update.stamp = {"ev-3", at("2024-01-11T09:00:00.000Z"), "Bert"};
    update.follow_up_id = "ev-1";
    update.due_date = day("2024-02-01");
    CHECK(record_follow_up_update(state, update).error() == "field 'follow_up_id': unknown follow-up ev-1");
}

TEST_CASE("closing a batch lists the uncoded dossiers") {
    const ScreeningState state = fold_events({committed("ev-0", "2024-01", "2024-01", {"KO-1", "KO-2", "KO-3"}, "2024-01-02T08:00:00.000Z"),
                                              coded("ev-1", "KO-2", ScreeningCode::risico, "2024-01-10", "2024-01")});
    const EventStamp stamp{"ev-5", at("2024-01-31T17:00:00.000Z"), "An"};
    const auto close = record_batch_close(state, stamp, "2024-01", "capaciteit op");
    REQUIRE_MESSAGE(close.ok(), close.error());
    CHECK(close->as<BatchClosed>()->uncoded == std::vector<std::string>{"KO-1", "KO-3"});
    auto events = state.events;
    events.push_back(*close);
    CHECK(record_batch_close(fold_events(events), {"ev-6", stamp.recorded_at, "An"}, "2024-01", "").error() ==
          "batch 2024-01 is already closed");
    CHECK(record_batch_close(state, stamp, "2023-01", "").error() == "field 'batch_id': unknown batch 2023-01");
}

TEST_CASE("recording an outcome needs a current screening and a date on or after it; corrections chain") {
    using namespace radar::fixtures;
    const ScreeningState state = fold_events({coded("s1", "KO-1", ScreeningCode::risico, "2024-01-10"),
                                              coded("s2", "KO-2", ScreeningCode::risico, "2024-01-10"),
                                              withdrawn("w2", "s2", "KO-2", "2024-01-11T09:00:00.000Z")});
    OutcomeRequest request;
    request.stamp = {"o1", at("2024-02-01T09:00:00.000Z"), "An"};
    request.screening_event_id = "s1";
    request.details = outcome_details(OutcomeType::enforcement, "2024-01-31");
    const auto recorded = record_outcome(state, request);
    REQUIRE_MESSAGE(recorded.ok(), recorded.error());
    CHECK(recorded->dossier_id == "KO-1");
    request.details.outcome_date = day("2024-01-09");
    CHECK(record_outcome(state, request).error() == "field 'outcome_date': 2024-01-09 is before the screening of 2024-01-10");
    request.details.outcome_date = day("2024-01-31");
    request.screening_event_id = "s2";
    CHECK(record_outcome(state, request).error() == "field 'screening_event_id': s2 is not a current screening");

    std::vector<ScreeningEvent> events = state.events;
    events.push_back(*recorded);
    OutcomeCorrectionRequest correction;
    correction.stamp = {"c1", at("2024-02-02T09:00:00.000Z"), "An"};
    correction.outcome_id = "o1";
    correction.reason = "schorsing, not aanmaning";
    correction.details = outcome_details(OutcomeType::enforcement, "2024-01-31");
    correction.details.measure = EnforcementMeasure::schorsing;
    const auto first = record_outcome_correction(fold_events(events), correction);
    REQUIRE_MESSAGE(first.ok(), first.error());
    CHECK(first->as<OutcomeCorrected>()->corrects_event_id == "o1");
    events.push_back(*first);
    correction.stamp = {"c2", at("2024-02-03T09:00:00.000Z"), "An"};
    correction.withdrawn = true;
    const auto second = record_outcome_correction(fold_events(events), correction);
    REQUIRE_MESSAGE(second.ok(), second.error());
    CHECK(second->as<OutcomeCorrected>()->corrects_event_id == "c1");
    events.push_back(*second);
    const ScreeningState after = fold_events(events);
    CHECK(after.current_outcomes("KO-1").empty());
    correction.stamp = {"c3", at("2024-02-04T09:00:00.000Z"), "An"};
    CHECK(record_outcome_correction(after, correction).error() == "field 'outcome_id': o1 is not a current outcome");
    correction.outcome_id = "o1";
    correction.reason = " ";
    CHECK(record_outcome_correction(fold_events({coded("s1", "KO-1", ScreeningCode::risico, "2024-01-10"), *recorded}),
                                    correction).error() == "field 'reason': a reason is required");
}
