// evaluate_ranking: the small metric functions put together.
#include "core/evaluation/evaluation_summary.hpp"

#include <algorithm>
#include <string>

namespace radar {

const char* base_rate_source_name(BaseRateSource source) {
    return source == BaseRateSource::control_sample ? "control_sample" : "evaluated_rows";
}

Checked<EvaluationSummary> evaluate_ranking(const EvaluationRequest& request) {
    using Result = Checked<EvaluationSummary>;
    const std::size_t rows = request.scores.size();
    auto optional_matches = [&](std::size_t size) { return size == 0 || size == rows; };
    if (request.positive.size() != rows || !optional_matches(request.probabilities.size()) ||
        !optional_matches(request.display_scores.size()) || !optional_matches(request.percentiles.size())) {
        return Result::failure("every per-dossier list must have one entry per score (" + std::to_string(rows) + ")");
    }
    if (request.control && request.control->positives > request.control->screened) {
        return Result::failure("the control sample has more positives than screened dossiers");
    }
    EvaluationSummary summary;
    summary.rows = rows;
    summary.positives = static_cast<std::size_t>(
        std::count_if(request.positive.begin(), request.positive.end(), [](std::uint8_t v) { return v != 0; }));
    summary.auc = roc_auc(request.scores, request.positive);
    summary.at_k = top_k_metrics(request.scores, request.positive, request.k == 0 ? default_top_k(rows) : request.k);
    const double k = static_cast<double>(summary.at_k.k);
    summary.precision_interval = wilson_interval(summary.at_k.positives.expected, k);

    double base_positives = static_cast<double>(summary.positives);
    double base_rows = static_cast<double>(rows);
    if (request.control) {
        summary.base_rate_source = BaseRateSource::control_sample;
        base_positives = static_cast<double>(request.control->positives);
        base_rows = static_cast<double>(request.control->screened);
    }
    if (base_rows > 0.0) {
        summary.base_rate = base_positives / base_rows;
        summary.base_rate_interval = wilson_interval(base_positives, base_rows);
    }
    summary.lift = katz_ratio(summary.at_k.positives.expected, k, base_positives, base_rows);
    if (request.control && summary.base_rate && request.population > 0) {
        summary.estimated_population_positives = *summary.base_rate * static_cast<double>(request.population);
        if (*summary.estimated_population_positives > 0.0)
            summary.estimated_recall = summary.at_k.positives.expected / *summary.estimated_population_positives;
    }

    summary.roc = roc_curve(request.scores, request.positive);
    summary.precision_recall = precision_recall_curve(request.scores, request.positive);
    if (!request.probabilities.empty())
        summary.calibration = calibration_bins(request.probabilities, request.positive, request.calibration_bin_count);
    if (!request.display_scores.empty())
        summary.display_bands = display_score_bands(request.display_scores, request.positive);
    if (!request.percentiles.empty())
        summary.percentile_bands = percentile_bands(request.percentiles, request.positive);
    return summary;
}

}  // namespace radar
