// The logistic fit: the Challenger O-ring data against its published coefficients, a published
// model entered as a model file, refusals, and a fitted model file that passes the model checks,
// round-trips through JSON and scores the fitted linear predictor.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/evaluation/fitted_model.hpp"
#include "core/model/model_json.hpp"
#include "core/model/model_registry.hpp"
#include "core/model/scoring_engine.hpp"
#include "core/base/random.hpp"

using namespace radar;

namespace {

// Space Shuttle launches before Challenger: launch temperature (°F) and whether any O-ring
// showed thermal distress. Source: S. R. Dalal, E. B. Fowlkes and B. Hoadley, "Risk Analysis of
// the Space Shuttle: Pre-Challenger Prediction of Failure", Journal of the American Statistical
// Association 84 (1989) 945-957. The maximum-likelihood logistic fit on these 23 launches is the
// published logit(p) = 15.0429 - 0.2322 * temperature (residual deviance 20.315 on 21 degrees of
// freedom, null deviance 28.267 on 22).
const std::vector<double> challenger_temperature = {66, 70, 69, 68, 67, 72, 73, 70, 57, 63, 70, 78,
                                                    67, 53, 67, 75, 70, 81, 76, 79, 75, 76, 58};
const std::vector<std::uint8_t> challenger_distress = {0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0,
                                                       0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1};

Dataset challenger_dataset() {
    Dataset dataset;
    Column& id = dataset.add_column("dossier_id", ColumnType::text);
    Column& temperature = dataset.add_column("temperature", ColumnType::number);
    for (std::size_t i = 0; i < challenger_temperature.size(); ++i) {
        id.push_text("STS-" + std::to_string(100 + i));
        temperature.push_number(challenger_temperature[i]);
    }
    return dataset;
}

std::vector<std::size_t> all_rows(std::size_t n) {
    std::vector<std::size_t> rows(n);
    for (std::size_t i = 0; i < n; ++i) rows[i] = i;
    return rows;
}

// 400 synthetic dossiers: a count, a text category, a date, a protected column, missing cells,
// outcomes drawn from a known logistic model; a month index per row for temporal CV.
struct Synthetic {
    Dataset dataset;
    std::vector<std::uint8_t> positive;
    std::vector<std::int64_t> months;
};

Synthetic synthetic_dossiers(std::uint64_t seed) {
    Synthetic s;
    Column& id = s.dataset.add_column("dossier_id", ColumnType::text);
    Column& complaints = s.dataset.add_column("complaints", ColumnType::integer);
    Column& care = s.dataset.add_column("care_type", ColumnType::text);
    Column& inspected = s.dataset.add_column("last_inspection", ColumnType::date);
    Column& nationality = s.dataset.add_column("nationality", ColumnType::text);
    nationality.protected_attribute = true;
    const char* kinds[] = {"gezinsopvang", "groepsopvang", "groepsopvang", "buitenschoolse opvang"};
    Random random(seed);
    const DayNumber reference = days_from_civil({2024, 1, 1});
    for (int i = 0; i < 400; ++i) {
        id.push_text("KO-" + std::to_string(1000 + i));
        const int count = random.between(0, 6);
        if (random.chance(0.05))
            complaints.push_missing();
        else
            complaints.push_number(count);
        const char* kind = kinds[random.below(4)];
        if (random.chance(0.05))
            care.push_missing();
        else
            care.push_text(kind);
        const int age = random.between(30, 1500);
        inspected.push_number(reference - age);
        nationality.push_text(random.chance(0.5) ? "BE" : "NL");
        const double eta = -2.0 + 0.5 * count + (std::string(kind) == "gezinsopvang" ? 0.8 : 0.0) + 0.001 * age;
        s.positive.push_back(random.chance(1.0 / (1.0 + std::exp(-eta))) ? 1 : 0);
        s.months.push_back(i / 50);
    }
    return s;
}

}  // namespace

TEST_CASE("lambda 0 reproduces the published Challenger O-ring fit (Dalal, Fowlkes & Hoadley 1989)") {
    DesignMatrix design;
    design.rows = challenger_temperature.size();
    design.columns = 1;
    design.values = challenger_temperature;
    design.names = {"temperature"};
    const Checked<LogisticFit> fit = fit_logistic(design, challenger_distress, {}, LogisticOptions{});
    REQUIRE(fit);
    CHECK(fit->converged);
    CHECK(std::fabs(fit->intercept - 15.0429) < 5e-4);
    CHECK(std::fabs(fit->coefficients[0] - (-0.2322)) < 5e-5);
    CHECK(fit->positives == 7);
    // Published deviance 20.315 (residual) and 28.267 (null): -2 log-likelihood.
    CHECK(std::fabs(-2.0 * fit->log_likelihood - 20.315) < 1e-3);
    CHECK(std::fabs(-2.0 * fit->null_log_likelihood - 28.267) < 1e-3);
}

