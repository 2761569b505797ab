// A simulated screening history for the synthetic demo data: months of batches selected by the
// real rule and coded from each dossier's hidden true risk, with outcomes and the blind double
// coding (second codes by a second screener, a few disagreements, some adjudicated), so demos, the
// report and the audit have realistic content without anyone's real decisions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/checked.hpp"
#include "core/data/demo_data.hpp"
#include "core/screening/double_coding.hpp"
#include "core/selection/frozen_batch.hpp"

namespace radar {

// A model version change half-way: from month `from_month` (0 = the first simulated month) the
// batches are selected with these scores of another model version.
struct DemoModelChange {
    int from_month = 0;
    std::vector<double> scores;
    std::string model_version_id;
};

struct DemoHistorySettings {
    DayNumber first_month = 0;  // first day of the first simulated month
    int months = 6;
    SelectionSettings selection;
    std::uint64_t seed = 1;
    std::string screener = "Demo";
    // Share of the last month's batch left uncoded (a realistic backlog).
    double last_month_uncoded = 0.2;
    // The double coding: each batch's drawn members that got a first code get a second, blind code
    // from `second_screener`, the same as the first with probability `second_code_agreement`.
    std::string second_screener = "Demo 2";
    double second_code_agreement = 0.85;
    // The earliest disagreements (outside the last month) are adjudicated by `adjudicator`; the rest wait.
    std::size_t adjudications = 2;
    std::string adjudicator = "Demo teamleider";
    std::optional<DemoModelChange> model_change;
    // Screenings corrected a few days later (a changed code after new information), at most one a
    // month, from a random stream of their own.
    std::size_t corrections = 0;
};

struct DemoHistory {
    std::vector<ScreeningEvent> events;
    std::vector<FrozenBatch> batches;
};

// `scores` are the model's scores of demo.dataset; the same seed gives the same history.
Checked<DemoHistory> simulate_demo_history(const DemoData& demo, const std::vector<double>& scores,
                                           const std::string& model_version_id, const std::string& dataset_hash,
                                           const DemoHistorySettings& settings);

}  // namespace radar
