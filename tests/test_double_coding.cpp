// Blind double coding: the draw of the members to code twice, second codes and adjudications as
// events (JSON, validation, old events still read), how the screening fold keeps them apart from
// screenings, the double-coding fold, the actions' refusals, the agreement per pair and month, and
// the automation-bias figures.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/fairness/automation_bias.hpp"
#include "core/screening/event_json.hpp"
#include "core/screening/screening_actions.hpp"
#include "screening_fixtures.hpp"

using namespace radar;
using namespace radar::fixtures;

namespace {

ScreeningEvent second(const std::string& id, const std::string& dossier, ScreeningCode code, const char* date,
                      const std::string& batch, const char* time = "2024-01-12T09:00:00.000Z",
                      const std::string& screener = "Bo") {
    ScreeningEvent event = base(id, time, dossier);
    event.screener = screener;
    ScreeningCoded coded{code, day(date), "", batch, false};
    coded.second_blind_code = true;
    event.payload = coded;
    return event;
}

ScreeningEvent adjudicated(const std::string& id, const std::string& first, const std::string& second_code,
                           const std::string& dossier, ScreeningCode final_code, const char* time = "2024-01-20T09:00:00.000Z") {
    ScreeningEvent event = base(id, time, dossier);
    event.screener = "Cas";
    event.payload = AdjudicationRecorded{first, second_code, final_code, "besproken in het team"};
    return event;
}

// January: KO-1..KO-4 on the list (ranks 1..4 of 100), KO-5 in the control sample (rank 80).
// An codes all five; Bo codes KO-1, KO-2, KO-5 blind. KO-2 disagrees and is adjudicated; KO-5
// disagrees and waits.
std::vector<ScreeningEvent> january() {
    ScreeningEvent batch = committed("ev-b1", "2024-01", "2024-01", {"KO-1", "KO-2", "KO-3", "KO-4"},
                                     "2024-01-02T08:00:00.000Z");
    std::get<BatchCommitted>(batch.payload).members.push_back({"KO-5", SelectionKind::control, 80});
    return {batch,
            coded("s1", "KO-1", ScreeningCode::risico, "2024-01-10", "2024-01"),
            coded("s2", "KO-2", ScreeningCode::geen_risico, "2024-01-10", "2024-01"),
            coded("s3", "KO-3", ScreeningCode::risico, "2024-01-10", "2024-01"),
            coded("s4", "KO-4", ScreeningCode::risico, "2024-01-10", "2024-01"),
            coded("s5", "KO-5", ScreeningCode::geen_risico, "2024-01-10", "2024-01"),
            second("d1", "KO-1", ScreeningCode::risico, "2024-01-12", "2024-01"),
            second("d2", "KO-2", ScreeningCode::risico, "2024-01-12", "2024-01"),
            second("d5", "KO-5", ScreeningCode::verder_onderzoek_nodig, "2024-01-12", "2024-01"),
            adjudicated("a2", "s2", "d2", "KO-2", ScreeningCode::risico)};
}

}  // namespace

