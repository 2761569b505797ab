// Re-scoring as of the batch's scores_as_of, then re-running the rule.
#include "core/selection/batch_verification.hpp"

#include "core/model/model_json.hpp"

namespace radar {

Checked<ReproductionReport> verify_batch(const FrozenBatch& batch, const Dataset& dataset, const ModelSpec& spec,
                                         ScoringContext context, const std::string& dataset_hash) {
    context.reference_date = batch.scores_as_of;
    const EngineResult engine = ScoringEngine::create(spec, dataset, std::move(context));
    if (!engine.engine)
        return Checked<ReproductionReport>::failure("the model cannot score this dataset:\n" +
                                                    describe_problems(engine.problems));
    return reproduce_batch(batch, dataset, engine.engine->raw_scores(), model_version_id(spec), dataset_hash);
}

}  // namespace radar
