// Ranking metrics over scored, labelled dossiers (higher score = looked at first): ROC AUC by the
// rank-sum method, ROC and precision-recall curve points, and counts in the top k of a ranking.
//
// Ties. AUC counts a tied (positive, negative) pair as one half. For the top k, dossiers tied
// with the k-th score are taken in a random order, and the figures are the exact EXPECTED values
// over all such orders (deterministic, no random draw); the best and the worst order are given
// too (DSSG reports best / worst / random). Without ties at the k-th score all three are equal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace radar {

// Probability that a random positive scores above a random negative, ties counting one half:
// (sum of the positives' mid-ranks − P(P+1)/2) / (P·N), O(n log n). None without a positive or
// without a negative. `positive` holds 1 for a positive and 0 for a negative, one per score.
std::optional<double> roc_auc(const std::vector<double>& scores, const std::vector<std::uint8_t>& positive);

// One point per distinct score, from the highest down: everything scoring >= threshold is
// selected. ROC points start at (0, 0) (threshold +infinity) and end at (1, 1).
struct RocPoint {
    double threshold = 0.0;
    double false_positive_rate = 0.0;
    double true_positive_rate = 0.0;
};
std::vector<RocPoint> roc_curve(const std::vector<double>& scores, const std::vector<std::uint8_t>& positive);

struct PrecisionRecallPoint {
    double threshold = 0.0;
    double recall = 0.0;
    double precision = 0.0;
    std::size_t selected = 0;  // dossiers scoring >= threshold
};
// Empty without positives.
std::vector<PrecisionRecallPoint> precision_recall_curve(const std::vector<double>& scores,
                                                         const std::vector<std::uint8_t>& positive);

// How many flagged rows the top k hold (see the tie rule above). k above the row count is
// limited to it.
struct TopKCount {
    std::size_t k = 0;
    double expected = 0.0;        // over random orders of the rows tied at the k-th score
    double best = 0.0;            // flagged tied rows first
    double worst = 0.0;           // flagged tied rows last
    std::size_t tied_at_cut = 0;  // rows with the k-th score (0 when k is 0)
    std::size_t tied_inside = 0;  // of those, how many fit in the top k
};
TopKCount count_in_top_k(const std::vector<double>& scores, const std::vector<std::uint8_t>& flagged, std::size_t k);

// Precision@k = positives in the top k / k; recall@k = positives in the top k / all positives.
struct TopKMetrics {
    std::size_t k = 0;
    TopKCount positives;
    double precision = 0.0;        // expected; best/worst: positives.best / k, positives.worst / k
    std::optional<double> recall;  // none without positives
};
TopKMetrics top_k_metrics(const std::vector<double>& scores, const std::vector<std::uint8_t>& positive, std::size_t k);

// The k used when the caller gives none: 10% of the rows (rounded down), at least 1.
std::size_t default_top_k(std::size_t rows);

}  // namespace radar
