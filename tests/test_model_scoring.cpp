// Scoring and ranking: exact agreement with a hand-computed linear predictor and an independent
// logistic computation, deterministic ties, percentiles, live updates, and refused models.
#include <doctest/doctest.h>

#include <cfloat>
#include <cmath>

#include "core/model/model_output.hpp"
#include "core/model/scoring_engine.hpp"
#include "model_fixtures.hpp"

using namespace radar;
using namespace radar::test;

namespace {

const DayNumber reference = day(2023, 12, 1);

ScoringContext context_with(std::set<std::string> protected_fields = {"nationality"}) {
    ScoringContext context;
    context.reference_date = reference;
    context.protected_fields = std::move(protected_fields);
    return context;
}

// A published-style logistic model: intercept and coefficients over raw, capped and categorical inputs.
std::string logistic_model() {
    return model_json_with(
        parameter_json("complaints", "complaints", R"([{"type": "linear"}])", "0.4137", R"({"policy": "points", "points": 0.25})") + "," +
            parameter_json("amount", "amount", R"([{"type": "clamp", "min": -1, "max": 50}])", "-0.0723",
                           R"({"policy": "neutral", "value": 1})") + "," +
            parameter_json("status", "status", R"([{"type": "categorical", "levels": {"aanmaning": 1, "schorsing": 1}, "default": 0}])",
                           "1.2911") + "," +
            parameter_json("days_since", "last_inspection", R"([{"type": "time_since", "unit": "days"}])", "0.00173"),
        R"({"logistic": true, "display": {"mapping": "probability"}})", "-2.3026");
}

ScoringEngine engine_for(const std::string& model_text, const Dataset& dataset, ScoringContext context = context_with()) {
    const ModelParseResult parsed = parse_model_json(model_text);
    INFO(describe_problems(parsed.problems));
    REQUIRE(parsed.ok());
    EngineResult result = ScoringEngine::create(*parsed.spec, dataset, std::move(context));
    INFO(describe_problems(result.problems));
    REQUIRE(result.engine.has_value());
    return std::move(*result.engine);
}

std::vector<std::string> ranked_ids(const ScoringEngine& engine) {
    std::vector<std::string> ids;
    for (std::uint32_t row : engine.ranking()) ids.emplace_back(engine.ids().texts[row]);
    return ids;
}

}  // namespace

TEST_CASE("raw scores equal the hand-computed linear predictor exactly") {
    const Dataset dataset = small_dossiers();
    const ScoringEngine engine = engine_for(logistic_model(), dataset);
    // Intercept first, then each parameter's points in model order (the documented summation order).
    const double days_row0 = reference - day(2021, 5, 3);
    const double days_row3 = reference - day(2020, 1, 31);
    const double expected[5] = {
        -2.3026 + 0.4137 * 0 + -0.0723 * 2.5 + 1.2911 * 0 + 0.00173 * days_row0,
        -2.3026 + 0.4137 * 3 + -0.0723 * -1.0 + 1.2911 * 1 + 0.00173 * 11,
        -2.3026 + 0.4137 * 7 + -0.0723 * 1.0 + 1.2911 * 1 + 0.0,  // amount neutral 1; inspection unknown
        -2.3026 + 0.25 + -0.0723 * 50.0 + 1.2911 * 0 + 0.00173 * days_row3,  // complaints: stated points
        -2.3026 + 0.4137 * 1 + -0.0723 * 0.25 + 0.0 + 0.00173 * 0,           // status unknown
    };
    for (std::size_t row = 0; row < 5; ++row) {
        CAPTURE(row);
        CHECK(engine.raw_score(row) == expected[row]);
    }
}

TEST_CASE("probabilities agree with an independent logistic computation") {
    const Dataset dataset = small_dossiers();
    const ScoringEngine engine = engine_for(logistic_model(), dataset);
    for (std::size_t row = 0; row < 5; ++row) {
        const double z = engine.raw_score(row);
        // exp(z) / (1 + exp(z)): algebraically equal, computed differently from 1 / (1 + exp(-z)).
        const double independent = std::exp(z) / (1.0 + std::exp(z));
        REQUIRE(engine.probability(row).has_value());
        CHECK(std::fabs(*engine.probability(row) - independent) <= 4 * DBL_EPSILON);
        CHECK(engine.display_score(row) == 100.0 * *engine.probability(row));
    }
    // The ranking is the ranking of the linear predictor.
    CHECK(ranked_ids(engine) == std::vector<std::string>{"KO-1", "KO-3", "KO-5", "KO-2", "KO-4"});
}

