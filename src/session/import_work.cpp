// Accepting in steps: each starts in the frame after its notice was drawn; the model's trial and
// the preparation run in slices of about 30 ms per frame; Session::adopt_import takes the result
// over (a model version saved meanwhile sends it back to the trial first). A stored dataset read
// again at start-up goes through the same steps without a review; its problems go to the store's
// problem list.
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

// Calls `step` (a slice of work; true once all is done) for up to 30 ms of this frame: with the
// frame's drawing and one step's overrun, under the 50 ms from which a task counts as long.
template <typename Step>
bool work_for_a_frame(Step step) {
    const auto start = std::chrono::steady_clock::now();
    constexpr auto frame_budget = std::chrono::milliseconds(30);
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
    else if (session.preparation()) session.finish_preparing();  // tried again under a new model
    else session.begin_preparing(Session::search_columns());
}

void prepare(ImportSession& session) {
    DatasetPreparation& preparation = *session.preparation();
    constexpr std::size_t rows_per_slice = 2048;
    if (work_for_a_frame([&] { return preparation.advance(rows_per_slice); })) session.finish_preparing();
}

void finish(Session& state, ImportSession& session, ImportResult& result) {
    if (!session.trial() || !state.trial_is_current(*session.trial())) {
        session.try_again_under_new_model();
        return;
    }
    ImportOrigin origin;
    if (const SnapshotDescriptor* restored = session.restoring()) {
        origin = *restored;
    } else {
        ReviewedFile picked;
        picked.imported_at = platform::now_iso();
        picked.stated_export_date = session.stated_export_date().value_or(0);
        picked.mapping = profile_from_mappings(result.mapping_profile, result.mappings());
        origin = std::move(picked);
    }
    const std::string refusal =
        state.adopt_import(result, std::move(origin), session.preparation()->take(), session.take_trial());
    if (!refusal.empty()) {
        refuse_accept(state, session, refusal);
        return;
    }
    if (const MappingProfile* mapping = session.text_restore_mapping()) state.rewrite_snapshot(*mapping);
    session.close_review();
}

}  // namespace

void advance_import_work(Session& state, ImportSession& session) {
    session.use_dictionary(state.shared_field_dictionary());
    if (state.stored_dataset_reading()) work_for_a_frame([&] { return state.read_stored_snapshot_step(); });
    if (state.snapshot_writing()) work_for_a_frame([&] { return state.write_snapshot_step(); });
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
