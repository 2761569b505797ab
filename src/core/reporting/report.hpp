// The standard report (issue #7) computed from the folded screening history: unique dossiers
// screened, codes and shares, possible risk, per-month batch figures, follow-ups, breakdowns,
// the lift of the top of the list over the control sample, the outcomes after screening, risk
// newly found against risk already known, and the summary paragraphs.
//
// Newly found against already known (RiskFoundFigures): of the screenings in the period that were
// judged a possible risk (their code) or whose risk was confirmed (the label definition, as of
// as_of), a screening counts as "already known" when, at selection time, the agency already knew:
//   1. it was coded Risico (by the seed's own definition Risico means the agency already knew the
//      risk: the dossier is in enforcement or followed intensively);
//   2. the dossier had an enforcement outcome dated in the 12 months before selection;
//   3. the dossier had been handed over to klantenbeheer in the 12 months before selection;
//   4. the dossier had a follow-up created before selection that was still open then (open now,
//      or marked done only after selection).
// The first reason that applies is counted. Selection time is the moment the screening's batch
// was frozen (committed); for a screening outside any batch, the start of its screening date.
// Every other such screening is "newly found" by the data mining.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/data/dataset.hpp"
#include "core/screening/confirmed_risk.hpp"
#include "core/screening/risk_label.hpp"
#include "core/screening/screening_state.hpp"
#include "core/selection/frozen_batch.hpp"

namespace radar {

struct ReportPeriod {
    std::optional<DayNumber> from;  // none: from the first screening on ("all time")
    DayNumber to = 0;               // inclusive
};

struct ReportSettings {
    // Codes counted as "possible risk" (stated in the report). Default: Risico + Verder onderzoek nodig.
    std::vector<ScreeningCode> possible_risk{ScreeningCode::risico, ScreeningCode::verder_onderzoek_nodig};
    DayNumber as_of = 0;       // "today": follow-ups due before it and still open are overdue
    RiskLabelSettings labels;  // how long a risk label stays current (stated in the report)
    LabelDefinition confirmed_risk;  // what "risk confirmed" means (stated next to the figures that use it)
    Timestamp generated_at;
};

// Province and care type per dossier, for the breakdowns (from the active dataset).
struct DossierAttributes {
    std::string province;
    std::string care_type;
};
std::map<std::string, DossierAttributes> dossier_attributes(const Dataset& dataset);
// The province and care type of one dataset row (empty when the column is absent or the cell empty).
DossierAttributes dossier_attributes_at(const Dataset& dataset, std::size_t row);

struct CodeCounts {
    std::array<std::size_t, 3> by_code{};  // indexed by ScreeningCode
    std::size_t total = 0;
    std::size_t possible_risk = 0;

