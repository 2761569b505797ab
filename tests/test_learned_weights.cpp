// Weights learned from the recorded outcomes: on a simulated demo history, the learned model file
// reproduces the fit (with an unpenalised intercept the fitted probabilities of the labelled rows
// add up to the number of positives), the held-out months are the last ones and are compared with
// the current weights, and the provenance note names what the weights came from.
#include <doctest/doctest.h>

#include <cmath>

#include "core/data/dataset_hash.hpp"
#include "default_model_scores.hpp"
#include "core/evaluation/learned_weights.hpp"
#include "core/evaluation/version_evaluation.hpp"
#include "core/model/model_output.hpp"
#include "model_fixtures.hpp"
#include "core/selection/demo_history.hpp"

using namespace radar;

namespace {

struct History {
    DemoData demo;
    DemoHistory history;
    ScreeningState state;
    ModelSpec model;
};

History simulated_history() {
    History run;
    DemoSettings demo_settings;
    demo_settings.dossier_count = 1500;
    demo_settings.seed = 7;
    demo_settings.export_date = *parse_iso_date("2024-01-01");
    run.demo = generate_demo_data(demo_settings);
    run.model = test::parse_or_fail(test::default_model_text());
    const std::vector<double> scores = default_model_scores(run.demo.dataset, demo_settings.export_date);
    DemoHistorySettings settings;
    settings.first_month = demo_settings.export_date;
    settings.months = 8;
    settings.selection.capacity = 40;
    settings.selection.control_size = 10;
    settings.seed = 7;
    auto history = simulate_demo_history(run.demo, scores, model_version_id(run.model),
                                         dataset_sha256(run.demo.dataset), settings);
    REQUIRE_MESSAGE(history.ok(), history.error());
    run.history = std::move(*history);
    run.state = fold_events(run.history.events);
    return run;
}

LabelDefinition coded_risk() {
    LabelDefinition definition;
    definition.rule = ConfirmationRule::risk_code;
    definition.risk_codes = {ScreeningCode::risico, ScreeningCode::verder_onderzoek_nodig};
    return definition;
}

}  // namespace

TEST_CASE("learned weights reproduce their fit and are compared out of sample") {
    const History run = simulated_history();
    REQUIRE_FALSE(run.model.parameters.empty());
    const DayNumber today = *parse_iso_date("2024-12-01");
    ScoringContext context;
    context.reference_date = today;
    const Checked<LearnedWeights> learned =
        learn_weights(run.model, run.demo.dataset, context, run.state, run.history.batches, coded_risk(), today);
    REQUIRE_MESSAGE(learned.ok(), learned.error());

    // Every coded batch member counts once.
    std::size_t coded = 0;
    for (const FrozenBatch& batch : run.history.batches)
        for (const FrozenMember& member : batch.members)
            if (member_label(run.state, batch, member, coded_risk(), today)) ++coded;
    CHECK(learned->labelled == coded);
    CHECK(learned->not_yet_known == 0);
    CHECK(learned->positives > 0);
    CHECK(learned->positives < learned->labelled);
    CHECK(learned->first_month == "2024-01");
    CHECK(learned->last_month == "2024-08");
    CHECK(learned->choice.method == CrossValidation::temporal);
    CHECK(learned->fit.converged);

    // The learned model, scored as of each batch's scoring day, gives each labelled member the
    // fit's probability: their sum equals the positives (the intercept's score equation).
    REQUIRE(learned->spec.logistic);
    CHECK(learned->spec.display.mapping == DisplayMapping::probability);
    REQUIRE(learned->weights.size() == run.model.parameters.size());
    for (std::size_t p = 0; p < learned->weights.size(); ++p) {
        CHECK(learned->weights[p].current == run.model.parameters[p].weight);
        CHECK(learned->spec.parameters[p].weight == learned->weights[p].learned);
    }
    // The learned model is a model file like any other: it reads back as it was written.
    const ModelParseResult reread = parse_model_json(model_to_json(learned->spec));
    for (const auto& problem : reread.problems) INFO(problem.parameter << ": " << problem.message);
    REQUIRE(reread.ok());
    CHECK(*reread.spec == learned->spec);
    double probabilities = 0.0;
    EngineResult engine = ScoringEngine::create(learned->spec, run.demo.dataset, context);
    REQUIRE(engine.engine);
    for (const FrozenBatch& batch : run.history.batches) {
        engine.engine->set_reference_date(batch_scores_day(batch));
        for (const FrozenMember& member : batch.members)
            if (const auto label = member_label(run.state, batch, member, coded_risk(), today))
                probabilities += logistic_probability(engine.engine->raw_score(*engine.engine->find_row(member.dossier_id)));
    }
    CHECK(probabilities == doctest::Approx(static_cast<double>(learned->positives)).epsilon(1e-6));

    // The last two months are held out and both weightings are measured on them.
    CHECK(learned->held_out_months == std::vector<std::string>{"2024-07", "2024-08"});
    CHECK(learned->held_out_rows > 0);
    REQUIRE(learned->held_out_auc_learned);
    REQUIRE(learned->held_out_auc_current);
    CHECK(*learned->held_out_auc_learned > 0.0);
    CHECK(*learned->held_out_auc_current > 0.5);  // the simulated risk follows the default model

    const std::string note = provenance_note(*learned, "abc123");
    CHECK(note.find("Dataset SHA-256 abc123.") != std::string::npos);
    CHECK(note.find(label_definition_statement(coded_risk(), TextLanguage::english) + ". Lambda ") != std::string::npos);
    CHECK(note.find("batch months 2024-01 to 2024-08") != std::string::npos);
    CHECK(note.find("Held out 2024-07 to 2024-08") != std::string::npos);
}

TEST_CASE("no labelled screening: refused, never weights fitted on nothing") {
    const History run = simulated_history();
    ScoringContext context;
    const Checked<LearnedWeights> learned = learn_weights(run.model, run.demo.dataset, context, ScreeningState{},
                                                          run.history.batches, coded_risk(), *parse_iso_date("2024-12-01"));
    REQUIRE_FALSE(learned.ok());
    CHECK(learned.error() == "no labelled screenings in the frozen batches");
}
