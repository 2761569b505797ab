// The monthly selection rule (issue #5), exactly: which dossiers go into a batch and, for every
// dossier, why it is or is not selected. Pure function of the dataset, the scores, the screening
// history facts, the reference date and the settings.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/base/checked.hpp"
#include "core/data/dataset.hpp"
#include "core/screening/screening_state.hpp"
#include "core/base/text_index.hpp"
#include "core/selection/selection_settings.hpp"

namespace radar {

// What the rule needs to know from the screening history about one dossier.
struct DossierFacts {
    std::optional<DayNumber> last_screened;
    std::string pending_batch;  // open batch in which it still waits for a code; "" if none

    friend bool operator==(const DossierFacts& a, const DossierFacts& b) {
        return a.last_screened == b.last_screened && a.pending_batch == b.pending_batch;
    }
};
using SelectionHistory = std::map<std::string, DossierFacts>;  // by dossier id; absent = never screened

SelectionHistory selection_history(const ScreeningState& state);

enum class Decision {
    top_n,                 // selected: among the N highest-ranked eligible dossiers
    signal_override,       // selected: top-N although in cooldown, because of a new serious signal
    control,               // selected: random control sample from below the cut-off
    coverage_floor,        // selected: never screened and not inspected for more than M months
    below_cutoff,          // eligible, ranked below the cut-off
    cooldown,              // screened too recently
    pending,               // still waiting for a code in an open batch
    excluded_closed,       // excluded by setting: the dossier is closed
    excluded_enforcement,  // excluded by setting: the dossier is in enforcement
};

struct DossierDecision {
    std::size_t row = 0;  // dataset row
    std::string dossier_id;
    double score = 0.0;
    std::uint32_t rank = 0;  // 1-based, over all dossiers in the dataset (ties by dossier id)
    std::uint32_t eligible_position = 0;  // 1-based place among the eligible dossiers; 0 when not eligible
    Decision decision = Decision::below_cutoff;
    std::optional<DayNumber> last_screened;
    std::optional<DayNumber> cooldown_until;  // set when the dossier was screened
    std::optional<DayNumber> signal_date;     // the signal that broke the cooldown
    std::optional<DayNumber> unseen_since;    // coverage floor: last inspection (or start) date
    std::string pending_batch;
    std::string excluded_value;  // the status / enforcement value that excluded it

    bool selected() const;
    // The selection kind of a selected dossier (top_n for others; check selected() first).
    SelectionKind kind() const;
};

struct SelectionOutcome {
    SelectionSettings settings;
    DayNumber reference_date = 0;
    std::vector<DossierDecision> decisions;  // one per dataset row, in rank order
    // Indices into decisions: top-N (rank order), then control (rank order), then floor (oldest first).
    std::vector<std::size_t> selected;
    // Indices into decisions: dossiers in cooldown ranked above the cut-off (all of them when
    // fewer than N dossiers were eligible), in rank order.
    std::vector<std::size_t> held_back;
    // Indices into decisions: dossiers still waiting for a code in an open batch, ranked above
    // the cut-off (or all of them when fewer than N were eligible), in rank order.
    std::vector<std::size_t> waiting;
    std::optional<std::uint32_t> cutoff_rank;  // rank of the N-th top-N dossier, if N were found
    std::size_t eligible_count = 0;
    TextIndex index;  // dossier id -> index into decisions

    const DossierDecision* find(std::string_view dossier_id) const;
};

// Runs the rule. `scores` has one finite value per dataset row; the dataset needs a unique,
// non-empty dossier_id per row and the fields the enabled settings read (status,
// enforcement_status, the signal fields, last_inspection_date / start_date).
// `known_order`, when given, is an order of the rows the caller already has (the scoring engine's
// ranking): it is used when it is the rule's order (score descending, ties by dossier id), which a
// pass over it checks, and the rows are sorted otherwise, so the outcome never depends on it.
Checked<SelectionOutcome> run_selection_rule(const Dataset& dataset, const std::vector<double>& scores,
                                             const SelectionHistory& history, DayNumber reference_date,
                                             const SelectionSettings& settings,
                                             const std::vector<std::uint32_t>* known_order = nullptr);

const char* decision_key(Decision decision);

}  // namespace radar
