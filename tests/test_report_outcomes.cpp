// The report's outcome figures on a hand-built history: counts by type and enforcement measure
// (withdrawn outcomes never count), and risk newly found by the data mining against risk already
// known at selection time, with each reason.
#include <doctest/doctest.h>

#include "core/reporting/report.hpp"
#include "core/reporting/report_export.hpp"
#include "core/reporting/report_html.hpp"
#include "screening_fixtures.hpp"

using namespace radar;
using namespace radar::fixtures;

namespace {

ScreeningEvent follow_up(const char* id, const char* dossier, const char* time) {
    ScreeningEvent event = base(id, time, dossier);
    event.payload = FollowUpCreated{"", FollowUpType::inspection_visit, day("2024-03-01"), FollowUpStatus::open, ""};
    return event;
}

// January 2024, one batch frozen on 2 January with KO-1..KO-5 and KO-7.
ScreeningState history() {
    OutcomeDetails old_enforcement = outcome_details(OutcomeType::enforcement, "2023-10-01");
    old_enforcement.measure = EnforcementMeasure::schorsing;
    OutcomeDetails aanmaning = outcome_details(OutcomeType::enforcement, "2024-01-28");
    return fold_events({
        committed("ev-b1", "b1", "2024-01", {"KO-1", "KO-2", "KO-3", "KO-4", "KO-5", "KO-7"}, "2024-01-02T08:00:00.000Z"),
        // Before selection: KO-2 under enforcement, KO-3 an open follow-up, KO-7 handed over.
        coded("s0", "KO-2", ScreeningCode::geen_risico, "2023-09-20", "", "2023-09-20T09:00:00.000Z"),
        outcome("o0", "s0", "KO-2", old_enforcement, "2023-10-01T09:00:00.000Z"),
        follow_up("f3", "KO-3", "2023-12-01T09:00:00.000Z"),
        coded("s7", "KO-7", ScreeningCode::geen_risico, "2023-12-01", "", "2023-12-01T09:00:00.000Z"),
        outcome("o7", "s7", "KO-7", outcome_details(OutcomeType::handed_over, "2023-12-15"), "2023-12-15T09:00:00.000Z"),
        // The month's screenings.
        coded("s1", "KO-1", ScreeningCode::risico, "2024-01-10", "b1", "2024-01-10T09:00:00.000Z"),
        coded("s2", "KO-2", ScreeningCode::verder_onderzoek_nodig, "2024-01-11", "b1", "2024-01-11T09:00:00.000Z"),
        coded("s3", "KO-3", ScreeningCode::verder_onderzoek_nodig, "2024-01-12", "b1", "2024-01-12T09:00:00.000Z"),
        coded("s4", "KO-4", ScreeningCode::geen_risico, "2024-01-13", "b1", "2024-01-13T09:00:00.000Z"),
        coded("s5", "KO-5", ScreeningCode::verder_onderzoek_nodig, "2024-01-14", "b1", "2024-01-14T09:00:00.000Z"),
        follow_up("f5", "KO-5", "2024-01-14T10:00:00.000Z"),  // after selection: KO-5 stays newly found
        coded("s6", "KO-6", ScreeningCode::geen_risico, "2024-01-20", "", "2024-01-20T09:00:00.000Z"),
        coded("s7b", "KO-7", ScreeningCode::verder_onderzoek_nodig, "2024-01-15", "b1", "2024-01-15T09:00:00.000Z"),
        // What followed.
        outcome("o1", "s1", "KO-1", aanmaning, "2024-01-28T09:00:00.000Z"),
        outcome("o5", "s5", "KO-5", outcome_details(OutcomeType::support, "2024-01-25"), "2024-01-25T09:00:00.000Z"),
        outcome("o5b", "s5", "KO-5", outcome_details(OutcomeType::warning, "2024-01-26"), "2024-01-26T09:00:00.000Z"),
        outcome_withdrawn("w5b", "o5b", "KO-5", "2024-01-27T09:00:00.000Z"),
        outcome("o4", "s4", "KO-4", inspection_details(InspectionResult::serious_shortcomings, "2024-03-01"),
                "2024-03-02T09:00:00.000Z"),
    });
}

Report january(DayNumber as_of) {
    ReportSettings settings;
    settings.as_of = as_of;
    return build_report(history(), {}, {}, {day("2024-01-01"), day("2024-01-31")}, settings);
}

const ReportTable& table_named(const std::vector<ReportTable>& tables, const std::string& name) {
    for (const ReportTable& table : tables)
        if (table.name == name) return table;
    FAIL("no table " << name);
    return tables.front();
}

}  // namespace

