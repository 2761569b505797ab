// A worker's result decoded a piece at a time, then accepting in steps: each starts in the frame
// after its notice was drawn; the model's trial and the preparation run in slices, about 10 ms of
// them per frame in all (the preparation begins while the result is still reviewed, before the
// user accepts it); Session::adopt_import takes the result over (a model version saved meanwhile
// sends it back to the trial first). A stored dataset read again at start-up goes through the
// same steps without a review; its problems go to the store's problem list. Between frames, the
// page runs more of the same slices in tasks of their own, 25 ms each
// (advance_import_work_between_frames), so a software-rendered frame's drawing does not hold the
// work back; so is the accepted dataset's snapshot encoded for the store, while the store keeps up.
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

using Clock = std::chrono::steady_clock;

// The import's work in one frame, all of it together. The frame's task also holds the drawing
// (1 to 10 ms of C++ in a software-rendered browser on two cores), the accessibility layer's
// update (6 to 8 ms), the browser's layout and paint (5 to 10 ms) and one step's overrun (up to
// about 15 ms): with 25 ms of import work, traces of a 1M-row import showed frames of 40 to 58
// ms, past the 50 ms from which a task counts as long. The frame does a little; the tasks
// between frames, which hold nothing else, do most of the work.
constexpr auto frame_budget = std::chrono::milliseconds(10);
constexpr auto between_frames_budget = std::chrono::milliseconds(25);

// Calls `step` (a slice of work; true once all is done) until `deadline`, at least once.
template <typename Step>
bool work_until(Clock::time_point deadline, Step step) {
    bool done = false;
    do done = step();
    while (!done && Clock::now() < deadline);
    return done;
}

// An accept step that goes on between frames: the check once its trial began (a restore's at once),
// the preparation. Not one whose notice must be drawn before it begins, nor the finishing swap.
bool accept_step_under_way(const ImportSession& session) {
    switch (session.accept_step()) {
    case ImportSession::AcceptStep::checking: return session.trial() != nullptr || session.restoring() != nullptr;
    case ImportSession::AcceptStep::preparing: return true;
    case ImportSession::AcceptStep::none:
    case ImportSession::AcceptStep::finishing: return false;
    }
    return false;
}

// Rows hashed or indexed per slice of the preparation.
constexpr std::size_t preparation_rows_per_slice = 2048;

// While the result is reviewed: its preparation, ahead of an accept.
void prepare_during_review(ImportSession& session, Clock::time_point deadline) {
    session.prepare_during_review(Session::search_columns());
    DatasetPreparation* preparation = session.preparation();
    if (preparation && !preparation->done())
        work_until(deadline, [&] { return preparation->advance(preparation_rows_per_slice); });
}

void check(Session& state, ImportSession& session, const ImportResult& result, Clock::time_point deadline) {
    if (!result.ok()) {
        refuse_accept(state, session, result.failure);
        return;
    }
    if (!session.trial()) session.start_trial(state.start_import_trial(result));
    ImportTrial& trial = *session.trial();
    if (!work_until(deadline, [&] { return state.advance_import_trial(trial); })) return;
    const std::string refusal = trial.refusal;  // a copy: refusing drops the trial
    if (!refusal.empty()) refuse_accept(state, session, refusal);
    else if (session.preparation() && session.preparation()->done()) session.finish_preparing();  // prepared already
    else session.begin_preparing(Session::search_columns());
}

void prepare(ImportSession& session, Clock::time_point deadline) {
    DatasetPreparation& preparation = *session.preparation();
    if (work_until(deadline, [&] { return preparation.advance(preparation_rows_per_slice); })) session.finish_preparing();
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
    if (const MappingProfile* mapping = session.snapshot_rewrite_mapping()) state.rewrite_snapshot(*mapping);
    session.close_review();
}

}  // namespace

void advance_import_work(Session& state, ImportSession& session) {
    session.use_dictionary(state.shared_field_dictionary());
    const Clock::time_point deadline = Clock::now() + frame_budget;
    if (state.stored_snapshot_decoding()) work_until(deadline, [&] { return state.read_stored_snapshot_step(); });
    if (state.snapshot_writing()) work_until(deadline, [&] { return state.write_snapshot_step(); });
    if (!session.busy())
        if (std::optional<StoredDataset> stored = state.take_stored_dataset()) session.begin_restore(std::move(*stored));
    session.pump();
    if (session.decoding_worker_result()) work_until(deadline, [&] { return session.decode_worker_result_step(); });
    ImportResult* result = session.result();
    if (!result) return;
    switch (session.accept_step()) {
    case ImportSession::AcceptStep::none: prepare_during_review(session, deadline); return;
    case ImportSession::AcceptStep::checking:
        if (session.accept_step_shown()) check(state, session, *result, deadline);
        return;
    case ImportSession::AcceptStep::preparing: prepare(session, deadline); return;
    case ImportSession::AcceptStep::finishing:
        if (session.accept_step_shown()) finish(state, session, *result);
        return;
    }
}

bool advance_import_work_between_frames(Session& state, ImportSession& session) {
    const Clock::time_point deadline = Clock::now() + between_frames_budget;
    if (state.snapshot_writing_can_go_on()) {
        work_until(deadline, [&] { return state.write_snapshot_step(); });
        if (Clock::now() >= deadline) return import_work_waits_between_frames(state, session);
    }
    if (state.stored_snapshot_decoding()) {
        work_until(deadline, [&] { return state.read_stored_snapshot_step(); });
        return state.stored_snapshot_decoding();
    }
    if (session.decoding_worker_result()) {
        work_until(deadline, [&] { return session.decode_worker_result_step(); });
        return true;
    }
    ImportResult* result = session.result();
    if (!result) return false;
    switch (session.accept_step()) {
    case ImportSession::AcceptStep::checking:
        if (!session.trial() && !session.restoring()) return false;  // not begun: its notice is drawn first
        check(state, session, *result, deadline);
        break;
    case ImportSession::AcceptStep::preparing: prepare(session, deadline); break;
    case ImportSession::AcceptStep::none: prepare_during_review(session, deadline); break;
    case ImportSession::AcceptStep::finishing: return false;
    }
    return import_work_waits_between_frames(state, session);
}

bool import_work_waits_between_frames(const Session& state, const ImportSession& session) {
    if (state.stored_snapshot_decoding() || session.decoding_worker_result() || state.snapshot_writing_can_go_on() ||
        accept_step_under_way(session))
        return true;
    return session.accept_step() == ImportSession::AcceptStep::none && session.preparation() &&
           !session.preparation()->done();
}

bool import_shows_only_progress(const Session& state, const ImportSession& session) {
    return session.worker_reading() || session.decoding_worker_result() || state.stored_snapshot_decoding() ||
           accept_step_under_way(session);
}

}  // namespace radar::session
