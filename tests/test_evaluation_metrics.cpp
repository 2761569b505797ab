// Ranking metrics: AUC against a brute-force pair count over many seeds with many ties, and
// hand-computed precision@k with ties, Wilson bounds, the Katz lift interval, curves, bins.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/evaluation/evaluation_summary.hpp"
#include "core/base/random.hpp"

using namespace radar;

namespace {

// Every (positive, negative) pair: 1 when the positive scores higher, 1/2 when tied.
double brute_force_auc(const std::vector<double>& scores, const std::vector<std::uint8_t>& positive) {
    double wins = 0.0;
    double pairs = 0.0;
    for (std::size_t i = 0; i < scores.size(); ++i)
        for (std::size_t j = 0; j < scores.size(); ++j) {
            if (!positive[i] || positive[j]) continue;
            pairs += 1.0;
            wins += scores[i] > scores[j] ? 1.0 : scores[i] == scores[j] ? 0.5 : 0.0;
        }
    return wins / pairs;
}

}  // namespace

TEST_CASE("AUC with ties equals the brute-force pair count on random data") {
    int compared = 0;
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        Random random(seed);
        const auto n = static_cast<std::size_t>(random.between(2, 80));
        const int distinct = random.between(1, 6);  // few distinct scores: many ties
        std::vector<double> scores(n);
        std::vector<std::uint8_t> positive(n);
        for (std::size_t i = 0; i < n; ++i) {
            scores[i] = random.between(0, distinct - 1) * 0.5;
            positive[i] = random.chance(0.3) ? 1 : 0;
        }
        const auto auc = roc_auc(scores, positive);
        const bool both =
            std::count(positive.begin(), positive.end(), 1) > 0 && std::count(positive.begin(), positive.end(), 0) > 0;
        REQUIRE(auc.has_value() == both);
        if (!both) continue;
        CHECK(*auc == doctest::Approx(brute_force_auc(scores, positive)).epsilon(1e-12));
        ++compared;
    }
    CHECK(compared > 250);
}

TEST_CASE("AUC by hand: a tied pair counts one half") {
    // Positives 0.9 and 0.8, negatives 0.8 and 0.3: pairs 1 + 1 + 1/2 + 1 of 4.
    CHECK(*roc_auc({0.9, 0.8, 0.8, 0.3}, {1, 0, 1, 0}) == doctest::Approx(0.875));
    CHECK(*roc_auc({1, 2, 3}, {1, 0, 0}) == doctest::Approx(0.0));
    CHECK(*roc_auc({7, 7, 7, 7}, {1, 0, 1, 0}) == doctest::Approx(0.5));
    CHECK_FALSE(roc_auc({1, 2}, {1, 1}).has_value());
}

TEST_CASE("precision@k with ties at the k-th score: expected, best and worst") {
    // Score 5 (positive) is in; three dossiers tie at 4 (one positive) for the one place left.
    const std::vector<double> scores = {5, 4, 4, 4, 1};
    const std::vector<std::uint8_t> positive = {1, 1, 0, 0, 1};
    const TopKMetrics at_2 = top_k_metrics(scores, positive, 2);
    CHECK(at_2.k == 2);
    CHECK(at_2.positives.tied_at_cut == 3);
    CHECK(at_2.positives.tied_inside == 1);
    CHECK(at_2.positives.expected == doctest::Approx(1.0 + 1.0 / 3.0));
    CHECK(at_2.positives.best == 2.0);
    CHECK(at_2.positives.worst == 1.0);
    CHECK(at_2.precision == doctest::Approx(2.0 / 3.0));
    CHECK(*at_2.recall == doctest::Approx((4.0 / 3.0) / 3.0));
    // No tie at the cut: all three agree.
    const TopKMetrics at_4 = top_k_metrics(scores, positive, 4);
    CHECK(at_4.positives.expected == 2.0);
    CHECK(at_4.positives.best == 2.0);
    CHECK(at_4.positives.worst == 2.0);
    CHECK(top_k_metrics(scores, positive, 99).k == 5);
    CHECK(default_top_k(5) == 1);
    CHECK(default_top_k(250) == 25);
}

TEST_CASE("Wilson 95% interval by hand") {
    // 8 of 10: centre (0.8 + 1.92/10) / 1.384, half-width 1.96/1.384 * sqrt(0.016 + 0.0096).
    const auto eight = wilson_interval(8, 10);
    CHECK(eight->low == doctest::Approx(0.4902).epsilon(1e-4));
    CHECK(eight->high == doctest::Approx(0.9433).epsilon(1e-4));
    const auto none = wilson_interval(0, 10);
    CHECK(none->low == 0.0);
    CHECK(none->high == doctest::Approx(0.2775).epsilon(1e-4));
    CHECK_FALSE(wilson_interval(0, 0).has_value());
}