TEST_CASE("second codes and adjudications as events: JSON, validation, and old events read as before") {
    const ScreeningEvent code = second("d1", "KO-1", ScreeningCode::risico, "2024-01-12", "2024-01");
    CHECK(validate_event(code) == "");
    const std::string text = event_to_text(code);
    CHECK(text.find("\"second_blind_code\":true") != std::string::npos);
    CHECK(text.find("\"schema_version\":3") != std::string::npos);
    const auto back = parse_event(text);
    REQUIRE_MESSAGE(back.ok(), back.error());
    CHECK(back->as<ScreeningCoded>()->second_blind_code);
    CHECK(event_to_text(*back) == text);

    // An ordinary screening's text has no marker, so its canonical text is unchanged.
    const ScreeningEvent ordinary = coded("s1", "KO-1", ScreeningCode::risico, "2024-01-10", "2024-01");
    CHECK(event_to_text(ordinary).find("second_blind_code") == std::string::npos);
    const auto old = parse_event(
        R"({"event_id":"ev-9","schema_version":2,"kind":"screening_coded","recorded_at":"2024-01-10T09:00:00.000Z",)"
        R"("screener":"An","dossier_id":"KO-1","code":"risico","screening_date":"2024-01-10","note":"","batch_id":"2024-01"})");
    REQUIRE_MESSAGE(old.ok(), old.error());
    CHECK_FALSE(old->as<ScreeningCoded>()->second_blind_code);
    CHECK(old->schema_version == 2);

    const ScreeningEvent adjudication = adjudicated("a2", "s2", "d2", "KO-2", ScreeningCode::risico);
    const auto read = parse_event(event_to_text(adjudication));
    REQUIRE_MESSAGE(read.ok(), read.error());
    CHECK(read->kind() == EventKind::adjudication_recorded);
    CHECK(read->as<AdjudicationRecorded>()->final_code == ScreeningCode::risico);
    CHECK(read->as<AdjudicationRecorded>()->reason == "besproken in het team");

    ScreeningEvent old_version = code;
    old_version.schema_version = 2;
    CHECK(validate_event(old_version) ==
          "field 'schema_version': a second blind code or an adjudication needs version 3 or later, got 2");
    ScreeningEvent outside_batch = second("d9", "KO-1", ScreeningCode::risico, "2024-01-12", "");
    CHECK(validate_event(outside_batch) == "field 'batch_id': a second blind code belongs to a batch");
    ScreeningEvent no_reason = adjudication;
    std::get<AdjudicationRecorded>(no_reason.payload).reason = "";
    CHECK(validate_event(no_reason) == "field 'reason': must not be empty");
    ScreeningEvent same_ids = adjudication;
    std::get<AdjudicationRecorded>(same_ids.payload).second_code_event_id = "s2";
    CHECK(validate_event(same_ids) == "field 'second_code_event_id': must differ from first_code_event_id");
}

TEST_CASE("the screening fold: a second code is no screening; an adjudication sets the final code") {
    const ScreeningState state = fold_events(january());
    CHECK(state.issues.empty());
    CHECK(state.screenings.size() == 5);
    CHECK(state.batches.at("2024-01").coded_count == 5);
    CHECK(state.current_code("KO-1") == ScreeningCode::risico);
    // KO-2: An said Geen risico, Bo Risico; adjudicated Risico.
    const EffectiveScreening* ko2 = state.current_screening("KO-2");
    REQUIRE(ko2);
    CHECK(ko2->code == ScreeningCode::risico);
    CHECK(ko2->coder_code == ScreeningCode::geen_risico);
    CHECK(ko2->adjudication_id == "a2");
    // KO-5 waits: its code is still An's.
    CHECK(state.current_code("KO-5") == ScreeningCode::geen_risico);
    // A later correction by the first screener decides again (timeline order).
    auto events = january();
    events.push_back(corrected("c2", "s2", "KO-2", ScreeningCode::verder_onderzoek_nodig, "2024-01-10",
                               "2024-01-25T09:00:00.000Z"));
    CHECK(fold_events(events).current_code("KO-2") == ScreeningCode::verder_onderzoek_nodig);
}

TEST_CASE("the double-coding fold: first, second and final code per dossier, disagreements, adjudications") {
    const ScreeningState state = fold_events(january());
    const DoubleCodingFold fold = fold_double_coding(state);
    CHECK(fold.issues.empty());
    REQUIRE(fold.dossiers.size() == 3);
    const DoubleCodedDossier& ko1 = fold.dossiers[0];
    const DoubleCodedDossier& ko2 = fold.dossiers[1];
    const DoubleCodedDossier& ko5 = fold.dossiers[2];
    CHECK(ko1.dossier_id == "KO-1");
    CHECK(ko1.first_code() == ScreeningCode::risico);
    CHECK(ko1.final_code() == ScreeningCode::risico);
    CHECK_FALSE(ko1.disagreement());
    CHECK(ko2.first_code() == ScreeningCode::geen_risico);
    CHECK(ko2.second_code == ScreeningCode::risico);
    CHECK(ko2.final_code() == ScreeningCode::risico);
    CHECK(ko2.disagreement());
    CHECK_FALSE(ko2.awaiting_adjudication());
    REQUIRE(ko2.adjudication);
    CHECK(ko2.adjudication->event_id == "a2");
    CHECK(ko5.kind == SelectionKind::control);
    CHECK(ko5.awaiting_adjudication());
    CHECK(ko5.month == "2024-01");

    // A second code recorded before the first code still pairs with it; a repeated one is reported.
    auto events = january();
    events.push_back(second("d1b", "KO-1", ScreeningCode::geen_risico, "2024-01-13", "2024-01", "2024-01-13T09:00:00.000Z"));
    events.push_back(second("d3", "KO-3", ScreeningCode::risico, "2024-01-05", "2024-01", "2024-01-05T09:00:00.000Z"));
    const ScreeningState later = fold_events(events);
    const DoubleCodingFold again = fold_double_coding(later);
    REQUIRE(again.issues.size() == 1);
    CHECK(again.issues[0] == "second code d1b repeats the second code of dossier KO-1 in batch 2024-01; the first is used");
    REQUIRE(again.dossiers.size() == 4);
    CHECK(again.dossiers[2].dossier_id == "KO-3");
    CHECK(again.dossiers[2].first_code() == ScreeningCode::risico);
}

