// The "risk confirmed" label definition: each rule, the window's edges (month ends clamp), "not yet
// known" while the window runs, as-of days, corrections and withdrawals, the stable JSON form and
// the statement printed next to figures.
#include <doctest/doctest.h>

#include "core/screening/confirmed_risk.hpp"
#include "screening_fixtures.hpp"

using namespace radar;
using namespace radar::fixtures;

namespace {

LabelDefinition rule(ConfirmationRule confirmation, int months = 1) {
    LabelDefinition definition;
    definition.rule = confirmation;
    definition.window_months = months;
    return definition;
}

LabelStatus status_of(const ScreeningState& state, const char* today, const LabelDefinition& definition,
                      const std::string& screening = "s1") {
    const auto label = confirmed_risk(state, screening, day(today), definition);
    REQUIRE(label);
    return label->status;
}

}  // namespace

TEST_CASE("serious shortcomings or enforcement within the window confirm; the window's last day counts") {
    // Screened on 31 January: a 1-month window ends on 29 February (month ends clamp).
    const auto serious = rule(ConfirmationRule::serious_or_enforcement);
    const ScreeningState on_edge = fold_events(
        {coded("s1", "KO-1", ScreeningCode::geen_risico, "2024-01-31"),
         outcome("o1", "s1", "KO-1", inspection_details(InspectionResult::serious_shortcomings, "2024-02-29"))});
    const auto label = confirmed_risk(on_edge, "s1", day("2024-06-01"), serious);
    REQUIRE(label);
    CHECK(label->window_end == day("2024-02-29"));
    CHECK(label->status == LabelStatus::confirmed);
    CHECK(label->confirming_outcome_id == "o1");
    CHECK(label->confirmed_on == day("2024-02-29"));

    const ScreeningState past_edge = fold_events(
        {coded("s1", "KO-1", ScreeningCode::geen_risico, "2024-01-31"),
         outcome("o1", "s1", "KO-1", inspection_details(InspectionResult::serious_shortcomings, "2024-03-01"))});
    CHECK(status_of(past_edge, "2024-06-01", serious) == LabelStatus::not_confirmed);

    OutcomeDetails enforcement = outcome_details(OutcomeType::enforcement, "2024-01-31");  // the screening day itself
    enforcement.measure = EnforcementMeasure::aanmaning;
    const ScreeningState same_day = fold_events({coded("s1", "KO-1", ScreeningCode::geen_risico, "2024-01-31"),
                                                 outcome("o1", "s1", "KO-1", enforcement)});
    CHECK(status_of(same_day, "2024-06-01", serious) == LabelStatus::confirmed);

    const ScreeningState before = fold_events(
        {coded("s0", "KO-1", ScreeningCode::risico, "2023-12-01"), coded("s1", "KO-1", ScreeningCode::geen_risico, "2024-01-31"),
         outcome("o1", "s0", "KO-1", inspection_details(InspectionResult::serious_shortcomings, "2024-01-30"))});
    CHECK(status_of(before, "2024-06-01", serious) == LabelStatus::not_confirmed);
    // The outcome recorded against the earlier screening confirms that one when in its window.
    CHECK(status_of(before, "2024-06-01", serious, "s0") == LabelStatus::not_confirmed);
    CHECK(status_of(before, "2024-06-01", rule(ConfirmationRule::serious_or_enforcement, 2), "s0") ==
          LabelStatus::confirmed);
}

TEST_CASE("not yet known while the window runs and nothing confirmed; known once it has passed") {
    const auto serious = rule(ConfirmationRule::serious_or_enforcement, 6);
    const ScreeningState state = fold_events(
        {coded("s1", "KO-1", ScreeningCode::verder_onderzoek_nodig, "2024-01-15"),
         outcome("o1", "s1", "KO-1", inspection_details(InspectionResult::shortcomings, "2024-02-01"))});
    CHECK(status_of(state, "2024-02-01", serious) == LabelStatus::not_yet_known);
    CHECK(status_of(state, "2024-07-15", serious) == LabelStatus::not_yet_known);  // the window's last day
    CHECK(status_of(state, "2024-07-16", serious) == LabelStatus::not_confirmed);
    // Under "any shortcoming" the same inspection confirms at once.
    CHECK(status_of(state, "2024-02-01", rule(ConfirmationRule::any_shortcoming_or_enforcement, 6)) ==
          LabelStatus::confirmed);
    // As of a day before the inspection it is not known yet: outcomes dated after `today` do not count.
    CHECK(status_of(state, "2024-01-31", rule(ConfirmationRule::any_shortcoming_or_enforcement, 6)) ==
          LabelStatus::not_yet_known);
}

