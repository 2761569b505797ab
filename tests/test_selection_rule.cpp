// The monthly selection rule, table-driven: top N with ties, cooldown over month ends and leap
// years, pending dossiers, exclusions, signal override, control sample, coverage floor.
#include <doctest/doctest.h>

#include "core/time/date_text.hpp"
#include "core/selection/selection_reasons.hpp"
#include "core/selection/selection_rule.hpp"
#include "selection_fixtures.hpp"

using namespace radar;
using namespace radar::fixtures;

namespace {

std::vector<std::string> selected_ids(const SelectionOutcome& outcome) {
    std::vector<std::string> ids;
    for (std::size_t index : outcome.selected) ids.push_back(outcome.decisions[index].dossier_id);
    return ids;
}

SelectionSettings capacity(std::uint32_t n) {
    SelectionSettings settings;
    settings.capacity = n;
    return settings;
}

SelectionOutcome run(const Table& t, const SelectionHistory& history, const char* reference, const SelectionSettings& settings) {
    auto outcome = run_selection_rule(t.dataset, t.scores, history, day(reference), settings);
    REQUIRE_MESSAGE(outcome.ok(), outcome.error());
    return *outcome;
}

SelectionHistory screened(const std::string& id, const char* date) { return {{id, {day(date), ""}}}; }

}  // namespace

TEST_CASE("the N highest-ranked eligible dossiers are selected; ties go by dossier id") {
    const Table t = table({{"KO-3", 5}, {"KO-1", 9}, {"KO-2", 5}, {"KO-4", 1}, {"KO-0", 5}});
    const auto outcome = run(t, {}, "2024-01-01", capacity(3));
    CHECK(selected_ids(outcome) == std::vector<std::string>{"KO-1", "KO-0", "KO-2"});
    CHECK(outcome.cutoff_rank == 3u);
    CHECK(outcome.find("KO-3")->decision == Decision::below_cutoff);
    CHECK(outcome.find("KO-3")->rank == 4);
    CHECK(outcome.eligible_count == 5);
    CHECK(describe_decision(outcome, *outcome.find("KO-3"), TextLanguage::dutch) ==
          "Niet geselecteerd: nr. 4 van de selecteerbare dossiers, na de capaciteit van 3 (rang 4, de grens ligt op rang 3)");
    CHECK(describe_decision(outcome, *outcome.find("KO-1"), TextLanguage::english) ==
          "Selected: number 1 of the eligible dossiers (capacity 3); rank 1 of all dossiers");
}

TEST_CASE("cooldown: not eligible before the screening date plus three calendar months") {
    struct Case {
        const char* screened;
        const char* reference;
        bool eligible;
        const char* until;
    };
    const Case cases[] = {
        {"2023-10-15", "2024-01-15", true, "2024-01-15"},   // exactly three months ago
        {"2023-10-15", "2024-01-14", false, "2024-01-15"},  // one day short
        {"2023-10-31", "2024-01-31", true, "2024-01-31"},
        {"2023-10-31", "2024-01-30", false, "2024-01-31"},
        {"2023-11-30", "2024-02-29", true, "2024-02-29"},   // leap year clamp
        {"2023-11-30", "2024-02-28", false, "2024-02-29"},
        {"2022-11-30", "2023-02-28", true, "2023-02-28"},   // common year clamp
        {"2023-11-29", "2024-02-29", true, "2024-02-29"},
        {"2023-12-31", "2024-03-30", false, "2024-03-31"},
        {"2023-12-31", "2024-03-31", true, "2024-03-31"},
        {"2024-02-29", "2024-05-29", true, "2024-05-29"},
        {"2024-01-10", "2024-01-10", false, "2024-04-10"},  // screened today
    };
    const Table t = table({{"KO-1", 10}, {"KO-2", 5}});
    for (const Case& test : cases) {
        CAPTURE(test.screened);
        CAPTURE(test.reference);
        const auto outcome = run(t, screened("KO-1", test.screened), test.reference, capacity(1));
        const DossierDecision& decision = *outcome.find("KO-1");
        CHECK(decision.selected() == test.eligible);
        CHECK(decision.decision == (test.eligible ? Decision::top_n : Decision::cooldown));
        CHECK(format_iso_date(*decision.cooldown_until) == test.until);
        CHECK(selected_ids(outcome) == std::vector<std::string>{test.eligible ? "KO-1" : "KO-2"});
        if (!test.eligible) {
            CHECK(outcome.held_back.size() == 1);
            CHECK(describe_decision(outcome, decision, TextLanguage::dutch) ==
                  "Niet geselecteerd: in afkoeling tot " + format_date(day(test.until), TextLanguage::dutch) +
                      " na screening op " + format_date(day(test.screened), TextLanguage::dutch));
        }
    }
}