TEST_CASE("the published Challenger model as a model file scores its linear predictor exactly") {
    const std::string file = R"json({
      "schema_version": 1, "id": "challenger-1989", "name": "Challenger O-ring (Dalal et al. 1989)",
      "author": "Dalal, Fowlkes & Hoadley", "created_at": "1989-12-01",
      "intercept": 15.0429,
      "output": {"logistic": true, "display": {"mapping": "probability"}},
      "parameters": [{"id": "temperature", "field": "temperature", "transforms": [{"type": "linear"}],
                      "weight": -0.2322, "missing": {"policy": "unknown"},
                      "label": {"nl": "Temperatuur", "en": "Temperature"},
                      "rationale": {"nl": "Koude maakt de ringen stug.", "en": "Cold stiffens the rings."}}]})json";
    const ModelParseResult parsed = parse_model_json(file);
    REQUIRE(parsed.ok());
    const Dataset dataset = challenger_dataset();
    EngineResult result = ScoringEngine::create(*parsed.spec, dataset, ScoringContext{});
    REQUIRE(result.engine);
    for (std::size_t row = 0; row < dataset.row_count(); ++row) {
        const double linear = 15.0429 + -0.2322 * challenger_temperature[row];
        CHECK(result.engine->raw_score(row) == linear);
        CHECK(*result.engine->probability(row) == doctest::Approx(1.0 / (1.0 + std::exp(-linear))));
    }
    // 31 °F on the launch day: the published estimate p = 0.9996.
    CHECK(1.0 / (1.0 + std::exp(-(15.0429 - 0.2322 * 31))) == doctest::Approx(0.9996).epsilon(1e-4));
}

TEST_CASE("the fit refuses one outcome only, a singular design, a protected or constant column") {
    DesignMatrix design;
    design.rows = 4;
    design.columns = 2;
    design.values = {1, 2, 2, 4, 3, 6, 4, 8};  // the second column is twice the first
    design.names = {"a", "b"};
    const Checked<LogisticFit> singular = fit_logistic(design, {1, 0, 1, 0}, {}, LogisticOptions{});
    REQUIRE_FALSE(singular);
    CHECK(singular.error().find("singular") != std::string::npos);
    CHECK(singular.error().find("'b'") != std::string::npos);
    CHECK(fit_logistic(design, {0, 0, 0, 0}, {}, LogisticOptions{}).error().find("no positive") != std::string::npos);
    CHECK(fit_logistic(design, {1, 1, 1, 1}, {}, LogisticOptions{}).error().find("no negative") != std::string::npos);

    const Synthetic s = synthetic_dossiers(7);
    FitRequest request;
    request.rows = all_rows(400);
    request.positive = s.positive;
    request.lambda = 0.01;
    request.features = {"complaints", "nationality"};
    CHECK(fit_logistic_model(s.dataset, request).error().find("protected") != std::string::npos);
    request.features = {"complaints"};
    request.protected_fields = {"complaints"};
    CHECK(fit_logistic_model(s.dataset, request).error().find("protected") != std::string::npos);
    request.protected_fields.clear();
    request.features = {"dossier_id"};
    CHECK(fit_logistic_model(s.dataset, request).error().find("more than 50") != std::string::npos);
    request.features = {"no_such_column"};
    CHECK(fit_logistic_model(s.dataset, request).error().find("not in the data") != std::string::npos);

    Dataset flat = challenger_dataset();
    Column& constant = flat.add_column("constant", ColumnType::number);
    Column& empty = flat.add_column("empty", ColumnType::number);
    for (std::size_t i = 0; i < flat.row_count(); ++i) {
        constant.push_number(4);
        empty.push_missing();
    }
    FitRequest flat_request;
    flat_request.rows = all_rows(flat.row_count());
    flat_request.positive = challenger_distress;
    flat_request.lambda = 0.0;
    flat_request.features = {"temperature", "constant"};
    CHECK(fit_logistic_model(flat, flat_request).error().find("same value") != std::string::npos);
    flat_request.features = {"empty"};
    CHECK(fit_logistic_model(flat, flat_request).error().find("missing on every row") != std::string::npos);
}