TEST_CASE("equal scores rank by dossier id, whatever the row order") {
    Dataset dataset;
    Column& ids = dataset.add_column("dossier_id", ColumnType::text);
    Column& value = dataset.add_column("value", ColumnType::integer);
    const char* id_texts[] = {"KO-9", "KO-10", "KO-2", "KO-1", "KO-7", "KO-3"};
    const double values[] = {1, 5, 1, 5, 0, 1};
    for (int i = 0; i < 6; ++i) {
        ids.push_text(id_texts[i]);
        value.push_number(values[i]);
    }
    const ScoringEngine engine = engine_for(model_json_with(parameter_json("v", "value", R"([{"type": "linear"}])", "2")), dataset);
    // Ids compare as text: "KO-1" < "KO-10" < "KO-2" < "KO-3" < "KO-7" < "KO-9".
    CHECK(ranked_ids(engine) == std::vector<std::string>{"KO-1", "KO-10", "KO-2", "KO-3", "KO-9", "KO-7"});
    CHECK(engine.rank_of(0) == 5);
    CHECK(engine.rank_of(3) == 1);
    // Percentile: the share of dossiers scoring strictly lower; ties share it.
    CHECK(engine.percentile(3) == doctest::Approx(100.0 * 4 / 6));
    CHECK(engine.percentile(1) == engine.percentile(3));
    CHECK(engine.percentile(0) == doctest::Approx(100.0 * 1 / 6));
    CHECK(engine.percentile(4) == 0.0);
}

TEST_CASE("ranking handles negative scores, zero signs and a large random-looking set") {
    Dataset dataset;
    Column& ids = dataset.add_column("dossier_id", ColumnType::text);
    Column& value = dataset.add_column("value", ColumnType::number);
    std::uint64_t state = 12345;
    for (int i = 0; i < 5000; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        ids.push_text("D" + std::to_string(5000 - i));
        const double v = static_cast<double>(static_cast<std::int64_t>(state >> 40) - (1 << 23)) / 64.0;
        value.push_number(i % 7 == 0 ? (i % 2 ? -0.0 : 0.0) : v);
    }
    const ScoringEngine engine = engine_for(model_json_with(parameter_json("v", "value", R"([{"type": "linear"}])")), dataset);
    const auto& order = engine.ranking();
    REQUIRE(order.size() == 5000);
    for (std::size_t i = 1; i < order.size(); ++i) {
        const double before = engine.raw_score(order[i - 1]);
        const double after = engine.raw_score(order[i]);
        CHECK((before > after || (before == after && ids.texts[order[i - 1]] < ids.texts[order[i]])));
    }
}

TEST_CASE("a weight change re-scores and re-ranks exactly as a fresh compile") {
    const Dataset dataset = small_dossiers();
    ScoringEngine engine = engine_for(logistic_model(), dataset);
    ModelSpec edited = engine.spec();
    edited.parameters[3].weight = -0.01;
    edited.intercept = 1.0;
    CHECK(engine.update(edited).empty());
    const ScoringEngine fresh = engine_for(model_to_json(edited), dataset);
    CHECK(engine.raw_scores() == fresh.raw_scores());
    CHECK(engine.ranking() == fresh.ranking());
    // A changed threshold recomputes that parameter's transform outputs.
    edited.parameters[1].transforms[0].max = 2.0;
    CHECK(engine.update(edited).empty());
    CHECK(engine.transform_output(3, 1) == 2.0);
    CHECK(engine.raw_scores() == engine_for(model_to_json(edited), dataset).raw_scores());
}

TEST_CASE("an invalid edit is refused and the previous model stays") {
    const Dataset dataset = small_dossiers();
    ScoringEngine engine = engine_for(logistic_model(), dataset);
    const std::vector<double> before = engine.raw_scores();
    ModelSpec edited = engine.spec();
    edited.parameters[1].transforms[0].min = 60.0;  // above max 50
    const auto problems = engine.update(edited);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].parameter == "amount");
    CHECK(problems[0].message == "parameter 'amount': transform 1 (clamp): min 60 is greater than max 50");
    CHECK(engine.raw_scores() == before);
    CHECK(engine.spec().parameters[1].transforms[0].min == -1.0);
}