TEST_CASE("recording second codes and adjudications: two people, one second code, a real disagreement") {
    const ScreeningState state = fold_events(january());
    SecondCodeRequest request;
    request.stamp = {"d4", at("2024-01-15T10:00:00.000Z"), "Bo"};
    request.dossier_id = "KO-4";
    request.batch_id = "2024-01";
    request.code = ScreeningCode::risico;
    request.screening_date = day("2024-01-15");
    const auto recorded = record_second_code(state, request);
    REQUIRE_MESSAGE(recorded.ok(), recorded.error());
    CHECK(recorded->as<ScreeningCoded>()->second_blind_code);
    CHECK(recorded->as<ScreeningCoded>()->reasons_seen == false);

    SecondCodeRequest same_person = request;
    same_person.stamp.screener = "An";
    CHECK(record_second_code(state, same_person).error() ==
          "An coded dossier KO-4 in batch 2024-01; another screener gives the second code");
    SecondCodeRequest twice = request;
    twice.dossier_id = "KO-1";
    CHECK(record_second_code(state, twice).error() == "dossier KO-1 already has a second code in batch 2024-01");
    SecondCodeRequest stranger = request;
    stranger.dossier_id = "KO-9";
    CHECK(record_second_code(state, stranger).error() == "field 'batch_id': batch 2024-01 does not contain dossier KO-9");

    // The second coder cannot then give the dossier's first code.
    auto events = january();
    events.erase(std::remove_if(events.begin(), events.end(), [](const ScreeningEvent& e) { return e.event_id == "s1"; }),
                 events.end());
    CodingRequest coding;
    coding.stamp = {"s1b", at("2024-01-16T10:00:00.000Z"), "Bo"};
    coding.dossier_id = "KO-1";
    coding.batch_id = "2024-01";
    coding.code = ScreeningCode::risico;
    coding.screening_date = day("2024-01-16");
    CHECK(record_screening(fold_events(events), coding).error() ==
          "Bo gave the second blind code of dossier KO-1 in batch 2024-01; another screener codes it");

    AdjudicationRequest adjudication;
    adjudication.stamp = {"a5", at("2024-01-20T10:00:00.000Z"), "Cas"};
    adjudication.first_code_event_id = "s5";
    adjudication.second_code_event_id = "d5";
    adjudication.final_code = ScreeningCode::verder_onderzoek_nodig;
    adjudication.reason = "laatste inspectie te lang geleden";
    REQUIRE(record_adjudication(state, adjudication).ok());
    AdjudicationRequest agreeing = adjudication;
    agreeing.first_code_event_id = "s1";
    agreeing.second_code_event_id = "d1";
    CHECK(record_adjudication(state, agreeing).error() == "the two codes agree (risico): there is nothing to adjudicate");
    AdjudicationRequest mismatched = adjudication;
    mismatched.second_code_event_id = "d1";
    CHECK(record_adjudication(state, mismatched).error() ==
          "field 'second_code_event_id': d1 is not the second code of dossier KO-5 in batch 2024-01");
    AdjudicationRequest unexplained = adjudication;
    unexplained.reason = "  ";
    CHECK(record_adjudication(state, unexplained).error() == "field 'reason': an adjudication needs a reason");

    CorrectionRequest correction;
    correction.stamp = {"c1", at("2024-01-20T10:00:00.000Z"), "Bo"};
    correction.corrects_event_id = "d1";
    correction.reason = "typo";
    correction.screening_date = day("2024-01-12");
    CHECK(record_correction(state, correction).error() ==
          "field 'corrects_event_id': d1 is a second blind code; a disagreement is adjudicated, not corrected");
}

