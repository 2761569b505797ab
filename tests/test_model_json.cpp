// Model JSON: exact round trips, and parse problems that name the parameter and the problem.
#include <doctest/doctest.h>

#include "core/model/model_json.hpp"
#include "model_fixtures.hpp"

using namespace radar;
using namespace radar::test;

namespace {

// Every problem message joined, for CHECKs on their wording.
std::string problems_of(const std::string& text) { return describe_problems(parse_model_json(text).problems); }

bool mentions(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

ModelSpec model_with_every_feature() {
    ModelSpec spec;
    spec.id = "every-feature";
    spec.name = {"Alles — één model", "Everything — one model"};
    spec.author = "tests";
    spec.created_at = "2024-02-29T10:00:00Z";
    spec.description = {"Gebruikt elke transformatie en elk beleid", "Uses each transform and policy"};
    spec.intercept = -2.75;
    spec.logistic = true;
    spec.display.mapping = DisplayMapping::probability;
    auto add = [&](std::string id, std::string field, std::vector<Transform> transforms, double weight, MissingPolicy missing) {
        ModelParameter parameter;
        parameter.id = std::move(id);
        parameter.field = std::move(field);
        parameter.transforms = std::move(transforms);
        parameter.weight = weight;
        parameter.missing = std::move(missing);
        parameter.label = {"Label " + parameter.id, "Label " + parameter.id};
        parameter.rationale = {"Waarom", "Why"};
        spec.parameters.push_back(parameter);
    };
    Transform linear;
    Transform clamp;
    clamp.kind = TransformKind::clamp;
    clamp.max = 4.5;
    Transform step;
    step.kind = TransformKind::step;
    step.bins = {{24, 3}, {36, 6.25}};
    step.below = -1;
    Transform boolean;
    boolean.kind = TransformKind::boolean;
    Transform text_boolean = boolean;
    text_boolean.true_levels = {"ja", "yes"};
    Transform categorical;
    categorical.kind = TransformKind::categorical;
    categorical.levels = {{"schorsing", 10}, {"aanmaning", 0.1}, {"geen", 0}};
    categorical.default_value = 2;
    Transform months;
    months.kind = TransformKind::time_since;
    months.unit = TimeUnit::months;
    Transform days = months;
    days.unit = TimeUnit::days;
    Transform log1p;
    log1p.kind = TransformKind::log1p;
    MissingPolicy unknown;
    MissingPolicy points{MissingPolicyKind::points, 0.0, 4.5};
    MissingPolicy neutral_number{MissingPolicyKind::neutral, 1e-7, 0.0};
    MissingPolicy neutral_level{MissingPolicyKind::neutral, std::string("geen"), 0.0};
    add("linear", "complaints", {linear}, 0.1, unknown);
    add("clamp", "complaints", {clamp, log1p}, 1.0 / 3.0, points);
    add("step", "last_inspection", {months, step}, 1, neutral_number);
    add("days", "last_inspection", {days}, -0.002, unknown);
    add("boolean", "amount", {boolean}, 2, unknown);
    add("text_boolean", "status", {text_boolean}, 2, unknown);
    add("categorical", "status", {categorical}, 1, neutral_level);
    return spec;
}

}  // namespace

TEST_CASE("the default model asset is canonical: parsing and writing it gives the same bytes") {
    const std::string text = default_model_text();
    REQUIRE(!text.empty());
    const ModelParseResult parsed = parse_model_json(text);
    INFO(describe_problems(parsed.problems));
    REQUIRE(parsed.ok());
    CHECK(model_to_json(*parsed.spec) == text);
    CHECK(parsed.spec->parameters.size() >= 10);
}

TEST_CASE("a model using every transform and missing policy survives write and parse unchanged") {
    const ModelSpec spec = model_with_every_feature();
    const std::string text = model_to_json(spec);
    const ModelParseResult parsed = parse_model_json(text);
    INFO(describe_problems(parsed.problems));
    REQUIRE(parsed.ok());
    CHECK(*parsed.spec == spec);
    CHECK(model_to_json(*parsed.spec) == text);
    // Whole numbers are written as whole numbers, other values so that they read back exactly.
    CHECK(mentions(text, "\"weight\": 1,"));
    CHECK(mentions(text, "\"value\": 1e-07"));
    CHECK(std::get<double>(parsed.spec->parameters[2].missing.neutral) == 1e-7);
    CHECK(parsed.spec->parameters[1].weight == 1.0 / 3.0);
    CHECK(mentions(text, "Alles — één model"));
    CHECK(mentions(text, "\"name\": {\n    \"nl\": \"Alles — één model\",\n    \"en\": \"Everything — one model\"\n  }"));
}

TEST_CASE("a model's name and description are one text for both languages, or one per language") {
    const std::string parameter = parameter_json("p", "complaints", R"([{"type": "linear"}])");
    SUBCASE("a plain text is used in both languages and written back as it was") {
        const std::string text = model_to_json(parse_or_fail(model_json_with(parameter)));
        const ModelSpec spec = parse_or_fail(text);
        CHECK(spec.name.nl == "Test model");
        CHECK(spec.name.en == "Test model");
        CHECK(spec.description.nl.empty());
        CHECK(spec.description.en.empty());
        CHECK(mentions(text, "\"name\": \"Test model\","));
        CHECK(mentions(text, "\"description\": \"\","));
        CHECK(model_to_json(spec) == text);
        // The version id it had before names and descriptions could have two languages.
        CHECK(model_version_id(spec) == "test@sha256:333688922a680fee");
    }
    SUBCASE("two languages are read, kept and written as an object") {
        std::string text = model_json_with(parameter);
        text.replace(text.find(R"("name": "Test model")"), 20, R"("name": {"nl": "Testmodel", "en": "Test model"})");
        text.replace(text.find(R"("description": "")"), 17, R"("description": {"nl": "Voor tests", "en": "For tests"})");
        const ModelSpec spec = parse_or_fail(text);
        CHECK(spec.name == LocalText{"Testmodel", "Test model"});
        CHECK(spec.description == LocalText{"Voor tests", "For tests"});
        CHECK(text_in(spec.name, TextLanguage::dutch) == "Testmodel");
        CHECK(text_in(spec.description, TextLanguage::english) == "For tests");
        const std::string written = model_to_json(spec);
        CHECK(parse_or_fail(written) == spec);
        CHECK(mentions(written, "\"description\": {\n    \"nl\": \"Voor tests\",\n    \"en\": \"For tests\"\n  },"));
    }
    SUBCASE("an object with the same text twice is written as one text: the same model, the same version id") {
        std::string text = model_json_with(parameter);
        const ModelSpec plain = parse_or_fail(text);
        text.replace(text.find(R"("name": "Test model")"), 20, R"("name": {"nl": "Test model", "en": "Test model"})");
        const ModelSpec twice = parse_or_fail(text);
        CHECK(twice == plain);
        CHECK(model_version_id(twice) == model_version_id(plain));
        CHECK(mentions(model_to_json(twice), "\"name\": \"Test model\","));
    }
    SUBCASE("a half or malformed text is refused") {
        auto with_name = [&](const std::string& name) {
            std::string text = model_json_with(parameter);
            text.replace(text.find(R"("name": "Test model")"), 20, "\"name\": " + name);
            return problems_of(text);
        };
        CHECK(with_name(R"({"nl": "Testmodel"})") == "model: 'name': 'en' is missing");
        CHECK(with_name(R"({"nl": "Testmodel", "en": "Test model", "fr": "Modèle"})") == "model: 'name': unknown key 'fr'");
        CHECK(with_name("3") == "model: 'name' must be text, or {\"nl\": text, \"en\": text}");
        CHECK(with_name(R"({"nl": "Testmodel", "en": ""})") == "model: 'name' needs a Dutch and an English text");
        CHECK(with_name(R"("")") == "model: 'name' is empty");
        std::string text = model_json_with(parameter);
        text.replace(text.find(R"("description": "")"), 17, R"("description": {"nl": "", "en": "For tests"})");
        CHECK(problems_of(text) == "model: 'description' needs a Dutch and an English text (or neither)");
    }
}

TEST_CASE("JSON syntax errors say where") {
    const std::string message = problems_of("{\"schema_version\": 1,\n \"id\": }");
    CHECK(mentions(message, "not valid JSON"));
    CHECK(mentions(message, "at byte"));
}

TEST_CASE("a key written twice in a model is refused, named: which of the two was meant is unknown") {
    std::string text = default_model_text();
    text.insert(text.find("\"weight\": 6,"), "\"weight\": 60, ");
    const ModelParseResult result = parse_model_json(text);
    CHECK_FALSE(result.ok());
    CHECK(describe_problems(result.problems) ==
          "model: the text is not valid JSON: the key \"weight\" occurs twice in one object");
}

TEST_CASE("structural problems name the parameter and the key") {
    const std::string base = parameter_json("complaints", "complaints", R"([{"type": "linear"}])");
    SUBCASE("unknown key in a parameter") {
        std::string parameter = base;
        parameter.insert(1, R"("wieght": 2, )");
        CHECK(problems_of(model_json_with(parameter)) == "parameter 'complaints': unknown key 'wieght'");
    }
    SUBCASE("unknown transform type") {
        const std::string message =
            problems_of(model_json_with(parameter_json("complaints", "complaints", R"([{"type": "sqrt"}])")));
        CHECK(mentions(message, "parameter 'complaints': transform 1: unknown type 'sqrt' (known: linear, clamp"));
    }
    SUBCASE("weight of the wrong type") {
        const std::string message = problems_of(
            model_json_with(parameter_json("complaints", "complaints", R"([{"type": "linear"}])", "\"high\"")));
        CHECK(message == "parameter 'complaints': 'weight' must be a number");
    }
    SUBCASE("parameter without id is named by position") {
        std::string parameter = base;
        parameter.replace(parameter.find(R"("id": "complaints", )"), 20, "");
        CHECK(problems_of(model_json_with(parameter)) == "parameter 1: 'id' is missing");
    }
    SUBCASE("unknown missing policy") {
        const std::string message = problems_of(model_json_with(
            parameter_json("complaints", "complaints", R"([{"type": "linear"}])", "1", R"({"policy": "zero"})")));
        CHECK(message == "parameter 'complaints': missing: unknown policy 'zero' (known: neutral, points, unknown)");
    }
    SUBCASE("model-level key missing") {
        std::string text = model_json_with(base);
        text.replace(text.find(R"("name": "Test model", )"), 22, "");
        CHECK(problems_of(text) == "model: 'name' is missing");
    }
}

TEST_CASE("malformed transforms are refused with the parameter, the step and the problem") {
    auto problem = [](const std::string& transforms) {
        return problems_of(model_json_with(parameter_json("p", "complaints", transforms)));
    };
    CHECK(problem(R"([{"type": "clamp", "min": 5, "max": 2}])") ==
          "parameter 'p': transform 1 (clamp): min 5 is greater than max 2");
    CHECK(problem(R"([{"type": "clamp"}])") == "parameter 'p': transform 1: needs a min, a max or both");
    CHECK(problem(R"([{"type": "step", "bins": [{"from": 36, "value": 6}, {"from": 24, "value": 3}]}])") ==
          "parameter 'p': transform 1 (step): bin thresholds must increase, but bin 2 starts at 24 after 36");
    CHECK(problem(R"([{"type": "step", "bins": []}])") == "parameter 'p': transform 1 (step): needs at least one bin");
    CHECK(problem(R"([{"type": "linear"}, {"type": "time_since", "unit": "days"}])") ==
          "parameter 'p': transform 2 (time_since): reads a date, so it must be the first transform");
    CHECK(problem(R"([{"type": "linear"}, {"type": "categorical", "levels": {"a": 1}, "default": 0}])") ==
          "parameter 'p': transform 2 (categorical): reads text, so it must be the first transform");
    CHECK(problem(R"([{"type": "categorical", "levels": {}, "default": 0}])") ==
          "parameter 'p': transform 1 (categorical): needs at least one level");
    CHECK(problem(R"([{"type": "time_since", "unit": "weeks"}])") ==
          "parameter 'p': transform 1: 'unit' must be 'days' or 'months', got 'weeks'");
    CHECK(problem("[]") == "parameter 'p': needs at least one transform (use linear for the value as it is)");
}

TEST_CASE("model-level checks") {
    const std::string parameter = parameter_json("p", "complaints", R"([{"type": "linear"}])");
    CHECK(problems_of(model_json_with(parameter, R"({"logistic": false, "display": {"mapping": "probability"}})")) ==
          "model: display mapping 'probability' needs output.logistic = true");
    CHECK(problems_of(model_json_with(parameter, R"({"logistic": false, "display": {"mapping": "range", "min": 5, "max": 5}})")) ==
          "model: display range needs finite min < max, got 5 and 5");
    CHECK(problems_of(model_json_with(parameter + "," + parameter)) == "parameter 'p': the id is used twice");
    CHECK(problems_of(model_json_with("")) == "model: has no parameters");
    std::string future = model_json_with(parameter);
    future.replace(future.find("\"schema_version\": 1"), 19, "\"schema_version\": 2");
    CHECK(problems_of(future) == "model: schema_version 2 is not supported (this version reads 1)");
}

TEST_CASE("missing policies must fit the input") {
    const std::string categorical = R"([{"type": "categorical", "levels": {"a": 1}, "default": 0}])";
    CHECK(problems_of(model_json_with(parameter_json("p", "status", categorical, "1", R"({"policy": "neutral", "value": 3})"))) ==
          "parameter 'p': missing policy 'neutral' needs a level (text), because the field holds text");
    CHECK(problems_of(model_json_with(parameter_json("p", "complaints", R"([{"type": "linear"}])", "1",
                                                     R"({"policy": "neutral", "value": "geen"})"))) ==
          "parameter 'p': missing policy 'neutral' needs a number, because the pipeline reads numbers");
    CHECK(problems_of(model_json_with(parameter_json("p", "complaints", R"([{"type": "linear"}])", "1", R"({"policy": "points"})"))) ==
          "parameter 'p': missing: 'points' is missing");
}

TEST_CASE("every parse and check problem is said in Dutch as well, naming the same parameter and key") {
    const std::string linear = R"([{"type": "linear"}])";
    const std::string base = parameter_json("p", "complaints", linear);
    std::string unknown_key = base;
    unknown_key.insert(1, R"("wieght": 2, )");
    std::string no_name = model_json_with(base);
    no_name.replace(no_name.find(R"("name": "Test model", )"), 22, "");
    std::string future = model_json_with(base);
    future.replace(future.find("\"schema_version\": 1"), 19, "\"schema_version\": 2");
    const std::vector<std::string> models = {
        "{\"schema_version\": 1,\n \"id\": }",
        model_json_with(unknown_key),
        no_name,
        future,
        model_json_with(""),
        model_json_with(base + "," + base),
        model_json_with(parameter_json("p", "complaints", R"([{"type": "sqrt"}])")),
        model_json_with(parameter_json("p", "complaints", linear, "\"high\"")),
        model_json_with(parameter_json("p", "complaints", linear, "1", R"({"policy": "zero"})")),
        model_json_with(parameter_json("p", "complaints", linear, "1", R"({"policy": "points"})")),
        model_json_with(parameter_json("p", "complaints", linear, "1", R"({"policy": "neutral", "value": "geen"})")),
        model_json_with(parameter_json("p", "complaints", R"([{"type": "clamp", "min": 5, "max": 2}])")),
        model_json_with(parameter_json("p", "complaints", R"([{"type": "clamp"}])")),
        model_json_with(parameter_json(
            "p", "complaints", R"([{"type": "step", "bins": [{"from": 36, "value": 6}, {"from": 24, "value": 3}]}])")),
        model_json_with(parameter_json("p", "complaints", R"([{"type": "step", "bins": []}])")),
        model_json_with(
            parameter_json("p", "complaints", R"([{"type": "linear"}, {"type": "time_since", "unit": "days"}])")),
        model_json_with(parameter_json("p", "complaints", R"([{"type": "categorical", "levels": {}, "default": 0}])")),
        model_json_with(parameter_json("p", "complaints", R"([{"type": "time_since", "unit": "weeks"}])")),
        model_json_with(parameter_json("p", "complaints", "[]")),
        model_json_with(parameter_json("p", "complaints", R"([{"type": "boolean", "true_levels": 3}])")),
        model_json_with(base, R"({"logistic": false, "display": {"mapping": "probability"}})"),
        model_json_with(base, R"({"logistic": false, "display": {"mapping": "range", "min": 5, "max": 5}})"),
    };
    for (const std::string& model : models) {
        const ModelParseResult parsed = parse_model_json(model);
        REQUIRE_FALSE(parsed.problems.empty());
        for (const ModelProblem& problem : parsed.problems) {
            INFO(problem.message);
            CHECK_FALSE(problem.message_nl.empty());
            CHECK(problem.message_nl != problem.message);
            CHECK(problem.message_in("en") == problem.message);
            CHECK(problem.message_in("nl") == problem.message_nl);
            if (problem.message.rfind("parameter 'p'", 0) == 0)
                CHECK(problem.message_nl.rfind("parameter 'p'", 0) == 0);
        }
    }
    CHECK(describe_problems(parse_model_json(model_json_with(unknown_key)).problems, "nl") ==
          "parameter 'p': onbekende sleutel 'wieght'");
    CHECK(describe_problems(parse_model_json(model_json_with(parameter_json(
                                                 "p", "complaints", R"([{"type": "clamp", "min": 5, "max": 2}])")))
                                .problems,
                            "nl") == "parameter 'p': transformatie 1 (clamp): min 5 is groter dan max 2");
    CHECK(describe_problems(parse_model_json(future).problems, "nl") ==
          "model: schema_version 2 wordt niet ondersteund (deze versie leest 1)");
}
