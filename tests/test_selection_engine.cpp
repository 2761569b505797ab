// The selection rule ranks the model engine's scores exactly as the engine ranks them, so the
// ranks in a batch are the ranks the ranking view shows (default model on the demo data), and
// takes the engine's ranking as its order only when it is that order.
#include <optional>

#include <doctest/doctest.h>

#include "core/data/demo_data.hpp"
#include "core/model/scoring_engine.hpp"
#include "model_fixtures.hpp"
#include "core/selection/selection_rule.hpp"

using namespace radar;

namespace {

const DayNumber export_date = *parse_iso_date("2023-12-01");

DemoData demo_of(std::size_t dossiers) {
    DemoSettings settings;
    settings.dossier_count = dossiers;
    settings.export_date = export_date;
    return generate_demo_data(settings);
}

// The demo dossiers scored by the default model (built in place: the engine reads the dataset).
struct ScoredDemo {
    explicit ScoredDemo(std::size_t dossiers) : demo(demo_of(dossiers)) {
        ScoringContext context;
        context.reference_date = export_date;
        EngineResult result =
            ScoringEngine::create(test::parse_or_fail(test::default_model_text()), demo.dataset, context);
        REQUIRE(result.engine.has_value());
        engine.emplace(std::move(*result.engine));
    }
    DemoData demo;
    std::optional<ScoringEngine> engine;
};

}  // namespace

TEST_CASE("batch ranks equal the model engine's ranks") {
    const ScoredDemo scored(2400);
    const ScoringEngine& engine = *scored.engine;
    SelectionSettings selection;
    selection.capacity = 40;
    const auto outcome = run_selection_rule(scored.demo.dataset, engine.raw_scores(), {}, export_date, selection);
    REQUIRE(outcome.ok());
    std::size_t mismatches = 0;
    for (const DossierDecision& decision : outcome->decisions)
        if (decision.rank != engine.rank_of(decision.row)) ++mismatches;
    CHECK(mismatches == 0);
}

namespace {

// Rows, ranks, decisions and the selected, held-back and waiting lists of an outcome.
void check_same_outcome(const SelectionOutcome& a, const SelectionOutcome& b) {
    REQUIRE(a.decisions.size() == b.decisions.size());
    std::size_t differing = 0;
    for (std::size_t i = 0; i < a.decisions.size(); ++i)
        differing += a.decisions[i].row != b.decisions[i].row || a.decisions[i].rank != b.decisions[i].rank ||
                     a.decisions[i].decision != b.decisions[i].decision ||
                     a.find(a.decisions[i].dossier_id) != &a.decisions[i] || b.find(a.decisions[i].dossier_id) != &b.decisions[i];
    CHECK(differing == 0);
    CHECK(a.selected == b.selected);
    CHECK(a.held_back == b.held_back);
    CHECK(a.waiting == b.waiting);
}

}  // namespace

TEST_CASE("the engine's ranking is taken as the rule's order only when it is that order") {
    const ScoredDemo scored(1500);
    const DemoData& demo = scored.demo;
    const ScoringEngine& engine = *scored.engine;
    SelectionSettings selection;
    selection.capacity = 40;
    selection.control_size = 10;
    const auto sorted = run_selection_rule(demo.dataset, engine.raw_scores(), {}, export_date, selection);
    REQUIRE(sorted.ok());
    const auto given = [&](const std::vector<std::uint32_t>& order) {
        const auto outcome =
            run_selection_rule(demo.dataset, engine.raw_scores(), {}, export_date, selection, &order);
        REQUIRE(outcome.ok());
        check_same_outcome(*outcome, *sorted);
    };
    given(engine.ranking());
    std::vector<std::uint32_t> swapped = engine.ranking();
    std::swap(swapped[3], swapped[700]);
    given(swapped);
    given(std::vector<std::uint32_t>(engine.ranking().rbegin(), engine.ranking().rend()));
    given(std::vector<std::uint32_t>(engine.ranking().begin(), engine.ranking().end() - 1));
    std::vector<std::uint32_t> outside = engine.ranking();
    outside.back() = static_cast<std::uint32_t>(outside.size() + 5);
    given(outside);
    // Equal scores everywhere: the order goes by dossier id alone, whatever order is given.
    const std::vector<double> equal(engine.raw_scores().size(), 2.5);
    const auto by_id = run_selection_rule(demo.dataset, equal, {}, export_date, selection);
    const auto given_engine =
        run_selection_rule(demo.dataset, equal, {}, export_date, selection, &engine.ranking());
    REQUIRE(by_id.ok());
    REQUIRE(given_engine.ok());
    check_same_outcome(*given_engine, *by_id);
}
