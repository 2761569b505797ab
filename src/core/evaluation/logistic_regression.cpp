// Newton/IRLS with step halving on standardised columns; a Cholesky factorisation of the
// columns' correlation matrix detects a singular design before any iteration.
#include "core/evaluation/logistic_regression.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace radar {
namespace {

// log(1 + e^x) without overflow.
double log1p_exp(double x) { return x > 0.0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x)); }
double sigmoid(double x) {
    if (x >= 0.0) return 1.0 / (1.0 + std::exp(-x));
    const double e = std::exp(x);
    return e / (1.0 + e);
}

// In-place Cholesky of a symmetric d×d matrix (row-major, lower triangle used). Returns the
// first column whose pivot falls below `tolerance` times its diagonal entry, or d on success.
std::size_t cholesky(std::vector<double>& a, std::size_t d, double tolerance) {
    for (std::size_t j = 0; j < d; ++j) {
        const double diagonal = a[j * d + j];
        double sum = diagonal;
        for (std::size_t k = 0; k < j; ++k) sum -= a[j * d + k] * a[j * d + k];
        if (!(sum > tolerance * std::max(diagonal, 1e-300))) return j;
        const double pivot = std::sqrt(sum);
        a[j * d + j] = pivot;
        for (std::size_t i = j + 1; i < d; ++i) {
            double value = a[i * d + j];
            for (std::size_t k = 0; k < j; ++k) value -= a[i * d + k] * a[j * d + k];
            a[i * d + j] = value / pivot;
        }
    }
    return d;
}

// Solves L·Lᵀ·x = b with the factor from cholesky().
std::vector<double> cholesky_solve(const std::vector<double>& l, std::size_t d, std::vector<double> b) {
    for (std::size_t i = 0; i < d; ++i) {
        for (std::size_t k = 0; k < i; ++k) b[i] -= l[i * d + k] * b[k];
        b[i] /= l[i * d + i];
    }
    for (std::size_t i = d; i-- > 0;) {
        for (std::size_t k = i + 1; k < d; ++k) b[i] -= l[k * d + i] * b[k];
        b[i] /= l[i * d + i];
    }
    return b;
}

// The fitted rows' standardised columns with a leading 1 (the intercept): n × d, row-major.
struct Standardised {
    std::size_t n = 0;
    std::size_t d = 0;
    std::vector<double> z;
    std::vector<double> y;
    std::vector<std::size_t> active;  // design column of z's column j + 1
    std::vector<double> mean;         // per active column
    std::vector<double> sd;
};

// Penalised objective (1/n)·Σ[log(1+e^η) − yη] + (λ/2)·Σβ² and the linear predictors.
double objective(const Standardised& data, const std::vector<double>& theta, double lambda, std::vector<double>& eta) {
    double loss = 0.0;
    for (std::size_t i = 0; i < data.n; ++i) {
        const double* row = &data.z[i * data.d];
        double value = 0.0;
        for (std::size_t j = 0; j < data.d; ++j) value += row[j] * theta[j];
        eta[i] = value;
        loss += log1p_exp(value) - data.y[i] * value;
    }
    double penalty = 0.0;
    for (std::size_t j = 1; j < data.d; ++j) penalty += theta[j] * theta[j];
    return loss / static_cast<double>(data.n) + 0.5 * lambda * penalty;
}

}  // namespace

double LogisticFit::linear_predictor(const DesignMatrix& design, std::size_t row) const {
    double value = intercept;
    for (std::size_t j = 0; j < coefficients.size(); ++j) value += coefficients[j] * design.at(row, j);
    return value;
}

