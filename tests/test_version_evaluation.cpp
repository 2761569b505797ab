// Evaluating a saved version on the team's own work and backtesting it against a candidate, on a
// hand-built history whose every figure is computed by hand below.
#include <doctest/doctest.h>

#include "core/evaluation/version_evaluation.hpp"
#include "core/model/model_json.hpp"
#include "model_fixtures.hpp"
#include "core/reporting/model_card.hpp"
#include "core/screening/screening_state.hpp"
#include "screening_fixtures.hpp"
#include "core/selection/selection_rule.hpp"

using namespace radar;
using fixtures::coded;
using fixtures::inspection_details;
using fixtures::outcome;

namespace {

FrozenMember member(const std::string& dossier, std::uint32_t rank, double score,
                    SelectionKind kind = SelectionKind::top_n) {
    FrozenMember result;
    result.dossier_id = dossier;
    result.rank = rank;
    result.score = score;
    result.kind = kind;
    return result;
}

FrozenBatch batch(const std::string& id, const std::string& month, const std::string& version,
                  std::vector<FrozenMember> members, std::uint32_t rows = 100) {
    FrozenBatch result;
    result.batch_id = id;
    result.month = month;
    result.model_version_id = version;
    result.dataset_rows = rows;
    result.members = std::move(members);
    return result;
}

LabelDefinition serious_within(int months) {
    LabelDefinition definition;
    definition.rule = ConfirmationRule::serious_or_enforcement;
    definition.window_months = months;
    return definition;
}

ScreeningEvent serious_after(const std::string& id, const std::string& screening, const std::string& dossier,
                             const char* date) {
    return outcome(id, screening, dossier, inspection_details(InspectionResult::serious_shortcomings, date));
}

}  // namespace

