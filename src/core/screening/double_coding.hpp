// Blind double coding: which members of a batch a second screener codes without seeing the first
// code (or the score), and the fold of the second codes and adjudications into one line per
// double-coded dossier: first code, second code, final (adjudicated) code and the disagreement.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/screening/double_coding_settings.hpp"
#include "core/screening/screening_state.hpp"

namespace radar {

// How many members of a batch of `members` are double coded: ceil(share x members), at least the
// minimum, at most the batch.
std::size_t double_coding_count(std::size_t members, const DoubleCodingSettings& settings);

// Indices into batch.members of the members to double code, in member order. Every member can be
// drawn, whatever its selection kind (top of the list, control sample, override, coverage floor):
// nothing is left out. Deterministic from the batch's recorded control seed and its id, on a
// stream of its own (not the control draw's, not the blind queue's).
std::vector<std::size_t> double_coding_sample(const BatchState& batch, std::uint64_t control_seed,
                                              const DoubleCodingSettings& settings = {});

// The second blind code of the dossier in the batch, if any (the earliest recorded).
const ScreeningEvent* second_code_of(const ScreeningState& state, const std::string& dossier_id,
                                     const std::string& batch_id);

// One second blind code with what it is compared to.
struct DoubleCodedDossier {
    std::string batch_id;
    std::string month;  // the batch's month, YYYY-MM ("" when the batch is unknown)
    std::string dossier_id;
    SelectionKind kind = SelectionKind::top_n;  // the member's selection kind in the batch
    // The dossier's screening in the batch (none while it has no current one).
    const EffectiveScreening* first = nullptr;
    std::string second_event_id;
    std::string second_screener;
    ScreeningCode second_code = ScreeningCode::geen_risico;
    DayNumber second_date = 0;
    // The latest adjudication of the pair (none when not adjudicated).
    const ScreeningEvent* adjudication = nullptr;

    std::optional<ScreeningCode> first_code() const;  // the first screener's own code
    // The dossier's code after adjudication: the first screening's current code.
    std::optional<ScreeningCode> final_code() const;
    bool disagreement() const;  // both codes known and different
    bool awaiting_adjudication() const { return disagreement() && !adjudication; }
};

struct DoubleCodingFold {
    std::vector<DoubleCodedDossier> dossiers;  // by month, batch id, dossier id
    // Second codes that cannot be compared (unknown batch, dossier not in the batch, a repeated
    // second code of the same dossier in the same batch: the earliest recorded counts).
    std::vector<std::string> issues;
};

// The dossiers point into `state` (first screening, adjudication event): keep it alive and unchanged.
DoubleCodingFold fold_double_coding(const ScreeningState& state);

}  // namespace radar
