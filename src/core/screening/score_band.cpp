// Score percentiles, bands and the note rule.
#include "core/screening/score_band.hpp"

namespace radar {

double score_percentile(std::uint32_t rank, std::uint32_t total) {
    if (total == 0 || rank == 0 || rank > total) return 0.0;
    // Exact integers divided once: a band boundary like 90 is hit exactly, never 89.999...
    return 100.0 * static_cast<double>(2 * (total - rank) + 1) / (2.0 * static_cast<double>(total));
}

ScoreBand score_band(double percentile) {
    if (percentile >= 90.0) return ScoreBand::top_10;
    if (percentile >= 75.0) return ScoreBand::from_10_to_25;
    if (percentile >= 50.0) return ScoreBand::from_25_to_50;
    return ScoreBand::bottom_50;
}

const char* score_band_key(ScoreBand band) {
    switch (band) {
        case ScoreBand::top_10: return "top_10";
        case ScoreBand::from_10_to_25: return "10_25";
        case ScoreBand::from_25_to_50: return "25_50";
        case ScoreBand::bottom_50: return "bottom_50";
    }
    return "";
}

const char* score_band_label(ScoreBand band) {
    switch (band) {
        case ScoreBand::top_10: return "top 10%";
        case ScoreBand::from_10_to_25: return "10-25%";
        case ScoreBand::from_25_to_50: return "25-50%";
        case ScoreBand::bottom_50: return "50-100%";
    }
    return "";
}

bool note_required(ScreeningCode code, std::optional<double> percentile) {
    if (!percentile) return false;
    const ScoreBand band = score_band(*percentile);
    if (code == ScreeningCode::geen_risico) return band == ScoreBand::top_10;
    if (code == ScreeningCode::risico) return band == ScoreBand::bottom_50;
    return false;
}

}  // namespace radar
