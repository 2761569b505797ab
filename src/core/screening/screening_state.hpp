// Derived state folded from the screening events: the current code and last screening date per
// dossier (corrections and adjudications applied), cooldowns, follow-ups, outcomes after
// screenings (corrections applied), batch progress and per-dossier timelines. Second blind codes
// are no screenings here: screening/double_coding.hpp folds them.
// Folding is order-independent: the same set of events always gives the same state.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/screening/screening_event.hpp"

namespace radar {

// A screening as it stands after its corrections and adjudications.
struct EffectiveScreening {
    std::string event_id;  // the original screening_coded event
    std::string dossier_id;
    std::string screener;
    Timestamp recorded_at;
    ScreeningCode code = ScreeningCode::geen_risico;
    // The screener's own code (corrections applied, adjudications not): what the double coding
    // compares. Equal to `code` unless an adjudication set another final code.
    ScreeningCode coder_code = ScreeningCode::geen_risico;
    std::string adjudication_id;  // the latest adjudication applied ("" if none)
    DayNumber screening_date = 0;
    std::string note;
    std::string batch_id;
    bool withdrawn = false;
    std::vector<std::string> correction_ids;  // applied in order; the last one decides the values
    std::string correction_reason;            // of the deciding correction
};

struct FollowUpState {
    std::string follow_up_id;  // the follow_up_created event id
    std::string dossier_id;
    std::string screening_event_id;
    FollowUpType type = FollowUpType::inspection_visit;
    DayNumber due_date = 0;
    FollowUpStatus status = FollowUpStatus::open;
    std::string note;
    Timestamp created_at;
    Timestamp updated_at;
    std::size_t update_count = 0;

    bool overdue(DayNumber today) const { return status == FollowUpStatus::open && due_date < today; }
};

// An outcome as it stands after its corrections.
struct OutcomeState {
    std::string outcome_id;  // the original outcome_recorded event
    std::string dossier_id;
    std::string screening_event_id;  // the screening it follows
    std::string screener;
    Timestamp recorded_at;
    OutcomeDetails details;
    bool withdrawn = false;
    std::vector<std::string> correction_ids;  // applied in order; the last one decides the values
    std::string correction_reason;            // of the deciding correction
};

enum class BatchStatus { open, closed };

struct BatchState {
    std::string batch_id;
    std::string month;
    bool supplementary = false;
    std::string commit_event_id;
    Timestamp committed_at;
    std::string committed_by;
    std::uint32_t ranked_total = 0;
    std::uint32_t held_back_count = 0;
    std::vector<BatchMember> members;
    std::vector<std::uint8_t> member_coded;  // per member: has a (non-withdrawn) screening in this batch
    std::size_t coded_count = 0;
    bool closed_by_user = false;
    Timestamp closed_at;
    std::vector<std::string> uncoded_at_close;

    std::size_t total() const { return members.size(); }
    // Closed when every member is coded, or when the user closed it.
    BatchStatus status() const {
        return closed_by_user || coded_count == members.size() ? BatchStatus::closed : BatchStatus::open;
    }
    const BatchMember* member(const std::string& dossier_id) const;
};

struct DossierHistory {
    std::vector<std::size_t> screenings;  // indices into ScreeningState::screenings, by screening date
    std::vector<std::size_t> follow_ups;  // indices into ScreeningState::follow_ups
    std::vector<std::size_t> outcomes;    // indices into ScreeningState::outcomes, by outcome date (withdrawn included)
    std::vector<std::string> batch_ids;   // batches the dossier was selected in, oldest first
    std::vector<std::size_t> timeline;    // indices into ScreeningState::events touching this dossier
};

struct ScreeningState {
    // All events, sorted by (recorded_at, event_id): the timeline order.
    std::vector<ScreeningEvent> events;
    std::vector<EffectiveScreening> screenings;  // withdrawn ones included (flagged)
    std::vector<FollowUpState> follow_ups;
    std::vector<OutcomeState> outcomes;  // withdrawn ones included (flagged)
    std::map<std::string, BatchState> batches;
    std::map<std::string, DossierHistory> dossiers;
    // Inconsistencies found while folding (e.g. a correction of an unknown event). Events that
    // refer to something not yet known are kept: a later merge may bring what they refer to.
    std::vector<std::string> issues;

    const DossierHistory* history(const std::string& dossier_id) const;
    // The latest non-withdrawn screening (by screening date, then recording time, then id).
    const EffectiveScreening* current_screening(const std::string& dossier_id) const;
    std::optional<ScreeningCode> current_code(const std::string& dossier_id) const;
    std::optional<DayNumber> last_screened(const std::string& dossier_id) const;
    // Last screening date + cooldown months (month ends clamp); eligible again on that day.
    std::optional<DayNumber> cooldown_until(const std::string& dossier_id, int cooldown_months) const;
    // The open batch in which the dossier waits for a code, if any.
    const BatchState* pending_batch(const std::string& dossier_id) const;
    const ScreeningEvent* event(const std::string& event_id) const;
    const EffectiveScreening* screening(const std::string& event_id) const;
    const OutcomeState* outcome(const std::string& outcome_id) const;
    // The current (not withdrawn) outcomes of a dossier / following one screening, by outcome date
    // (then recording time, then id).
    std::vector<const OutcomeState*> current_outcomes(const std::string& dossier_id) const;
    std::vector<const OutcomeState*> outcomes_of_screening(const std::string& screening_event_id) const;

    std::map<std::string, std::size_t> event_index;      // event id -> index in events
    std::map<std::string, std::size_t> screening_index;  // screening event id -> index in screenings
    std::map<std::string, std::size_t> outcome_index;    // outcome event id -> index in outcomes
};

// Folds events into derived state. Events are expected to be valid (validate_event); duplicate ids
// keep the first by (recorded_at, content) and are reported as issues.
ScreeningState fold_events(std::vector<ScreeningEvent> events);

}  // namespace radar
