// Choosing the L2 penalty λ of a logistic fit by cross-validation, from a grid, by the mean
// held-out log-loss over the folds (lower is better; on equal loss the larger λ wins).
//
// Temporal (when every row has a period, e.g. a month index): the distinct periods in order
// p1 < p2 < ... < pm; fold s trains on every row with a period before p_s and tests on the rows of
// p_s, for the last `max_folds` periods (the first period only trains). Nothing from the future
// leaks into a fold's training rows (DSSG's temporal cross-validation).
// k-fold (no periods, or fewer than two distinct ones): rows shuffled with a fixed seed and dealt
// into `max_folds` folds; each fold is tested once on a fit to the others.
// A fold whose training rows lack a positive or a negative is skipped; a λ whose fit fails or does
// not converge on some fold (λ = 0 with separated classes) is not chosen.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/base/checked.hpp"
#include "core/evaluation/logistic_regression.hpp"

namespace radar {

enum class CrossValidation { temporal, k_fold };

// 0, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1.
std::vector<double> default_lambda_grid();

struct LambdaSelectionOptions {
    std::vector<double> grid = default_lambda_grid();
    std::size_t max_folds = 5;
    std::uint64_t seed = 20240101;  // k-fold shuffle
};

struct LambdaScore {
    double lambda = 0.0;
    double mean_log_loss = 0.0;  // over the folds it was fitted on
    std::size_t folds = 0;       // folds with a converged fit
    bool eligible = false;       // converged on every usable fold
};

struct LambdaChoice {
    double lambda = 0.0;
    CrossValidation method = CrossValidation::k_fold;
    std::size_t folds = 0;            // usable folds
    std::vector<LambdaScore> scores;  // one per grid value, in grid order
};

// `periods` is empty or has one entry per design row. Fails when no fold is usable or no λ fits
// on every fold.
Checked<LambdaChoice> choose_lambda(const DesignMatrix& design, const std::vector<std::uint8_t>& positive,
                                    const std::vector<std::int64_t>& periods, const LambdaSelectionOptions& options);

}  // namespace radar
