// Screening rules over the session: write permission, committing a batch, saving a code.
#include "session/screening_work.hpp"

#include "core/time/date_text.hpp"
#include "core/screening/blind_queue.hpp"
#include "core/screening/score_band.hpp"
#include "core/screening/screening_actions.hpp"
#include "session/audit_work.hpp"
#include "session/i18n.hpp"

namespace radar::session {
namespace {

CodingRefusal refused(TextId message, bool focus_note = false) { return CodingRefusal{tr(message), "", focus_note}; }

std::optional<CodingRefusal> save_correction(Session& state, const BatchMember& member, const CodingDraft& draft,
                                             const EffectiveScreening& existing, std::optional<double> percentile) {
    if (!has_content(draft.correction_reason)) return refused(TextId::correction_reason_required, true);
    CorrectionRequest request;
    request.stamp = state.new_stamp();
    request.corrects_event_id = existing.event_id;
    request.reason = draft.correction_reason;
    request.code = *draft.code;
    request.screening_date = state.reference_date();
    request.note = draft.note;
    request.score_percentile = percentile;
    Checked<ScreeningEvent> event = record_correction(state.screening(), request);
    if (!event) return CodingRefusal{tr(TextId::save_refused), event.error(), false};
    state.submit(member.dossier_id, {*event});
    return std::nullopt;
}

}  // namespace

const char* write_blocker(const Session& state) {
    if (state.storage_mode() == StoreMode::opening) return tr(TextId::storage_opening);
    if (state.storage_mode() == StoreMode::read_only) return tr(TextId::storage_not_writable);
    return "";
}

const char* action_blocker(const Session& state) {
    if (state.screener().empty()) return tr(TextId::screener_required);
    return write_blocker(state);
}

const char* commit_blocker(const Session& state, const BatchPreview& preview) {
    if (state.model_edited()) return tr(TextId::commit_needs_saved_model);
    if (const char* blocker = action_blocker(state); *blocker) return blocker;
    if (preview.outcome.selected.empty()) return tr(TextId::commit_nothing_selected);
    return "";
}

bool commit_preview(Session& state, const BatchPreview& preview) {
    if (*commit_blocker(state, preview)) return false;
    Checked<CommittedBatch> committed = commit_batch(preview, state.screening(), state.new_stamp());
    if (!committed) return false;
    committed->batch.audit_at_commit = audit_for_commit(state, committed->batch);
    state.submit("batch:" + committed->batch.batch_id, {committed->event}, committed->batch);
    state.set_screening_batch(committed->batch.batch_id);
    return true;
}

std::optional<CodingRefusal> save_coding(Session& state, const BatchState& batch, const BatchMember& member,
                                         const CodingDraft& draft) {
    const SaveStatus* status = state.save_status(member.dossier_id);
    if (status && status->phase == SavePhase::saving) return CodingRefusal{};
    if (const char* blocker = action_blocker(state); *blocker) return CodingRefusal{blocker, "", false};
    if (!draft.code) return refused(TextId::choose_code);
    const std::optional<double> percentile = visible_percentile(batch, member);
    if (note_required(*draft.code, percentile) && !has_content(draft.note)) return refused(TextId::note_required_message, true);
    if (const EffectiveScreening* existing = screening_in_batch(state.screening(), member.dossier_id, batch.batch_id)) {
        if (!draft.correcting) return CodingRefusal{};
        return save_correction(state, member, draft, *existing, percentile);
    }
    CodingRequest request;
    request.stamp = state.new_stamp();
    request.dossier_id = member.dossier_id;
    request.batch_id = batch.batch_id;
    request.code = *draft.code;
    request.screening_date = state.reference_date();
    request.note = draft.note;
    request.score_percentile = percentile;
    request.reasons_seen = state.reasons_shown(member.dossier_id);
    if (*draft.code == ScreeningCode::verder_onderzoek_nodig) {
        const std::optional<DayNumber> due = parse_date_text(draft.due_date);
        if (!due) return refused(TextId::due_date_invalid);
        request.follow_up = FollowUpRequest{state.new_stamp().event_id, draft.follow_up_type, *due, ""};
    }
    Checked<std::vector<ScreeningEvent>> events = record_screening(state.screening(), request);
    if (!events) return CodingRefusal{tr(TextId::save_refused), events.error(), false};
    state.submit(member.dossier_id, std::move(*events));
    return std::nullopt;
}

std::string outcome_subject(const std::string& dossier_id) { return "outcome:" + dossier_id; }

std::string submit_outcome(Session& state, const OutcomeInput& input) {
    if (const char* blocker = action_blocker(state); *blocker) return blocker;
    const std::string subject = outcome_subject(input.dossier_id);
    if (const SaveStatus* status = state.save_status(subject); status && status->phase == SavePhase::saving)
        return tr(TextId::save_refused);
    if (!input.corrects.empty() && !has_content(input.reason)) return tr(TextId::correction_reason_required);
    if (!input.withdraw && input.details.type == OutcomeType::handed_over && !has_content(input.details.handed_over_to))
        return tr(TextId::outcome_handed_over_required);
    Checked<ScreeningEvent> event = Checked<ScreeningEvent>::failure("");
    if (input.corrects.empty()) {
        const EffectiveScreening* screening = state.screening().current_screening(input.dossier_id);
        if (!screening) return tr(TextId::outcome_needs_screening);
        OutcomeRequest request;
        request.stamp = state.new_stamp();
        request.screening_event_id = screening->event_id;
        request.details = input.details;
        event = record_outcome(state.screening(), request);
    } else {
        OutcomeCorrectionRequest request;
        request.stamp = state.new_stamp();
        request.outcome_id = input.corrects;
        request.reason = input.reason;
        request.withdrawn = input.withdraw;
        request.details = input.details;
        event = record_outcome_correction(state.screening(), request);
    }
    if (!event) return std::string(tr(TextId::save_refused)) + " " + event.error();
    state.submit(subject, {std::move(*event)});
    return {};
}

const EffectiveScreening* screening_in_batch(const ScreeningState& screening, const std::string& dossier_id,
                                             const std::string& batch_id) {
    const DossierHistory* history = screening.history(dossier_id);
    if (!history) return nullptr;
    for (auto it = history->screenings.rbegin(); it != history->screenings.rend(); ++it) {
        const EffectiveScreening& item = screening.screenings[*it];
        if (item.batch_id == batch_id && !item.withdrawn) return &item;
    }
    return nullptr;
}

bool member_hidden(const BatchState& batch, const BatchMember& member) {
    if (!screened_blind(batch)) return false;
    for (std::size_t i = 0; i < batch.members.size(); ++i)
        if (batch.members[i].dossier_id == member.dossier_id) return !batch.member_coded[i];
    return true;
}

std::optional<double> visible_percentile(const BatchState& batch, const BatchMember& member) {
    if (member.kind == SelectionKind::control || member_hidden(batch, member)) return std::nullopt;
    return score_percentile(member.rank, batch.ranked_total);
}

}  // namespace radar::session
