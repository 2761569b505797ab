// Group audit of the ranked lists (Aequitas style): per batch and pooled over the batches of a
// period, per group of a grouping (audit_grouping.hpp), the selection rate, the share of the list,
// the false discovery rate among the selected, the false omission rate and base rate estimated
// from the control sample, and each group's disparity against a reference group with a 95% Katz
// interval and whether it lies in the fair band. Every figure states its basis. Definitions in
// docs/fairness.md.
//
// "Selected" means chosen by the list (highest scores, signal overrides, coverage floor); control
// sample members are drawn at random and counted apart. Labels are final labels under the label
// definition (member_label): labels not yet final are left out and counted.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/checked.hpp"
#include "core/evaluation/proportion_interval.hpp"
#include "core/fairness/audit_grouping.hpp"
#include "core/fairness/coder_agreement.hpp"
#include "core/screening/confirmed_risk.hpp"
#include "core/selection/frozen_batch.hpp"

namespace radar {

// Disparity ratios from `low` to `high`, both included, count as fair (Aequitas: tau = 0.8).
struct FairBand {
    double low = 0.8;
    double high = 1.25;
};
// "" when usable: 0 < low <= 1 <= high.
std::string validate_fair_band(const FairBand& band);
// "0.8-1.25" (a point or a comma as the decimal mark).
Checked<FairBand> parse_fair_band(std::string_view text);
// low <= ratio <= high, allowing for the last bit of rounding (0.8 and 1.25 are inside, 0.7999 not).
bool in_fair_band(double ratio, const FairBand& band);

// Groups of fewer dossiers than this are marked "too few to judge" (and still shown).
constexpr std::size_t default_min_group_size = 30;

// What a figure is computed from.
enum class FigureBasis {
    dataset,               // the dossiers in the dataset
    selection,             // the batches' members
    screened_labels,       // final labels of selected (screened) dossiers only: selective labels
    control_sample,        // final labels of the random control sample
    control_and_screened,  // control sample below the cut-off, screened labels above it
};
const char* figure_basis_key(FigureBasis basis);  // "dataset", "selection", "screened_labels", ...
const char* figure_basis_label(FigureBasis basis, TextLanguage language);

struct GroupRate {
    std::size_t hits = 0;
    std::size_t total = 0;
    std::optional<double> value;        // none when total is 0
    std::optional<Interval> interval;  // Wilson 95%
    FigureBasis basis = FigureBasis::selection;
};

struct Disparity {
    std::optional<double> ratio;       // group rate / reference rate; none when either is undefined or the reference's is 0
    std::optional<Interval> interval;  // Katz 95%; none for the reference itself and when the group's rate is 0
    std::optional<bool> in_band;       // none without a ratio
    FigureBasis basis = FigureBasis::selection;
};

// An estimate without an interval of its own.
struct EstimatedRate {
    std::optional<double> value;
    FigureBasis basis = FigureBasis::control_and_screened;
};

struct GroupFigures {
    std::string group;          // the group's value ("" = empty cell; not_in_dataset_group)
    std::size_t dossiers = 0;   // in the dataset (basis: dataset)
    std::size_t selected = 0;   // chosen by the list
    std::size_t control = 0;    // control-sample members
    std::size_t not_yet_known = 0;  // screened members whose label is not final yet (left out)
    GroupRate selection_rate;   // selected / dossiers (pooled: / dossiers x batches)
    GroupRate list_share;       // selected / all selected
    GroupRate false_discovery;  // selected, labelled, not confirmed / selected and labelled
    GroupRate false_omission;   // control, labelled, confirmed / control and labelled
    // (selected x (1 - FDR) + (dossiers - selected) x FOR) / dossiers (pooled: dossiers x batches);
    // none when a part is unknown.
    EstimatedRate base_rate;
    Disparity selection_disparity;
    Disparity false_discovery_disparity;
    Disparity false_omission_disparity;
    bool too_few = false;  // fewer dossiers than the minimum: "too few to judge"
    bool reference = false;
};

// The group of batch members that are not in the dataset (their group is unknown).
constexpr const char* not_in_dataset_group = "(not in dataset)";

struct GroupTable {
    std::string batch_id;  // "" for the pooled table
    std::string month;     // "" for the pooled table
    std::size_t selected = 0;
    std::size_t control = 0;
    std::vector<GroupFigures> groups;  // by descending dataset size, then value
};

struct AuditSettings {
    FairBand band;
    std::size_t min_group_size = default_min_group_size;
    std::optional<std::string> reference_group;  // none: the largest group
    LabelDefinition definition;
    DayNumber today = 0;  // labels as of this day
    MonthRange period;    // batches of these months
};

struct GroupAudit {
    std::string grouping;
    bool protected_attribute = false;
    bool derived = false;
    std::string reference_group;
    bool reference_chosen = false;  // false: the largest group
    FairBand band;
    std::size_t min_group_size = default_min_group_size;
    std::vector<GroupTable> batches;  // by month, then batch id
    GroupTable pooled;                // over every batch of the period
};

// Fails when a chosen reference group does not occur (listing the groups) or the settings are invalid.
Checked<GroupAudit> audit_groups(const Grouping& grouping, const ScreeningState& state,
                                 const std::vector<FrozenBatch>& batches, const AuditSettings& settings);

}  // namespace radar
