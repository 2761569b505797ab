// Report figures on a hand-built history with known answers: a dossier screened twice in the
// period, a corrected code, a withdrawn screening, a pending dossier, control-sample dossiers,
// a cooldown override and a dossier missing from the dataset; the exact Dutch paragraph; CSV
// injection cases.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/reporting/report_export.hpp"
#include "core/reporting/report_summary.hpp"
#include "screening_fixtures.hpp"

using namespace radar;
using namespace radar::fixtures;

namespace {

ScreeningEvent batch(const char* id, const char* batch_id, const char* time, std::vector<BatchMember> members,
                     std::uint32_t held_back) {
    ScreeningEvent event = base(id, time, "");
    BatchCommitted payload;
    payload.batch_id = batch_id;
    payload.month = std::string(batch_id).substr(0, 7);
    payload.ranked_total = 100;
    payload.held_back_count = held_back;
    payload.members = std::move(members);
    event.payload = payload;
    return event;
}

ScreeningEvent follow_up(const char* id, const char* dossier, const char* time, const char* due) {
    ScreeningEvent event = base(id, time, dossier);
    event.payload = FollowUpCreated{"", FollowUpType::inspection_visit, day(due), FollowUpStatus::open, ""};
    return event;
}

ScreeningState known_history() {
    ScreeningEvent done = base("f2-done", "2024-02-20T09:00:00.000Z", "KO-7");
    done.payload = FollowUpUpdated{"f2", FollowUpType::information_request, day("2024-02-28"), FollowUpStatus::done, ""};
    return fold_events({
        coded("e0", "KO-6", ScreeningCode::geen_risico, "2023-10-01", "", "2023-10-01T09:00:00.000Z"),
        batch("b1", "2024-01", "2024-01-02T08:00:00.000Z",
              {{"KO-1", SelectionKind::top_n, 1}, {"KO-2", SelectionKind::top_n, 2}, {"KO-3", SelectionKind::top_n, 3},
               {"KO-4", SelectionKind::control, 80}},
              0),
        coded("e1", "KO-1", ScreeningCode::risico, "2024-01-10", "2024-01", "2024-01-10T09:00:00.000Z"),
        coded("e2", "KO-2", ScreeningCode::geen_risico, "2024-01-11", "2024-01", "2024-01-11T09:00:00.000Z"),
        corrected("e3", "e2", "KO-2", ScreeningCode::verder_onderzoek_nodig, "2024-01-11", "2024-01-11T10:00:00.000Z"),
        follow_up("f1", "KO-2", "2024-01-11T10:00:00.000Z", "2024-02-15"),
        coded("e4", "KO-4", ScreeningCode::geen_risico, "2024-01-12", "2024-01", "2024-01-12T09:00:00.000Z"),
        batch("b2", "2024-02", "2024-02-01T08:00:00.000Z",
              {{"KO-5", SelectionKind::top_n, 1}, {"KO-6", SelectionKind::signal_override, 4},
               {"KO-7", SelectionKind::control, 60}},
              2),
        coded("e5", "KO-5", ScreeningCode::risico, "2024-02-05", "2024-02", "2024-02-05T09:00:00.000Z"),
        coded("e6", "KO-6", ScreeningCode::risico, "2024-02-06", "2024-02", "2024-02-06T09:00:00.000Z"),
        coded("e7", "KO-7", ScreeningCode::risico, "2024-02-07", "2024-02", "2024-02-07T09:00:00.000Z"),
        follow_up("f2", "KO-7", "2024-02-07T09:00:00.000Z", "2024-02-28"),
        done,
        coded("e8", "KO-1", ScreeningCode::geen_risico, "2024-02-20", "", "2024-02-20T09:00:00.000Z"),
        coded("e9", "KO-8", ScreeningCode::risico, "2024-02-10", "", "2024-02-10T09:00:00.000Z"),
        withdrawn("e10", "e9", "KO-8", "2024-02-10T10:00:00.000Z"),
    });
}

std::map<std::string, DossierAttributes> known_attributes() {
    return {{"KO-1", {"Antwerpen", "groepsopvang"}}, {"KO-2", {"Limburg", "gezinsopvang"}},
            {"KO-3", {"Limburg", "gezinsopvang"}},   {"KO-4", {"Antwerpen", "gezinsopvang"}},
            {"KO-5", {"Limburg", "groepsopvang"}},   {"KO-7", {"Antwerpen", "buitenschoolse opvang"}}};
}

Report known_report(std::optional<DayNumber> from = day("2024-01-01")) {
    ReportSettings settings;
    settings.as_of = day("2024-03-01");
    settings.generated_at = at("2024-03-01T12:00:00.000Z");
    FrozenBatch frozen;
    frozen.month = "2024-02";
    frozen.dataset_hash = "abc";
    frozen.model_version_id = "starter";
    return build_report(known_history(), {frozen}, known_attributes(), {from, day("2024-02-29")}, settings);
}

}  // namespace