Checked<LogisticFit> fit_logistic(const DesignMatrix& design, const std::vector<std::uint8_t>& positive,
                                  const std::vector<std::uint32_t>& rows_given, const LogisticOptions& options) {
    using Result = Checked<LogisticFit>;
    if (positive.size() != design.rows) return Result::failure("the labels must have one entry per design row");
    if (!(options.lambda >= 0.0) || !std::isfinite(options.lambda)) return Result::failure("lambda must be 0 or more");
    std::vector<std::uint32_t> rows = rows_given;
    if (rows.empty()) {
        rows.resize(design.rows);
        std::iota(rows.begin(), rows.end(), 0u);
    }
    Standardised data;
    data.n = rows.size();
    std::size_t positives = 0;
    for (std::uint32_t row : rows) positives += positive[row] != 0;
    if (positives == 0) return Result::failure("no positive rows: a logistic model needs both outcomes");
    if (positives == data.n) return Result::failure("no negative rows: a logistic model needs both outcomes");

    const std::size_t p = design.columns;
    std::vector<double> mean(p, 0.0);
    std::vector<double> spread(p, 0.0);
    for (std::uint32_t row : rows)
        for (std::size_t j = 0; j < p; ++j) {
            const double x = design.at(row, j);
            if (!std::isfinite(x))
                return Result::failure("column '" + design.names[j] + "' has a value that is not a finite number");
            mean[j] += x;
        }
    for (double& m : mean) m /= static_cast<double>(data.n);
    for (std::uint32_t row : rows)
        for (std::size_t j = 0; j < p; ++j) spread[j] += (design.at(row, j) - mean[j]) * (design.at(row, j) - mean[j]);
    LogisticFit fit;
    fit.lambda = options.lambda;
    fit.rows = data.n;
    fit.positives = positives;
    for (std::size_t j = 0; j < p; ++j) {
        const double sd = std::sqrt(spread[j] / static_cast<double>(data.n));
        if (sd > 1e-12 * (1.0 + std::fabs(mean[j]))) {
            data.active.push_back(j);
            data.mean.push_back(mean[j]);
            data.sd.push_back(sd);
        } else {
            fit.constant_columns.push_back(j);
        }
    }
    const std::size_t q = data.active.size();
    data.d = q + 1;
    data.z.resize(data.n * data.d);
    data.y.resize(data.n);
    for (std::size_t i = 0; i < data.n; ++i) {
        double* out = &data.z[i * data.d];
        out[0] = 1.0;
        for (std::size_t j = 0; j < q; ++j)
            out[j + 1] = (design.at(rows[i], data.active[j]) - data.mean[j]) / data.sd[j];
        data.y[i] = positive[rows[i]] != 0 ? 1.0 : 0.0;
    }

    // Singular design: the standardised columns' correlation matrix is not positive definite.
    std::vector<double> correlation(q * q, 0.0);
    for (std::size_t i = 0; i < data.n; ++i) {
        const double* z = &data.z[i * data.d + 1];
        for (std::size_t a = 0; a < q; ++a)
            for (std::size_t b = 0; b <= a; ++b) correlation[a * q + b] += z[a] * z[b];
    }
    for (std::size_t a = 0; a < q; ++a)
        for (std::size_t b = 0; b <= a; ++b)
            correlation[b * q + a] = correlation[a * q + b] /= static_cast<double>(data.n);
    if (const std::size_t failed = cholesky(correlation, q, 1e-9); failed < q)
        return Result::failure("the design is singular: column '" + design.names[data.active[failed]] +
                               "' is (nearly) a linear combination of the columns before it");

    const double base_rate = static_cast<double>(positives) / static_cast<double>(data.n);
    std::vector<double> theta(data.d, 0.0);
    theta[0] = std::log(base_rate / (1.0 - base_rate));
    if (options.start && options.start->coefficients.size() == p) {
        theta[0] = options.start->intercept;
        for (std::size_t j = 0; j < q; ++j) {
            const double coefficient = options.start->coefficients[data.active[j]];
            theta[j + 1] = coefficient * data.sd[j];
            theta[0] += coefficient * data.mean[j];
        }
    }
    std::vector<double> eta(data.n);
    std::vector<double> trial_eta(data.n);
    double current = objective(data, theta, options.lambda, eta);
    const std::size_t d = data.d;
    for (fit.iterations = 0; fit.iterations < options.max_iterations;) {
        std::vector<double> gradient(d, 0.0);
        std::vector<double> hessian(d * d, 0.0);
        for (std::size_t i = 0; i < data.n; ++i) {
            const double* z = &data.z[i * d];
            const double mu = sigmoid(eta[i]);
            const double residual = mu - data.y[i];
            const double weight = mu * (1.0 - mu);
            for (std::size_t a = 0; a < d; ++a) {
                gradient[a] += residual * z[a];
                const double wz = weight * z[a];
                double* h = &hessian[a * d];
                for (std::size_t b = 0; b <= a; ++b) h[b] += wz * z[b];
            }
        }
        const double inverse_n = 1.0 / static_cast<double>(data.n);
        for (std::size_t a = 0; a < d; ++a) {
            gradient[a] = gradient[a] * inverse_n + (a > 0 ? options.lambda * theta[a] : 0.0);
            for (std::size_t b = 0; b <= a; ++b) hessian[a * d + b] *= inverse_n;
            if (a > 0) hessian[a * d + a] += options.lambda;
        }
        if (cholesky(hessian, d, 1e-14) < d) {  // a flat likelihood: the classes are separated
            fit.separated = options.lambda == 0.0;
            break;
        }
        const std::vector<double> step = cholesky_solve(hessian, d, gradient);
        const double decrement = std::inner_product(gradient.begin(), gradient.end(), step.begin(), 0.0);
        ++fit.iterations;
        if (decrement < 1e-20) {
            fit.converged = true;
            break;
        }
        double t = 1.0;
        std::vector<double> trial(d);
        double next = current;
        for (int halving = 0; halving < 60; ++halving, t *= 0.5) {
            for (std::size_t j = 0; j < d; ++j) trial[j] = theta[j] - t * step[j];
            next = objective(data, trial, options.lambda, trial_eta);
            if (next <= current - 0.25 * t * decrement) break;
        }
        if (!(next < current)) {
            fit.converged = decrement < 1e-12;
            break;
        }
        theta = trial;
        eta.swap(trial_eta);
        current = next;
        if (decrement < 1e-16) {
            fit.converged = true;
            break;
        }
        if (options.lambda == 0.0 &&
            std::any_of(theta.begin() + 1, theta.end(), [](double beta) { return std::fabs(beta) > 30.0; })) {
            fit.separated = true;
            break;
        }
    }

    fit.coefficients.assign(p, 0.0);
    fit.intercept = theta[0];
    for (std::size_t j = 0; j < q; ++j) {
        const double coefficient = theta[j + 1] / data.sd[j];
        fit.coefficients[data.active[j]] = coefficient;
        fit.intercept -= coefficient * data.mean[j];
    }
    double log_likelihood = 0.0;
    for (std::size_t i = 0; i < data.n; ++i) log_likelihood += data.y[i] * eta[i] - log1p_exp(eta[i]);
    fit.log_likelihood = log_likelihood;
    fit.null_log_likelihood = static_cast<double>(positives) * std::log(base_rate) +
                              static_cast<double>(data.n - positives) * std::log(1.0 - base_rate);
    return fit;
}

double mean_log_loss(const LogisticFit& fit, const DesignMatrix& design, const std::vector<std::uint8_t>& positive,
                     const std::vector<std::uint32_t>& rows) {
    if (rows.empty()) return 0.0;
    double loss = 0.0;
    for (std::uint32_t row : rows) {
        const double probability = std::min(1.0 - 1e-15, std::max(1e-15, sigmoid(fit.linear_predictor(design, row))));
        loss -= positive[row] ? std::log(probability) : std::log(1.0 - probability);
    }
    return loss / static_cast<double>(rows.size());
}

}  // namespace radar
