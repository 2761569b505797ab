// Blind double coding over the session: the second coder's queue, second codes, adjudications.
#include "session/double_coding_work.hpp"

#include <algorithm>

#include "core/screening/double_coding.hpp"
#include "core/screening/screening_actions.hpp"
#include "session/i18n.hpp"
#include "session/screening_work.hpp"

namespace radar::session {
namespace {

// Whether the dossier is among the batch's members drawn for double coding; false for a batch
// without its frozen record (its control seed is unknown).
bool drawn_for_double_coding(const FrozenBatch& frozen, const BatchState& batch, const std::string& dossier_id) {
    for (std::size_t index : double_coding_sample(batch, frozen.settings.control_seed, frozen.settings.double_coding))
        if (batch.members[index].dossier_id == dossier_id) return true;
    return false;
}

// Why the current screener cannot give the dossier its second code in the batch, or "".
const char* second_code_blocker(const Session& state, const std::string& batch_id, const std::string& dossier_id) {
    const auto batch = state.screening().batches.find(batch_id);
    const auto frozen = std::find_if(state.frozen_batches().begin(), state.frozen_batches().end(),
                                     [&](const FrozenBatch& item) { return item.batch_id == batch_id; });
    if (batch == state.screening().batches.end() || frozen == state.frozen_batches().end() ||
        !drawn_for_double_coding(*frozen, batch->second, dossier_id))
        return tr(TextId::second_code_not_drawn);
    if (second_code_of(state.screening(), dossier_id, batch_id)) return tr(TextId::second_code_done);
    const EffectiveScreening* first = screening_in_batch(state.screening(), dossier_id, batch_id);
    if (!first) return tr(TextId::second_code_needs_first);
    if (first->screener == state.screener()) return tr(TextId::second_code_own_first);
    return "";
}

// The refusals every save here starts with: its previous save still under way, action_blocker,
// no code chosen; "" when none holds.
const char* save_blocker(const Session& state, const std::string& subject, bool code_chosen) {
    const SaveStatus* status = state.save_status(subject);
    if (status && status->phase == SavePhase::saving) return tr(TextId::save_refused);
    if (const char* blocker = action_blocker(state); *blocker) return blocker;
    return code_chosen ? "" : tr(TextId::choose_code);
}

std::string refused_by_core(const std::string& error) { return std::string(tr(TextId::save_refused)) + " " + error; }

}  // namespace

std::string second_code_subject(const std::string& batch_id, const std::string& dossier_id) {
    return "second-code:" + batch_id + ":" + dossier_id;
}

std::string adjudication_subject(const std::string& batch_id, const std::string& dossier_id) {
    return "adjudication:" + batch_id + ":" + dossier_id;
}

std::vector<SecondCodeItem> second_code_queue(const Session& state) {
    std::vector<SecondCodeItem> queue;
    if (state.screener().empty()) return queue;
    const ScreeningState& screening = state.screening();
    for (const FrozenBatch& frozen : state.frozen_batches()) {
        const auto batch = screening.batches.find(frozen.batch_id);
        if (batch == screening.batches.end()) continue;
        for (std::size_t index : double_coding_sample(batch->second, frozen.settings.control_seed, frozen.settings.double_coding)) {
            const std::string& dossier_id = batch->second.members[index].dossier_id;
            const EffectiveScreening* first = screening_in_batch(screening, dossier_id, frozen.batch_id);
            if (!first || first->screener == state.screener() || second_code_of(screening, dossier_id, frozen.batch_id))
                continue;
            queue.push_back({frozen.batch_id, batch->second.month, dossier_id, state.row_of(dossier_id)});
        }
    }
    return queue;
}

bool awaiting_second_code(const Session& state, const std::string& dossier_id) {
    Session::SecondCodeCache& cache = state.second_code_cache();
    if (cache.screening_generation != state.screening_generation() || cache.screener != state.screener()) {
        cache.dossiers.clear();
        for (const SecondCodeItem& item : second_code_queue(state)) cache.dossiers.insert(item.dossier_id);
        cache.screening_generation = state.screening_generation();
        cache.screener = state.screener();
    }
    return cache.dossiers.count(dossier_id) > 0;
}

bool hidden_until_second_code(const ScreeningEvent& event) {
    return !event.as<BatchCommitted>() && !event.as<BatchClosed>();
}

std::string save_second_code(Session& state, const std::string& batch_id, const std::string& dossier_id,
                             const SecondCodeDraft& draft) {
    const std::string subject = second_code_subject(batch_id, dossier_id);
    if (const char* blocker = save_blocker(state, subject, draft.code.has_value()); *blocker) return blocker;
    if (const char* blocker = second_code_blocker(state, batch_id, dossier_id); *blocker) return blocker;
    SecondCodeRequest request;
    request.stamp = state.new_stamp();
    request.dossier_id = dossier_id;
    request.batch_id = batch_id;
    request.code = *draft.code;
    request.screening_date = state.reference_date();
    request.note = draft.note;
    Checked<ScreeningEvent> event = record_second_code(state.screening(), request);
    if (!event) return refused_by_core(event.error());
    state.submit(subject, {std::move(*event)});
    return {};
}

std::vector<Disagreement> disagreements_awaiting(const Session& state) {
    std::vector<Disagreement> awaiting;
    const DoubleCodingFold fold = fold_double_coding(state.screening());
    for (const DoubleCodedDossier& dossier : fold.dossiers) {
        if (!dossier.awaiting_adjudication()) continue;
        const ScreeningEvent* second = state.screening().event(dossier.second_event_id);
        const auto* second_code = second ? second->as<ScreeningCoded>() : nullptr;
        awaiting.push_back({dossier.batch_id, dossier.month, dossier.dossier_id, state.row_of(dossier.dossier_id),
                            dossier.first->screener, dossier.first->coder_code, dossier.first->note,
                            dossier.second_screener, dossier.second_code, second_code ? second_code->note : ""});
    }
    return awaiting;
}

std::string save_adjudication(Session& state, const std::string& batch_id, const std::string& dossier_id,
                              const AdjudicationDraft& draft) {
    const std::string subject = adjudication_subject(batch_id, dossier_id);
    if (const char* blocker = save_blocker(state, subject, draft.final_code.has_value()); *blocker) return blocker;
    if (!has_content(draft.reason)) return tr(TextId::adjudication_reason_required);
    const DoubleCodingFold fold = fold_double_coding(state.screening());
    const auto found = std::find_if(fold.dossiers.begin(), fold.dossiers.end(), [&](const DoubleCodedDossier& dossier) {
        return dossier.batch_id == batch_id && dossier.dossier_id == dossier_id && dossier.awaiting_adjudication();
    });
    if (found == fold.dossiers.end()) return tr(TextId::adjudication_not_awaited);
    AdjudicationRequest request;
    request.stamp = state.new_stamp();
    request.first_code_event_id = found->first->event_id;
    request.second_code_event_id = found->second_event_id;
    request.final_code = *draft.final_code;
    request.reason = draft.reason;
    Checked<ScreeningEvent> event = record_adjudication(state.screening(), request);
    if (!event) return refused_by_core(event.error());
    state.submit(subject, {std::move(*event)});
    return {};
}

}  // namespace radar::session
