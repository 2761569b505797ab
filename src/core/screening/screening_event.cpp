// Validation and naming of screening events.
#include "core/screening/screening_event.hpp"

#include <set>
#include <type_traits>

#include "core/base/strict_json.hpp"
#include "core/base/utf8_check.hpp"

namespace radar {
namespace {

// Dates outside this range are typing errors, not screenings.
const DayNumber earliest_date = days_from_civil({1990, 1, 1});
const DayNumber latest_date = days_from_civil({2199, 12, 31});
constexpr std::size_t max_text_bytes = 20000;

std::string field_problem(const char* field, const std::string& problem) {
    return std::string("field '") + field + "': " + problem;
}

std::string check_identifier(const char* field, const std::string& value) {
    if (value.empty()) return field_problem(field, "must not be empty");
    if (!is_valid_identifier(value))
        return field_problem(field, "\"" + value + "\" is not a valid id (1-128 of A-Z a-z 0-9 . _ : -)");
    return {};
}

std::string check_text(const char* field, const std::string& value, bool required) {
    if (required && value.empty()) return field_problem(field, "must not be empty");
    if (value.size() > max_text_bytes) return field_problem(field, "is longer than 20000 bytes");
    if (!is_valid_utf8(value)) return field_problem(field, "is not valid UTF-8 text");
    return {};
}

std::string check_date(const char* field, DayNumber day) {
    if (day < earliest_date || day > latest_date)
        return field_problem(field, format_iso_date(day) + " is outside 1990-01-01..2199-12-31");
    return {};
}

bool is_valid_month(const std::string& month) {
    return month.size() == 7 && parse_iso_date(month + "-01").has_value();
}

std::string check_payload(const ScreeningCoded& coded) {
    if (auto problem = check_date("screening_date", coded.screening_date); !problem.empty()) return problem;
    if (auto problem = check_text("note", coded.note, false); !problem.empty()) return problem;
    if (coded.second_blind_code && coded.batch_id.empty())
        return field_problem("batch_id", "a second blind code belongs to a batch");
    if (!coded.batch_id.empty()) return check_identifier("batch_id", coded.batch_id);
    return {};
}

std::string check_payload(const ScreeningCorrected& correction, const std::string& own_id) {
    if (auto problem = check_identifier("corrects_event_id", correction.corrects_event_id); !problem.empty())
        return problem;
    if (correction.corrects_event_id == own_id) return field_problem("corrects_event_id", "an event cannot correct itself");
    if (auto problem = check_text("reason", correction.reason, true); !problem.empty()) return problem;
    if (correction.withdrawn) return {};
    if (auto problem = check_date("screening_date", correction.screening_date); !problem.empty()) return problem;
    return check_text("note", correction.note, false);
}

std::string check_payload(const FollowUpCreated& follow_up) {
    if (!follow_up.screening_event_id.empty())
        if (auto problem = check_identifier("screening_event_id", follow_up.screening_event_id); !problem.empty())
            return problem;
    if (auto problem = check_date("due_date", follow_up.due_date); !problem.empty()) return problem;
    return check_text("note", follow_up.note, false);
}

std::string check_payload(const FollowUpUpdated& update) {
    if (auto problem = check_identifier("follow_up_id", update.follow_up_id); !problem.empty()) return problem;
    if (auto problem = check_date("due_date", update.due_date); !problem.empty()) return problem;
    return check_text("note", update.note, false);
}

std::string check_outcome_details(const OutcomeDetails& details) {
    if (auto problem = check_date("outcome_date", details.outcome_date); !problem.empty()) return problem;
    if (details.type == OutcomeType::handed_over) {
        if (auto problem = check_text("handed_over_to", details.handed_over_to, true); !problem.empty()) return problem;
        if (details.handed_over_to.size() > 200) return field_problem("handed_over_to", "is longer than 200 bytes");
    } else if (!details.handed_over_to.empty()) {
        return field_problem("handed_over_to", "only an outcome of type handed_over names whom it was handed to");
    }
    return check_text("note", details.note, false);
}

std::string check_payload(const OutcomeRecorded& outcome) {
    if (auto problem = check_identifier("screening_event_id", outcome.screening_event_id); !problem.empty())
        return problem;
    return check_outcome_details(outcome.details);
}

std::string check_payload(const OutcomeCorrected& correction, const std::string& own_id) {
    if (auto problem = check_identifier("corrects_event_id", correction.corrects_event_id); !problem.empty())
        return problem;
    if (correction.corrects_event_id == own_id) return field_problem("corrects_event_id", "an event cannot correct itself");
    if (auto problem = check_text("reason", correction.reason, true); !problem.empty()) return problem;
    if (correction.withdrawn) return {};
    return check_outcome_details(correction.details);
}

std::string check_payload(const AdjudicationRecorded& adjudication) {
    if (auto problem = check_identifier("first_code_event_id", adjudication.first_code_event_id); !problem.empty())
        return problem;
    if (auto problem = check_identifier("second_code_event_id", adjudication.second_code_event_id); !problem.empty())
        return problem;
    if (adjudication.first_code_event_id == adjudication.second_code_event_id)
        return field_problem("second_code_event_id", "must differ from first_code_event_id");
    return check_text("reason", adjudication.reason, true);
}

std::string check_payload(const BatchCommitted& batch) {
    if (auto problem = check_identifier("batch_id", batch.batch_id); !problem.empty()) return problem;
    if (!is_valid_month(batch.month)) return field_problem("month", "expected YYYY-MM, got \"" + batch.month + "\"");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < batch.members.size(); ++i) {
        const BatchMember& member = batch.members[i];
        const std::string where = "members[" + std::to_string(i) + "].";
        if (auto problem = check_text("dossier_id", member.dossier_id, true); !problem.empty()) return where + problem;
        if (!seen.insert(member.dossier_id).second)
            return where + field_problem("dossier_id", "\"" + member.dossier_id + "\" occurs twice in the batch");
        if (member.rank < 1 || member.rank > batch.ranked_total)
            return where + field_problem("rank", std::to_string(member.rank) + " is outside 1.." +
                                                     std::to_string(batch.ranked_total));
    }
    return {};
}

std::string check_payload(const BatchClosed& closed) {
    if (auto problem = check_identifier("batch_id", closed.batch_id); !problem.empty()) return problem;
    std::set<std::string> seen;
    for (const std::string& dossier : closed.uncoded) {
        if (auto problem = check_text("uncoded", dossier, true); !problem.empty()) return problem;
        if (!seen.insert(dossier).second) return field_problem("uncoded", "\"" + dossier + "\" is listed twice");
    }
    return check_text("note", closed.note, false);
}

}  // namespace