TEST_CASE("a version's evaluation: its batches' labelled members, ranked by their place in their month") {
    // v1 selected January (A, B top; C control), February (D, E, G top; F control) and March (H).
    // Positives: A, D, E (top) and F (control). G was never screened; H's window still runs.
    const std::vector<FrozenBatch> batches = {
        batch("2024-01", "2024-01", "v1",
              {member("A", 1, 9.0), member("B", 2, 8.0), member("C", 60, 1.0, SelectionKind::control)}),
        batch("2024-02", "2024-02", "v1",
              {member("D", 1, 7.0), member("E", 2, 6.5), member("G", 3, 6.0),
               member("F", 70, 0.5, SelectionKind::control)}),
        batch("2024-03", "2024-03", "v1", {member("H", 1, 9.5)}),
        batch("2024-02b", "2024-02", "v2", {member("B", 1, 3.0)}),
    };
    const ScreeningState state = fold_events({
        coded("sA", "A", ScreeningCode::risico, "2024-01-10", "2024-01"),
        coded("sB", "B", ScreeningCode::geen_risico, "2024-01-11", "2024-01"),
        coded("sC", "C", ScreeningCode::geen_risico, "2024-01-12", "2024-01"),
        coded("sD", "D", ScreeningCode::risico, "2024-02-10", "2024-02"),
        coded("sE", "E", ScreeningCode::risico, "2024-02-11", "2024-02"),
        coded("sF", "F", ScreeningCode::geen_risico, "2024-02-12", "2024-02"),
        coded("sH", "H", ScreeningCode::risico, "2024-03-01", "2024-03"),
        serious_after("oA", "sA", "A", "2024-01-20"),
        serious_after("oD", "sD", "D", "2024-02-20"),
        serious_after("oE", "sE", "E", "2024-02-21"),
        serious_after("oF", "sF", "F", "2024-03-01"),
    });
    const Checked<VersionEvaluation> evaluation =
        evaluate_version(state, batches, "v1", false, serious_within(1), fixtures::day("2024-03-25"));
    REQUIRE(evaluation);
    CHECK(evaluation->batches == 3);
    CHECK(evaluation->selected == 8);
    CHECK(evaluation->screened == 7);
    CHECK(evaluation->not_yet_known == 1);  // H: screened 1 March, its month runs to 1 April
    CHECK(evaluation->labelled_top == 4);
    CHECK(evaluation->labelled_control == 2);
    CHECK(evaluation->control_positives == 1);
    const EvaluationSummary& summary = evaluation->summary;
    CHECK(summary.rows == 6);
    CHECK(summary.positives == 4);
    CHECK(summary.at_k.k == 4);
    CHECK(summary.at_k.precision == doctest::Approx(0.75));  // A, D, E of A, B, D, E
    CHECK(summary.base_rate_source == BaseRateSource::control_sample);
    CHECK(*summary.base_rate == doctest::Approx(0.5));  // F of C, F
    CHECK(*summary.lift.ratio == doctest::Approx(1.5));
    // Percentiles: rank 1 → 99.5, rank 2 → 98.5, C 40.5, F 30.5. Positive-negative pairs won:
    // A and D beat B and C; E ties B and beats C; F loses to both: 5.5 of 8.
    CHECK(*summary.auc == doctest::Approx(5.5 / 8.0));
    CHECK(summary.calibration.empty());
    CHECK(*summary.estimated_recall == doctest::Approx(3.0 / (0.5 * 300.0)));

    // The model card states the same figures with the definition they rest on.
    const ModelCardEvaluation card = model_card_evaluation(*evaluation, serious_within(1));
    CHECK(card.label_definition.en == "Risk confirmed = serious shortcomings or enforcement within 1 month after the screening");
    CHECK(card.labelled == 6);
    REQUIRE(card.precision_at_k);
    CHECK(card.precision_at_k->hits == 3);
    CHECK(card.precision_at_k->total == 4);
    REQUIRE(card.base_rate);
    CHECK(card.base_rate->hits == 1);
    CHECK(card.base_rate->total == 2);
    CHECK(*card.lift == doctest::Approx(1.5));

    // On 5 March February's windows still run: D and E, confirmed in February, wait with F (not
    // confirmed) until their windows close, so February's positives do not enter before its negatives.
    const Checked<VersionEvaluation> early =
        evaluate_version(state, batches, "v1", false, serious_within(1), fixtures::day("2024-03-05"));
    REQUIRE(early);
    CHECK(early->not_yet_known == 4);  // D, E, F, H
    CHECK(early->summary.rows == 3);   // A, B, C
    CHECK(early->summary.positives == 1);

    // A logistic version gets calibration bins from the probabilities of the scores it gave.
    const Checked<VersionEvaluation> logistic =
        evaluate_version(state, batches, "v1", true, serious_within(1), fixtures::day("2024-03-25"));
    REQUIRE(logistic);
    CHECK_FALSE(logistic->summary.calibration.empty());

    // The code itself as the label: Risico confirms at once, so H counts too.
    LabelDefinition by_code;
    by_code.rule = ConfirmationRule::risk_code;
    by_code.risk_codes = {ScreeningCode::risico};
    const Checked<VersionEvaluation> coded_label =
        evaluate_version(state, batches, "v1", false, by_code, fixtures::day("2024-03-25"));
    REQUIRE(coded_label);
    CHECK(coded_label->not_yet_known == 0);
    CHECK(coded_label->summary.positives == 4);  // A, D, E, H

    CHECK_FALSE(evaluate_version(state, batches, "v9", false, serious_within(1), fixtures::day("2024-03-25")));
}

TEST_CASE("a withdrawn screening or one coded outside the batch gives no label") {
    const std::vector<FrozenBatch> batches = {
        batch("2024-01", "2024-01", "v1", {member("A", 1, 9.0), member("B", 2, 8.0)})};
    const ScreeningState state = fold_events({
        coded("sA", "A", ScreeningCode::risico, "2024-01-10", "2024-01"),
        fixtures::withdrawn("wA", "sA", "A", "2024-01-11T09:00:00.000Z"),
        coded("sB", "B", ScreeningCode::risico, "2024-01-10", ""),
    });
    const Checked<VersionEvaluation> evaluation =
        evaluate_version(state, batches, "v1", false, serious_within(1), fixtures::day("2024-06-01"));
    CHECK_FALSE(evaluation);  // nothing labelled: refused, never a figure over zero dossiers
}