    std::size_t count(ScreeningCode code) const { return by_code[static_cast<std::size_t>(code)]; }
    double share(ScreeningCode code) const;  // 0..1 of total
};

struct MonthFigures {
    std::string month;  // YYYY-MM
    std::size_t batches = 0;
    std::size_t selected = 0;
    std::size_t screened = 0;      // screenings dated in the month
    std::size_t backlog = 0;       // selected but not yet coded at the month's end (or as_of)
    std::size_t rescreenings = 0;  // screenings of dossiers screened before
    std::size_t held_back = 0;     // high-ranked dossiers skipped by the month's batches because of cooldown
    std::size_t overrides = 0;     // cooldown overrides by a signal
    std::size_t control = 0;       // control-sample dossiers selected
    CodeCounts codes;              // the month's screenings by code (sums to `screened`)
};

struct FollowUpFigures {
    std::size_t opened = 0;  // follow-ups created in the period
    std::size_t done = 0;
    std::size_t open = 0;
    std::size_t overdue = 0;  // open and due before as_of
};

struct BreakdownRow {
    std::string group;
    CodeCounts codes;
};

// A proportion with its 95% Wilson score interval.
struct Proportion {
    std::size_t hits = 0;
    std::size_t total = 0;
    double rate = 0.0;
    double low = 0.0;
    double high = 0.0;
};
Proportion wilson_interval(std::size_t hits, std::size_t total);

struct LiftFigures {
    bool available = false;
    Proportion top;      // possible-risk share of screened top-N (and override) dossiers
    Proportion control;  // possible-risk share of screened control-sample dossiers
    std::optional<double> lift;  // top.rate / control.rate (none when the control rate is 0)
    // Difference top - control with Newcombe's hybrid Wilson score 95% interval.
    double difference = 0.0;
    double difference_low = 0.0;
    double difference_high = 0.0;
};

// The top of the list against the control sample: both shares with their intervals, the lift and
// the difference.
LiftFigures compare_with_control(std::size_t top_hits, std::size_t top_total, std::size_t control_hits,
                                 std::size_t control_total);

// Risk labels as of the report's as_of day (whatever the period: a label is current or not now).
struct RiskLabelFigures {
    RiskLabelSettings settings;
    DayNumber as_of = 0;
    std::array<std::size_t, 3> current_by_code{};  // current or expiring, indexed by ScreeningCode
    std::size_t current = 0;                        // current or expiring
    std::size_t expiring = 0;                       // in their last days
    std::size_t expired = 0;                        // latest screening risk-coded, but lapsed
    std::vector<RiskLabel> expiring_labels;         // soonest end first
};

// What followed screenings: current (corrected, not withdrawn) outcomes dated in the period.
struct OutcomeFigures {
    std::array<std::size_t, 6> by_type{};                 // indexed by OutcomeType
    std::array<std::size_t, 4> enforcement_by_measure{};  // indexed by EnforcementMeasure
    std::array<std::size_t, 3> inspections_by_result{};   // indexed by InspectionResult
    std::size_t total = 0;

    std::size_t count(OutcomeType type) const { return by_type[static_cast<std::size_t>(type)]; }
};

// How long before selection an enforcement or hand-over still makes the risk "already known".
constexpr int known_risk_lookback_months = 12;

enum class KnownRiskReason { risico_code, enforcement, handed_over, open_follow_up };
const char* known_risk_reason_key(KnownRiskReason reason);  // "risico_code", "enforcement", ...
const char* known_risk_reason_label(KnownRiskReason reason, TextLanguage language);

// Newly found against already known (see the top of this file).
struct RiskFoundFigures {
    LabelDefinition definition;
    std::size_t risk_screenings = 0;  // screenings in the period judged a possible risk or confirmed
    std::size_t judged = 0;           // of which: coded a possible risk
    std::size_t confirmed = 0;        // of which: risk confirmed by the definition
    std::size_t already_known = 0;
    std::array<std::size_t, 4> known_by_reason{};  // indexed by KnownRiskReason (first that applies)
    std::size_t newly_found = 0;
    // Screenings in the period not coded a possible risk whose label is not yet known: left out.
    std::size_t not_yet_known = 0;
};

struct Report {
    ReportPeriod period;
    DayNumber first_day = 0;  // period.from, or the first screening/batch date when all time
    Timestamp generated_at;
    std::vector<ScreeningCode> possible_risk;
    std::vector<std::string> dataset_hashes;  // of the batches in the period
    std::vector<std::string> model_versions;
    std::size_t unique_dossiers = 0;
    std::size_t possible_risk_dossiers = 0;  // dossiers whose latest screening in the period is a possible risk
    CodeCounts screenings;                   // every screening in the period
    CodeCounts dossiers;                     // latest screening per dossier in the period
    std::vector<MonthFigures> months;
    FollowUpFigures follow_ups;
    std::vector<BreakdownRow> by_province;
    std::vector<BreakdownRow> by_care_type;
    std::vector<BreakdownRow> by_score_band;
    LiftFigures lift;
    RiskLabelFigures risk_labels;
    OutcomeFigures outcomes;
    RiskFoundFigures risk_found;
    std::string summary_nl;
    std::string summary_en;
};

// `batches` are the frozen batches (for dataset hashes and model versions in the header);
// `attributes` may be empty (breakdowns then say "onbekend").
Report build_report(const ScreeningState& state, const std::vector<FrozenBatch>& batches,
                    const std::map<std::string, DossierAttributes>& attributes, const ReportPeriod& period,
                    const ReportSettings& settings);


}  // namespace radar