TEST_CASE("the cooldown length is a setting") {
    const Table t = table({{"KO-1", 10}, {"KO-2", 5}});
    SelectionSettings settings = capacity(1);
    settings.cooldown_months = 6;
    CHECK(run(t, screened("KO-1", "2023-10-15"), "2024-01-15", settings).find("KO-1")->decision == Decision::cooldown);
    CHECK(run(t, screened("KO-1", "2023-07-15"), "2024-01-15", settings).find("KO-1")->decision == Decision::top_n);
    settings.cooldown_months = 0;
    CHECK(run(t, screened("KO-1", "2024-01-15"), "2024-01-15", settings).find("KO-1")->decision == Decision::top_n);
}

TEST_CASE("pending dossiers are skipped whatever their rank") {
    const Table t = table({{"KO-1", 10}, {"KO-2", 8}, {"KO-3", 5}});
    const SelectionHistory history{{"KO-1", {std::nullopt, "2023-12"}}, {"KO-2", {day("2023-06-01"), "2023-12-s1"}}};
    const auto outcome = run(t, history, "2024-01-01", capacity(1));
    CHECK(selected_ids(outcome) == std::vector<std::string>{"KO-3"});
    CHECK(outcome.find("KO-1")->decision == Decision::pending);
    CHECK(outcome.find("KO-2")->pending_batch == "2023-12-s1");
    CHECK(outcome.held_back.empty());
    CHECK(outcome.waiting == std::vector<std::size_t>{0, 1});  // both wait above the cut-off, in rank order
    CHECK(describe_decision(outcome, *outcome.find("KO-1"), TextLanguage::english) ==
          "Not selected: in open batch 2023-12, not coded yet");
    // The selected dossier is the first eligible one although it ranks third of all.
    CHECK(outcome.find("KO-3")->eligible_position == 1);
    CHECK(outcome.find("KO-1")->eligible_position == 0);
    CHECK(describe_decision(outcome, *outcome.find("KO-3"), TextLanguage::dutch) ==
          "Geselecteerd: nr. 1 van de selecteerbare dossiers (capaciteit 1); rang 3 van alle dossiers");
}

TEST_CASE("a dossier that disappeared from the export does not disturb the selection") {
    const Table t = table({{"KO-1", 10}, {"KO-2", 8}});
    const SelectionHistory history{{"KO-GONE", {day("2023-12-01"), "2023-12"}}};
    const auto outcome = run(t, history, "2024-01-01", capacity(5));
    CHECK(selected_ids(outcome) == std::vector<std::string>{"KO-1", "KO-2"});
    CHECK(outcome.find("KO-GONE") == nullptr);
    CHECK(outcome.cutoff_rank == std::nullopt);  // fewer eligible than N
}