TEST_CASE("the double-coding draw: 10% of the batch, at least 3, from every kind, the same for the same batch") {
    const DoubleCodingSettings settings;
    CHECK(double_coding_count(0, settings) == 0);
    CHECK(double_coding_count(2, settings) == 2);
    CHECK(double_coding_count(10, settings) == 3);
    CHECK(double_coding_count(30, settings) == 3);  // 10% of 30 is exactly 3
    CHECK(double_coding_count(31, settings) == 4);
    CHECK(double_coding_count(100, {0.25, 3}) == 25);
    CHECK(validate_double_coding({1.5, 3}) == "field 'share': must be 0..1");
    CHECK(validate_double_coding({0.1, 100001}) == "field 'minimum': must be at most 100000");
    CHECK(double_coding_count(40, {0.0, 0}) == 0);  // off

    const BatchState batch = batch_of("2024-03", 25, 5);
    const auto sample = double_coding_sample(batch, 42);
    CHECK(sample.size() == 3);
    CHECK(std::is_sorted(sample.begin(), sample.end()));
    CHECK(double_coding_sample(batch, 42) == sample);
    CHECK(double_coding_sample(batch_of("2024-04", 25, 5), 42) != sample);
    // Every member can be drawn, control-sample members too.
    std::vector<int> drawn(batch.members.size(), 0);
    for (std::uint64_t seed = 0; seed < 400; ++seed)
        for (std::size_t index : double_coding_sample(batch, seed)) ++drawn[index];
    CHECK(std::count(drawn.begin(), drawn.end(), 0) == 0);
    const auto small = double_coding_sample(batch_of("2024-05", 2, 0), 42);
    CHECK(small == std::vector<std::size_t>{0, 1});
}

TEST_CASE("agreement of the double coding per period, month and screener pair") {
    auto events = january();
    // February: Bo codes first, An second (the pair is the same pair).
    events.push_back(committed("ev-b2", "2024-02", "2024-02", {"KO-6", "KO-7"}, "2024-02-02T08:00:00.000Z"));
    ScreeningEvent bo_first = coded("s6", "KO-6", ScreeningCode::geen_risico, "2024-02-10", "2024-02");
    bo_first.screener = "Bo";
    events.push_back(bo_first);
    events.push_back(second("d6", "KO-6", ScreeningCode::geen_risico, "2024-02-11", "2024-02", "2024-02-11T09:00:00.000Z", "An"));
    events.push_back(second("d7", "KO-7", ScreeningCode::risico, "2024-02-11", "2024-02", "2024-02-11T09:00:00.000Z", "An"));
    const ScreeningState state = fold_events(events);
    const DoubleCodingFold fold = fold_double_coding(state);

    const CoderAgreement all = coder_agreement(fold, {}, {200, 0.95, 1});
    CHECK(all.second_codes == 5);
    CHECK(all.without_first_code == 1);  // KO-7 has no first code yet
    CHECK(all.adjudicated == 1);
    CHECK(all.overall.table.units == 4);
    CHECK(all.overall.table.agreeing() == 2);
    REQUIRE(all.by_pair.size() == 1);
    CHECK(all.by_pair[0].key == "An / Bo");
    REQUIRE(all.by_month.size() == 2);
    CHECK(all.by_month[0].key == "2024-01");
    CHECK(all.by_month[0].figures.table.units == 3);
    REQUIRE(all.awaiting_adjudication.size() == 1);
    CHECK(all.awaiting_adjudication[0].dossier_id == "KO-5");

    const CoderAgreement february = coder_agreement(fold, {"2024-02", "2024-02"}, {200, 0.95, 1});
    CHECK(february.overall.table.units == 1);
    CHECK(february.awaiting_adjudication.empty());
    // One unit, one code: kappa undefined, said so.
    CHECK(february.overall.kappa.estimate.undefined == Undefined::single_category);
}

