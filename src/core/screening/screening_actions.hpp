// One user action in, the events to store out (in one transaction): coding a dossier (with its
// follow-up), correcting a screening, updating a follow-up, closing a batch, recording what
// followed a screening and correcting or withdrawing that outcome, a second blind code and the
// adjudication of a double-coding disagreement. Each is checked
// against the current folded state so the UI cannot record an inconsistent decision.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/checked.hpp"
#include "core/screening/screening_state.hpp"

namespace radar {

// Who records what when; the UI makes the id (format_event_id) and reads the clock.
struct EventStamp {
    std::string event_id;
    Timestamp recorded_at;
    std::string screener;
};

struct FollowUpRequest {
    std::string event_id;
    FollowUpType type = FollowUpType::inspection_visit;
    DayNumber due_date = 0;
    std::string note;
};

struct CodingRequest {
    EventStamp stamp;
    std::string dossier_id;
    std::string batch_id;  // "" when screened outside a batch
    ScreeningCode code = ScreeningCode::geen_risico;
    DayNumber screening_date = 0;
    std::string note;
    // The dossier's score percentile (score_percentile); none for a control-sample dossier.
    std::optional<double> score_percentile;
    // Required for "Verder onderzoek nodig".
    std::optional<FollowUpRequest> follow_up;
    // Whether the dossier's score or reasons had been shown before coding (recorded as is).
    std::optional<bool> reasons_seen;
};

// The screening_coded event, followed by a follow_up_created event when a follow-up was given.
Checked<std::vector<ScreeningEvent>> record_screening(const ScreeningState& state, const CodingRequest& request);

struct CorrectionRequest {
    EventStamp stamp;
    std::string corrects_event_id;  // a screening, or an earlier correction of it
    std::string reason;
    bool withdrawn = false;
    ScreeningCode code = ScreeningCode::geen_risico;
    DayNumber screening_date = 0;
    std::string note;
    std::optional<double> score_percentile;
};

Checked<ScreeningEvent> record_correction(const ScreeningState& state, const CorrectionRequest& request);

struct FollowUpUpdateRequest {
    EventStamp stamp;
    std::string follow_up_id;
    FollowUpType type = FollowUpType::inspection_visit;
    DayNumber due_date = 0;
    FollowUpStatus status = FollowUpStatus::open;
    std::string note;
};

Checked<ScreeningEvent> record_follow_up_update(const ScreeningState& state, const FollowUpUpdateRequest& request);

// Closes an open batch; the members still without a code are listed in the event.
Checked<ScreeningEvent> record_batch_close(const ScreeningState& state, const EventStamp& stamp,
                                           const std::string& batch_id, const std::string& note);

struct OutcomeRequest {
    EventStamp stamp;
    std::string screening_event_id;  // a current (not withdrawn) screening; the dossier is taken from it
    OutcomeDetails details;
};

// Refused when the screening is unknown or withdrawn, or the outcome is dated before the screening.
Checked<ScreeningEvent> record_outcome(const ScreeningState& state, const OutcomeRequest& request);

struct OutcomeCorrectionRequest {
    EventStamp stamp;
    std::string outcome_id;  // the outcome_recorded event
    std::string reason;
    bool withdrawn = false;
    OutcomeDetails details;  // ignored when withdrawn
};

// Corrects (or withdraws) the outcome as it stands; refused for an unknown or withdrawn outcome.
Checked<ScreeningEvent> record_outcome_correction(const ScreeningState& state, const OutcomeCorrectionRequest& request);

struct SecondCodeRequest {
    EventStamp stamp;  // stamp.screener is the second coder
    std::string dossier_id;
    std::string batch_id;
    ScreeningCode code = ScreeningCode::geen_risico;
    DayNumber screening_date = 0;
    std::string note;
};

// The second blind code of a batch member (screening/double_coding.hpp). Refused when the batch
// does not hold the dossier, when it already has a second code there, or when the second coder is
// the screener who coded it in the batch: double coding needs two people.
Checked<ScreeningEvent> record_second_code(const ScreeningState& state, const SecondCodeRequest& request);

struct AdjudicationRequest {
    EventStamp stamp;
    std::string first_code_event_id;   // the dossier's current screening in the batch
    std::string second_code_event_id;  // its second blind code
    ScreeningCode final_code = ScreeningCode::geen_risico;
    std::string reason;
};

// Decides a disagreement. Refused when the two events are not a screening and the second code of
// the same dossier in the same batch, when they agree, or without a reason.
Checked<ScreeningEvent> record_adjudication(const ScreeningState& state, const AdjudicationRequest& request);

// True when the text holds something other than spaces, tabs and line breaks.
bool has_content(const std::string& text);

}  // namespace radar