bool is_valid_identifier(const std::string& text) {
    if (text.empty() || text.size() > 128) return false;
    for (char c : text) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                             c == '_' || c == ':' || c == '-';
        if (!allowed) return false;
    }
    return true;
}

std::string validate_event(const ScreeningEvent& event) {
    if (auto problem = check_identifier("event_id", event.event_id); !problem.empty()) return problem;
    if (event.schema_version < 1 || event.schema_version > screening_schema_version)
        return field_problem("schema_version", "expected 1.." + std::to_string(screening_schema_version) + ", got " +
                                                   std::to_string(event.schema_version));
    const bool outcome_event = event.kind() == EventKind::outcome_recorded || event.kind() == EventKind::outcome_corrected;
    if (outcome_event && event.schema_version < outcome_schema_version)
        return field_problem("schema_version", "an outcome event needs version " +
                                                   std::to_string(outcome_schema_version) + " or later, got " +
                                                   std::to_string(event.schema_version));
    const auto* coded = event.as<ScreeningCoded>();
    const bool double_coding_event = event.kind() == EventKind::adjudication_recorded || (coded && coded->second_blind_code);
    if (double_coding_event && event.schema_version < double_coding_schema_version)
        return field_problem("schema_version", "a second blind code or an adjudication needs version " +
                                                   std::to_string(double_coding_schema_version) + " or later, got " +
                                                   std::to_string(event.schema_version));
    if (auto problem = check_text("screener", event.screener, true); !problem.empty()) return problem;
    if (event.screener.size() > 200) return field_problem("screener", "is longer than 200 bytes");
    const bool batch_event = event.kind() == EventKind::batch_committed || event.kind() == EventKind::batch_closed;
    if (batch_event && !event.dossier_id.empty())
        return field_problem("dossier_id", "a batch event belongs to no single dossier");
    if (!batch_event)
        if (auto problem = check_text("dossier_id", event.dossier_id, true); !problem.empty()) return problem;
    return std::visit(
        [&](const auto& payload) -> std::string {
            using Payload = std::decay_t<decltype(payload)>;
            if constexpr (std::is_same_v<Payload, ScreeningCorrected> || std::is_same_v<Payload, OutcomeCorrected>)
                return check_payload(payload, event.event_id);
            else return check_payload(payload);
        },
        event.payload);
}