TEST_CASE("what each rule counts") {
    const auto serious = ConfirmationRule::serious_or_enforcement;
    const auto any = ConfirmationRule::any_shortcoming_or_enforcement;
    struct Case {
        OutcomeDetails outcome;
        bool under_serious;
        bool under_any;
    };
    const Case cases[] = {
        {outcome_details(OutcomeType::none, "2024-02-01"), false, false},
        {outcome_details(OutcomeType::support, "2024-02-01"), false, false},
        {outcome_details(OutcomeType::warning, "2024-02-01"), false, true},
        {outcome_details(OutcomeType::enforcement, "2024-02-01"), true, true},
        {outcome_details(OutcomeType::handed_over, "2024-02-01"), false, false},
        {inspection_details(InspectionResult::no_shortcomings, "2024-02-01"), false, false},
        {inspection_details(InspectionResult::shortcomings, "2024-02-01"), false, true},
        {inspection_details(InspectionResult::serious_shortcomings, "2024-02-01"), true, true},
    };
    for (const Case& test : cases) {
        CAPTURE(outcome_type_key(test.outcome.type));
        CHECK(outcome_confirms_risk(test.outcome, serious) == test.under_serious);
        CHECK(outcome_confirms_risk(test.outcome, any) == test.under_any);
        CHECK_FALSE(outcome_confirms_risk(test.outcome, ConfirmationRule::risk_code));
    }
}

TEST_CASE("the code rule is known at once and ignores outcomes") {
    LabelDefinition by_code = rule(ConfirmationRule::risk_code);
    const ScreeningState state = fold_events(
        {coded("s1", "KO-1", ScreeningCode::verder_onderzoek_nodig, "2024-01-15"),
         coded("s2", "KO-2", ScreeningCode::geen_risico, "2024-01-15"),
         outcome("o1", "s2", "KO-2", outcome_details(OutcomeType::enforcement, "2024-01-20"))});
    CHECK(status_of(state, "2024-01-15", by_code) == LabelStatus::confirmed);
    CHECK(status_of(state, "2024-01-15", by_code, "s2") == LabelStatus::not_confirmed);
    by_code.risk_codes = {ScreeningCode::risico};
    CHECK(status_of(state, "2024-01-15", by_code) == LabelStatus::not_confirmed);
}

TEST_CASE("corrected and withdrawn outcomes and screenings") {
    const auto serious = rule(ConfirmationRule::serious_or_enforcement, 6);
    const ScreeningState corrected = fold_events(
        {coded("s1", "KO-1", ScreeningCode::geen_risico, "2024-01-15"),
         outcome("o1", "s1", "KO-1", inspection_details(InspectionResult::serious_shortcomings, "2024-02-01")),
         outcome_corrected("c1", "o1", "KO-1", inspection_details(InspectionResult::no_shortcomings, "2024-02-01"),
                           "2024-03-02T09:00:00.000Z")});
    CHECK(status_of(corrected, "2024-12-01", serious) == LabelStatus::not_confirmed);
    const ScreeningState withdrawn_outcome = fold_events(
        {coded("s1", "KO-1", ScreeningCode::geen_risico, "2024-01-15"),
         outcome("o1", "s1", "KO-1", outcome_details(OutcomeType::enforcement, "2024-02-01")),
         outcome_withdrawn("c1", "o1", "KO-1", "2024-03-02T09:00:00.000Z")});
    CHECK(status_of(withdrawn_outcome, "2024-12-01", serious) == LabelStatus::not_confirmed);
    const ScreeningState withdrawn_screening =
        fold_events({coded("s1", "KO-1", ScreeningCode::geen_risico, "2024-01-15"),
                     withdrawn("w1", "s1", "KO-1", "2024-01-16T09:00:00.000Z")});
    CHECK_FALSE(confirmed_risk(withdrawn_screening, "s1", day("2024-12-01"), serious));
    CHECK_FALSE(confirmed_risk(withdrawn_screening, "nothing", day("2024-12-01"), serious));
    CHECK(confirmed_risks(withdrawn_screening, day("2024-12-01"), serious).empty());
}

