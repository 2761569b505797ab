// Per-month top-k counts and AUC, then totals.
#include "core/evaluation/backtest.hpp"

#include "core/evaluation/ranking_metrics.hpp"

namespace radar {

Checked<BacktestResult> backtest(const std::vector<BacktestMonth>& months) {
    BacktestResult result;
    double auc_sum = 0.0;
    for (const BacktestMonth& month : months) {
        if (month.outcomes.size() != month.scores.size())
            return Checked<BacktestResult>::failure("month " + month.name + ": one outcome per score is needed");
        BacktestMonthResult row;
        row.name = month.name;
        row.ranked = month.scores.size();
        std::vector<std::uint8_t> labelled(month.scores.size());
        std::vector<std::uint8_t> positive(month.scores.size());
        std::vector<double> screened_scores;
        std::vector<std::uint8_t> screened_positive;
        for (std::size_t i = 0; i < month.scores.size(); ++i) {
            if (month.outcomes[i] == MonthOutcome::not_screened) continue;
            labelled[i] = 1;
            positive[i] = month.outcomes[i] == MonthOutcome::positive;
            screened_scores.push_back(month.scores[i]);
            screened_positive.push_back(positive[i]);
            ++row.screened;
            row.positives += positive[i];
        }
        const std::size_t k = month.batch_size > 0 ? month.batch_size : row.screened;
        const TopKCount labelled_top = count_in_top_k(month.scores, labelled, k);
        const TopKCount positive_top = count_in_top_k(month.scores, positive, k);
        row.k = labelled_top.k;
        row.labelled_in_top_k = labelled_top.expected;
        row.positives_in_top_k = positive_top.expected;
        if (row.labelled_in_top_k > 0.0) row.precision_at_k = row.positives_in_top_k / row.labelled_in_top_k;
        if (row.k > 0) row.coverage = row.labelled_in_top_k / static_cast<double>(row.k);
        row.auc_screened = roc_auc(screened_scores, screened_positive);

        BacktestTotals& totals = result.totals;
        ++totals.months;
        totals.screened += row.screened;
        totals.positives += row.positives;
        totals.labelled_in_top_k += row.labelled_in_top_k;
        totals.positives_in_top_k += row.positives_in_top_k;
        if (row.auc_screened) {
            auc_sum += *row.auc_screened;
            ++totals.months_with_auc;
        }
        result.months.push_back(std::move(row));
    }
    BacktestTotals& totals = result.totals;
    if (totals.labelled_in_top_k > 0.0) totals.precision_at_k = totals.positives_in_top_k / totals.labelled_in_top_k;
    if (totals.months_with_auc > 0) totals.mean_auc = auc_sum / static_cast<double>(totals.months_with_auc);
    return result;
}

}  // namespace radar
