// L2-regularised logistic regression by Newton's method (IRLS) on standardised columns.
//
// Minimises  −(1/n)·Σ log-likelihood + (λ/2)·Σ β_j²  over the standardised columns
// z_j = (x_j − mean_j) / sd_j (sd over the fitted rows, divisor n); the intercept is not
// penalised, so λ means the same for any units and row count. Coefficients come back in the
// columns' ORIGINAL units. A column that takes one value on the fitted rows cannot be
// standardised: it gets coefficient 0 and is listed in `constant_columns` (cross-validation folds
// can lose a rare category). A design whose columns are linearly dependent is refused.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/base/checked.hpp"

namespace radar {

// Row-major numbers: values[row * columns + column].
struct DesignMatrix {
    std::size_t rows = 0;
    std::size_t columns = 0;
    std::vector<double> values;
    std::vector<std::string> names;  // one per column, for messages
    double at(std::size_t row, std::size_t column) const { return values[row * columns + column]; }
};

struct LogisticFit;

struct LogisticOptions {
    double lambda = 0.0;
    int max_iterations = 100;
    // Starting point: a converged fit on the same design columns (e.g. at the previous λ of a
    // grid); it changes the iterations needed, not the optimum.
    const LogisticFit* start = nullptr;
};

struct LogisticFit {
    double lambda = 0.0;
    double intercept = 0.0;            // original units
    std::vector<double> coefficients;  // original units, one per design column
    std::vector<std::size_t> constant_columns;
    int iterations = 0;
    bool converged = false;
    // Set when λ = 0 and a standardised coefficient grew beyond ±30: the classes are (nearly)
    // separated and the unpenalised estimate does not exist (converged is then false).
    bool separated = false;
    double log_likelihood = 0.0;       // unpenalised, summed over the fitted rows
    double null_log_likelihood = 0.0;  // intercept-only model on the same rows
    std::size_t rows = 0;
    std::size_t positives = 0;

    // intercept + Σ coefficient·x for one row of a design with the same columns.
    double linear_predictor(const DesignMatrix& design, std::size_t row) const;
};

// Fits on `rows` of the design (all rows when empty); `positive` has one 0/1 per design row.
// Refuses: no positive or no negative among the rows, a non-finite value, a singular design
// (naming the first column that is a combination of the ones before it), λ < 0.
Checked<LogisticFit> fit_logistic(const DesignMatrix& design, const std::vector<std::uint8_t>& positive,
                                  const std::vector<std::uint32_t>& rows, const LogisticOptions& options);

// Mean held-out log-loss of a fit on `rows` of the design (probabilities clipped to 1e-15).
double mean_log_loss(const LogisticFit& fit, const DesignMatrix& design, const std::vector<std::uint8_t>& positive,
                     const std::vector<std::uint32_t>& rows);

}  // namespace radar