std::string format_event_id(std::uint64_t high, std::uint64_t low) {
    static constexpr char hex_digits[] = "0123456789abcdef";
    std::string id = "ev-";
    for (std::uint64_t part : {high, low})
        for (int shift = 60; shift >= 0; shift -= 4) id += hex_digits[(part >> shift) & 0xF];
    return id;
}

const char* code_key(ScreeningCode code) {
    switch (code) {
        case ScreeningCode::risico: return "risico";
        case ScreeningCode::geen_risico: return "geen_risico";
        case ScreeningCode::verder_onderzoek_nodig: return "verder_onderzoek_nodig";
    }
    return "";
}

const char* code_label(ScreeningCode code, TextLanguage language) {
    const bool dutch = language == TextLanguage::dutch;
    switch (code) {
        case ScreeningCode::risico: return dutch ? "Risico" : "Risk";
        case ScreeningCode::geen_risico: return dutch ? "Geen risico" : "No risk";
        case ScreeningCode::verder_onderzoek_nodig: return dutch ? "Verder onderzoek nodig" : "Further investigation needed";
    }
    return "";
}

const char* follow_up_type_key(FollowUpType type) {
    switch (type) {
        case FollowUpType::inspection_visit: return "inspection_visit";
        case FollowUpType::information_request: return "information_request";
        case FollowUpType::other: return "other";
    }
    return "";
}

const char* follow_up_type_label(FollowUpType type, TextLanguage language) {
    const bool dutch = language == TextLanguage::dutch;
    switch (type) {
        case FollowUpType::inspection_visit: return dutch ? "Nieuw inspectiebezoek" : "New inspection visit";
        case FollowUpType::information_request: return dutch ? "Opvragen van informatie" : "Request for information";
        case FollowUpType::other: return dutch ? "Andere" : "Other";
    }
    return "";
}

const char* follow_up_status_key(FollowUpStatus status) { return status == FollowUpStatus::open ? "open" : "done"; }

const char* selection_kind_key(SelectionKind kind) {
    switch (kind) {
        case SelectionKind::top_n: return "top_n";
        case SelectionKind::control: return "control";
        case SelectionKind::signal_override: return "signal_override";
        case SelectionKind::coverage_floor: return "coverage_floor";
    }
    return "";
}

const char* selection_kind_label(SelectionKind kind, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    switch (kind) {
        case SelectionKind::top_n: return nl ? "hoogste scores" : "highest scores";
        case SelectionKind::control: return nl ? "controlesteekproef" : "control sample";
        case SelectionKind::signal_override: return nl ? "nieuw signaal" : "new signal";
        case SelectionKind::coverage_floor: return nl ? "dekkingsgrens" : "coverage floor";
    }
    return "";
}

