// Per-dossier explanations, information completeness (missing inputs, ages of dated inputs) and
// the movement between two rankings.
#include <doctest/doctest.h>

#include <cmath>

#include "core/model/explanation.hpp"
#include "model_fixtures.hpp"

using namespace radar;
using namespace radar::test;

namespace {

const DayNumber reference = day(2023, 12, 1);

ScoringEngine engine_for(const ModelSpec& spec, const Dataset& dataset) {
    ScoringContext context;
    context.reference_date = reference;
    EngineResult result = ScoringEngine::create(spec, dataset, context);
    INFO(describe_problems(result.problems));
    REQUIRE(result.engine.has_value());
    return std::move(*result.engine);
}

ModelSpec three_parameter_model() {
    ModelSpec spec = parse_or_fail(model_json_with(
        parameter_json("complaints", "complaints", R"([{"type": "clamp", "max": 5}])", "2", R"({"policy": "points", "points": 1})") + "," +
        parameter_json("status", "status", R"([{"type": "categorical", "levels": {"aanmaning": 6, "schorsing": 10}, "default": 0}])") + "," +
        parameter_json("inspection", "last_inspection",
                       R"([{"type": "time_since", "unit": "months"}, {"type": "step", "bins": [{"from": 24, "value": 3}, {"from": 36, "value": 6}]}])",
                       "1", R"({"policy": "points", "points": 6})")));
    spec.parameters[2].label = {"Laatste inspectie", "Last inspection"};
    spec.parameters[0].label = {"Klachten", "Complaints"};
    return spec;
}

}  // namespace

TEST_CASE("an explanation gives each parameter's value, points and share") {
    const Dataset dataset = small_dossiers();
    const ScoringEngine engine = engine_for(three_parameter_model(), dataset);
    // Row 0 (KO-5): 0 complaints, status "geen", inspected 2021-05-03 (30 months: 3 points).
    const Explanation explanation = explain_row(engine, 0);
    CHECK(explanation.dossier_id == "KO-5");
    CHECK(explanation.raw_score == 3.0);
    REQUIRE(explanation.parameters.size() == 3);
    const ParameterExplanation& inspection = explanation.parameters[2];
    CHECK(inspection.value_text == "2021-05-03");
    CHECK(inspection.input == 30.0);
    CHECK(inspection.transformed == 3.0);
    CHECK(inspection.points == 3.0);
    CHECK(inspection.share == 1.0);
    CHECK(explanation.parameters[0].points == 0.0);
    CHECK(explanation.parameters[1].value_text == "geen");
    // Row 1 (KO-3): 3 complaints (6 points), aanmaning (6), inspected 11 days ago (0).
    const Explanation second = explain_row(engine, 1);
    CHECK(second.raw_score == 12.0);
    CHECK(second.parameters[0].share == 0.5);
    CHECK(second.parameters[1].share == 0.5);
    CHECK(second.rank == engine.rank_of(1));
    double shares = 0.0;
    for (const auto& item : explain_row(engine, 2).parameters) shares += std::fabs(item.share);
    CHECK(shares == doctest::Approx(1.0));
}

TEST_CASE("a missing input is explained with its policy and stated points") {
    const Dataset dataset = small_dossiers();
    const ScoringEngine engine = engine_for(three_parameter_model(), dataset);
    // Row 2 (KO-1): 7 complaints (capped: 10), schorsing (10), never inspected (6 stated points).
    const Explanation explanation = explain_row(engine, 2);
    CHECK(explanation.raw_score == 26.0);
    const ParameterExplanation& inspection = explanation.parameters[2];
    CHECK(inspection.missing);
    CHECK(inspection.policy == MissingPolicyKind::points);
    CHECK(inspection.value_text.empty());
    CHECK_FALSE(inspection.input.has_value());
    CHECK(inspection.points == 6.0);
    CHECK(engine.points(2, 2) == 6.0);
}

