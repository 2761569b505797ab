// The selection rule ranks the model engine's scores exactly as the engine ranks them, so the
// ranks in a batch are the ranks the ranking view shows (default model on the demo data).
#include <doctest/doctest.h>

#include "core/data/demo_data.hpp"
#include "core/model/scoring_engine.hpp"
#include "model_fixtures.hpp"
#include "core/selection/selection_rule.hpp"

using namespace radar;

TEST_CASE("batch ranks equal the model engine's ranks") {
    DemoSettings settings;
    settings.dossier_count = 2400;
    settings.export_date = *parse_iso_date("2023-12-01");
    const DemoData demo = generate_demo_data(settings);
    ScoringContext context;
    context.reference_date = settings.export_date;
    EngineResult result = ScoringEngine::create(test::parse_or_fail(test::default_model_text()), demo.dataset, context);
    REQUIRE(result.engine.has_value());
    const ScoringEngine& engine = *result.engine;
    SelectionSettings selection;
    selection.capacity = 40;
    const auto outcome = run_selection_rule(demo.dataset, engine.raw_scores(), {}, settings.export_date, selection);
    REQUIRE(outcome.ok());
    std::size_t mismatches = 0;
    for (const DossierDecision& decision : outcome->decisions)
        if (decision.rank != engine.rank_of(decision.row)) ++mismatches;
    CHECK(mismatches == 0);
}