TEST_CASE("report figures on a known history") {
    const Report r = known_report();
    CHECK(r.unique_dossiers == 6);
    CHECK(r.possible_risk_dossiers == 4);
    CHECK(r.screenings.total == 7);
    CHECK(r.screenings.count(ScreeningCode::risico) == 4);
    CHECK(r.screenings.count(ScreeningCode::geen_risico) == 2);
    CHECK(r.screenings.count(ScreeningCode::verder_onderzoek_nodig) == 1);
    CHECK(r.dossiers.count(ScreeningCode::geen_risico) == 2);  // KO-1's latest and KO-4
    CHECK(r.dataset_hashes == std::vector<std::string>{"abc"});

    REQUIRE(r.months.size() == 2);
    const MonthFigures& jan = r.months[0];
    CHECK(jan.month == "2024-01");
    CHECK(jan.batches == 1);
    CHECK(jan.selected == 4);
    CHECK(jan.screened == 3);
    CHECK(jan.backlog == 1);  // KO-3 never coded
    CHECK(jan.rescreenings == 0);
    CHECK(jan.control == 1);
    const MonthFigures& feb = r.months[1];
    CHECK(feb.selected == 3);
    CHECK(feb.screened == 4);
    CHECK(feb.backlog == 1);
    CHECK(feb.rescreenings == 2);  // KO-6 (screened in October) and KO-1 (screened in January)
    CHECK(feb.held_back == 2);
    CHECK(feb.overrides == 1);

    CHECK(r.follow_ups.opened == 2);
    CHECK(r.follow_ups.done == 1);
    CHECK(r.follow_ups.open == 1);
    CHECK(r.follow_ups.overdue == 1);

    REQUIRE(r.by_province.size() == 3);
    CHECK(r.by_province[0].group == "Antwerpen");
    CHECK(r.by_province[0].codes.total == 4);
    CHECK(r.by_province[2].group == "onbekend");  // KO-6 left the dataset
    CHECK(r.by_province[2].codes.count(ScreeningCode::risico) == 1);
    REQUIRE(r.by_score_band.size() == 5);
    CHECK(r.by_score_band[0].codes.total == 4);  // top 10%: KO-1, KO-2, KO-5, KO-6
    CHECK(r.by_score_band[3].codes.total == 2);  // bottom half: the two control dossiers
    CHECK(r.by_score_band[4].group == "none");   // KO-1's screening outside a batch
    CHECK(r.by_score_band[4].codes.total == 1);

    REQUIRE(r.lift.available);
    CHECK(r.lift.top.hits == 4);
    CHECK(r.lift.top.total == 4);
    CHECK(r.lift.control.hits == 1);
    CHECK(r.lift.control.total == 2);
    CHECK(r.lift.lift == doctest::Approx(2.0));
    CHECK(r.lift.top.low == doctest::Approx(0.5101091635454027));
    CHECK(r.lift.control.low == doctest::Approx(0.09453120573423074));
    CHECK(r.lift.control.high == doctest::Approx(0.9054687942657693));
    CHECK(r.lift.difference_low == doctest::Approx(-0.135922931466952));
    CHECK(r.lift.difference_high == doctest::Approx(0.9054687942657693));
}

