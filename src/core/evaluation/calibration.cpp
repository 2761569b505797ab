// Calibration bins and band tables.
#include "core/evaluation/calibration.hpp"

#include <algorithm>
#include <cmath>

#include "core/screening/score_band.hpp"

namespace radar {
namespace {

void finish_band(BandRow& row) {
    if (row.count == 0) return;
    row.rate = static_cast<double>(row.positives) / static_cast<double>(row.count);
    row.rate_interval = wilson_interval(static_cast<double>(row.positives), static_cast<double>(row.count));
}

}  // namespace

std::vector<CalibrationBin> calibration_bins(const std::vector<double>& probabilities,
                                             const std::vector<std::uint8_t>& positive, std::size_t bin_count) {
    bin_count = std::max<std::size_t>(1, bin_count);
    std::vector<CalibrationBin> bins(bin_count);
    std::vector<double> sums(bin_count, 0.0);
    for (std::size_t i = 0; i < bin_count; ++i) {
        bins[i].lower = static_cast<double>(i) / static_cast<double>(bin_count);
        bins[i].upper = static_cast<double>(i + 1) / static_cast<double>(bin_count);
    }
    for (std::size_t row = 0; row < probabilities.size(); ++row) {
        const double p = std::min(1.0, std::max(0.0, probabilities[row]));
        const auto bin = std::min(bin_count - 1, static_cast<std::size_t>(p * static_cast<double>(bin_count)));
        ++bins[bin].count;
        bins[bin].positives += positive[row] != 0;
        sums[bin] += p;
    }
    for (std::size_t i = 0; i < bin_count; ++i) {
        if (bins[i].count == 0) continue;
        bins[i].mean_predicted = sums[i] / static_cast<double>(bins[i].count);
        bins[i].observed_rate = static_cast<double>(bins[i].positives) / static_cast<double>(bins[i].count);
    }
    return bins;
}

std::vector<BandRow> display_score_bands(const std::vector<double>& display_scores,
                                         const std::vector<std::uint8_t>& positive) {
    std::vector<BandRow> bands(5);
    for (std::size_t i = 0; i < bands.size(); ++i)
        bands[i].band = std::to_string(20 * i) + "-" + std::to_string(20 * (i + 1));
    for (std::size_t row = 0; row < display_scores.size(); ++row) {
        const double score = std::min(100.0, std::max(0.0, display_scores[row]));
        const auto band = std::min<std::size_t>(4, static_cast<std::size_t>(score / 20.0));
        ++bands[band].count;
        bands[band].positives += positive[row] != 0;
    }
    for (BandRow& band : bands) finish_band(band);
    return bands;
}

std::vector<BandRow> percentile_bands(const std::vector<double>& percentiles,
                                      const std::vector<std::uint8_t>& positive) {
    std::vector<BandRow> bands(score_band_count);
    for (int i = 0; i < score_band_count; ++i)
        bands[static_cast<std::size_t>(i)].band = score_band_key(static_cast<ScoreBand>(i));
    for (std::size_t row = 0; row < percentiles.size(); ++row) {
        BandRow& band = bands[static_cast<std::size_t>(score_band(percentiles[row]))];
        ++band.count;
        band.positives += positive[row] != 0;
    }
    for (BandRow& band : bands) finish_band(band);
    return bands;
}

}  // namespace radar