TEST_CASE("models reading unknown, protected or ill-typed fields are refused with clear messages") {
    const Dataset dataset = small_dossiers();
    auto refuse = [&](const std::string& parameters) {
        const ModelParseResult parsed = parse_model_json(model_json_with(parameters));
        REQUIRE(parsed.ok());
        const EngineResult result = ScoringEngine::create(*parsed.spec, dataset, context_with());
        CHECK_FALSE(result.engine.has_value());
        return describe_problems(result.problems);
    };
    CHECK(refuse(parameter_json("origin", "nationality", R"([{"type": "categorical", "levels": {"BE": 0}, "default": 1}])")) ==
          "parameter 'origin': field 'nationality' is protected and can never be a model input");
    CHECK(refuse(parameter_json("typo", "complaints_12m", R"([{"type": "linear"}])")) ==
          "parameter 'typo': field 'complaints_12m' is not in the dataset");
    CHECK(refuse(parameter_json("age", "last_inspection", R"([{"type": "clamp", "max": 3}])")) ==
          "parameter 'age': field 'last_inspection' holds dates: start the transforms with time_since");
    CHECK(refuse(parameter_json("s", "status", R"([{"type": "linear"}])")) ==
          "parameter 's': field 'status' holds text: start the transforms with categorical, or boolean with true_levels");
    CHECK(refuse(parameter_json("c", "complaints", R"([{"type": "time_since", "unit": "days"}])")) ==
          "parameter 'c': field 'complaints' holds whole numbers, but time_since needs dates");
    CHECK(refuse(parameter_json("d", "last_inspection", R"([{"type": "categorical", "levels": {"1": 1}, "default": 0}])")) ==
          "parameter 'd': field 'last_inspection' holds dates, but categorical with levels needs text or numbers");
    // Every problem is reported, not just the first.
    CHECK(refuse(parameter_json("a", "nationality", R"([{"type": "linear"}])") + "," +
                 parameter_json("b", "nope", R"([{"type": "linear"}])")) ==
          "parameter 'a': field 'nationality' is protected and can never be a model input\n"
          "parameter 'b': field 'nope' is not in the dataset");
    // The protected set comes from the caller: without it, the same field is accepted.
    const ModelParseResult parsed =
        parse_model_json(model_json_with(parameter_json("origin", "nationality", R"([{"type": "categorical", "levels": {"BE": 0}, "default": 1}])")));
    CHECK(ScoringEngine::create(*parsed.spec, dataset, context_with({})).engine.has_value());
}

TEST_CASE("field problems are said in Dutch as well") {
    const Dataset dataset = small_dossiers();
    auto refused = [&](const std::string& parameters) {
        const ModelParseResult parsed = parse_model_json(model_json_with(parameters));
        REQUIRE(parsed.ok());
        return ScoringEngine::create(*parsed.spec, dataset, context_with()).problems;
    };
    const std::vector<std::string> parameters = {
        parameter_json("origin", "nationality", R"([{"type": "categorical", "levels": {"BE": 0}, "default": 1}])"),
        parameter_json("typo", "complaints_12m", R"([{"type": "linear"}])"),
        parameter_json("age", "last_inspection", R"([{"type": "clamp", "max": 3}])"),
        parameter_json("s", "status", R"([{"type": "linear"}])"),
        parameter_json("c", "complaints", R"([{"type": "time_since", "unit": "days"}])"),
        parameter_json("d", "last_inspection", R"([{"type": "categorical", "levels": {"1": 1}, "default": 0}])"),
    };
    for (const std::string& parameter : parameters) {
        const std::vector<ModelProblem> problems = refused(parameter);
        REQUIRE(problems.size() == 1);
        INFO(problems[0].message);
        CHECK_FALSE(problems[0].message_nl.empty());
        CHECK(problems[0].message_nl != problems[0].message);
    }
    CHECK(describe_problems(refused(parameters[1]), "nl") ==
          "parameter 'typo': veld 'complaints_12m' staat niet in de dataset");
    CHECK(describe_problems(refused(parameters[4]), "nl") ==
          "parameter 'c': veld 'complaints' bevat gehele getallen, maar time_since heeft datums nodig");
    CHECK(describe_problems(refused(parameters[0]), "nl") ==
          "parameter 'origin': veld 'nationality' is beschermd en kan nooit een invoer van het model zijn");
}

