// Proxy warning: the correlation ratio of a parameter's points across a protected column's groups.
#include <doctest/doctest.h>

#include <cmath>

#include "core/model/model_json.hpp"
#include "core/model/proxy_check.hpp"
#include "model_fixtures.hpp"

using namespace radar;
using namespace radar::test;

namespace {

// 400 dossiers: "postcode" follows "Geboorteland" (protected, as the importer marks it) for
// `aligned` of every 4 rows; "complaints" is unrelated to it.
Dataset dossiers_with_birth_country(int aligned) {
    Dataset dataset;
    Column& ids = dataset.add_column("dossier_id", ColumnType::text);
    Column& postcode = dataset.add_column("postcode", ColumnType::text);
    Column& complaints = dataset.add_column("complaints", ColumnType::integer);
    Column& country = dataset.add_column("Geboorteland", ColumnType::text);
    country.protected_attribute = true;
    for (int row = 0; row < 400; ++row) {
        ids.push_text("KO-" + std::to_string(1000 + row));
        const bool abroad = row % 2 == 0;
        country.push_text(abroad ? "MA" : "BE");
        const bool follows = row % 4 < aligned;
        postcode.push_text(follows == abroad ? "2060" : "2000");
        complaints.push_number(row % 3);
    }
    return dataset;
}

ScoringEngine engine_for(const Dataset& dataset, ScoringContext context = {}) {
    const std::string parameters =
        parameter_json("postcode", "postcode", R"([{"type": "categorical", "levels": {"2060": 1}, "default": 0}])", "4") +
        "," + parameter_json("complaints", "complaints", R"([{"type": "linear"}])", "2");
    const ModelParseResult parsed = parse_model_json(model_json_with(parameters));
    REQUIRE(parsed.ok());
    EngineResult result = ScoringEngine::create(*parsed.spec, dataset, std::move(context));
    REQUIRE(result.engine);
    return std::move(*result.engine);
}

}  // namespace

TEST_CASE("an input that stands in for a protected column warns; an unrelated one does not") {
    const Dataset dataset = dossiers_with_birth_country(4);
    const ScoringEngine engine = engine_for(dataset);
    const std::vector<ProxyMeasure> measures = measure_proxies(engine);
    REQUIRE(measures.size() == 2);
    CHECK(measures[0].parameter_id == "postcode");
    CHECK(measures[0].protected_column == "Geboorteland");
    CHECK(measures[0].eta == doctest::Approx(1.0));  // the postcode is the country
    CHECK(measures[0].warns);
    CHECK(measures[1].parameter_id == "complaints");
    CHECK(measures[1].eta < 0.1);
    CHECK_FALSE(measures[1].warns);
    CHECK(describe_proxy(measures[0]) ==
          "parameter 'postcode' follows protected column 'Geboorteland' (eta = 1.00, threshold 0.30)");
}

TEST_CASE("eta falls with the association and the threshold decides the warning") {
    // 3 of 4 rows aligned: one group always has the postcode, the other half the time. In units
    // of the postcode's 0/1 output (the weight cancels out), the sum of squares is 400 × 3/16 = 75
    // and the groups' means explain 25:
    // eta² = 1/3, adjusted for 2 groups and 400 dossiers 1 − (50 / 398) / (75 / 399).
    const Dataset partly = dossiers_with_birth_country(3);
    const ScoringEngine engine = engine_for(partly);
    const ProxyMeasure postcode = measure_proxies(engine).front();
    CHECK(postcode.eta == doctest::Approx(std::sqrt(1.0 - (50.0 / 398.0) / (75.0 / 399.0))));
    CHECK(postcode.warns);
    CHECK_FALSE(measure_proxies(engine, ProxySettings{0.6, 10}).front().warns);
    // 2 of 4 aligned: the postcode is independent of the country.
    const Dataset independent = dossiers_with_birth_country(2);
    CHECK(measure_proxies(engine_for(independent)).front().eta == doctest::Approx(0.0));
}

TEST_CASE("no protected column, no measure; protected fields named by the context count too") {
    Dataset dataset = dossiers_with_birth_country(4);
    dataset.columns().back().protected_attribute = false;
    CHECK(measure_proxies(engine_for(dataset)).empty());
    ScoringContext context;
    context.protected_fields = {"Geboorteland"};
    const ScoringEngine engine = engine_for(dataset, context);
    REQUIRE(protected_columns(engine).size() == 1);
    CHECK(measure_proxies(engine).front().warns);
}

TEST_CASE("numeric protected columns are compared by quintile and rare values are pooled") {
    Dataset dataset;
    Column& ids = dataset.add_column("dossier_id", ColumnType::text);
    Column& complaints = dataset.add_column("complaints", ColumnType::integer);
    Column& birth_year = dataset.add_column("date_of_birth", ColumnType::integer);
    birth_year.protected_attribute = true;
    for (int row = 0; row < 500; ++row) {
        ids.push_text("KO-" + std::to_string(1000 + row));
        birth_year.push_number(1950 + row % 50);
        complaints.push_number(row % 50 < 10 ? 3 : 0);  // the oldest fifth complain
    }
    const std::string parameters = parameter_json("complaints", "complaints", R"([{"type": "linear"}])");
    const ModelParseResult parsed = parse_model_json(model_json_with(parameters));
    REQUIRE(parsed.ok());
    const EngineResult result = ScoringEngine::create(*parsed.spec, dataset, ScoringContext{});
    REQUIRE(result.engine);
    const ProxyMeasure measure = measure_proxies(*result.engine).front();
    CHECK(measure.groups == 5);
    CHECK(measure.eta == doctest::Approx(1.0));
    CHECK(measure.warns);
}
