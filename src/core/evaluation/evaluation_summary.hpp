// One call for a screen or the CLI: every ranking figure for a set of scored, labelled dossiers
// (AUC, top-k precision/recall/lift with intervals, curves, calibration, band tables).
//
// Selective labels: outcomes exist only for dossiers that were screened, and the score chose most
// of them, so their positive rate is not the population's. Only a random control sample,
// screened like the rest, gives an unbiased base rate; pass it as `control` and the lift and the
// estimated recall are measured against it. Without it the base rate is that of the evaluated
// rows, and lift then only says how the top k compares to the rest of the evaluated rows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/base/checked.hpp"
#include "core/evaluation/calibration.hpp"
#include "core/evaluation/proportion_interval.hpp"
#include "core/evaluation/ranking_metrics.hpp"

namespace radar {

// A random control sample: dossiers drawn at random and screened blind, and how many were positive.
struct ControlSample {
    std::size_t screened = 0;
    std::size_t positives = 0;
};

struct EvaluationRequest {
    std::vector<double> scores;            // the ranking score (higher = first), one per evaluated dossier
    std::vector<std::uint8_t> positive;    // 1 positive, 0 negative, one per score
    std::vector<double> probabilities;     // optional (logistic models): calibration bins
    std::vector<double> display_scores;    // optional: 0-100 display score bands
    std::vector<double> percentiles;       // optional: score_percentile(rank, ranked) for the band table
    std::size_t k = 0;                     // 0: default_top_k(rows)
    std::optional<ControlSample> control;  // unbiased base rate (see above)
    std::size_t population = 0;            // dossiers in the ranked population; with `control`: estimated recall
    std::size_t calibration_bin_count = 10;
};

enum class BaseRateSource { evaluated_rows, control_sample };
const char* base_rate_source_name(BaseRateSource source);  // "evaluated_rows", "control_sample"

struct EvaluationSummary {
    std::size_t rows = 0;
    std::size_t positives = 0;
    std::optional<double> auc;  // ties count one half; none without positives or negatives

    // Top k (expected over random orders of rows tied at the k-th score; best/worst in `at_k`).
    TopKMetrics at_k;
    std::optional<Interval> precision_interval;  // Wilson 95%

    BaseRateSource base_rate_source = BaseRateSource::evaluated_rows;
    std::optional<double> base_rate;
    std::optional<Interval> base_rate_interval;  // Wilson 95%
    // precision@k / base rate, with the Katz 95% interval. Against a control sample the two
    // proportions are independent; against the evaluated rows the top k is part of the base, so
    // the interval is wider than it needs to be (conservative).
    RatioEstimate lift;

    // Only with a control sample and a population size: positives in the population estimated
    // as base rate × population, and the share of those the top k found.
    std::optional<double> estimated_population_positives;
    std::optional<double> estimated_recall;

    std::vector<RocPoint> roc;
    std::vector<PrecisionRecallPoint> precision_recall;
    std::vector<CalibrationBin> calibration;  // empty without probabilities
    std::vector<BandRow> display_bands;       // empty without display scores
    std::vector<BandRow> percentile_bands;    // empty without percentiles
};

// Refuses (names the problem) when a per-row list differs in length from `scores`.
Checked<EvaluationSummary> evaluate_ranking(const EvaluationRequest& request);

}  // namespace radar
