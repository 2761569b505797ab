// The simulated demo history: deterministic from its seed, consistent when folded (no issues,
// batches coded as simulated), accepted by backup validation, and giving a report with a lift.
// Also pins the selection of a fixed random scenario to a hash, so native and wasm must agree, and
// checks the double coding it simulates.
#include <doctest/doctest.h>

#include "core/backup/backup_format.hpp"
#include "core/data/dataset_hash.hpp"
#include "core/base/random.hpp"
#include "core/reporting/report.hpp"
#include "core/screening/double_coding.hpp"
#include "core/selection/demo_history.hpp"
#include "core/base/sha256.hpp"
#include "default_model_scores.hpp"

using namespace radar;

namespace {

struct DemoRun {
    DemoData demo;
    std::vector<double> scores;
    DemoHistory history;
};

DemoRun run_demo(std::uint64_t seed) {
    DemoRun run;
    DemoSettings demo_settings;
    demo_settings.dossier_count = 1200;
    demo_settings.seed = seed;
    demo_settings.export_date = *parse_iso_date("2023-07-01");
    run.demo = generate_demo_data(demo_settings);
    run.scores = default_model_scores(run.demo.dataset, demo_settings.export_date);
    DemoHistorySettings settings;
    settings.first_month = demo_settings.export_date;
    settings.months = 4;
    settings.selection.capacity = 20;
    settings.selection.control_size = 4;
    settings.seed = seed;
    auto history = simulate_demo_history(run.demo, run.scores, "default", dataset_sha256(run.demo.dataset), settings);
    REQUIRE_MESSAGE(history.ok(), history.error());
    run.history = std::move(*history);
    return run;
}

}  // namespace

TEST_CASE("the demo history is deterministic, consistent and reportable") {
    const DemoRun first = run_demo(7);
    const DemoRun again = run_demo(7);
    BackupContent content{first.history.events, first.history.batches, {}, {}, Json::object()};
    BackupContent repeat{again.history.events, again.history.batches, {}, {}, Json::object()};
    CHECK(backup_content_sha256(content) == backup_content_sha256(repeat));
    CHECK(validate_backup(export_backup(content, Timestamp{0})).ok());

    const ScreeningState state = fold_events(first.history.events);
    CHECK(state.issues.empty());
    REQUIRE(state.batches.size() == 4);
    CHECK(state.batches.at("2023-07").status() == BatchStatus::closed);
    CHECK(state.batches.at("2023-10").coded_count < state.batches.at("2023-10").total());

    ReportSettings settings;
    settings.as_of = *parse_iso_date("2023-10-31");
    const Report report = build_report(state, first.history.batches, dossier_attributes(first.demo.dataset),
                                       {std::nullopt, *parse_iso_date("2023-10-31")}, settings);
    CHECK(report.unique_dossiers > 60);
    CHECK(report.lift.available);
    CHECK(report.lift.control.total > 10);  // 4 per month, some of the last month still uncoded
    CHECK(report.lift.control.total <= 16);
    CHECK(report.months.size() == 4);
    CHECK(report.months[3].backlog > 0);
    CHECK(report.summary_nl.rfind("Tot en met oktober 2023 werden ", 0) == 0);
}

TEST_CASE("a fixed random scenario selects the same dossiers on every platform") {
    Random random(99);
    Dataset dataset;
    Column& ids = dataset.add_column("dossier_id", ColumnType::text);
    std::vector<double> scores;
    SelectionHistory history;
    for (int i = 0; i < 500; ++i) {
        ids.push_text("KO-" + std::to_string(100000 + i * 7));
        scores.push_back(static_cast<double>(random.between(0, 400)) / 8.0);
        if (random.chance(0.2)) history[std::string(ids.texts.back())].last_screened = *parse_iso_date("2024-01-01") - random.between(0, 150);
    }
    SelectionSettings settings;
    settings.capacity = 30;
    settings.control_size = 8;
    settings.control_seed = 123456789;
    const auto outcome = run_selection_rule(dataset, scores, history, *parse_iso_date("2024-02-01"), settings);
    REQUIRE(outcome.ok());
    std::string fingerprint;
    for (std::size_t index : outcome->selected)
        fingerprint += outcome->decisions[index].dossier_id + decision_key(outcome->decisions[index].decision) + ";";
    CHECK(outcome->selected.size() == 38);
    CHECK(sha256_hex(fingerprint) == "c343727d5282fda9a2ae78676e9d0affeda4209ec72b7d50dd85334602e8e4db");
}

