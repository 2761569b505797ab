// The default childcare model on the demo data: it finds the hidden true risk far better than a
// random pick, and its ranking is bit-identical natively and in wasm (a fixed fingerprint).
#include <doctest/doctest.h>

#include <cstdio>
#include <memory>

#include "core/data/csv_writer.hpp"
#include "core/data/demo_data.hpp"
#include "core/model/number_text.hpp"
#include "core/model/scoring_engine.hpp"
#include "model_fixtures.hpp"

using namespace radar;
using namespace radar::test;

namespace {

struct DefaultRun {
    DemoData demo;
    std::optional<ScoringEngine> engine;
};

// The app's demo set: 2,400 dossiers, seed 20231201, exported and scored as of 2023-12-01.
std::unique_ptr<DefaultRun> run_default(std::size_t count, std::uint64_t seed) {
    auto run = std::make_unique<DefaultRun>();
    DemoSettings settings;
    settings.dossier_count = count;
    settings.seed = seed;
    settings.export_date = day(2023, 12, 1);
    run->demo = generate_demo_data(settings);
    ScoringContext context;
    context.reference_date = settings.export_date;
    EngineResult result = ScoringEngine::create(parse_or_fail(default_model_text()), run->demo.dataset, context);
    INFO(describe_problems(result.problems));
    REQUIRE(result.engine.has_value());
    run->engine = std::move(result.engine);
    return run;
}

double precision_at(const DefaultRun& run, std::size_t n) {
    double hits = 0;
    for (std::size_t i = 0; i < n; ++i) hits += run.demo.true_risk[run.engine->ranking()[i]];
    return hits / static_cast<double>(n);
}

double base_rate(const DefaultRun& run) {
    double hits = 0;
    for (auto risk : run.demo.true_risk) hits += risk;
    return hits / static_cast<double>(run.demo.true_risk.size());
}

// FNV-1a of "id<TAB>raw score<TAB>display score" lines in ranking order, scores with 6 decimals.
std::string ranking_fingerprint(const ScoringEngine& engine) {
    std::string text;
    for (std::uint32_t row : engine.ranking())
        text += std::string(engine.ids().texts[row]) + "\t" + format_fixed(engine.raw_score(row), 6) + "\t" +
                format_fixed(engine.display_score(row), 6) + "\n";
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a_64(text)));
    return hex;
}

}  // namespace

TEST_CASE("the default model finds true risk far better than a random pick") {
    const auto run = run_default(2400, 20231201);
    const double base = base_rate(*run);
    const double top25 = precision_at(*run, 25);
    const double top100 = precision_at(*run, 100);
    MESSAGE("default model on the demo data (2,400 dossiers): base rate " << base << ", precision top 25 " << top25
                                                                           << ", top 100 " << top100);
    CHECK(base == 0.3125);
    CHECK(top25 >= 2.0 * base);
    CHECK(top100 >= 2.0 * base);
    // A larger set gives a steadier figure.
    const auto large = run_default(20000, 7);
    const double large_base = base_rate(*large);
    const double large_top100 = precision_at(*large, 100);
    const double large_top1000 = precision_at(*large, 1000);
    MESSAGE("20,000 dossiers: base rate " << large_base << ", precision top 100 " << large_top100 << ", top 1000 "
                                          << large_top1000);
    CHECK(large_top100 >= 2.0 * large_base);
    CHECK(large_top1000 >= 1.8 * large_base);
}

TEST_CASE("the default model's ranking is identical natively and in wasm") {
    const auto run = run_default(2400, 20231201);
    CHECK(ranking_fingerprint(*run->engine) == "a6523ba32d849b9d");
    const auto large = run_default(20000, 7);
    CHECK(ranking_fingerprint(*large->engine) == "8cedc52080cd1072");
}