TEST_CASE("completeness lists missing inputs and the age of dated inputs, in Dutch and English") {
    const Dataset dataset = small_dossiers();
    const ScoringEngine engine = engine_for(three_parameter_model(), dataset);
    const Completeness full = completeness_of(engine, 0);
    CHECK(full.known == 3);
    CHECK(full.total == 3);
    CHECK(full.fraction == 1.0);
    REQUIRE(full.dated.size() == 1);
    CHECK(full.dated[0].age_months == 30);
    CHECK(full.dated[0].age_days == reference - day(2021, 5, 3));
    CHECK(full.dated[0].text.en == "Last inspection: 30 months ago (3 May 2021)");
    CHECK(full.dated[0].text.nl == "Laatste inspectie: 30 maanden geleden (3 mei 2021)");
    CHECK(full.summary.en == "3 of 3 inputs known");

    const Completeness partial = completeness_of(engine, 2);
    CHECK(partial.known == 2);
    CHECK(partial.missing_parameters == std::vector<std::size_t>{2});
    CHECK(partial.dated[0].text.en == "Last inspection: unknown (no date)");
    CHECK(partial.summary.en == "2 of 3 inputs known; missing: Last inspection");
    CHECK(partial.summary.nl == "2 van 3 gegevens bekend; ontbreekt: Laatste inspectie");
    CHECK(engine.missing_input_count(2) == 1);
    CHECK(engine.missing_input_count(3) == 1);  // complaints missing
    CHECK(engine.missing_input_count(0) == 0);

    CHECK(completeness_of(engine, 1).dated[0].text.en == "Last inspection: 11 days ago (20 November 2023)");
    CHECK(completeness_of(engine, 4).dated[0].text.nl == "Laatste inspectie: vandaag (1 december 2023)");
}

TEST_CASE("ages read naturally") {
    CHECK(describe_age(1, 0).en == "1 day ago");
    CHECK(describe_age(31, 1).nl == "1 maand geleden");
    CHECK(describe_age(945, 31).en == "31 months ago");
    CHECK(describe_age(-5, -1).en == "in 5 days (date after the reference date)");
}

TEST_CASE("dossiers are found by id") {
    const Dataset dataset = small_dossiers();
    const ScoringEngine engine = engine_for(three_parameter_model(), dataset);
    CHECK(engine.find_row("KO-4") == std::optional<std::size_t>(3));
    CHECK(engine.find_row("KO-1") == std::optional<std::size_t>(2));
    CHECK_FALSE(engine.find_row("KO-6").has_value());
}

TEST_CASE("movement: which dossiers enter and leave the top N, and by how many places ranks move") {
    const Dataset dataset = small_dossiers();
    ScoringEngine engine = engine_for(three_parameter_model(), dataset);
    const RankingSnapshot saved = engine.snapshot();
    // Saved ranking: KO-1 (26), KO-3 (12), KO-4 (1 + 0 + 6 = 7), KO-5 (3), KO-2 (2).
    CHECK(saved.order == std::vector<std::uint32_t>{2, 1, 3, 0, 4});
    ModelSpec edited = engine.spec();
    edited.parameters[2].weight = 10;  // inspection age now dominates
    REQUIRE(engine.update(edited).empty());
    // Now: KO-4 (1 + 60 = 61), KO-5 (30), KO-1 (10 + 10 + 6 = 26), KO-3 (12), KO-2 (2).
    const RankingSnapshot now = engine.snapshot();
    CHECK(now.order == std::vector<std::uint32_t>{3, 0, 2, 1, 4});
    const Movement movement = compare_rankings(saved, now, 2);
    CHECK(movement.top_n == 2);
    REQUIRE(movement.entered.size() == 2);
    CHECK(movement.entered[0].row == 3);
    CHECK(movement.entered[0].rank_before == 3);
    CHECK(movement.entered[0].rank_after == 1);
    CHECK(movement.entered[0].places_up() == 2);
    CHECK(movement.entered[1].row == 0);
    CHECK(movement.entered[1].places_up() == 2);
    REQUIRE(movement.left.size() == 2);
    CHECK(movement.left[0].row == 2);
    CHECK(movement.left[0].rank_after == 3);
    CHECK(movement.left[1].row == 1);
    CHECK(movement.left[1].places_up() == -2);
    CHECK(movement.moved_in_top == 2);
    const Movement live = engine.movement_since(saved, 2);
    CHECK(live.entered.size() == 2);
    CHECK(live.left[1].rank_after == 4);
    const Movement unchanged = compare_rankings(now, now, 10);
    CHECK(unchanged.top_n == 5);
    CHECK(unchanged.entered.empty());
    CHECK(unchanged.left.empty());
    CHECK(unchanged.moved_in_top == 0);
}