TEST_CASE("the demo history has outcomes after screening: inspections after done follow-ups, enforcement after Risico") {
    const DemoRun run = run_demo(11);
    const ScreeningState state = fold_events(run.history.events);
    CHECK(state.issues.empty());
    REQUIRE(!state.outcomes.empty());
    const DayNumber horizon = *parse_iso_date("2023-10-31");
    std::size_t inspections = 0, serious = 0, enforcement = 0, after_risico = 0;
    for (const OutcomeState& outcome : state.outcomes) {
        CAPTURE(outcome.outcome_id);
        const EffectiveScreening* screening = state.screening(outcome.screening_event_id);
        REQUIRE(screening);
        CHECK(screening->dossier_id == outcome.dossier_id);
        CHECK(outcome.details.outcome_date >= screening->screening_date);
        CHECK(outcome.details.outcome_date <= horizon);
        inspections += outcome.details.type == OutcomeType::inspection;
        serious += outcome.details.inspection_result == InspectionResult::serious_shortcomings &&
                   outcome.details.type == OutcomeType::inspection;
        enforcement += outcome.details.type == OutcomeType::enforcement;
        after_risico += screening->code == ScreeningCode::risico;
    }
    std::size_t done_follow_ups = 0;
    for (const FollowUpState& follow_up : state.follow_ups) done_follow_ups += follow_up.status == FollowUpStatus::done;
    CHECK(inspections == done_follow_ups);  // every done follow-up became an inspection result
    CHECK(serious > 0);
    CHECK(enforcement > 0);
    CHECK(after_risico > 0);
    // Deterministic from the seed, like the screenings.
    const DemoRun again = run_demo(11);
    REQUIRE(again.history.events.size() == run.history.events.size());
    for (std::size_t i = 0; i < run.history.events.size(); ++i)
        CHECK(run.history.events[i].event_id == again.history.events[i].event_id);
}

TEST_CASE("the demo history double codes each batch blind: a second screener, a few disagreements, two adjudicated") {
    const DemoRun run = run_demo(7);
    const ScreeningState state = fold_events(run.history.events);
    const DoubleCodingFold fold = fold_double_coding(state);
    CHECK(fold.issues.empty());
    // At least 3 of every batch (10% of 24 members rounds up to 3); the last month's uncoded ones wait.
    CHECK(fold.dossiers.size() >= 10);
    CHECK(fold.dossiers.size() <= 12);
    std::size_t disagreements = 0, adjudicated = 0;
    for (const DoubleCodedDossier& dossier : fold.dossiers) {
        CAPTURE(dossier.dossier_id);
        REQUIRE(dossier.first);
        CHECK(dossier.first->screener == "Demo");
        CHECK(dossier.second_screener == "Demo 2");
        disagreements += dossier.disagreement();
        adjudicated += dossier.adjudication != nullptr;
        if (dossier.adjudication) CHECK(dossier.adjudication->screener == "Demo teamleider");
    }
    CHECK(disagreements >= 2);
    CHECK(disagreements < fold.dossiers.size() / 2);
    CHECK(adjudicated == 2);
    // Second codes are not screenings: every batch has as many screenings as coded members.
    for (const auto& [id, batch] : state.batches) CHECK(batch.coded_count <= batch.total());
}
