// Accepting in steps: each starts in the frame after its notice was drawn; the model's trial and
// the preparation run in slices of about 80 ms per frame. A stored dataset read again at start-up
// goes through the same steps without a review; its problems go to the store's problem list.
#include "ui/import_work.hpp"

#include <chrono>

#include "platform/platform.hpp"

namespace radar::ui {
namespace {

void refuse_accept(AppState& state, ImportSession& session, const std::string& refusal) {
    if (session.restoring()) {
        state.note_restore_problem(refusal);
        session.close_review();
        return;
    }
    state.set_import_refusal(refusal);
    session.withdraw_accept();
}

// Slices of work run for up to this long per frame.
constexpr auto frame_budget = std::chrono::milliseconds(80);

void check(AppState& state, ImportSession& session, const ImportResult& result) {
    if (!result.ok()) {
        refuse_accept(state, session, result.failure);
        return;
    }
    if (!session.trial()) session.start_trial(state.start_import_trial(result));
    ImportTrial& trial = *session.trial();
    const auto start = std::chrono::steady_clock::now();
    bool decided = false;
    do decided = state.advance_import_trial(trial);
    while (!decided && std::chrono::steady_clock::now() - start < frame_budget);
    if (!decided) return;
    const std::string refusal = trial.refusal;  // the trial ends with a refusal
    if (!refusal.empty()) refuse_accept(state, session, refusal);
    else session.begin_preparing(AppState::search_columns());
}

void prepare(ImportSession& session) {
    DatasetPreparation& preparation = *session.preparation();
    const auto start = std::chrono::steady_clock::now();
    constexpr std::size_t rows_per_slice = 2048;
    bool prepared = false;
    do prepared = preparation.advance(rows_per_slice);
    while (!prepared && std::chrono::steady_clock::now() - start < frame_budget);
    if (prepared) session.finish_preparing();
}

void finish(AppState& state, ImportSession& session, ImportResult& result) {
    if (const SnapshotDescriptor* restored = session.restoring()) {
        const std::string refusal = state.accept_prepared_import(result, restored->imported_at, session.preparation()->take(),
                                                                 session.take_trial());
        if (refusal.empty()) state.finish_restore(*restored);
        else state.note_restore_problem(refusal);
        session.close_review();
        return;
    }
    // The mapping that read the file, so a stored snapshot is read the same way again.
    const MappingProfile mapping = profile_from_mappings(result.mapping_profile, result.mappings());
    const std::string refusal = state.accept_prepared_import(result, platform::now_iso(), session.preparation()->take(),
                                                             session.take_trial());
    if (!refusal.empty()) {
        refuse_accept(state, session, refusal);
        return;
    }
    state.persist_snapshot(source_text_utf8(session.take_source_bytes(), result.encoding), mapping);
    session.close_review();
}

}  // namespace

void advance_import_work(AppState& state, ImportSession& session) {
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

}  // namespace radar::ui
