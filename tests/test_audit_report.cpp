// The whole audit as `radar audit` runs it, on a simulated demo history: never empty (groupings,
// double coding, disagreements, automation bias), its JSON document and its text carry the
// figures, their basis, the band and the "too few to judge" marks, and so does the report's HTML
// section; a grouping named as a user types it; an unknown grouping fails.
#include <doctest/doctest.h>

#include "core/data/dataset_hash.hpp"
#include "default_model_scores.hpp"
#include "core/fairness/audit_export.hpp"
#include "core/reporting/audit_html.hpp"
#include "core/reporting/html_format.hpp"
#include "core/selection/demo_history.hpp"

using namespace radar;

namespace {

struct DemoAudit {
    DemoData demo;
    DemoHistory history;
    ScreeningState state;
};

DemoAudit demo_audit() {
    DemoAudit run;
    DemoSettings demo_settings;
    demo_settings.dossier_count = 1200;
    demo_settings.seed = 5;
    demo_settings.export_date = *parse_iso_date("2023-07-01");
    run.demo = generate_demo_data(demo_settings);
    const auto scores = default_model_scores(run.demo.dataset, demo_settings.export_date);
    DemoHistorySettings settings;
    settings.first_month = demo_settings.export_date;
    settings.months = 6;
    settings.selection.capacity = 30;
    settings.selection.control_size = 6;
    settings.seed = 5;
    auto history = simulate_demo_history(run.demo, scores, "default", dataset_sha256(run.demo.dataset), settings);
    REQUIRE_MESSAGE(history.ok(), history.error());
    run.history = std::move(*history);
    run.state = fold_events(run.history.events);
    return run;
}

AuditSettings settings_as_of(const char* day) {
    AuditSettings settings;
    settings.today = *parse_iso_date(day);
    return settings;
}

}  // namespace

TEST_CASE("the audit of a demo history is never empty and its JSON and text say what they show") {
    const DemoAudit run = demo_audit();
    const auto report = build_audit(run.demo.dataset, nullptr, {}, run.state, run.history.batches,
                                    settings_as_of("2024-06-30"), {300, 0.95, 1});
    REQUIRE_MESSAGE(report.ok(), report.error());
    CHECK(report->issues.empty());
    REQUIRE(report->groupings.size() == 4);
    CHECK(report->groupings[0].grouping == "province");
    CHECK(report->groupings[1].grouping == "care_type");
    CHECK(report->groupings[2].grouping == "organiser_size");
    CHECK(report->groupings[3].grouping == "municipality");
    for (const GroupAudit& audit : report->groupings) {
        CAPTURE(audit.grouping);
        CHECK(audit.batches.size() == 6);
        std::size_t selected = 0;
        for (const GroupFigures& figures : audit.pooled.groups) selected += figures.selected;
        CHECK(selected == audit.pooled.selected);
        CHECK(selected >= 150);  // 30 a month, plus overrides
    }
    // Labels as of the end of June 2024: the 6-month windows of the history have all closed.
    std::size_t labelled = 0;
    for (const GroupFigures& figures : report->groupings[0].pooled.groups) labelled += figures.false_discovery.total;
    CHECK(labelled > 100);

    const CoderAgreement& agreement = report->agreement;
    CHECK(agreement.second_codes >= 18);  // at least 3 a month
    CHECK(agreement.overall.table.units > 12);
    CHECK(agreement.overall.kappa.estimate.value);
    CHECK(agreement.overall.table.agreeing() < agreement.overall.table.units);  // a few disagreements
    CHECK(agreement.adjudicated == 2);
    CHECK_FALSE(agreement.awaiting_adjudication.empty());
    REQUIRE(agreement.by_pair.size() == 1);
    CHECK(agreement.by_pair[0].key == "Demo / Demo 2");
    CHECK(report->automation_bias.visible.following.total > 100);
    CHECK(report->automation_bias.blind.following.total > 30);
    CHECK(report->automation_bias.paired.dossiers > 5);

    const Json json = audit_to_json(*report);
    CHECK(json["grouping_rule"] == "default");
    CHECK(json["groupings"].size() == 4);
    const Json& province = json["groupings"][0];
    CHECK(province["reference_rule"] == "largest group");
    CHECK(province["pooled"]["groups"][0]["false_discovery_rate"]["basis"] == "screened_labels");
    CHECK(province["pooled"]["groups"][0]["false_omission_rate"]["basis"] == "control_sample");
    CHECK(province["pooled"]["groups"][0]["base_rate"]["basis"] == "control_and_screened");
    CHECK(json["fair_band"]["low"] == 0.8);
    CHECK(json["agreement"]["overall"]["table"].size() == 3);
    CHECK(json["agreement"]["thresholds"]["alpha_reliable"] == 0.8);
    CHECK(json["agreement"]["awaiting_adjudication"].size() == agreement.awaiting_adjudication.size());
    CHECK(json["automation_bias"]["blind"]["by_band"].size() == 4);

    const std::string text = audit_to_text(*report);
    CHECK(text.find("## groepering / grouping: province") != std::string::npos);
    CHECK(text.find("te weinig om te beoordelen / too few to judge") != std::string::npos);  // small municipalities
    CHECK(text.find("referentiegroep / reference group: ") != std::string::npos);
    CHECK(text.find("FOR = controlesteekproef / control sample") != std::string::npos);
    CHECK(text.find("Cohen's kappa: ") != std::string::npos);
    CHECK(text.find("Krippendorff's alpha (nominaal / nominal): ") != std::string::npos);
    CHECK(text.find("[screeners: Demo / Demo 2]") != std::string::npos);
    CHECK(text.find("## meningsverschillen die wachten op beslechting / disagreements awaiting adjudication: ") !=
          std::string::npos);
    CHECK(text.find("## automatiseringsbias / automation bias") != std::string::npos);
}

