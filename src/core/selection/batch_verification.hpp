// Verifying a frozen batch on any later day: re-score the dataset with the batch's model as of
// the day the batch's scores were computed for, then re-run its rule (reproduce_batch).
#pragma once

#include <string>

#include "core/base/checked.hpp"
#include "core/model/model_spec.hpp"
#include "core/model/scoring_engine.hpp"
#include "core/selection/frozen_batch.hpp"

namespace radar {

// `spec` is the model to verify with (the batch's version when the caller still has it; another
// one is reported as a difference); `context` is the caller's scoring context, whose reference
// date is replaced by the batch's scores_as_of. A model that cannot score the dataset (e.g. it
// reads a protected field) is a failure naming the problems, not a difference.
Checked<ReproductionReport> verify_batch(const FrozenBatch& batch, const Dataset& dataset, const ModelSpec& spec,
                                         ScoringContext context, const std::string& dataset_hash);

}  // namespace radar
