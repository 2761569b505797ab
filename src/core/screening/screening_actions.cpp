// Building and checking the events of one user action.
#include "core/screening/screening_actions.hpp"

#include "core/screening/double_coding.hpp"
#include "core/screening/score_band.hpp"

namespace radar {
namespace {

template <typename T>
Checked<T> refuse(const std::string& message) {
    return Checked<T>::failure(message);
}

ScreeningEvent stamped(const EventStamp& stamp, std::string dossier_id) {
    ScreeningEvent event;
    event.event_id = stamp.event_id;
    event.recorded_at = stamp.recorded_at;
    event.screener = stamp.screener;
    event.dossier_id = std::move(dossier_id);
    return event;
}

// "" or why the new event cannot be stored as it is.
std::string check_new(const ScreeningState& state, const ScreeningEvent& event) {
    if (state.event(event.event_id)) return "field 'event_id': " + event.event_id + " is already used";
    return validate_event(event);
}

}  // namespace

bool has_content(const std::string& text) { return text.find_first_not_of(" \t\r\n") != std::string::npos; }

Checked<std::vector<ScreeningEvent>> record_screening(const ScreeningState& state, const CodingRequest& request) {
    using Result = std::vector<ScreeningEvent>;
    if (note_required(request.code, request.score_percentile) && !has_content(request.note))
        return refuse<Result>(std::string("field 'note': a note is required: \"") + code_label(request.code, TextLanguage::dutch) +
                              "\" disagrees with the dossier's score band (" +
                              score_band_label(score_band(*request.score_percentile)) + ")");
    if (request.code == ScreeningCode::verder_onderzoek_nodig && !request.follow_up)
        return refuse<Result>("field 'follow_up': \"Verder onderzoek nodig\" needs a follow-up");
    if (!request.batch_id.empty()) {
        const auto batch = state.batches.find(request.batch_id);
        if (batch == state.batches.end()) return refuse<Result>("field 'batch_id': unknown batch " + request.batch_id);
        const BatchState& found = batch->second;
        for (std::size_t i = 0; i < found.members.size(); ++i) {
            if (found.members[i].dossier_id != request.dossier_id) continue;
            if (found.member_coded[i])
                return refuse<Result>("dossier " + request.dossier_id + " already has a code in batch " +
                                      request.batch_id + "; record a correction instead");
        }
        if (!found.member(request.dossier_id))
            return refuse<Result>("field 'batch_id': batch " + request.batch_id + " does not contain dossier " +
                                  request.dossier_id);
        const ScreeningEvent* second = second_code_of(state, request.dossier_id, request.batch_id);
        if (second && second->screener == request.stamp.screener)
            return refuse<Result>(request.stamp.screener + " gave the second blind code of dossier " + request.dossier_id +
                                  " in batch " + request.batch_id + "; another screener codes it");
    }

    ScreeningEvent coded = stamped(request.stamp, request.dossier_id);
    coded.payload = ScreeningCoded{request.code, request.screening_date, request.note, request.batch_id, request.reasons_seen};
    if (auto problem = check_new(state, coded); !problem.empty()) return refuse<Result>(problem);
    Result events{coded};
    if (request.follow_up) {
        const FollowUpRequest& follow_up = *request.follow_up;
        ScreeningEvent created = stamped({follow_up.event_id, request.stamp.recorded_at, request.stamp.screener},
                                         request.dossier_id);
        created.payload = FollowUpCreated{coded.event_id, follow_up.type, follow_up.due_date, FollowUpStatus::open,
                                          follow_up.note};
        if (follow_up.event_id == coded.event_id)
            return refuse<Result>("follow_up.field 'event_id': must differ from the screening's event id");
        if (auto problem = check_new(state, created); !problem.empty()) return refuse<Result>("follow_up." + problem);
        events.push_back(std::move(created));
    }
    return events;
}

Checked<ScreeningEvent> record_correction(const ScreeningState& state, const CorrectionRequest& request) {
    const ScreeningEvent* target = state.event(request.corrects_event_id);
    if (!target || (!target->as<ScreeningCoded>() && !target->as<ScreeningCorrected>()))
        return refuse<ScreeningEvent>("field 'corrects_event_id': " + request.corrects_event_id +
                                      " is not a screening or a correction");
    if (target->as<ScreeningCoded>() && target->as<ScreeningCoded>()->second_blind_code)
        return refuse<ScreeningEvent>("field 'corrects_event_id': " + request.corrects_event_id +
                                      " is a second blind code; a disagreement is adjudicated, not corrected");
    if (!has_content(request.reason)) return refuse<ScreeningEvent>("field 'reason': a correction needs a reason");
    if (!request.withdrawn && note_required(request.code, request.score_percentile) && !has_content(request.note))
        return refuse<ScreeningEvent>(std::string("field 'note': a note is required: \"") +
                                      code_label(request.code, TextLanguage::dutch) +
                                      "\" disagrees with the dossier's score band");
    ScreeningEvent event = stamped(request.stamp, target->dossier_id);
    ScreeningCorrected correction;
    correction.corrects_event_id = request.corrects_event_id;
    correction.reason = request.reason;
    correction.withdrawn = request.withdrawn;
    if (!request.withdrawn) {
        correction.code = request.code;
        correction.screening_date = request.screening_date;
        correction.note = request.note;
    }
    event.payload = std::move(correction);
    if (auto problem = check_new(state, event); !problem.empty()) return refuse<ScreeningEvent>(problem);
    return event;
}

Checked<ScreeningEvent> record_follow_up_update(const ScreeningState& state, const FollowUpUpdateRequest& request) {
    const FollowUpState* follow_up = nullptr;
    for (const FollowUpState& candidate : state.follow_ups)
        if (candidate.follow_up_id == request.follow_up_id) follow_up = &candidate;
    if (!follow_up) return refuse<ScreeningEvent>("field 'follow_up_id': unknown follow-up " + request.follow_up_id);
    ScreeningEvent event = stamped(request.stamp, follow_up->dossier_id);
    event.payload = FollowUpUpdated{request.follow_up_id, request.type, request.due_date, request.status, request.note};
    if (auto problem = check_new(state, event); !problem.empty()) return refuse<ScreeningEvent>(problem);
    return event;
}

Checked<ScreeningEvent> record_batch_close(const ScreeningState& state, const EventStamp& stamp,
                                           const std::string& batch_id, const std::string& note) {
    const auto found = state.batches.find(batch_id);
    if (found == state.batches.end()) return refuse<ScreeningEvent>("field 'batch_id': unknown batch " + batch_id);
    const BatchState& batch = found->second;
    if (batch.status() == BatchStatus::closed) return refuse<ScreeningEvent>("batch " + batch_id + " is already closed");
    BatchClosed closed;
    closed.batch_id = batch_id;
    closed.note = note;
    for (std::size_t i = 0; i < batch.members.size(); ++i)
        if (!batch.member_coded[i]) closed.uncoded.push_back(batch.members[i].dossier_id);
    ScreeningEvent event = stamped(stamp, "");
    event.payload = std::move(closed);
    if (auto problem = check_new(state, event); !problem.empty()) return refuse<ScreeningEvent>(problem);
    return event;
}

Checked<ScreeningEvent> record_outcome(const ScreeningState& state, const OutcomeRequest& request) {
    const EffectiveScreening* screening = state.screening(request.screening_event_id);
    if (!screening || screening->withdrawn)
        return refuse<ScreeningEvent>("field 'screening_event_id': " + request.screening_event_id +
                                      " is not a current screening");
    if (request.details.outcome_date < screening->screening_date)
        return refuse<ScreeningEvent>("field 'outcome_date': " + format_iso_date(request.details.outcome_date) +
                                      " is before the screening of " + format_iso_date(screening->screening_date));
    ScreeningEvent event = stamped(request.stamp, screening->dossier_id);
    event.payload = OutcomeRecorded{request.screening_event_id, request.details};
    if (auto problem = check_new(state, event); !problem.empty()) return refuse<ScreeningEvent>(problem);
    return event;
}

Checked<ScreeningEvent> record_outcome_correction(const ScreeningState& state, const OutcomeCorrectionRequest& request) {
    const OutcomeState* outcome = state.outcome(request.outcome_id);
    if (!outcome || outcome->withdrawn)
        return refuse<ScreeningEvent>("field 'outcome_id': " + request.outcome_id + " is not a current outcome");
    if (!has_content(request.reason)) return refuse<ScreeningEvent>("field 'reason': a reason is required");
    if (!request.withdrawn) {
        const EffectiveScreening* screening = state.screening(outcome->screening_event_id);
        if (screening && request.details.outcome_date < screening->screening_date)
            return refuse<ScreeningEvent>("field 'outcome_date': " + format_iso_date(request.details.outcome_date) +
                                          " is before the screening of " + format_iso_date(screening->screening_date));
    }
    ScreeningEvent event = stamped(request.stamp, outcome->dossier_id);
    // Corrections chain: the latest correction is the one corrected, so the timeline reads in order.
    const std::string target = outcome->correction_ids.empty() ? outcome->outcome_id : outcome->correction_ids.back();
    event.payload = OutcomeCorrected{target, request.reason, request.withdrawn,
                                     request.withdrawn ? OutcomeDetails{} : request.details};
    if (auto problem = check_new(state, event); !problem.empty()) return refuse<ScreeningEvent>(problem);
    return event;
}

Checked<ScreeningEvent> record_second_code(const ScreeningState& state, const SecondCodeRequest& request) {
    const auto batch = state.batches.find(request.batch_id);
    if (batch == state.batches.end()) return refuse<ScreeningEvent>("field 'batch_id': unknown batch " + request.batch_id);
    if (!batch->second.member(request.dossier_id))
        return refuse<ScreeningEvent>("field 'batch_id': batch " + request.batch_id + " does not contain dossier " +
                                      request.dossier_id);
    if (second_code_of(state, request.dossier_id, request.batch_id))
        return refuse<ScreeningEvent>("dossier " + request.dossier_id + " already has a second code in batch " +
                                      request.batch_id);
    if (const DossierHistory* history = state.history(request.dossier_id))
        for (std::size_t at : history->screenings) {
            const EffectiveScreening& first = state.screenings[at];
            if (!first.withdrawn && first.batch_id == request.batch_id && first.screener == request.stamp.screener)
                return refuse<ScreeningEvent>(request.stamp.screener + " coded dossier " + request.dossier_id +
                                              " in batch " + request.batch_id + "; another screener gives the second code");
        }
    ScreeningEvent event = stamped(request.stamp, request.dossier_id);
    ScreeningCoded coded{request.code, request.screening_date, request.note, request.batch_id, false};
    coded.second_blind_code = true;
    event.payload = std::move(coded);
    if (auto problem = check_new(state, event); !problem.empty()) return refuse<ScreeningEvent>(problem);
    return event;
}

Checked<ScreeningEvent> record_adjudication(const ScreeningState& state, const AdjudicationRequest& request) {
    const EffectiveScreening* first = state.screening(request.first_code_event_id);
    if (!first || first->withdrawn)
        return refuse<ScreeningEvent>("field 'first_code_event_id': " + request.first_code_event_id +
                                      " is not a current screening");
    const ScreeningEvent* second = state.event(request.second_code_event_id);
    const ScreeningCoded* second_code = second ? second->as<ScreeningCoded>() : nullptr;
    if (!second_code || !second_code->second_blind_code || second->dossier_id != first->dossier_id ||
        second_code->batch_id != first->batch_id)
        return refuse<ScreeningEvent>("field 'second_code_event_id': " + request.second_code_event_id +
                                      " is not the second code of dossier " + first->dossier_id + " in batch " +
                                      first->batch_id);
    if (second_code->code == first->coder_code)
        return refuse<ScreeningEvent>("the two codes agree (" + std::string(code_key(first->coder_code)) +
                                      "): there is nothing to adjudicate");
    if (!has_content(request.reason)) return refuse<ScreeningEvent>("field 'reason': an adjudication needs a reason");
    ScreeningEvent event = stamped(request.stamp, first->dossier_id);
    event.payload = AdjudicationRecorded{request.first_code_event_id, request.second_code_event_id, request.final_code,
                                         request.reason};
    if (auto problem = check_new(state, event); !problem.empty()) return refuse<ScreeningEvent>(problem);
    return event;
}

}  // namespace radar
