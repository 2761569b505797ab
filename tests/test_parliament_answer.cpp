// The answer to the parliamentary question on a hand-built history: dossiers screened because the
// list chose them apart from the control sample and screenings outside batches, possible risk and
// codes by each dossier's latest screening, what followed, and the coverage promise (screened in
// the last 12 months, never screened, the longest wait, "at least" for a dossier never screened),
// and the answer in the report's JSON and printable HTML.
#include <doctest/doctest.h>

#include "core/reporting/parliament_answer.hpp"
#include "core/reporting/report_html.hpp"
#include "screening_fixtures.hpp"

using namespace radar;
using namespace radar::fixtures;

namespace {

Dataset eight_dossiers() {
    Dataset dataset;
    Column& ids = dataset.add_column("dossier_id", ColumnType::text);
    for (int i = 1; i <= 8; ++i) ids.push_text("KO-" + std::to_string(i));
    return dataset;
}

// January 2024: batch b1 chose KO-1..KO-3 from the list; batch bc drew KO-4 and KO-1 at random.
ScreeningState january() {
    return fold_events({
        committed("ev-b1", "b1", "2024-01", {"KO-1", "KO-2", "KO-3"}, "2024-01-02T08:00:00.000Z"),
        committed("ev-bc", "bc", "2024-01", {"KO-4", "KO-1"}, "2024-01-02T09:00:00.000Z", SelectionKind::control),
        coded("s6", "KO-6", ScreeningCode::risico, "2022-12-15", "", "2022-12-15T09:00:00.000Z"),
        coded("s1", "KO-1", ScreeningCode::risico, "2024-01-10", "b1", "2024-01-10T09:00:00.000Z"),
        coded("s1c", "KO-1", ScreeningCode::geen_risico, "2024-01-12", "bc", "2024-01-12T09:00:00.000Z"),
        coded("s2", "KO-2", ScreeningCode::verder_onderzoek_nodig, "2024-01-11", "b1", "2024-01-11T09:00:00.000Z"),
        coded("s3", "KO-3", ScreeningCode::geen_risico, "2024-01-11", "b1", "2024-01-11T10:00:00.000Z"),
        coded("s4", "KO-4", ScreeningCode::verder_onderzoek_nodig, "2024-01-13", "bc", "2024-01-13T09:00:00.000Z"),
        coded("s5", "KO-5", ScreeningCode::geen_risico, "2024-01-14", "", "2024-01-14T09:00:00.000Z"),
        coded("s7", "KO-7", ScreeningCode::risico, "2024-01-15", "", "2024-01-15T09:00:00.000Z"),
        withdrawn("w7", "s7", "KO-7", "2024-01-16T09:00:00.000Z"),
        outcome("o1", "s1", "KO-1", outcome_details(OutcomeType::warning, "2024-01-20"), "2024-01-20T09:00:00.000Z"),
    });
}

ParliamentAnswer answer_for_january() {
    const ScreeningState state = january();
    ReportSettings settings;
    settings.as_of = day("2024-01-31");
    const Report report = build_report(state, {}, {}, {day("2024-01-01"), day("2024-01-31")}, settings);
    return parliament_answer(report, state, coverage_figures(state, eight_dossiers(), day("2024-01-31")));
}

}  // namespace

TEST_CASE("the parliamentary question: dossiers by route, possible risk and codes by the latest screening") {
    const ParliamentAnswer answer = answer_for_january();
    CHECK(answer.from == day("2024-01-01"));
    CHECK(answer.to == day("2024-01-31"));
    CHECK(answer.chosen_by_list == 3);  // KO-1 also drawn for the control sample: counted once, by the list
    CHECK(answer.control_only == 1);    // KO-4
    CHECK(answer.outside_batches == 1); // KO-5; KO-7's screening was withdrawn
    CHECK(answer.possible_risk == 2);   // KO-1 Risico (its list screening), KO-2 Verder onderzoek nodig
    CHECK(answer.by_code[static_cast<std::size_t>(ScreeningCode::risico)] == 1);
    CHECK(answer.by_code[static_cast<std::size_t>(ScreeningCode::verder_onderzoek_nodig)] == 1);
    CHECK(answer.by_code[static_cast<std::size_t>(ScreeningCode::geen_risico)] == 1);
    CHECK(answer.outcomes.count(OutcomeType::warning) == 1);
}