TEST_CASE("lift against a control sample: Katz log interval by hand") {
    // Top 10 hold 8 positives; the random control sample 20 of 100: lift 0.8 / 0.2 = 4,
    // se(log) = sqrt(1/8 - 1/10 + 1/20 - 1/100) = sqrt(0.065) = 0.25495.
    const RatioEstimate lift = katz_ratio(8, 10, 20, 100);
    CHECK(*lift.ratio == doctest::Approx(4.0));
    CHECK(lift.interval->low == doctest::Approx(2.4269).epsilon(1e-4));
    CHECK(lift.interval->high == doctest::Approx(6.5929).epsilon(1e-4));
    CHECK(katz_ratio(0, 10, 20, 100).ratio == 0.0);
    CHECK_FALSE(katz_ratio(0, 10, 20, 100).interval.has_value());
    CHECK_FALSE(katz_ratio(3, 10, 0, 100).ratio.has_value());

    EvaluationRequest request;
    request.scores = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    request.positive = {1, 1, 0, 1, 0, 0, 0, 0, 1, 0};
    request.k = 4;
    request.control = ControlSample{50, 5};
    request.population = 1000;
    const Checked<EvaluationSummary> summary = evaluate_ranking(request);
    REQUIRE(summary);
    CHECK(summary->base_rate_source == BaseRateSource::control_sample);
    CHECK(*summary->base_rate == doctest::Approx(0.1));
    CHECK(summary->at_k.precision == doctest::Approx(0.75));
    CHECK(*summary->lift.ratio == doctest::Approx(7.5));
    CHECK(*summary->estimated_population_positives == doctest::Approx(100.0));
    CHECK(*summary->estimated_recall == doctest::Approx(0.03));

    request.control.reset();
    const Checked<EvaluationSummary> own = evaluate_ranking(request);
    CHECK(own->base_rate_source == BaseRateSource::evaluated_rows);
    CHECK(*own->base_rate == doctest::Approx(0.4));
    CHECK(*own->lift.ratio == doctest::Approx(0.75 / 0.4));
    CHECK_FALSE(own->estimated_recall.has_value());
    CHECK(*own->auc == doctest::Approx(brute_force_auc(request.scores, request.positive)));

    request.display_scores = {1, 2};
    CHECK_FALSE(evaluate_ranking(request));
}

TEST_CASE("ROC and precision-recall points, one per distinct score") {
    const std::vector<double> scores = {3, 2, 2, 1};
    const std::vector<std::uint8_t> positive = {1, 1, 0, 0};
    const std::vector<RocPoint> roc = roc_curve(scores, positive);
    REQUIRE(roc.size() == 4);
    CHECK(roc[1].true_positive_rate == 0.5);
    CHECK(roc[1].false_positive_rate == 0.0);
    CHECK(roc[2].true_positive_rate == 1.0);
    CHECK(roc[2].false_positive_rate == 0.5);
    CHECK(roc[3].false_positive_rate == 1.0);
    const auto pr = precision_recall_curve(scores, positive);
    REQUIRE(pr.size() == 3);
    CHECK(pr[0].precision == 1.0);
    CHECK(pr[1].precision == doctest::Approx(2.0 / 3.0));
    CHECK(pr[1].recall == 1.0);
    CHECK(pr[2].selected == 4);
}

TEST_CASE("calibration bins and band tables count every row once") {
    const std::vector<double> probabilities = {0.05, 0.15, 0.15, 0.95, 1.0};
    const std::vector<std::uint8_t> positive = {0, 1, 0, 1, 1};
    const auto bins = calibration_bins(probabilities, positive, 10);
    REQUIRE(bins.size() == 10);
    CHECK(bins[0].count == 1);
    CHECK(bins[1].count == 2);
    CHECK(bins[1].observed_rate == 0.5);
    CHECK(bins[1].mean_predicted == doctest::Approx(0.15));
    CHECK(bins[9].count == 2);
    CHECK(bins[9].mean_predicted == doctest::Approx(0.975));
    CHECK(bins[5].count == 0);

    const auto bands = display_score_bands({0, 19.9, 20, 99, 100}, positive);
    REQUIRE(bands.size() == 5);
    CHECK(bands[0].band == "0-20");
    CHECK(bands[0].count == 2);
    CHECK(bands[1].count == 1);
    CHECK(bands[4].count == 2);
    CHECK(*bands[4].rate == 1.0);
    CHECK_FALSE(bands[2].rate.has_value());

    const auto by_percentile = percentile_bands({95, 80, 60, 10, 49.9}, positive);
    CHECK(by_percentile[0].band == "top_10");
    CHECK(by_percentile[0].count == 1);
    CHECK(by_percentile[3].count == 2);
}
