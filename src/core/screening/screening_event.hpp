// The append-only events that record the screening team's work: codes, corrections, follow-ups,
// batch commits/closes, the outcomes that followed a screening (and their corrections), and the
// blind double coding (second codes and the adjudication of a disagreement).
// Events are never changed; every derived fact is folded from them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/time/civil_date.hpp"
#include "core/base/text_language.hpp"
#include "core/time/timestamp.hpp"

namespace radar {

// Version of the event record layout; stored on every event. Version 2 added the outcome events,
// version 3 the second blind code and the adjudication; events of earlier versions are still read
// and kept with their version (so their canonical text, and with it merging by content, never
// changes).
constexpr int screening_schema_version = 3;
constexpr int outcome_schema_version = 2;       // the first version that knows outcome events
constexpr int double_coding_schema_version = 3;  // the first that knows second codes and adjudications

enum class ScreeningCode { risico, geen_risico, verder_onderzoek_nodig };
enum class FollowUpType { inspection_visit, information_request, other };
enum class FollowUpStatus { open, done };
// Why a dossier is in a batch (see selection/selection_rule.hpp).
enum class SelectionKind { top_n, control, signal_override, coverage_floor };

// What followed a screening (see docs/screening-selection-core.md, "Outcomes").
enum class OutcomeType { none, support, warning, enforcement, handed_over, inspection };
// The measure of an enforcement (handhaving) outcome.
enum class EnforcementMeasure { aanmaning, schorsing, opheffing, other };
enum class InspectionResult { no_shortcomings, shortcomings, serious_shortcomings };

struct ScreeningCoded {
    ScreeningCode code = ScreeningCode::geen_risico;
    DayNumber screening_date = 0;
    std::string note;
    std::string batch_id;  // "" for a screening outside any batch
    // Whether the screener had been shown the dossier's score or reasons (since its batch was
    // frozen) before coding it; absent in events recorded before this was kept.
    std::optional<bool> reasons_seen;
    // A second, blind code of a batch member by another screener for the double coding (see
    // screening/double_coding.hpp): it is compared with the dossier's screening in the batch and
    // never counts as the dossier's screening itself (no cooldown, no batch progress, no report).
    bool second_blind_code = false;
};

// Replaces the values of an earlier screening (or of an earlier correction of it). A withdrawn
// screening counts as never having happened (e.g. coded on the wrong dossier).
struct ScreeningCorrected {
    std::string corrects_event_id;
    std::string reason;
    bool withdrawn = false;
    ScreeningCode code = ScreeningCode::geen_risico;  // ignored when withdrawn
    DayNumber screening_date = 0;                     // ignored when withdrawn
    std::string note;                                 // ignored when withdrawn
};

struct FollowUpCreated {
    std::string screening_event_id;  // the screening that asked for it ("" if none)
    FollowUpType type = FollowUpType::inspection_visit;
    DayNumber due_date = 0;
    FollowUpStatus status = FollowUpStatus::open;
    std::string note;
};

// The full new state of a follow-up; the latest update wins.
struct FollowUpUpdated {
    std::string follow_up_id;  // event id of the FollowUpCreated event
    FollowUpType type = FollowUpType::inspection_visit;
    DayNumber due_date = 0;
    FollowUpStatus status = FollowUpStatus::open;
    std::string note;
};

// The values of an outcome. `measure` counts only for enforcement, `handed_over_to` (a team or
// person, required) only for handed_over, `inspection_result` only for inspection; the others are
// left at their defaults and not stored. For an inspection the outcome date is the inspection's date.
struct OutcomeDetails {
    OutcomeType type = OutcomeType::none;
    EnforcementMeasure measure = EnforcementMeasure::aanmaning;
    std::string handed_over_to;
    InspectionResult inspection_result = InspectionResult::no_shortcomings;
    DayNumber outcome_date = 0;
    std::string note;
};

// What followed the screening `screening_event_id` (a screening_coded event of the same dossier).
struct OutcomeRecorded {
    std::string screening_event_id;
    OutcomeDetails details;
};

// Replaces the values of an earlier outcome (or of an earlier correction of it); the latest
// recorded correction wins. A withdrawn outcome counts as never recorded.
struct OutcomeCorrected {
    std::string corrects_event_id;
    std::string reason;
    bool withdrawn = false;
    OutcomeDetails details;  // ignored when withdrawn
};

// The final code of a double-coded dossier whose two codes disagree, decided by a third person
// with a reason. It replaces the code of the first (regular) screening from then on, as a
// correction does; the two original codes stay recorded for the agreement figures.
struct AdjudicationRecorded {
    std::string first_code_event_id;   // the dossier's screening_coded event in the batch
    std::string second_code_event_id;  // its second blind code
    ScreeningCode final_code = ScreeningCode::geen_risico;
    std::string reason;
};

struct BatchMember {
    std::string dossier_id;
    SelectionKind kind = SelectionKind::top_n;
    std::uint32_t rank = 0;  // 1-based model rank at selection time
};

// The membership summary of a frozen batch; the full record is a FrozenBatch.
struct BatchCommitted {
    std::string batch_id;
    std::string month;  // "YYYY-MM"
    bool supplementary = false;
    std::uint32_t ranked_total = 0;     // number of ranked dossiers the ranks refer to
    std::uint32_t held_back_count = 0;  // high-ranked dossiers skipped because of the cooldown
    std::vector<BatchMember> members;
};

struct BatchClosed {
    std::string batch_id;
    std::vector<std::string> uncoded;  // members without a code when the user closed it
    std::string note;
};

// Same order as EventPayload's alternatives.
enum class EventKind {
    screening_coded,
    screening_corrected,
    follow_up_created,
    follow_up_updated,
    batch_committed,
    batch_closed,
    outcome_recorded,
    outcome_corrected,
    adjudication_recorded
};

using EventPayload = std::variant<ScreeningCoded, ScreeningCorrected, FollowUpCreated, FollowUpUpdated, BatchCommitted,
                                  BatchClosed, OutcomeRecorded, OutcomeCorrected, AdjudicationRecorded>;

struct ScreeningEvent {
    std::string event_id;  // unique across all devices (see format_event_id)
    int schema_version = screening_schema_version;
    Timestamp recorded_at;
    std::string screener;
    std::string dossier_id;  // "" for batch events
    EventPayload payload;