TEST_CASE("the Dutch and English summary paragraphs match exactly") {
    const Report r = known_report();
    CHECK(r.summary_nl ==
          "Van januari 2024 tot en met februari 2024 werden 6 unieke dossiers op basis van de datamining onder de loep "
          "genomen. Van de gescreende dossiers werden er 4 als mogelijk risico geëvalueerd (Risico of Verder onderzoek "
          "nodig). In totaal gebeurden er 7 screenings: 4 keer Risico (57,1%), 2 keer Geen risico (28,6%) en 1 keer "
          "Verder onderzoek nodig (14,3%). Bij de hoogst gerangschikte dossiers was 100,0% een mogelijk risico "
          "(95%-betrouwbaarheidsinterval 51,0–100,0%, n = 4), tegenover 50,0% in de willekeurige controlesteekproef "
          "(9,5–90,5%, n = 2). Er werden 2 opvolgingen opgezet: 1 afgerond, 1 lopend (1 over de vervaldatum).");
    CHECK(r.summary_en ==
          "From January 2024 up to and including February 2024, 6 unique dossiers were examined on the basis of the "
          "data mining. Of the screened dossiers, 4 were evaluated as a possible risk (Risk or Further investigation "
          "needed). There were 7 screenings in total: 4 Risk (57.1%), 2 No risk (28.6%) and 1 Further investigation "
          "needed (14.3%). Among the highest-ranked dossiers 100.0% were a possible risk (95% confidence interval "
          "51.0–100.0%, n = 4), against 50.0% in the random control sample (9.5–90.5%, n = 2). 2 follow-ups were set "
          "up: 1 done, 1 open (1 overdue).");
    const Report all_time = known_report(std::nullopt);
    CHECK(all_time.summary_nl.rfind("Tot en met februari 2024 werden 6 unieke dossiers op basis van de datamining onder "
                                    "de loep genomen. Van de gescreende dossiers werden er 4 als mogelijk risico",
                                    0) == 0);
    CHECK(all_time.months.front().month == "2023-10");
}

TEST_CASE("without a control sample the report says so instead of implying a lift") {
    ReportSettings settings;
    settings.as_of = day("2024-03-01");
    const auto state = fold_events({coded("e1", "KO-1", ScreeningCode::risico, "2024-01-10")});
    const Report r = build_report(state, {}, {}, {std::nullopt, day("2024-01-17")}, settings);
    CHECK_FALSE(r.lift.available);
    CHECK(r.summary_nl ==
          "Tot en met 17 januari 2024 werd 1 uniek dossier op basis van de datamining onder de loep genomen. Van de "
          "gescreende dossiers werd er 1 als mogelijk risico geëvalueerd (Risico of Verder onderzoek nodig). In totaal "
          "gebeurde er 1 screening: 1 keer Risico (100,0%), 0 keer Geen risico (0,0%) en 0 keer Verder onderzoek nodig "
          "(0,0%). Er werd geen controlesteekproef gescreend, dus deze cijfers zeggen niet of de score beter werkt dan "
          "het toeval.");
    const auto tables = report_tables(r, TextLanguage::english);
    CHECK(tables.back().name == "lift");
    CHECK(tables.back().rows[0][0] == "no control sample in this period: lift cannot be measured");
    // The possible-risk definition is configurable and stated.
    settings.possible_risk = {ScreeningCode::risico};
    CHECK(build_report(state, {}, {}, {std::nullopt, day("2024-01-31")}, settings).summary_en.find("(Risk)") !=
          std::string::npos);
}

TEST_CASE("CSV cells are safe for spreadsheets") {
    struct Case {
        const char* value;
        bool numeric;
        const char* expected;
    };
    const Case cases[] = {
        {"=SUM(A1:A9)", false, "'=SUM(A1:A9)"}, {"+31 2 345", false, "'+31 2 345"}, {"-1+2", false, "'-1+2"},
        {"@cmd", false, "'@cmd"},              {"\tx", false, "'\tx"},           {"\rx", false, "\"'\rx\""},
        {"a,b", false, "\"a,b\""},             {"say \"hi\"", false, "\"say \"\"hi\"\"\""},
        {"-0.1359", true, "-0.1359"},          {"Antwerpen", false, "Antwerpen"}, {"", false, ""},
    };
    for (const Case& test : cases) {
        CAPTURE(test.value);
        CHECK(csv_cell(test.value, test.numeric) == test.expected);
    }
    ReportTable table{"t", {"group", "n"}, {false, true}, {{"=HYPERLINK(\"http://x\")", "3"}}};
    CHECK(table_to_csv(table) == "group,n\r\n\"'=HYPERLINK(\"\"http://x\"\")\",3\r\n");
}