TEST_CASE("outcomes are counted by type and measure in the period of their date; withdrawn ones never") {
    const Report r = january(day("2024-04-01"));
    CHECK(history().issues == std::vector<std::string>{});
    CHECK(r.outcomes.total == 2);
    CHECK(r.outcomes.count(OutcomeType::enforcement) == 1);
    CHECK(r.outcomes.count(OutcomeType::support) == 1);
    CHECK(r.outcomes.count(OutcomeType::warning) == 0);
    CHECK(r.outcomes.count(OutcomeType::inspection) == 0);  // dated in March
    CHECK(r.outcomes.enforcement_by_measure[static_cast<std::size_t>(EnforcementMeasure::aanmaning)] == 1);
    CHECK(r.outcomes.enforcement_by_measure[static_cast<std::size_t>(EnforcementMeasure::schorsing)] == 0);

    ReportSettings settings;
    settings.as_of = day("2024-04-01");
    const Report all_time = build_report(history(), {}, {}, {std::nullopt, day("2024-03-31")}, settings);
    CHECK(all_time.outcomes.total == 5);
    CHECK(all_time.outcomes.inspections_by_result[static_cast<std::size_t>(InspectionResult::serious_shortcomings)] == 1);
    CHECK(all_time.outcomes.enforcement_by_measure[static_cast<std::size_t>(EnforcementMeasure::schorsing)] == 1);
}

TEST_CASE("risk newly found by the data mining against risk already known at selection") {
    const Report r = january(day("2024-04-01"));
    const RiskFoundFigures& found = r.risk_found;
    CHECK(found.risk_screenings == 6);  // KO-1, 2, 3, 5, 7 by code; KO-4 confirmed in March
    CHECK(found.judged == 5);
    CHECK(found.confirmed == 2);  // KO-1 (aanmaning), KO-4 (serious shortcomings)
    CHECK(found.already_known == 4);
    CHECK(found.known_by_reason[static_cast<std::size_t>(KnownRiskReason::risico_code)] == 1);
    CHECK(found.known_by_reason[static_cast<std::size_t>(KnownRiskReason::enforcement)] == 1);
    CHECK(found.known_by_reason[static_cast<std::size_t>(KnownRiskReason::handed_over)] == 1);
    CHECK(found.known_by_reason[static_cast<std::size_t>(KnownRiskReason::open_follow_up)] == 1);
    CHECK(found.newly_found == 2);  // KO-4 and KO-5
    CHECK(found.not_yet_known == 1);  // KO-6: Geen risico, its 6-month window still runs

    // Before the March inspection KO-4 is not yet known either, so it is not counted as found.
    const Report earlier = january(day("2024-02-15"));
    CHECK(earlier.risk_found.risk_screenings == 5);
    CHECK(earlier.risk_found.newly_found == 1);
    CHECK(earlier.risk_found.not_yet_known == 2);
}

TEST_CASE("the outcome figures reach the tables, the JSON export and the HTML report, with the label definition") {
    const Report r = january(day("2024-04-01"));
    const auto tables = report_tables(r, TextLanguage::dutch);
    const ReportTable& outcomes = table_named(tables, "outcomes");
    CHECK(outcomes.rows[3] == std::vector<std::string>{"Handhaving", "1"});
    CHECK(outcomes.rows.back() == std::vector<std::string>{"totaal", "2"});
    CHECK(table_named(tables, "outcomes_enforcement").rows[0] == std::vector<std::string>{"aanmaning", "1"});
    const ReportTable& found = table_named(tables, "risk_found");
    CHECK(found.caption == "Risico bevestigd = ernstige tekorten of handhaving binnen 6 maanden na de screening");
    CHECK(found.rows[3] == std::vector<std::string>{"nieuw gevonden door datamining", "2"});
    CHECK(found.rows[4] == std::vector<std::string>{"al gekend bij de selectie", "4"});

    const Json json = *parse_json_strict(report_to_json(r));
    CHECK(json["outcomes"]["by_type"]["support"] == 1);
    CHECK(json["outcomes"]["enforcement_by_measure"]["aanmaning"] == 1);
    CHECK(json["risk_found"]["newly_found"] == 2);
    CHECK(json["risk_found"]["already_known_by_reason"]["open_follow_up"] == 1);
    CHECK(json["risk_found"]["not_yet_known"] == 1);
    CHECK(json["risk_found"]["label_definition"]["rule"] == "serious_or_enforcement");
    CHECK(json["risk_found"]["statement"]["en"] ==
          "Risk confirmed = serious shortcomings or enforcement within 6 months after the screening");

    const std::string html = report_to_html(r, {TextLanguage::english, "", {}});
    CHECK(html.find("data-table=\"risk_found\"") != std::string::npos);
    CHECK(html.find("Risk confirmed = serious shortcomings or enforcement within 6 months after the screening") !=
          std::string::npos);
}