TEST_CASE("automation bias: codes following the score band, blind and with the score visible") {
    // January's ranks of 100: KO-1..KO-4 are in the top 10% (visible), KO-5 at rank 80 in 50-100%
    // (control: blind). First codes: Risico x3 and Geen risico (KO-2, An's own code) in the top 10%:
    // 3 of 4 follow the band; KO-5 Geen risico at the bottom follows it (blind).
    // Second codes (blind): KO-1 Risico and KO-2 Risico (top 10%) follow; KO-5 Verder onderzoek at
    // the bottom does not. Blind: 1 + 2 of 1 + 3 = 3 of 4.
    const ScreeningState state = fold_events(january());
    const DoubleCodingFold fold = fold_double_coding(state);
    const AutomationBiasFigures figures = automation_bias(state, fold, {});
    CHECK(figures.visible.following.total == 4);
    CHECK(figures.visible.following.hits == 3);
    CHECK(figures.blind.following.total == 4);
    CHECK(figures.blind.following.hits == 3);
    const BandFollowing& top_visible = figures.visible.by_band[static_cast<std::size_t>(ScoreBand::top_10)];
    CHECK(top_visible.possible_risk.hits == 3);
    CHECK(top_visible.possible_risk.total == 4);
    const BandFollowing& bottom_blind = figures.blind.by_band[static_cast<std::size_t>(ScoreBand::bottom_50)];
    CHECK(bottom_blind.following.hits == 1);
    CHECK(bottom_blind.following.total == 2);
    // Paired: KO-1 and KO-2 were coded seeing the score and blind; visible 1 of 2, blind 2 of 2.
    CHECK(figures.paired.dossiers == 2);
    CHECK(figures.paired.visible.hits == 1);
    CHECK(figures.paired.blind.hits == 2);

    CHECK(code_follows_band(ScreeningCode::verder_onderzoek_nodig, ScoreBand::from_10_to_25));
    CHECK_FALSE(code_follows_band(ScreeningCode::verder_onderzoek_nodig, ScoreBand::from_25_to_50));
    CHECK(code_follows_band(ScreeningCode::geen_risico, ScoreBand::from_25_to_50));
}

TEST_CASE("automation bias: how often the reasons were opened before the first code") {
    // January's five first codes: KO-1 and KO-2 coded after opening the reasons, KO-3 without,
    // KO-4 and KO-5 recorded before reasons_seen was kept. A screening outside a batch and the
    // second codes are not first codes of the batch: 2 of 3 recorded, 2 not recorded.
    std::vector<ScreeningEvent> events = january();
    for (ScreeningEvent& event : events) {
        ScreeningCoded* coded = std::get_if<ScreeningCoded>(&event.payload);
        if (!coded || coded->second_blind_code) continue;
        if (event.dossier_id == "KO-1" || event.dossier_id == "KO-2") coded->reasons_seen = true;
        if (event.dossier_id == "KO-3") coded->reasons_seen = false;
    }
    ScreeningEvent outside = coded("s9", "KO-9", ScreeningCode::risico, "2024-01-11");
    std::get<ScreeningCoded>(outside.payload).reasons_seen = true;
    events.push_back(outside);
    const ScreeningState state = fold_events(events);
    const AutomationBiasFigures figures = automation_bias(state, fold_double_coding(state), {});
    CHECK(figures.reasons_opened.opened.hits == 2);
    CHECK(figures.reasons_opened.opened.total == 3);
    CHECK(figures.reasons_opened.not_recorded == 2);
    CHECK(figures.reasons_opened.opened.low < 2.0 / 3.0);
    CHECK(figures.reasons_opened.opened.high > 2.0 / 3.0);
    // KO-3 now counts as blind: its screener did not see the reasons.
    CHECK(figures.blind.following.total == 5);

    const AutomationBiasFigures none = automation_bias(fold_events({}), {}, {});
    CHECK(none.reasons_opened.opened.total == 0);
    CHECK(none.reasons_opened.not_recorded == 0);
}