TEST_CASE("all labels as of a day, in screening-date order, leave out screenings after that day") {
    const auto serious = rule(ConfirmationRule::serious_or_enforcement, 1);
    const ScreeningState state = fold_events(
        {coded("s2", "KO-2", ScreeningCode::geen_risico, "2024-03-01"), coded("s1", "KO-1", ScreeningCode::risico, "2024-01-10"),
         coded("s3", "KO-3", ScreeningCode::risico, "2024-05-01"),
         outcome("o1", "s1", "KO-1", outcome_details(OutcomeType::enforcement, "2024-01-20"))});
    const auto labels = confirmed_risks(state, day("2024-03-15"), serious);
    REQUIRE(labels.size() == 2);
    CHECK(labels[0].screening_event_id == "s1");
    CHECK(labels[0].status == LabelStatus::confirmed);
    CHECK(labels[1].screening_event_id == "s2");
    CHECK(labels[1].status == LabelStatus::not_yet_known);
}

TEST_CASE("the definition has a stable JSON form and one sentence in Dutch and English") {
    const LabelDefinition standard;
    CHECK(label_definition_to_text(standard) == R"({"rule":"serious_or_enforcement","version":1,"window_months":6})");
    CHECK(label_definition_statement(standard, TextLanguage::dutch) ==
          "Risico bevestigd = ernstige tekorten of handhaving binnen 6 maanden na de screening");
    CHECK(label_definition_statement(standard, TextLanguage::english) ==
          "Risk confirmed = serious shortcomings or enforcement within 6 months after the screening");
    CHECK(label_definition_statement(rule(ConfirmationRule::any_shortcoming_or_enforcement, 1), TextLanguage::dutch) ==
          "Risico bevestigd = tekorten, een waarschuwing of handhaving binnen 1 maand na de screening");
    const LabelDefinition by_code = rule(ConfirmationRule::risk_code);
    CHECK(label_definition_to_text(by_code) == R"({"risk_codes":["risico","verder_onderzoek_nodig"],"rule":"risk_code","version":1})");
    CHECK(label_definition_statement(by_code, TextLanguage::english) ==
          "Risk confirmed = the screening was coded Risk or Further investigation needed");

    for (const LabelDefinition& definition : {standard, by_code, rule(ConfirmationRule::any_shortcoming_or_enforcement, 60)}) {
        const auto back = parse_label_definition(label_definition_to_text(definition));
        REQUIRE_MESSAGE(back.ok(), back.error());
        CHECK(*back == definition);
    }
    CHECK(parse_label_definition(R"({"rule":"serious_or_enforcement","version":1,"window_months":0})").error() ==
          "label definition: field 'window_months': must be between 1 and 60, got 0");
    CHECK(parse_label_definition(R"({"rule":"risk_code","version":1,"window_months":6,"risk_codes":["risico"]})").error() ==
          "label definition: field 'window_months': is not a known field");
    CHECK(parse_label_definition(R"({"rule":"risk_code","version":1,"risk_codes":[]})").error() ==
          "label definition: field 'risk_codes': name at least one code");
    CHECK(parse_label_definition(R"({"rule":"risk_code","version":1,"risk_codes":["hoog"]})").error() ==
          "label definition: field 'risk_codes': item 0 is not one of risico, geen_risico, verder_onderzoek_nodig");
    CHECK(parse_label_definition(R"({"rule":"whatever","version":1})").error() ==
          "label definition: field 'rule': expected one of risk_code, serious_or_enforcement, "
          "any_shortcoming_or_enforcement; got \"whatever\"");
    CHECK(parse_label_definition(R"({"rule":"risk_code","version":2,"risk_codes":["risico"]})").error() ==
          "label definition: version 2 is newer than this app supports; update the app");
}