TEST_CASE("exclusions are off by default and name what excluded a dossier") {
    const Table t = table({{"KO-1", 10, "gesloten"}, {"KO-2", 9, "actief", "schorsing"}, {"KO-3", 8}, {"KO-4", 7, "actief", "Geen"}});
    CHECK(selected_ids(run(t, {}, "2024-01-01", capacity(2))) == std::vector<std::string>{"KO-1", "KO-2"});
    SelectionSettings settings = capacity(2);
    settings.exclude_closed = true;
    settings.exclude_active_enforcement = true;
    const auto outcome = run(t, {}, "2024-01-01", settings);
    CHECK(selected_ids(outcome) == std::vector<std::string>{"KO-3", "KO-4"});
    CHECK(outcome.find("KO-1")->decision == Decision::excluded_closed);
    CHECK(outcome.find("KO-2")->decision == Decision::excluded_enforcement);
    CHECK(describe_decision(outcome, *outcome.find("KO-2"), TextLanguage::dutch) ==
          "Niet geselecteerd: uitgesloten omdat het dossier in handhaving is (schorsing)");
    Dataset bare;
    bare.add_column("dossier_id", ColumnType::text).push_text("KO-1");
    CHECK(run_selection_rule(bare, {1.0}, {}, day("2024-01-01"), settings).error() ==
          "the dataset has no field 'status', needed to exclude closed dossiers");
}

TEST_CASE("signal override: a serious signal after the last screening breaks the cooldown") {
    struct Case {
        const char* signal;
        bool override_on;
        Decision expected;
    };
    const Case cases[] = {
        {"2023-12-20", true, Decision::signal_override},
        {"2023-12-01", true, Decision::cooldown},   // same day as the screening: not after it
        {"2023-11-20", true, Decision::cooldown},   // before the screening
        {"2024-02-01", true, Decision::cooldown},   // after the reference date: not yet known
        {nullptr, true, Decision::cooldown},
        {"2023-12-20", false, Decision::cooldown},  // setting off
    };
    for (const Case& test : cases) {
        CAPTURE(test.signal ? test.signal : "none");
        CAPTURE(test.override_on);
        const Table t = table({{"KO-1", 10, "actief", "geen", nullptr, nullptr, test.signal}, {"KO-2", 5}});
        SelectionSettings settings = capacity(1);
        settings.signal_override = test.override_on;
        const auto outcome = run(t, screened("KO-1", "2023-12-01"), "2024-01-15", settings);
        CHECK(outcome.find("KO-1")->decision == test.expected);
        if (test.expected == Decision::signal_override) {
            CHECK(selected_ids(outcome) == std::vector<std::string>{"KO-1"});
            CHECK(outcome.find("KO-1")->kind() == SelectionKind::signal_override);
            CHECK(describe_decision(outcome, *outcome.find("KO-1"), TextLanguage::dutch) ==
                  "Geselecteerd ondanks afkoeling (gescreend op 1 december 2023): nieuw ernstig signaal op 20 december 2023; rang 1");
        }
    }
    // A lifted cooldown competes on rank: below the cut-off it is simply not selected.
    const Table t = table({{"KO-9", 20}, {"KO-1", 10, "actief", "geen", nullptr, nullptr, "2023-12-20"}});
    SelectionSettings settings = capacity(1);
    settings.signal_override = true;
    const auto outcome = run(t, screened("KO-1", "2023-12-01"), "2024-01-15", settings);
    CHECK(outcome.find("KO-1")->decision == Decision::below_cutoff);
    CHECK(outcome.find("KO-1")->signal_date == day("2023-12-20"));
}

TEST_CASE("the control sample is drawn below the cut-off and reproduced from its seed") {
    const Table t = ranked_table(60);
    SelectionSettings settings = capacity(10);
    settings.control_size = 5;
    settings.control_seed = 424242;
    const SelectionHistory history = screened("D15", "2023-12-01");
    const auto first = run(t, history, "2024-01-01", settings);
    const auto again = run(t, history, "2024-01-01", settings);
    CHECK(selected_ids(first) == selected_ids(again));
    REQUIRE(first.selected.size() == 15);
    for (std::size_t i = 10; i < 15; ++i) {
        const DossierDecision& control = first.decisions[first.selected[i]];
        CHECK(control.decision == Decision::control);
        CHECK(control.rank > 10);
        CHECK(control.dossier_id != "D15");
        if (i > 10) CHECK(control.rank > first.decisions[first.selected[i - 1]].rank);
    }
    int differing = 0;
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        settings.control_seed = seed;
        if (selected_ids(run(t, history, "2024-01-01", settings)) != selected_ids(first)) ++differing;
    }
    CHECK(differing >= 4);
    // Asking for more controls than there are candidates takes them all.
    settings.control_size = 100;
    CHECK(run(t, history, "2024-01-01", settings).selected.size() == 59);
}