TEST_CASE("backtest: the version of the month and a candidate ranked as of the month's start") {
    // small_dossiers: complaints KO-5 0, KO-3 3, KO-1 7, KO-4 missing, KO-2 1;
    // amount KO-5 2.5, KO-3 -4, KO-1 missing, KO-4 100, KO-2 0.25.
    const Dataset dataset = test::small_dossiers();
    auto model_on = [](const char* field) {
        return test::parse_or_fail(std::string(R"({
          "schema_version": 1, "id": ")") + field + R"(", "name": "M", "author": "t", "created_at": "2024-01-01",
          "intercept": 0, "output": {"logistic": false, "display": {"mapping": "range", "min": 0, "max": 100}},
          "parameters": [{"id": "p", "field": ")" + field + R"(", "transforms": [{"type": "linear"}], "weight": 1,
                          "missing": {"policy": "neutral", "value": 0},
                          "label": {"nl": "L", "en": "L"}, "rationale": {"nl": "R", "en": "R"}}]})");
    };
    const ModelSpec then_model = model_on("amount");
    const ModelSpec candidate = model_on("complaints");
    REQUIRE_FALSE(then_model.parameters.empty());
    REQUIRE_FALSE(candidate.parameters.empty());
    ModelRegistry registry;
    REQUIRE(registry.save(then_model, "t", "", "2024-01-01").saved);

    // February: the amount model picked KO-4 and KO-5 (both negative); the control KO-3 was positive.
    // KO-1 was screened in January, so February's rule held it back (cooldown).
    std::vector<FrozenBatch> batches = {
        batch("2024-02", "2024-02", model_version_id(then_model),
              {member("KO-4", 1, 100.0), member("KO-5", 2, 2.5), member("KO-3", 4, -4.0, SelectionKind::control)}, 5)};
    batches[0].reference_date = fixtures::day("2024-02-01");
    batches[0].settings.capacity = 2;
    batches[0].history.push_back({"KO-1", DossierFacts{fixtures::day("2024-01-15"), ""}});
    const ScreeningState state = fold_events({
        coded("s4", "KO-4", ScreeningCode::geen_risico, "2024-02-05", "2024-02"),
        coded("s5", "KO-5", ScreeningCode::geen_risico, "2024-02-06", "2024-02"),
        coded("s3", "KO-3", ScreeningCode::risico, "2024-02-07", "2024-02"),
        serious_after("o3", "s3", "KO-3", "2024-03-01"),
    });
    const Checked<BacktestReport> report = backtest_versions(state, batches, registry, candidate, dataset,
                                                             ScoringContext{}, serious_within(6),
                                                             fixtures::day("2024-12-01"));
    REQUIRE(report);
    REQUIRE(report->months.size() == 1);
    const BacktestComparison& february = report->months[0];
    CHECK(february.month == "2024-02");
    REQUIRE(february.then);
    // Then: top 2 = KO-4, KO-5, both screened, neither positive.
    CHECK(february.then->k == 2);
    CHECK(february.then->labelled_in_top_k == doctest::Approx(2.0));
    CHECK(*february.then->precision_at_k == doctest::Approx(0.0));
    // Candidate: KO-1 (complaints 7) is in cooldown, so its top 2 = KO-3 (positive) and KO-2
    // (never screened): half measured, all positive.
    CHECK(report->months_without_eligibility == 0);
    CHECK(february.candidate.ranked == 4);
    CHECK(february.saved_version_then == 1);
    CHECK(february.candidate.labelled_in_top_k == doctest::Approx(1.0));
    CHECK(february.candidate.positives_in_top_k == doctest::Approx(1.0));
    CHECK(february.candidate.coverage == doctest::Approx(0.5));
    CHECK(*report->candidate_totals.precision_at_k == doctest::Approx(1.0));
    // Replay of the three screenings: the candidate puts KO-3 (complaints 3) on the first day, two
    // days before it was screened; the recorded scores keep it last.
    REQUIRE(report->candidate_replay);
    REQUIRE(report->then_replay);
    CHECK(*report->candidate_replay->mean_days_earlier == doctest::Approx(2.0));
    CHECK(*report->then_replay->mean_days_earlier == doctest::Approx(0.0));

    // A month whose version is not saved here is compared with the candidate alone.
    const Checked<BacktestReport> unknown_then = backtest_versions(
        state, batches, ModelRegistry{}, candidate, dataset, ScoringContext{}, serious_within(6), fixtures::day("2024-12-01"));
    REQUIRE(unknown_then);
    CHECK_FALSE(unknown_then->months[0].then);
    CHECK(unknown_then->then_totals.months == 0);
}
