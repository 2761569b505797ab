// Tables of observed outcomes against the score: calibration bins for probabilities (predicted
// mean vs observed rate) and the positive rate per band of the 0-100 display score or of the
// ranking percentile (the bands of screening/score_band.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/evaluation/proportion_interval.hpp"

namespace radar {

// Probabilities in [lower, upper); the last bin includes 1. Empty bins are listed with count 0.
struct CalibrationBin {
    double lower = 0.0;
    double upper = 0.0;
    std::size_t count = 0;
    std::size_t positives = 0;
    double mean_predicted = 0.0;  // 0 for an empty bin
    double observed_rate = 0.0;   // positives / count; 0 for an empty bin
};
// `bin_count` equal-width bins over 0..1 (at least 1).
std::vector<CalibrationBin> calibration_bins(const std::vector<double>& probabilities,
                                             const std::vector<std::uint8_t>& positive, std::size_t bin_count = 10);

// Rows of one band and how many of them were positive.
struct BandRow {
    std::string band;  // "0-20", ..., "80-100"; or a score_band_key ("top_10", ...)
    std::size_t count = 0;
    std::size_t positives = 0;
    std::optional<double> rate;             // none for an empty band
    std::optional<Interval> rate_interval;  // Wilson 95%
};
// Display score (0-100) in bands of 20 points: [0,20), [20,40), [40,60), [60,80), [80,100].
std::vector<BandRow> display_score_bands(const std::vector<double>& display_scores,
                                         const std::vector<std::uint8_t>& positive);
// Ranking percentile (0-100, score_percentile(rank, ranked) as the screening and the report use)
// in the screening bands: top 10%, 10-25%, 25-50%, bottom 50%, in that order.
std::vector<BandRow> percentile_bands(const std::vector<double>& percentiles,
                                      const std::vector<std::uint8_t>& positive);

}  // namespace radar