TEST_CASE("a penalty shrinks the standardised coefficients") {
    DesignMatrix design;
    design.rows = challenger_temperature.size();
    design.columns = 1;
    design.values = challenger_temperature;
    design.names = {"temperature"};
    double previous = 1e9;
    for (double lambda : {0.0, 0.01, 0.1, 1.0}) {
        LogisticOptions options;
        options.lambda = lambda;
        const Checked<LogisticFit> fit = fit_logistic(design, challenger_distress, {}, options);
        REQUIRE(fit);
        CHECK(fit->converged);
        CHECK(std::fabs(fit->coefficients[0]) < previous);
        previous = std::fabs(fit->coefficients[0]);
    }
}

TEST_CASE("lambda by temporal cross-validation, or k-fold without periods") {
    const Synthetic s = synthetic_dossiers(11);
    FitRequest request;
    request.rows = all_rows(400);
    request.positive = s.positive;
    request.periods = s.months;
    request.features = {"complaints", "care_type"};
    request.reference_date = days_from_civil({2024, 1, 1});
    const Checked<FittedModel> temporal = fit_logistic_model(s.dataset, request);
    REQUIRE(temporal);
    REQUIRE(temporal->choice);
    CHECK(temporal->choice->method == CrossValidation::temporal);
    CHECK(temporal->choice->folds == 5);  // the last five of eight months
    CHECK(temporal->choice->scores.size() == default_lambda_grid().size());
    CHECK(temporal->fit.lambda == temporal->choice->lambda);
    // The planted effect of complaints (0.5 per complaint) is found.
    CHECK(temporal->fit.coefficients[0] > 0.25);

    request.periods.clear();
    const Checked<FittedModel> folds = fit_logistic_model(s.dataset, request);
    REQUIRE(folds);
    CHECK(folds->choice->method == CrossValidation::k_fold);
    CHECK(folds->choice->folds == 5);
}

TEST_CASE("a fitted model file passes the checks, round-trips through JSON and scores its linear predictor") {
    const Synthetic s = synthetic_dossiers(3);
    FitRequest request;
    request.rows = all_rows(400);
    request.positive = s.positive;
    request.periods = s.months;
    request.features = {"complaints", "care_type", "last_inspection"};
    request.reference_date = days_from_civil({2024, 1, 1});
    const Checked<FittedModel> fitted = fit_logistic_model(s.dataset, request);
    REQUIRE(fitted);
    const FeatureDesign& design = fitted->design;
    REQUIRE(design.features.size() == 3);
    CHECK(design.features[0].kind == FeatureKind::number);
    CHECK(design.features[0].missing > 0);
    CHECK(design.features[1].kind == FeatureKind::category);
    CHECK(design.features[1].reference_level == "groepsopvang");  // the most frequent level
    CHECK(design.features[1].levels.size() == 2);
    CHECK(design.features[2].kind == FeatureKind::age_in_days);

    FittedModelDescription description;
    description.created_at = "2024-01-02";
    description.label_name = "risico";
    description.field_labels["complaints"] = {"Klachten", "Complaints"};
    const ModelSpec spec = fitted_model_spec(*fitted, description);
    CHECK(check_model_spec(spec).empty());
    CHECK(spec.logistic);
    CHECK(spec.display.mapping == DisplayMapping::probability);
    CHECK(spec.parameters[0].label.nl == "Klachten");
    CHECK(spec.parameters[1].label.en == "care_type");
    CHECK(spec.parameters[1].transforms[0].kind == TransformKind::categorical);
    CHECK(std::get<std::string>(spec.parameters[1].missing.neutral) == "groepsopvang");
    CHECK(spec.parameters[2].transforms[0].kind == TransformKind::time_since);

    const ModelParseResult reread = parse_model_json(model_to_json(spec));
    REQUIRE(reread.ok());
    CHECK(*reread.spec == spec);

    ScoringContext context;
    context.reference_date = request.reference_date;
    context.protected_fields = {"nationality"};
    EngineResult engine = ScoringEngine::create(*reread.spec, s.dataset, context);
    REQUIRE(engine.engine);
    for (std::size_t row = 0; row < 400; ++row)
        CHECK(engine.engine->raw_score(row) == doctest::Approx(fitted->linear_predictor[row]).epsilon(1e-12).scale(1));

    // The app's model import: the registry saves it, and an engine scoring another model takes
    // it as an update (the dataset's fields are checked) and then scores the same.
    ModelRegistry registry;
    CHECK(registry.import_json(model_to_json(spec), "analist", "fitted", "2024-01-02").saved.has_value());
    ModelSpec other = spec;
    other.parameters.resize(1);
    EngineResult app_engine = ScoringEngine::create(other, s.dataset, context);
    REQUIRE(app_engine.engine);
    CHECK(app_engine.engine->update(*reread.spec).empty());
    CHECK(app_engine.engine->raw_scores() == engine.engine->raw_scores());
}