TEST_CASE("a column the importer marked protected is refused whatever the caller's protected set") {
    Dataset dataset = small_dossiers();
    Column& land = dataset.add_column("Land", ColumnType::text);
    land.protected_attribute = true;
    for (std::size_t row = 0; row < dataset.row_count(); ++row) land.push_text("BE");
    const ModelParseResult parsed = parse_model_json(
        model_json_with(parameter_json("land", "Land", R"([{"type": "categorical", "levels": {"BE": 0}, "default": 1}])")));
    REQUIRE(parsed.ok());
    const EngineResult result = ScoringEngine::create(*parsed.spec, dataset, context_with({}));
    CHECK_FALSE(result.engine.has_value());
    CHECK(describe_problems(result.problems) == "parameter 'land': field 'Land' is protected and can never be a model input");
}

TEST_CASE("levels on a numeric column match the number as the dataset writes it") {
    // A postcode or a code read as a whole number (an extra column's inferred type) still works
    // with the categorical model written for it as text.
    const Dataset dataset = small_dossiers();
    const ModelParseResult parsed = parse_model_json(model_json_with(
        parameter_json("c", "complaints", R"([{"type": "categorical", "levels": {"3": 10, "7": 20}, "default": 1}])") + "," +
        parameter_json("a", "amount", R"([{"type": "boolean", "true_levels": ["2.5", "0.25"]}])")));
    REQUIRE(parsed.ok());
    const EngineResult result = ScoringEngine::create(*parsed.spec, dataset, context_with());
    REQUIRE_MESSAGE(result.engine.has_value(), describe_problems(result.problems));
    // Rows: complaints 0, 3, 7, missing, 1; amount 2.5, -4, missing, 100, 0.25.
    CHECK(result.engine->transform_output(0, 0) == 1.0);
    CHECK(result.engine->transform_output(1, 0) == 10.0);
    CHECK(result.engine->transform_output(2, 0) == 20.0);
    CHECK(result.engine->transform_output(4, 0) == 1.0);
    CHECK(result.engine->transform_output(0, 1) == 1.0);
    CHECK(result.engine->transform_output(1, 1) == 0.0);
    CHECK(result.engine->transform_output(3, 1) == 0.0);
    CHECK(result.engine->transform_output(4, 1) == 1.0);
}

TEST_CASE("a dataset without the id field cannot be ranked") {
    Dataset dataset;
    dataset.add_column("value", ColumnType::integer).push_number(1);
    const ModelParseResult parsed = parse_model_json(model_json_with(parameter_json("v", "value", R"([{"type": "linear"}])")));
    const EngineResult result = ScoringEngine::create(*parsed.spec, dataset, context_with());
    CHECK(describe_problems(result.problems) == "dataset: the id field 'dossier_id' is missing");
}

TEST_CASE("display score: range mapping, limited to 0-100, and its stated definition") {
    const Dataset dataset = small_dossiers();
    const ScoringEngine engine = engine_for(
        model_json_with(parameter_json("c", "complaints", R"([{"type": "linear"}])", "2"),
                        R"({"logistic": false, "display": {"mapping": "range", "min": 2, "max": 12}})"),
        dataset);
    CHECK(engine.display_score(0) == 0.0);   // raw 0, below min
    CHECK(engine.display_score(1) == 40.0);  // raw 6
    CHECK(engine.display_score(2) == 100.0); // raw 14, above max
    CHECK_FALSE(engine.probability(0).has_value());
    const LocalText definition = display_definition(engine.spec());
    CHECK(definition.en == "Display score = (raw score − 2) ÷ (12 − 2) × 100, limited to 0–100. The raw score is the "
                           "intercept (0) plus the points of its one parameter.");
    CHECK(definition.nl.find("begrensd tot 0–100") != std::string::npos);
}

TEST_CASE("the possible score range follows bounded pipelines and missing points") {
    const ModelSpec bounded = parse_or_fail(model_json_with(
        parameter_json("a", "complaints", R"([{"type": "clamp", "min": 0, "max": 3}])", "2") + "," +
        parameter_json("b", "status", R"([{"type": "categorical", "levels": {"x": 4, "y": -1}, "default": 0}])", "-1") + "," +
        parameter_json("c", "last_inspection", R"([{"type": "time_since", "unit": "months"}, {"type": "step", "bins": [{"from": 24, "value": 1}]}])",
                       "3", R"({"policy": "points", "points": 5})")));
    const auto range = possible_score_range(bounded);
    REQUIRE(range.has_value());
    CHECK(range->min == -4.0);
    CHECK(range->max == 12.0);
    // One scale for reason bars: a gives up to 6 points, b -4, c 3 or 5 when missing.
    CHECK(largest_parameter_points(bounded) == 6.0);
    CHECK_FALSE(possible_score_range(parse_or_fail(
                    model_json_with(parameter_json("a", "complaints", R"([{"type": "clamp", "min": 0}])"))))
                    .has_value());
}