    EventKind kind() const { return static_cast<EventKind>(payload.index()); }
    template <typename T>
    const T* as() const { return std::get_if<T>(&payload); }
};

// "" when the event is valid, else a message naming the field, e.g. "field 'reason': must not be empty".
// Versions 1..screening_schema_version are valid; outcome events need outcome_schema_version or
// later, second blind codes and adjudications double_coding_schema_version or later.
std::string validate_event(const ScreeningEvent& event);
bool is_valid_identifier(const std::string& text);  // event, batch and follow-up ids

// An event id from 128 random bits supplied by the caller (the core has no entropy source):
// "ev-" followed by 32 lower-case hex digits.
std::string format_event_id(std::uint64_t high, std::uint64_t low);

// Stable keys used in JSON ("risico", "geen_risico", ...) and labels shown to people.
const char* code_key(ScreeningCode code);
const char* code_label(ScreeningCode code, TextLanguage language);
const char* follow_up_type_key(FollowUpType type);
const char* follow_up_type_label(FollowUpType type, TextLanguage language);
const char* follow_up_status_key(FollowUpStatus status);
const char* selection_kind_key(SelectionKind kind);
// How the kind reads on screen: "hoogste scores", "controlesteekproef", ... / "highest scores", ...
const char* selection_kind_label(SelectionKind kind, TextLanguage language);
const char* event_kind_key(EventKind kind);
const char* outcome_type_key(OutcomeType type);  // "none", "support", "warning", "enforcement", ...
// "Geen gevolg", "Advies of ondersteuning", "Aanmaning", "Handhaving", ... / "No action", ...
const char* outcome_type_label(OutcomeType type, TextLanguage language);
const char* enforcement_measure_key(EnforcementMeasure measure);  // "aanmaning", "schorsing", ...
const char* enforcement_measure_label(EnforcementMeasure measure, TextLanguage language);
const char* inspection_result_key(InspectionResult result);  // "no_shortcomings", "shortcomings", ...
const char* inspection_result_label(InspectionResult result, TextLanguage language);
// One line for an outcome, e.g. "Handhaving (schorsing)", "Inspectie: ernstige tekorten",
// "Overgedragen aan klantenbeheer: Team Oost".
std::string describe_outcome(const OutcomeDetails& details, TextLanguage language);

}  // namespace radar
