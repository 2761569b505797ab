// Temporal and k-fold cross-validation over a λ grid.
#include "core/evaluation/lambda_selection.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <optional>
#include <set>

#include "core/base/random.hpp"

namespace radar {
namespace {

struct Fold {
    std::vector<std::uint32_t> train;
    std::vector<std::uint32_t> test;
};

bool has_both_outcomes(const std::vector<std::uint32_t>& rows, const std::vector<std::uint8_t>& positive) {
    bool seen_positive = false;
    bool seen_negative = false;
    for (std::uint32_t row : rows) (positive[row] ? seen_positive : seen_negative) = true;
    return seen_positive && seen_negative;
}

std::vector<Fold> temporal_folds(const std::vector<std::int64_t>& periods, std::size_t max_folds) {
    const std::set<std::int64_t> distinct(periods.begin(), periods.end());
    const std::vector<std::int64_t> ordered(distinct.begin(), distinct.end());
    std::vector<Fold> folds;
    const std::size_t first = ordered.size() > max_folds ? ordered.size() - max_folds : 1;
    for (std::size_t s = first; s < ordered.size(); ++s) {
        Fold fold;
        for (std::uint32_t row = 0; row < periods.size(); ++row) {
            if (periods[row] < ordered[s])
                fold.train.push_back(row);
            else if (periods[row] == ordered[s])
                fold.test.push_back(row);
        }
        folds.push_back(std::move(fold));
    }
    return folds;
}

std::vector<Fold> shuffled_folds(std::size_t rows, std::size_t fold_count, std::uint64_t seed) {
    std::vector<std::uint32_t> order(rows);
    std::iota(order.begin(), order.end(), 0u);
    Random random(seed);
    for (std::size_t i = rows; i > 1; --i) std::swap(order[i - 1], order[random.below(static_cast<std::uint32_t>(i))]);
    fold_count = std::max<std::size_t>(2, std::min(fold_count, rows));
    std::vector<Fold> folds(fold_count);
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t f = 0; f < fold_count; ++f)
            (i % fold_count == f ? folds[f].test : folds[f].train).push_back(order[i]);
    for (Fold& fold : folds) {
        std::sort(fold.train.begin(), fold.train.end());
        std::sort(fold.test.begin(), fold.test.end());
    }
    return folds;
}

}  // namespace

std::vector<double> default_lambda_grid() { return {0.0, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1}; }

Checked<LambdaChoice> choose_lambda(const DesignMatrix& design, const std::vector<std::uint8_t>& positive,
                                    const std::vector<std::int64_t>& periods, const LambdaSelectionOptions& options) {
    using Result = Checked<LambdaChoice>;
    if (!periods.empty() && periods.size() != design.rows)
        return Result::failure("the periods must have one entry per row");
    if (options.grid.empty()) return Result::failure("the lambda grid is empty");
    LambdaChoice choice;
    const bool temporal = !periods.empty() && std::set<std::int64_t>(periods.begin(), periods.end()).size() >= 2;
    choice.method = temporal ? CrossValidation::temporal : CrossValidation::k_fold;
    std::vector<Fold> folds = temporal ? temporal_folds(periods, options.max_folds)
                                       : shuffled_folds(design.rows, options.max_folds, options.seed);
    folds.erase(
        std::remove_if(folds.begin(), folds.end(),
                       [&](const Fold& fold) { return fold.test.empty() || !has_both_outcomes(fold.train, positive); }),
        folds.end());
    choice.folds = folds.size();
    if (folds.empty()) return Result::failure("no cross-validation fold has training rows with both outcomes");
    std::vector<double> totals(options.grid.size(), 0.0);
    choice.scores.resize(options.grid.size());
    for (const Fold& fold : folds) {
        std::optional<LogisticFit> previous;  // warm start along the grid
        for (std::size_t g = 0; g < options.grid.size(); ++g) {
            LogisticOptions fit_options;
            fit_options.lambda = options.grid[g];
            fit_options.start = previous ? &*previous : nullptr;
            Checked<LogisticFit> fit = fit_logistic(design, positive, fold.train, fit_options);
            if (!fit || !fit->converged) continue;
            totals[g] += mean_log_loss(*fit, design, positive, fold.test);
            ++choice.scores[g].folds;
            previous = std::move(*fit);
        }
    }
    for (std::size_t g = 0; g < options.grid.size(); ++g) {
        LambdaScore& score = choice.scores[g];
        score.lambda = options.grid[g];
        score.eligible = score.folds == folds.size();
        score.mean_log_loss =
            score.folds > 0 ? totals[g] / static_cast<double>(score.folds) : std::numeric_limits<double>::infinity();
    }
    const LambdaScore* best = nullptr;
    for (const LambdaScore& score : choice.scores)
        if (score.eligible && (!best || score.mean_log_loss < best->mean_log_loss ||
                               (score.mean_log_loss == best->mean_log_loss && score.lambda > best->lambda)))
            best = &score;
    if (!best) return Result::failure("no lambda of the grid gave a converged fit on every fold");
    choice.lambda = best->lambda;
    return choice;
}

}  // namespace radar
