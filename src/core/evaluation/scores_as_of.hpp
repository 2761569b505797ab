// Scores "as of" earlier days, for backtests that rank the dossiers as of each month's start. The
// engine's reference date moves the ages of dated inputs (time_since), exactly as a frozen batch
// is reproduced from its scores_as_of (selection/batch_verification.hpp). Counts and other
// values stay those of the dataset: for a faithful past ranking pass the export of that month.
#pragma once

#include <vector>

#include "core/base/checked.hpp"
#include "core/time/civil_date.hpp"
#include "core/data/dataset.hpp"
#include "core/model/model_spec.hpp"
#include "core/model/scoring_engine.hpp"

namespace radar {

// Raw scores of every dataset row with `spec` as of `day` (the context's reference date is
// replaced). A model that cannot score the dataset is a failure naming the problems.
Checked<std::vector<double>> scores_as_of(const ModelSpec& spec, const Dataset& dataset, ScoringContext context,
                                          DayNumber day);

// The same with an engine already built: moves its reference date to `day` (it stays there)
// and returns its raw scores. Cheaper for many days: the model is compiled once.
std::vector<double> scores_as_of(ScoringEngine& engine, DayNumber day);

// The first day of every month from the month of `from` through the month of `to`.
std::vector<DayNumber> month_starts(DayNumber from, DayNumber to);

}  // namespace radar
