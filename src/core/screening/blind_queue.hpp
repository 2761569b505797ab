// Blind screening: a batch with a control sample is screened without the screener knowing which
// members are the top N and which the control sample. Its queue is one shuffled order of all
// members, the same every time for the same batch (a reload shows the same order).
#pragma once

#include <cstdint>
#include <vector>

#include "core/screening/screening_state.hpp"

namespace radar {

// True when the batch has a control sample: its members are screened blind.
bool screened_blind(const BatchState& batch);

// Indices into batch.members in the blind order, from the batch's recorded control seed and its
// id (two batches with the same seed still get different orders).
std::vector<std::size_t> blind_queue_order(const BatchState& batch, std::uint64_t control_seed);

}  // namespace radar
