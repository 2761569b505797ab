// Serialisation of screening events to and from JSON objects.
#include "core/screening/event_json.hpp"

#include <type_traits>

namespace radar {
namespace {

constexpr std::initializer_list<const char*> code_words = {"risico", "geen_risico", "verder_onderzoek_nodig"};
constexpr std::initializer_list<const char*> follow_up_type_words = {"inspection_visit", "information_request", "other"};
constexpr std::initializer_list<const char*> follow_up_status_words = {"open", "done"};
constexpr std::initializer_list<const char*> selection_kind_words = {"top_n", "control", "signal_override",
                                                                      "coverage_floor"};
constexpr std::initializer_list<const char*> event_kind_words = {
    "screening_coded", "screening_corrected", "follow_up_created", "follow_up_updated",
    "batch_committed", "batch_closed",        "outcome_recorded",  "outcome_corrected", "adjudication_recorded"};
constexpr std::initializer_list<const char*> outcome_type_words = {"none",        "support",     "warning",
                                                                    "enforcement", "handed_over", "inspection"};
constexpr std::initializer_list<const char*> enforcement_measure_words = {"aanmaning", "schorsing", "opheffing", "other"};
constexpr std::initializer_list<const char*> inspection_result_words = {"no_shortcomings", "shortcomings",
                                                                         "serious_shortcomings"};

void write_payload(Json& out, const ScreeningCoded& coded) {
    out["code"] = code_key(coded.code);
    out["screening_date"] = format_iso_date(coded.screening_date);
    out["note"] = coded.note;
    if (!coded.batch_id.empty()) out["batch_id"] = coded.batch_id;
    if (coded.reasons_seen) out["reasons_seen"] = *coded.reasons_seen;
    // Only written when set: an ordinary screening's text stays as it was before double coding.
    if (coded.second_blind_code) out["second_blind_code"] = true;
}

void write_payload(Json& out, const ScreeningCorrected& correction) {
    out["corrects_event_id"] = correction.corrects_event_id;
    out["reason"] = correction.reason;
    out["withdrawn"] = correction.withdrawn;
    if (correction.withdrawn) return;
    out["code"] = code_key(correction.code);
    out["screening_date"] = format_iso_date(correction.screening_date);
    out["note"] = correction.note;
}

void write_payload(Json& out, const FollowUpCreated& follow_up) {
    if (!follow_up.screening_event_id.empty()) out["screening_event_id"] = follow_up.screening_event_id;
    out["follow_up_type"] = follow_up_type_key(follow_up.type);
    out["due_date"] = format_iso_date(follow_up.due_date);
    out["status"] = follow_up_status_key(follow_up.status);
    out["note"] = follow_up.note;
}

void write_payload(Json& out, const FollowUpUpdated& update) {
    out["follow_up_id"] = update.follow_up_id;
    out["follow_up_type"] = follow_up_type_key(update.type);
    out["due_date"] = format_iso_date(update.due_date);
    out["status"] = follow_up_status_key(update.status);
    out["note"] = update.note;
}

void write_payload(Json& out, const BatchCommitted& batch) {
    out["batch_id"] = batch.batch_id;
    out["month"] = batch.month;
    out["supplementary"] = batch.supplementary;
    out["ranked_total"] = batch.ranked_total;
    out["held_back_count"] = batch.held_back_count;
    Json members = Json::array();
    for (const BatchMember& member : batch.members)
        members.push_back({{"dossier_id", member.dossier_id}, {"kind", selection_kind_key(member.kind)}, {"rank", member.rank}});
    out["members"] = std::move(members);
}

void write_payload(Json& out, const BatchClosed& closed) {
    out["batch_id"] = closed.batch_id;
    out["uncoded"] = closed.uncoded;
    out["note"] = closed.note;
}

// Only the fields that belong to the outcome's type are written (and accepted on reading).
void write_outcome_details(Json& out, const OutcomeDetails& details) {
    out["outcome_type"] = outcome_type_key(details.type);
    if (details.type == OutcomeType::enforcement) out["measure"] = enforcement_measure_key(details.measure);
    if (details.type == OutcomeType::handed_over) out["handed_over_to"] = details.handed_over_to;
    if (details.type == OutcomeType::inspection) out["inspection_result"] = inspection_result_key(details.inspection_result);
    out["outcome_date"] = format_iso_date(details.outcome_date);
    out["note"] = details.note;
}

void write_payload(Json& out, const OutcomeRecorded& outcome) {
    out["screening_event_id"] = outcome.screening_event_id;
    write_outcome_details(out, outcome.details);
}

void write_payload(Json& out, const OutcomeCorrected& correction) {
    out["corrects_event_id"] = correction.corrects_event_id;
    out["reason"] = correction.reason;
    out["withdrawn"] = correction.withdrawn;
    if (!correction.withdrawn) write_outcome_details(out, correction.details);
}

void write_payload(Json& out, const AdjudicationRecorded& adjudication) {
    out["first_code_event_id"] = adjudication.first_code_event_id;
    out["second_code_event_id"] = adjudication.second_code_event_id;
    out["final_code"] = code_key(adjudication.final_code);
    out["reason"] = adjudication.reason;
}

template <typename Enum>
Enum read_enum(FieldReader& reader, const char* name, std::initializer_list<const char*> words) {
    return static_cast<Enum>(reader.choice(name, words));
}

ScreeningCoded read_coded(FieldReader& reader) {
    ScreeningCoded coded;
    coded.code = read_enum<ScreeningCode>(reader, "code", code_words);
    coded.screening_date = reader.date("screening_date");
    coded.note = reader.text("note", true);
    coded.batch_id = reader.optional_text("batch_id");
    if (reader.has("reasons_seen")) coded.reasons_seen = reader.boolean("reasons_seen");
    if (reader.has("second_blind_code")) coded.second_blind_code = reader.boolean("second_blind_code");
    return coded;
}

ScreeningCorrected read_correction(FieldReader& reader) {
    ScreeningCorrected correction;
    correction.corrects_event_id = reader.text("corrects_event_id");
    correction.reason = reader.text("reason");
    correction.withdrawn = reader.boolean("withdrawn");
    if (correction.withdrawn || !reader.ok()) return correction;
    correction.code = read_enum<ScreeningCode>(reader, "code", code_words);
    correction.screening_date = reader.date("screening_date");
    correction.note = reader.text("note", true);
    return correction;
}

template <typename FollowUp>
void read_follow_up_state(FieldReader& reader, FollowUp& follow_up) {
    follow_up.type = read_enum<FollowUpType>(reader, "follow_up_type", follow_up_type_words);
    follow_up.due_date = reader.date("due_date");
    follow_up.status = read_enum<FollowUpStatus>(reader, "status", follow_up_status_words);
    follow_up.note = reader.text("note", true);
}

FollowUpCreated read_follow_up_created(FieldReader& reader) {
    FollowUpCreated follow_up;
    follow_up.screening_event_id = reader.optional_text("screening_event_id");
    read_follow_up_state(reader, follow_up);
    return follow_up;
}

FollowUpUpdated read_follow_up_updated(FieldReader& reader) {
    FollowUpUpdated update;
    update.follow_up_id = reader.text("follow_up_id");
    read_follow_up_state(reader, update);
    return update;
}

OutcomeDetails read_outcome_details(FieldReader& reader) {
    OutcomeDetails details;
    details.type = read_enum<OutcomeType>(reader, "outcome_type", outcome_type_words);
    if (!reader.ok()) return details;
    if (details.type == OutcomeType::enforcement)
        details.measure = read_enum<EnforcementMeasure>(reader, "measure", enforcement_measure_words);
    if (details.type == OutcomeType::handed_over) details.handed_over_to = reader.text("handed_over_to");
    if (details.type == OutcomeType::inspection)
        details.inspection_result = read_enum<InspectionResult>(reader, "inspection_result", inspection_result_words);
    details.outcome_date = reader.date("outcome_date");
    details.note = reader.text("note", true);
    return details;
}

OutcomeRecorded read_outcome_recorded(FieldReader& reader) {
    OutcomeRecorded outcome;
    outcome.screening_event_id = reader.text("screening_event_id");
    outcome.details = read_outcome_details(reader);
    return outcome;
}

OutcomeCorrected read_outcome_corrected(FieldReader& reader) {
    OutcomeCorrected correction;
    correction.corrects_event_id = reader.text("corrects_event_id");
    correction.reason = reader.text("reason");
    correction.withdrawn = reader.boolean("withdrawn");
    if (correction.withdrawn || !reader.ok()) return correction;
    correction.details = read_outcome_details(reader);
    return correction;
}

AdjudicationRecorded read_adjudication(FieldReader& reader) {
    AdjudicationRecorded adjudication;
    adjudication.first_code_event_id = reader.text("first_code_event_id");
    adjudication.second_code_event_id = reader.text("second_code_event_id");
    adjudication.final_code = read_enum<ScreeningCode>(reader, "final_code", code_words);
    adjudication.reason = reader.text("reason");
    return adjudication;
}

BatchCommitted read_batch_committed(FieldReader& reader) {
    BatchCommitted batch;
    batch.batch_id = reader.text("batch_id");
    batch.month = reader.text("month");
    batch.supplementary = reader.boolean("supplementary");
    batch.ranked_total = static_cast<std::uint32_t>(reader.unsigned_integer("ranked_total", UINT32_MAX));
    batch.held_back_count = static_cast<std::uint32_t>(reader.unsigned_integer("held_back_count", UINT32_MAX));
    const Json* members = reader.array("members");
    if (!members) return batch;
    for (std::size_t i = 0; i < members->size(); ++i) {
        FieldReader member_reader((*members)[i], reader.context() + ": members[" + std::to_string(i) + "]");
        BatchMember member;
        member.dossier_id = member_reader.text("dossier_id");
        member.kind = read_enum<SelectionKind>(member_reader, "kind", selection_kind_words);
        member.rank = static_cast<std::uint32_t>(member_reader.unsigned_integer("rank", UINT32_MAX));
        if (!member_reader.finish()) {
            reader.fail_nested(member_reader.error());
            return batch;
        }
        batch.members.push_back(std::move(member));
    }
    return batch;
}

BatchClosed read_batch_closed(FieldReader& reader) {
    BatchClosed closed;
    closed.batch_id = reader.text("batch_id");
    const Json* uncoded = reader.array("uncoded");
    if (uncoded) {
        for (std::size_t i = 0; i < uncoded->size(); ++i) {
            const Json& item = (*uncoded)[i];
            if (!item.is_string()) {
                reader.fail("uncoded", "item " + std::to_string(i) + " is not text");
                break;
            }
            closed.uncoded.push_back(item.get<std::string>());
        }
    }
    closed.note = reader.text("note", true);
    return closed;
}

}  // namespace

Json event_to_json(const ScreeningEvent& event) {
    Json out = Json::object();
    out["event_id"] = event.event_id;
    out["schema_version"] = event.schema_version;
    out["kind"] = event_kind_key(event.kind());
    out["recorded_at"] = format_timestamp(event.recorded_at);
    out["screener"] = event.screener;
    if (!event.dossier_id.empty()) out["dossier_id"] = event.dossier_id;
    std::visit([&](const auto& payload) { write_payload(out, payload); }, event.payload);
    return out;
}

Checked<ScreeningEvent> event_from_json(const Json& value, const std::string& context) {
    FieldReader reader(value, context);
    ScreeningEvent event;
    // Read the version first: a newer record gets a clear "update the app" message, not a field error.
    event.schema_version = static_cast<int>(reader.integer("schema_version", 1, 1'000'000));
    if (reader.ok() && event.schema_version > screening_schema_version)
        return Checked<ScreeningEvent>::failure(context + ": schema_version " + std::to_string(event.schema_version) +
                                                " is newer than this app supports (" +
                                                std::to_string(screening_schema_version) + "); update the app");
    event.event_id = reader.text("event_id");
    const auto kind = static_cast<EventKind>(reader.choice("kind", event_kind_words));
    event.recorded_at = reader.timestamp("recorded_at");
    event.screener = reader.text("screener");
    const bool batch_event = kind == EventKind::batch_committed || kind == EventKind::batch_closed;
    if (!batch_event) event.dossier_id = reader.text("dossier_id");
    if (!reader.ok()) return Checked<ScreeningEvent>::failure(reader.error());
    switch (kind) {
        case EventKind::screening_coded: event.payload = read_coded(reader); break;
        case EventKind::screening_corrected: event.payload = read_correction(reader); break;
        case EventKind::follow_up_created: event.payload = read_follow_up_created(reader); break;
        case EventKind::follow_up_updated: event.payload = read_follow_up_updated(reader); break;
        case EventKind::batch_committed: event.payload = read_batch_committed(reader); break;
        case EventKind::batch_closed: event.payload = read_batch_closed(reader); break;
        case EventKind::outcome_recorded: event.payload = read_outcome_recorded(reader); break;
        case EventKind::outcome_corrected: event.payload = read_outcome_corrected(reader); break;
        case EventKind::adjudication_recorded: event.payload = read_adjudication(reader); break;
    }
    if (!reader.finish()) return Checked<ScreeningEvent>::failure(reader.error());
    const std::string problem = validate_event(event);
    if (!problem.empty())
        return Checked<ScreeningEvent>::failure(context + " (" + event.event_id + "): " + problem);
    return event;
}

std::string event_to_text(const ScreeningEvent& event) { return canonical_json(event_to_json(event)); }

Checked<ScreeningEvent> parse_event(std::string_view text) {
    const Checked<Json> json = parse_json_strict(text);
    if (!json) return Checked<ScreeningEvent>::failure("event: " + json.error());
    return event_from_json(*json);
}

std::string events_to_text(const std::vector<ScreeningEvent>& events) {
    std::string text = "[";
    for (std::size_t i = 0; i < events.size(); ++i) {
        text += i ? ",\n" : "\n";
        text += event_to_text(events[i]);
    }
    text += events.empty() ? "]\n" : "\n]\n";
    return text;
}

Checked<std::vector<ScreeningEvent>> events_from_json(const Json& array, const std::string& context) {
    using Result = Checked<std::vector<ScreeningEvent>>;
    if (!array.is_array()) return Result::failure(context + ": expected a list of events");
    std::vector<ScreeningEvent> events;
    events.reserve(array.size());
    for (std::size_t i = 0; i < array.size(); ++i) {
        Checked<ScreeningEvent> event = event_from_json(array[i], context + "[" + std::to_string(i) + "]");
        if (!event) return Result::failure(event.error());
        events.push_back(std::move(*event));
    }
    return events;
}

Checked<std::vector<ScreeningEvent>> parse_events(std::string_view text) {
    const Checked<Json> json = parse_json_strict(text);
    if (!json) return Checked<std::vector<ScreeningEvent>>::failure("events: " + json.error());
    return events_from_json(*json);
}

}  // namespace radar
