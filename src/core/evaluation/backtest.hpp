// Backtest over months with abstract inputs: the caller says, per month, the scores of every
// ranked dossier as of the month's start (with the model version active then, or a candidate)
// and which of them were screened that month with what outcome. What counts as a positive
// outcome is the caller's label definition.
//
// Per month: the top k of the ranking (k = the month's batch size; ties at the k-th score taken
// as in ranking_metrics.hpp, expected values), how many of them were screened (labelled) and
// positive, precision among the labelled ones in the top k, AUC over the screened dossiers, and
// positives found. A candidate's top k holds dossiers nobody screened: their outcome is unknown,
// so `coverage` (labelled / k) says how much of the precision is measured (selective labels).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/checked.hpp"

namespace radar {

enum class MonthOutcome : std::uint8_t { not_screened, negative, positive };

struct BacktestMonth {
    std::string name;                    // e.g. "2024-03"
    std::vector<double> scores;          // every ranked dossier, as of the month's start
    std::vector<MonthOutcome> outcomes;  // one per score
    std::size_t batch_size = 0;          // 0: the number screened that month
};

struct BacktestMonthResult {
    std::string name;
    std::size_t ranked = 0;
    std::size_t screened = 0;
    std::size_t positives = 0;  // among the screened
    std::size_t k = 0;
    double labelled_in_top_k = 0.0;        // expected over tie orders
    double positives_in_top_k = 0.0;       // expected over tie orders
    std::optional<double> precision_at_k;  // positives / labelled in the top k; none when none is labelled
    double coverage = 0.0;                 // labelled in the top k / k
    std::optional<double> auc_screened;    // over the screened dossiers; none with one outcome only
};

struct BacktestTotals {
    std::size_t months = 0;
    std::size_t screened = 0;
    std::size_t positives = 0;
    double labelled_in_top_k = 0.0;
    double positives_in_top_k = 0.0;
    std::optional<double> precision_at_k;  // pooled: Σ positives / Σ labelled in the top k
    std::optional<double> mean_auc;        // mean over months with an AUC
    std::size_t months_with_auc = 0;
};

struct BacktestResult {
    std::vector<BacktestMonthResult> months;
    BacktestTotals totals;
};

// Refuses a month whose outcomes do not match its scores in number.
Checked<BacktestResult> backtest(const std::vector<BacktestMonth>& months);

}  // namespace radar