TEST_CASE("the coverage promise: screened in the last 12 months, never screened, the longest wait") {
    const CoverageFigures coverage = answer_for_january().coverage;
    CHECK(coverage.dossiers == 8);
    CHECK(coverage.history_from == day("2022-12-15"));
    CHECK(coverage.screened_in_window == 5);  // KO-1..KO-5; KO-6 last in December 2022
    CHECK(coverage.never_screened == 2);      // KO-7 (withdrawn) and KO-8
    CHECK(coverage.share_in_window() == doctest::Approx(0.625));
    // KO-6 waited 412 days; KO-7 and KO-8 at least as long (since the first recorded work): KO-7 first.
    CHECK(coverage.longest_unscreened_days == 412);
    CHECK(coverage.longest_at_least);
    CHECK(coverage.longest_unscreened_dossier == "KO-7");

    const ScreeningState state = january();
    const CoverageFigures later = coverage_figures(state, eight_dossiers(), day("2025-01-20"));
    CHECK(later.screened_in_window == 0);  // the window starts on 2024-01-21
    const CoverageFigures empty = coverage_figures(ScreeningState{}, eight_dossiers(), day("2024-01-31"));
    CHECK(empty.never_screened == 8);
    CHECK(empty.longest_unscreened_days == 0);
}

TEST_CASE("the answer as a Dutch and an English paragraph and as a table") {
    const ParliamentAnswer answer = answer_for_january();
    const std::string dutch = parliament_answer_text(answer, TextLanguage::dutch);
    CHECK(dutch.find("Van 1 januari 2024 tot en met 31 januari 2024 werden 3 unieke dossiers op basis van de datamining "
                     "onder de loep genomen (daarnaast 1 dossier uit de willekeurige controlesteekproef en 1 dossier "
                     "buiten een maandbatch).") == 0);
    CHECK(dutch.find("Daarvan werden er 2 als mogelijk risico beoordeeld (code Risico of Verder onderzoek nodig)") !=
          std::string::npos);
    CHECK(dutch.find("1 waarschuwing, 0 keer ondersteuning") != std::string::npos);
    CHECK(dutch.find("Dekking: 5 van de 8 dossiers (62,5%) werden gescreend in de 12 maanden tot en met 31 januari 2024.") !=
          std::string::npos);
    CHECK(dutch.find("Het langst zonder screening: dossier KO-7, minstens 412 dagen.") != std::string::npos);
    const std::string english = parliament_answer_text(answer, TextLanguage::english);
    CHECK(english.find("3 unique dossiers were examined on the basis of the data mining") != std::string::npos);
    CHECK(english.find("Coverage: 5 of the 8 dossiers (62.5%)") != std::string::npos);

    const ReportTable table = parliament_answer_table(answer, TextLanguage::english);
    CHECK(table.name == "parliamentary_question");
    REQUIRE(table.rows.size() >= 10);
    CHECK(table.rows[0] == std::vector<std::string>{"Unique dossiers screened on the basis of the data mining", "3"});
    CHECK(table.rows.back() == std::vector<std::string>{"Longest without a screening (days)", "at least 412"});
    CHECK(table.caption == english);
}

TEST_CASE("the answer travels in the report's JSON and printable HTML, both languages") {
    const ScreeningState state = january();
    ReportSettings settings;
    settings.as_of = day("2024-01-31");
    const Report report = build_report(state, {}, {}, {day("2024-01-01"), day("2024-01-31")}, settings);
    const ParliamentAnswer answer =
        parliament_answer(report, state, coverage_figures(state, eight_dossiers(), day("2024-01-31")));

    const Checked<Json> json = parse_json_strict(report_to_json(report, nullptr, &answer));
    REQUIRE(json.ok());
    const Json& question = (*json)["parliamentary_question"];
    CHECK(question["screened_by_data_mining"] == 3);
    CHECK(question["by_code"]["risico"] == 1);
    CHECK(question["followed"]["warning"] == 1);
    CHECK(question["coverage"]["longest_unscreened_dossier"] == "KO-7");
    CHECK(question["answer_en"] == parliament_answer_text(answer, TextLanguage::english));
    CHECK_FALSE(parse_json_strict(report_to_json(report)).value().contains("parliamentary_question"));

    HtmlReportOptions options;
    options.language = TextLanguage::english;
    options.parliament = &answer;
    const std::string html = report_to_html(report, options);
    CHECK(html.find("id=\"parliamentary-question\"") != std::string::npos);
    CHECK(html.find("Written question no. 133 of 4 December 2023") != std::string::npos);
    CHECK(html.find("<p lang=\"nl\" id=\"parliament-nl\">Van 1 januari 2024") != std::string::npos);
    CHECK(html.find("<p lang=\"en\" id=\"parliament-en\">From 1 January 2024") != std::string::npos);
    CHECK(html.find("data-table=\"parliamentary_question\"") != std::string::npos);
    options.parliament = nullptr;
    CHECK(report_to_html(report, options).find("parliamentary-question") == std::string::npos);
}
