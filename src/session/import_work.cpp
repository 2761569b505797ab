// Accepting in steps: each starts in the frame after its notice was drawn; the model's trial and
// the preparation run in slices of about 80 ms per frame. A stored dataset read again at start-up
// goes through the same steps without a review; its problems go to the store's problem list.
#include "session/import_work.hpp"

#include <chrono>

#include "platform/platform.hpp"

namespace radar::session {
namespace {

void refuse_accept(Session& state, ImportSession& session, const std::string& refusal) {
    if (session.restoring()) {
        state.note_restore_problem(refusal);
        session.close_review();
        return;
    }
    state.set_import_refusal(refusal);
    session.withdraw_accept();
}

// Calls `step` (a slice of work; true once all is done) for up to 80 ms of this frame.
template <typename Step>
bool work_for_a_frame(Step step) {
    const auto start = std::chrono::steady_clock::now();
    constexpr auto frame_budget = std::chrono::milliseconds(80);
    bool done = false;
    do done = step();
    while (!done && std::chrono::steady_clock::now() - start < frame_budget);
    return done;
}

void check(Session& state, ImportSession& session, const ImportResult& result) {
    if (!result.ok()) {
        refuse_accept(state, session, result.failure);
        return;
    }
    if (!session.trial()) session.start_trial(state.start_import_trial(result));
    ImportTrial& trial = *session.trial();
    if (!work_for_a_frame([&] { return state.advance_import_trial(trial); })) return;
    const std::string refusal = trial.refusal;  // a copy: refusing drops the trial
    if (!refusal.empty()) refuse_accept(state, session, refusal);
    else session.begin_preparing(Session::search_columns());
}

void prepare(ImportSession& session) {
    DatasetPreparation& preparation = *session.preparation();
    constexpr std::size_t rows_per_slice = 2048;
    if (work_for_a_frame([&] { return preparation.advance(rows_per_slice); })) session.finish_preparing();
}

void finish(Session& state, ImportSession& session, ImportResult& result) {
    if (const SnapshotDescriptor* restored = session.restoring()) {
        const std::string refusal = state.accept_prepared_import(result, restored->imported_at, restored->export_date,
                                                                 session.preparation()->take(), session.take_trial());
        if (refusal.empty()) state.finish_restore(*restored);
        else state.note_restore_problem(refusal);
        session.close_review();
        return;
    }
    // The mapping that read the file, so a stored snapshot is read the same way again.
    const MappingProfile mapping = profile_from_mappings(result.mapping_profile, result.mappings());
    const std::string refusal =
        state.accept_prepared_import(result, platform::now_iso(), session.stated_export_date().value_or(0),
                                     session.preparation()->take(), session.take_trial());
    if (!refusal.empty()) {
        refuse_accept(state, session, refusal);
        return;
    }
    state.persist_snapshot(source_text_utf8(session.take_source_bytes(), result.encoding), mapping);
    session.close_review();
}

}  // namespace

void advance_import_work(Session& state, ImportSession& session) {
    session.use_dictionary(state.shared_field_dictionary());
    if (!session.busy())
        if (std::optional<StoredDataset> stored = state.take_stored_dataset()) session.begin_restore(std::move(*stored));
    session.pump();
    ImportResult* result = session.result();
    if (!result) return;
    switch (session.accept_step()) {
    case ImportSession::AcceptStep::none: return;
    case ImportSession::AcceptStep::checking:
        if (session.accept_step_shown()) check(state, session, *result);
        return;
    case ImportSession::AcceptStep::preparing: prepare(session); return;
    case ImportSession::AcceptStep::finishing:
        if (session.accept_step_shown()) finish(state, session, *result);
        return;
    }
}

}  // namespace radar::session
