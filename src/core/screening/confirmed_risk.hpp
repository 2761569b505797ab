// The user-chosen definition of "risk confirmed" for a screening (the label the evaluation, the
// backtests and the report's "newly found" figures use), its stable JSON form and its one-sentence
// statement, and the label of one screening as of a day. Not to be confused with risk_label.hpp,
// which says how long a dossier is shown as a risk after a risk code.
//
// Rules:
//   risk_code                      the screening's own code is one of `risk_codes` (default Risico
//                                  and Verder onderzoek nodig); known at once, never "not yet known".
//   serious_or_enforcement         an inspection found serious shortcomings, or enforcement
//                                  (handhaving, any measure), within `window_months` after the
//                                  screening date.
//   any_shortcoming_or_enforcement an inspection found shortcomings (serious or not), a warning, or
//                                  enforcement, within `window_months` after the screening date.
// The window runs from the screening date through add_months(screening date, window_months), both
// days included. Every current (not withdrawn) outcome of the dossier dated in the window counts,
// whichever screening it was recorded against, but only outcomes dated on or before `today`.
//
// "Not yet known": the window has not ended by `today` (today <= window end) and nothing confirmed
// the risk so far. Such screenings are neither positive nor negative: every figure that uses the
// label leaves them out and states how many were left out (the Evaluatie screen, the report).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/checked.hpp"
#include "core/screening/screening_state.hpp"
#include "core/base/strict_json.hpp"

namespace radar {

enum class ConfirmationRule { risk_code, serious_or_enforcement, any_shortcoming_or_enforcement };

struct LabelDefinition {
    ConfirmationRule rule = ConfirmationRule::serious_or_enforcement;
    int window_months = 6;  // 1..60; not used (nor stored) by risk_code
    // Used (and stored) by risk_code only.
    std::vector<ScreeningCode> risk_codes{ScreeningCode::risico, ScreeningCode::verder_onderzoek_nodig};
};

bool operator==(const LabelDefinition& a, const LabelDefinition& b);

// "" when valid, else a message naming the field ("field 'window_months': ...").
std::string validate_label_definition(const LabelDefinition& definition);

// Stable JSON form, e.g. {"version":1,"rule":"serious_or_enforcement","window_months":6} or
// {"version":1,"rule":"risk_code","risk_codes":["risico","verder_onderzoek_nodig"]}.
Json label_definition_to_json(const LabelDefinition& definition);
Checked<LabelDefinition> label_definition_from_json(const Json& value, const std::string& context = "label definition");
std::string label_definition_to_text(const LabelDefinition& definition);  // canonical JSON
Checked<LabelDefinition> parse_label_definition(std::string_view text);

const char* confirmation_rule_key(ConfirmationRule rule);  // "risk_code", "serious_or_enforcement", ...

// The sentence printed next to every figure that uses the definition, e.g. "Risico bevestigd =
// ernstige tekorten of handhaving binnen 6 maanden na de screening" / "Risk confirmed = serious
// shortcomings or enforcement within 6 months after the screening".
std::string label_definition_statement(const LabelDefinition& definition, TextLanguage language);

enum class LabelStatus { confirmed, not_confirmed, not_yet_known };
const char* label_status_key(LabelStatus status);  // "confirmed", "not_confirmed", "not_yet_known"

struct ConfirmedRisk {
    std::string screening_event_id;
    std::string dossier_id;
    DayNumber screening_date = 0;
    DayNumber window_end = 0;  // last day of the window (the screening date itself for risk_code)
    LabelStatus status = LabelStatus::not_confirmed;
    // The earliest confirming outcome (none for risk_code or when not confirmed).
    std::string confirming_outcome_id;
    std::optional<DayNumber> confirmed_on;
};

// The label of the screening `screening_event_id` as of `today`; none when there is no such
// screening or it was withdrawn.
std::optional<ConfirmedRisk> confirmed_risk(const ScreeningState& state, const std::string& screening_event_id,
                                            DayNumber today, const LabelDefinition& definition);

// The label of every current (not withdrawn) screening dated on or before `today`, by screening
// date, then dossier id, then event id.
std::vector<ConfirmedRisk> confirmed_risks(const ScreeningState& state, DayNumber today, const LabelDefinition& definition);

// Whether one outcome confirms a risk under the rule (always false for risk_code).
bool outcome_confirms_risk(const OutcomeDetails& outcome, ConfirmationRule rule);

}  // namespace radar