const char* event_kind_key(EventKind kind) {
    switch (kind) {
        case EventKind::screening_coded: return "screening_coded";
        case EventKind::screening_corrected: return "screening_corrected";
        case EventKind::follow_up_created: return "follow_up_created";
        case EventKind::follow_up_updated: return "follow_up_updated";
        case EventKind::batch_committed: return "batch_committed";
        case EventKind::batch_closed: return "batch_closed";
        case EventKind::outcome_recorded: return "outcome_recorded";
        case EventKind::outcome_corrected: return "outcome_corrected";
        case EventKind::adjudication_recorded: return "adjudication_recorded";
    }
    return "";
}

const char* outcome_type_key(OutcomeType type) {
    switch (type) {
        case OutcomeType::none: return "none";
        case OutcomeType::support: return "support";
        case OutcomeType::warning: return "warning";
        case OutcomeType::enforcement: return "enforcement";
        case OutcomeType::handed_over: return "handed_over";
        case OutcomeType::inspection: return "inspection";
    }
    return "";
}

const char* outcome_type_label(OutcomeType type, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    switch (type) {
        case OutcomeType::none: return nl ? "Geen gevolg" : "No action";
        case OutcomeType::support: return nl ? "Advies of ondersteuning" : "Advice or support";
        case OutcomeType::warning: return nl ? "Waarschuwing" : "Warning";
        case OutcomeType::enforcement: return nl ? "Handhaving" : "Enforcement";
        case OutcomeType::handed_over: return nl ? "Overgedragen aan klantenbeheer" : "Handed over to customer management";
        case OutcomeType::inspection: return nl ? "Inspectie" : "Inspection";
    }
    return "";
}

const char* enforcement_measure_key(EnforcementMeasure measure) {
    switch (measure) {
        case EnforcementMeasure::aanmaning: return "aanmaning";
        case EnforcementMeasure::schorsing: return "schorsing";
        case EnforcementMeasure::opheffing: return "opheffing";
        case EnforcementMeasure::other: return "other";
    }
    return "";
}

const char* enforcement_measure_label(EnforcementMeasure measure, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    switch (measure) {
        case EnforcementMeasure::aanmaning: return nl ? "aanmaning" : "formal warning";
        case EnforcementMeasure::schorsing: return nl ? "schorsing" : "suspension";
        case EnforcementMeasure::opheffing: return nl ? "opheffing" : "revocation";
        case EnforcementMeasure::other: return nl ? "andere maatregel" : "other measure";
    }
    return "";
}

const char* inspection_result_key(InspectionResult result) {
    switch (result) {
        case InspectionResult::no_shortcomings: return "no_shortcomings";
        case InspectionResult::shortcomings: return "shortcomings";
        case InspectionResult::serious_shortcomings: return "serious_shortcomings";
    }
    return "";
}

const char* inspection_result_label(InspectionResult result, TextLanguage language) {
    const bool nl = language == TextLanguage::dutch;
    switch (result) {
        case InspectionResult::no_shortcomings: return nl ? "geen tekorten" : "no shortcomings";
        case InspectionResult::shortcomings: return nl ? "tekorten" : "shortcomings";
        case InspectionResult::serious_shortcomings: return nl ? "ernstige tekorten" : "serious shortcomings";
    }
    return "";
}

std::string describe_outcome(const OutcomeDetails& details, TextLanguage language) {
    std::string text = outcome_type_label(details.type, language);
    switch (details.type) {
        case OutcomeType::enforcement:
            return text + " (" + enforcement_measure_label(details.measure, language) + ")";
        case OutcomeType::handed_over: return text + ": " + details.handed_over_to;
        case OutcomeType::inspection: return text + ": " + inspection_result_label(details.inspection_result, language);
        default: return text;
    }
}

}  // namespace radar