TEST_CASE("report tables and JSON carry the same figures") {
    const Report r = known_report();
    const auto tables = report_tables(r, TextLanguage::dutch);
    REQUIRE(tables.size() == 15);  // 11 before the four outcome tables
    CHECK(tables[2].name == "months");
    CHECK(tables[3].name == "codes_by_month");
    CHECK(tables[3].rows[1] == std::vector<std::string>{"2024-02", "3", "1", "0", "4", "3"});
    CHECK(tables[2].rows[1] == std::vector<std::string>{"2024-02", "1", "3", "4", "1", "2", "2", "1", "1"});
    CHECK(tables[1].rows[0] == std::vector<std::string>{"Risico", "4", "0.5714", "3", "0.5000"});
    const Json json = *parse_json_strict(report_to_json(r));
    CHECK(json["unique_dossiers"] == 6);
    CHECK(json["months"][1]["rescreenings"] == 2);
    CHECK(json["months"][0]["codes"]["verder_onderzoek_nodig"] == 1);
    CHECK(json["lift"]["top"]["hits"] == 4);
    CHECK(json["summary"]["nl"] == r.summary_nl);
    CHECK(json["possible_risk_definition"] == Json{"risico", "verder_onderzoek_nodig"});
}

TEST_CASE("the report counts current risk labels, those expiring soon and those lapsed, as of its day") {
    const Report now = known_report();  // as of 2024-03-01
    CHECK(now.risk_labels.current == 4);
    CHECK(now.risk_labels.current_by_code[static_cast<std::size_t>(ScreeningCode::risico)] == 3);
    CHECK(now.risk_labels.current_by_code[static_cast<std::size_t>(ScreeningCode::verder_onderzoek_nodig)] == 1);
    CHECK(now.risk_labels.expiring == 0);
    CHECK(now.risk_labels.expired == 0);

    ReportSettings later;
    later.as_of = day("2025-01-20");
    const Report r = build_report(known_history(), {}, {}, {day("2024-01-01"), day("2024-02-29")}, later);
    CHECK(r.risk_labels.expired == 1);  // KO-2's Verder onderzoek nodig of 11 January 2024
    CHECK(r.risk_labels.current == 3);
    REQUIRE(r.risk_labels.expiring_labels.size() == 3);
    CHECK(r.risk_labels.expiring_labels[0].dossier_id == "KO-5");
    CHECK(r.risk_labels.expiring_labels[0].valid_until == day("2025-02-05"));
    const auto tables = report_tables(r, TextLanguage::english);
    const auto labels = std::find_if(tables.begin(), tables.end(), [](const ReportTable& t) { return t.name == "risk_labels"; });
    REQUIRE(labels != tables.end());
    CHECK(labels->rows[0] == std::vector<std::string>{"Risk", "3", "3"});
    CHECK(labels->rows[2] == std::vector<std::string>{"lapsed (older than 12 months)", "1", ""});
    const Json json = *parse_json_strict(report_to_json(r));
    CHECK(json["risk_labels"]["valid_months"] == 12);
    CHECK(json["risk_labels"]["expired"] == 1);
    CHECK(json["risk_labels"]["expiring"][0]["valid_until"] == "2025-02-05");
}

TEST_CASE("one follow-up reads in the singular") {
    const ScreeningState state = fold_events({
        coded("e1", "KO-1", ScreeningCode::verder_onderzoek_nodig, "2024-01-10", "", "2024-01-10T09:00:00.000Z"),
        follow_up("f1", "KO-1", "2024-01-10T09:00:01.000Z", "2024-02-10"),
    });
    ReportSettings settings;
    settings.as_of = day("2024-01-31");
    const Report r = build_report(state, {}, {}, {day("2024-01-01"), day("2024-01-31")}, settings);
    CHECK(r.summary_nl.find(" Er werd 1 opvolging opgezet: 0 afgerond, 1 lopend (0 over de vervaldatum).") !=
          std::string::npos);
    CHECK(r.summary_en.find(" 1 follow-up was set up: 0 done, 1 open (0 overdue).") != std::string::npos);
}