TEST_CASE("coverage floor: never screened and not inspected for more than M months") {
    const Table t = table({
        {"KO-1", 10, "actief", "geen", "2023-12-01"},
        {"KO-2", 1, "actief", "geen", "2021-12-31", "2010-01-01"},  // 24 months and 1 day: yes
        {"KO-3", 2, "actief", "geen", "2022-01-01", "2010-01-01"},  // exactly 24 months: no
        {"KO-4", 3, "actief", "geen", nullptr, "2023-06-01"},       // never inspected, but new: no
        {"KO-5", 4, "actief", "geen", nullptr, "2015-06-01"},       // never inspected, old: yes
        {"KO-6", 5, "actief", "geen", "2020-01-01"},                // long ago, but screened: no
        {"KO-7", 0.5, "actief", "geen", "2019-01-01"},              // yes, after KO-5 (unseen since 2015)
    });
    SelectionSettings settings = capacity(1);
    settings.coverage_floor = true;
    const auto outcome = run(t, screened("KO-6", "2023-06-01"), "2024-01-01", settings);
    CHECK(selected_ids(outcome) == std::vector<std::string>{"KO-1", "KO-5", "KO-7", "KO-2"});
    CHECK(outcome.find("KO-3")->decision == Decision::below_cutoff);
    CHECK(outcome.find("KO-4")->decision == Decision::below_cutoff);
    CHECK(outcome.find("KO-6")->decision == Decision::below_cutoff);
    CHECK(describe_decision(outcome, *outcome.find("KO-2"), TextLanguage::dutch) ==
          "Geselecteerd voor de dekking: nooit gescreend en sinds 31 december 2021 niet geïnspecteerd (meer dan 24 maanden)");
    settings.coverage_floor_limit = 2;
    CHECK(selected_ids(run(t, screened("KO-6", "2023-06-01"), "2024-01-01", settings)) ==
          std::vector<std::string>{"KO-1", "KO-5", "KO-7"});
}

TEST_CASE("the outcome finds each dossier by id, in its own decisions after a copy") {
    Table t = ranked_table(3000);
    t.scores[17] = t.scores[2900];  // a tie, so that the rule's order is not the rows' order
    SelectionOutcome outcome = run(t, screened("D42", "2023-12-01"), "2024-01-01", capacity(10));
    const SelectionOutcome copy = outcome;
    outcome = SelectionOutcome();
    CHECK(outcome.find("D01") == nullptr);
    for (const DossierDecision& decision : copy.decisions) {
        const DossierDecision* found = copy.find(decision.dossier_id);
        REQUIRE(found == &decision);
        CHECK(copy.find(decision.dossier_id + "x") == nullptr);
    }
    CHECK(copy.find("D42")->decision == Decision::cooldown);
    CHECK(copy.find("") == nullptr);
    CHECK(copy.find("D3001") == nullptr);
}

TEST_CASE("bad inputs are refused with the row and field") {
    Table t = table({{"KO-1", 10}, {"KO-2", 5}, {"KO-1", 3}});
    CHECK(run_selection_rule(t.dataset, t.scores, {}, day("2024-01-01"), capacity(1)).error() ==
          "row 3: field 'dossier_id': \"KO-1\" occurs more than once");
    t = table({{"KO-1", 10}, {"KO-2", 0.0 / 0.0}});
    CHECK(run_selection_rule(t.dataset, t.scores, {}, day("2024-01-01"), capacity(1)).error() ==
          "row 2 (KO-2): the score is not a finite number");
    CHECK(run_selection_rule(t.dataset, {1.0}, {}, day("2024-01-01"), capacity(1)).error() ==
          "there are 1 scores for 2 dossiers");
    CHECK(run_selection_rule(t.dataset, t.scores, {}, day("2024-01-01"), capacity(0)).error() ==
          "settings: field 'capacity': must be between 1 and 100000");
}
