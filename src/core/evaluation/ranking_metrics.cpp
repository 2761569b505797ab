// Rank-sum AUC, curves and top-k counts; every function sorts once, O(n log n).
#include "core/evaluation/ranking_metrics.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

namespace radar {
namespace {

// Row indices from the highest score down (ties in row order, which no figure depends on).
std::vector<std::uint32_t> order_by_score_descending(const std::vector<double>& scores) {
    std::vector<std::uint32_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return scores[a] > scores[b]; });
    return order;
}

std::size_t count_positive(const std::vector<std::uint8_t>& positive) {
    return static_cast<std::size_t>(
        std::count_if(positive.begin(), positive.end(), [](std::uint8_t v) { return v != 0; }));
}

}  // namespace

std::optional<double> roc_auc(const std::vector<double>& scores, const std::vector<std::uint8_t>& positive) {
    const std::size_t n = scores.size();
    const double positives = static_cast<double>(count_positive(positive));
    const double negatives = static_cast<double>(n) - positives;
    if (positives == 0.0 || negatives == 0.0) return std::nullopt;
    std::vector<std::uint32_t> order = order_by_score_descending(scores);
    std::reverse(order.begin(), order.end());  // ascending: rank 1 = lowest score
    double positive_rank_sum = 0.0;
    for (std::size_t start = 0; start < n;) {
        std::size_t end = start;
        std::size_t group_positives = 0;
        while (end < n && scores[order[end]] == scores[order[start]]) group_positives += positive[order[end++]] != 0;
        const double mid_rank = (static_cast<double>(start + 1) + static_cast<double>(end)) / 2.0;
        positive_rank_sum += mid_rank * static_cast<double>(group_positives);
        start = end;
    }
    return (positive_rank_sum - positives * (positives + 1.0) / 2.0) / (positives * negatives);
}

std::vector<RocPoint> roc_curve(const std::vector<double>& scores, const std::vector<std::uint8_t>& positive) {
    const std::size_t n = scores.size();
    const double positives = static_cast<double>(count_positive(positive));
    const double negatives = static_cast<double>(n) - positives;
    std::vector<RocPoint> points;
    if (positives == 0.0 || negatives == 0.0) return points;
    const std::vector<std::uint32_t> order = order_by_score_descending(scores);
    points.push_back({std::numeric_limits<double>::infinity(), 0.0, 0.0});
    double true_positives = 0.0;
    double false_positives = 0.0;
    for (std::size_t start = 0; start < n;) {
        std::size_t end = start;
        while (end < n && scores[order[end]] == scores[order[start]]) {
            (positive[order[end]] ? true_positives : false_positives) += 1.0;
            ++end;
        }
        points.push_back({scores[order[start]], false_positives / negatives, true_positives / positives});
        start = end;
    }
    return points;
}

std::vector<PrecisionRecallPoint> precision_recall_curve(const std::vector<double>& scores,
                                                         const std::vector<std::uint8_t>& positive) {
    const std::size_t n = scores.size();
    const double positives = static_cast<double>(count_positive(positive));
    std::vector<PrecisionRecallPoint> points;
    if (positives == 0.0) return points;
    const std::vector<std::uint32_t> order = order_by_score_descending(scores);
    double true_positives = 0.0;
    for (std::size_t start = 0; start < n;) {
        std::size_t end = start;
        while (end < n && scores[order[end]] == scores[order[start]]) true_positives += positive[order[end++]] != 0;
        points.push_back(
            {scores[order[start]], true_positives / positives, true_positives / static_cast<double>(end), end});
        start = end;
    }
    return points;
}

TopKCount count_in_top_k(const std::vector<double>& scores, const std::vector<std::uint8_t>& flagged, std::size_t k) {
    TopKCount count;
    count.k = std::min(k, scores.size());
    if (count.k == 0) return count;
    std::vector<std::uint32_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0u);
    std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count.k - 1), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return scores[a] > scores[b]; });
    const double cut = scores[order[count.k - 1]];
    std::size_t above = 0;
    std::size_t flagged_above = 0;
    std::size_t flagged_tied = 0;
    for (std::size_t row = 0; row < scores.size(); ++row) {
        if (scores[row] > cut) {
            ++above;
            flagged_above += flagged[row] != 0;
        } else if (scores[row] == cut) {
            ++count.tied_at_cut;
            flagged_tied += flagged[row] != 0;
        }
    }
    count.tied_inside = count.k - above;
    const double inside = static_cast<double>(count.tied_inside);
    const double unflagged_tied = static_cast<double>(count.tied_at_cut - flagged_tied);
    count.expected = static_cast<double>(flagged_above) +
                     inside * static_cast<double>(flagged_tied) / static_cast<double>(count.tied_at_cut);
    count.best = static_cast<double>(flagged_above) + std::min(inside, static_cast<double>(flagged_tied));
    count.worst = static_cast<double>(flagged_above) + std::max(0.0, inside - unflagged_tied);
    return count;
}

TopKMetrics top_k_metrics(const std::vector<double>& scores, const std::vector<std::uint8_t>& positive, std::size_t k) {
    TopKMetrics metrics;
    metrics.positives = count_in_top_k(scores, positive, k);
    metrics.k = metrics.positives.k;
    if (metrics.k > 0) metrics.precision = metrics.positives.expected / static_cast<double>(metrics.k);
    const std::size_t positives = count_positive(positive);
    if (positives > 0) metrics.recall = metrics.positives.expected / static_cast<double>(positives);
    return metrics;
}

std::size_t default_top_k(std::size_t rows) { return std::max<std::size_t>(1, rows / 10); }

}  // namespace radar