TEST_CASE("an edit may add and remove parameters; missing-input counts follow") {
    const Dataset dataset = small_dossiers();
    ScoringEngine engine = engine_for(logistic_model(), dataset);
    CHECK(engine.missing_input_count(2) == 2);  // amount and last_inspection
    ModelSpec edited = engine.spec();
    edited.parameters.erase(edited.parameters.begin() + 3);  // drop days_since
    CHECK(engine.update(edited).empty());
    CHECK(engine.parameter_count() == 3);
    CHECK(engine.missing_input_count(2) == 1);
    edited.parameters.push_back(engine.spec().parameters[0]);
    edited.parameters.back().id = "complaints_again";
    CHECK(engine.update(edited).empty());
    CHECK(engine.missing_input_count(3) == 2);
    CHECK(engine.raw_scores() == engine_for(model_to_json(edited), dataset).raw_scores());
}

TEST_CASE("a new reference date re-ages dated inputs") {
    const Dataset dataset = small_dossiers();
    ScoringEngine engine = engine_for(logistic_model(), dataset);
    const double before = engine.transform_output(1, 3);
    engine.set_reference_date(reference + 30);
    CHECK(engine.transform_output(1, 3) == before + 30);
    ScoringContext later = context_with();
    later.reference_date = reference + 30;
    CHECK(engine.raw_scores() == engine_for(logistic_model(), dataset, later).raw_scores());
}

TEST_CASE("an engine follows its dataset to a new place and reads it there") {
    Dataset scored = small_dossiers();
    ScoringEngine engine = engine_for(logistic_model(), scored);
    const std::vector<double> scores = engine.raw_scores();
    Dataset taken_over = std::move(scored);
    engine.rebind(taken_over);
    // The old place now holds other data: every later compile must read the new place.
    scored = Dataset();
    scored.add_column("dossier_id", ColumnType::text).push_text("KO-9");
    CHECK(&engine.dataset() == &taken_over);
    CHECK(&engine.ids() == taken_over.find("dossier_id"));
    CHECK(engine.raw_scores() == scores);
    ModelSpec edited = engine.spec();
    edited.parameters[1].transforms[0].max = 2.0;
    CHECK(engine.update(edited).empty());
    CHECK(engine.raw_scores() == engine_for(model_to_json(edited), taken_over).raw_scores());
    CHECK(ranked_ids(engine) == ranked_ids(engine_for(model_to_json(edited), taken_over)));
}

TEST_CASE("an engine built in steps is the engine create() makes") {
    const Dataset dataset = small_dossiers();
    const ModelParseResult parsed = parse_model_json(logistic_model());
    REQUIRE(parsed.ok());
    ScoringEngineBuild build(*parsed.spec, dataset, context_with());
    double progress = build.progress();
    CHECK(progress == 0.0);
    std::size_t steps = 0;
    while (!build.advance()) {
        ++steps;
        CHECK(build.progress() > progress);
        progress = build.progress();
    }
    // The tie order and the ranking (each in a few steps), the buffers, each parameter, the scores.
    CHECK(steps + 1 >= parsed.spec->parameters.size() + 5);
    CHECK(build.progress() == 1.0);
    const EngineResult built = build.take();
    REQUIRE(built.engine.has_value());
    const ScoringEngine created = engine_for(logistic_model(), dataset);
    CHECK(built.engine->raw_scores() == created.raw_scores());
    CHECK(built.engine->ranking() == created.ranking());
    for (std::size_t row = 0; row < dataset.row_count(); ++row)
        CHECK(built.engine->missing_input_count(row) == created.missing_input_count(row));
}

TEST_CASE("a refused model ends its build at once, with the problems") {
    const Dataset dataset = small_dossiers();
    const std::string reads_protected =
        model_json_with(parameter_json("nationality", "nationality", R"([{"type": "categorical", "levels": {"BE": 1}, "default": 0}])", "1"));
    const ModelParseResult parsed = parse_model_json(reads_protected);
    REQUIRE(parsed.ok());
    ScoringEngineBuild build(*parsed.spec, dataset, context_with());
    CHECK(build.done());
    CHECK(build.progress() == 1.0);
    const EngineResult result = build.take();
    CHECK_FALSE(result.engine.has_value());
    CHECK_FALSE(result.problems.empty());
}