TEST_CASE("one grouping on request, with its reference group; unknown names fail with the list") {
    const DemoAudit run = demo_audit();
    AuditSettings settings = settings_as_of("2024-06-30");
    settings.reference_group = "Limburg";
    const auto report = build_audit(run.demo.dataset, nullptr, {"province"}, run.state, run.history.batches, settings,
                                    {100, 0.95, 1});
    REQUIRE_MESSAGE(report.ok(), report.error());
    REQUIRE(report->groupings.size() == 1);
    CHECK(report->groupings[0].reference_group == "Limburg");
    CHECK(report->groupings_chosen);
    CHECK(audit_to_json(*report)["grouping_rule"] == "chosen");
    // The grouping as a user names it (--group, the app's audit screen).
    CHECK(chosen_groupings(run.demo.dataset, nullptr, "").empty());
    CHECK(chosen_groupings(run.demo.dataset, nullptr, " Province ") == std::vector<std::string>{"province"});
    CHECK(chosen_groupings(run.demo.dataset, nullptr, organiser_size_grouping) ==
          std::vector<std::string>{organiser_size_grouping});
    CHECK(chosen_groupings(run.demo.dataset, nullptr, "colour") == std::vector<std::string>{"colour"});
    const auto unknown = build_audit(run.demo.dataset, nullptr, {"colour"}, run.state, run.history.batches,
                                     settings_as_of("2024-06-30"));
    CHECK(unknown.error().rfind("no column 'colour' to group by; available: name, organiser_id, municipality, province", 0) == 0);
}

TEST_CASE("the disparity chart marks the band, 1, the ratio and its interval on a log scale") {
    GroupTable table;
    GroupFigures figures;
    figures.group = "A";
    figures.selection_disparity.ratio = 1.0;
    figures.reference = true;
    table.groups.push_back(figures);
    figures.group = "B";
    figures.reference = false;
    figures.selection_disparity.ratio = 2.0;
    figures.selection_disparity.interval = Interval{1.0, 4.0};
    table.groups.push_back(figures);
    figures.group = "C";
    figures.selection_disparity.ratio = 0.0;
    figures.selection_disparity.interval.reset();
    table.groups.push_back(figures);
    const auto lines = disparity_chart(table, DisparityMetric::selection_rate, FairBand{}, 41);
    REQUIRE(lines.size() == 3);
    // Scale 0.25 .. 4 over 41 places (ln(x / 0.25) / ln 16 x 40, rounded): 0.8 at 17, 1 at 20,
    // 1.25 at 23, 2 at 30, 4 at 40.
    CHECK(lines[0].bar == "                 |  *  |                 ");
    CHECK(lines[1].bar == "                 |  :--|------*----------");
    CHECK(lines[2].bar == "<                |  :  |                 ");
}

TEST_CASE("the report's audit section on a demo history: every grouping charted, a point per group") {
    const DemoAudit run = demo_audit();
    const auto report = build_audit(run.demo.dataset, nullptr, {}, run.state, run.history.batches,
                                    settings_as_of("2024-06-30"), {200, 0.95, 1});
    REQUIRE_MESSAGE(report.ok(), report.error());
    const std::string html = audit_section_html(*report, TextLanguage::dutch);
    for (const GroupAudit& audit : report->groupings) {
        CAPTURE(audit.grouping);
        const auto start = html.find("<figure class=\"chart disparity\" data-disparity=\"" + audit.grouping + "\"");
        REQUIRE(start != std::string::npos);
        const std::string figure = html.substr(start, html.find("</figure>", start) - start);
        std::size_t groups = 0, points = 0, with_ratio = 0;
        for (auto at = figure.find("<g class=\"group\""); at != std::string::npos; at = figure.find("<g class=\"group\"", at + 1))
            ++groups;
        for (auto at = figure.find("<circle class=\"point"); at != std::string::npos; at = figure.find("<circle class=\"point", at + 1))
            ++points;
        for (const GroupFigures& figures : audit.pooled.groups) with_ratio += figures.selection_disparity.ratio.has_value();
        CHECK(groups == audit.pooled.groups.size());
        CHECK(points == with_ratio);
    }
    CHECK(html.find("te weinig om te beoordelen") != std::string::npos);  // small municipalities
    CHECK(html.find("<td>Demo / Demo 2</td>") != std::string::npos);
    const std::string kappa = fixed_decimals(*report->agreement.overall.kappa.estimate.value, 2, TextLanguage::dutch);
    CHECK(html.find("<th>Cohen&#39;s kappa</th><td>" + kappa + " (95%-bootstrap ") != std::string::npos);
    CHECK(html.find("nan") == std::string::npos);
}
