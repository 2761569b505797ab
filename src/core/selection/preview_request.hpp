// The one rule that decides what a batch preview is asked for (the app and `radar select` both
// use it): the selection date, the day the scores are for, the settings with the control
// sample's seed, the model version, the dataset, and whether the batch is supplementary.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/screening/screening_state.hpp"
#include "core/selection/frozen_batch.hpp"

namespace radar {

// A control seed (at most max_control_seed) from 64 bits of a cryptographic random source.
constexpr std::uint64_t control_seed_from_random_bits(std::uint64_t bits) { return bits >> 11; }

struct PreviewInputs {
    DayNumber selection_date = 0;  // the batch month is this date's month; cooldowns count to it
    DayNumber scores_as_of = 0;    // the day the scores were computed for
    SelectionSettings settings;    // its control_seed is replaced by the seed given below
    std::string model_version_id;
    std::string dataset_hash;
    // Asked for explicitly (the CLI's --supplementary); absent: supplementary exactly when the
    // month already has a batch (the app, which asks for a confirmation before committing it).
    std::optional<bool> supplementary;
};

// The request for preview_batch. `control_seed` is drawn once per preview from a cryptographic
// source (or forced, to reproduce a draw) and recorded in the batch; the screener cannot know
// or choose it in advance.
PreviewRequest decide_preview_request(const PreviewInputs& inputs, const ScreeningState& state,
                                      std::uint64_t control_seed);

// The month ("YYYY-MM") a selection date's batch belongs to.
std::string batch_month_of(DayNumber selection_date);

}  // namespace radar
