// The import's work between frames (advance_import_work_between_frames), as the page runs it in
// tasks of its own: it carries on the decoding of a stored snapshot handed over whole, a trial
// under way and the preparation (begun while the result is reviewed), never begins a step whose
// notice has to be drawn first, and ends where frames alone end.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/base/byte_text.hpp"
#include "core/data/dataset_hash.hpp"
#include "session_fixtures.hpp"

namespace radar::test {
namespace {

// The page's way: a frame, then tasks between frames while work waits for them.
void run_frames_and_tasks(RunningApp& app) {
    int frames = 0;
    do {
        advance_import_work(app.state, *app.import);
        while (advance_import_work_between_frames(app.state, *app.import)) {}
    } while ((app.import->busy() || app.state.stored_dataset_reading() || app.state.snapshot_writing()) && ++frames < 1000);
    REQUIRE_FALSE(app.import->busy());
    REQUIRE_FALSE(app.state.snapshot_writing());
}

TEST_CASE("between frames, accepting goes on only once its notice was drawn, and ends as with frames alone") {
    const std::string csv = demo_export_csv(20000, 11);
    TempFolder frames_only_folder("between-frames-reference");
    RunningApp frames_only(frames_only_folder);
    frames_only.import_file("export-20000.csv", csv);
    REQUIRE(frames_only.state.dataset().row_count() == 20000);

    TempFolder folder("between-frames-accept");
    RunningApp app(folder);
    app.read_file("export-20000.csv", csv);
    CHECK_FALSE(import_shows_only_progress(app.state, *app.import));  // the review is on screen
    app.import->request_accept();
    // Nothing begins between frames: the trial waits for the frame after its notice was drawn.
    CHECK_FALSE(import_work_waits_between_frames(app.state, *app.import));
    CHECK_FALSE(import_shows_only_progress(app.state, *app.import));
    CHECK_FALSE(advance_import_work_between_frames(app.state, *app.import));
    CHECK(app.import->accept_step() == ImportSession::AcceptStep::checking);
    CHECK_FALSE(app.import->trial());
    advance_import_work(app.state, *app.import);  // the frame that draws the notice
    CHECK_FALSE(app.import->trial());
    advance_import_work(app.state, *app.import);  // the trial begins
    REQUIRE(app.import->trial());
    CHECK(import_shows_only_progress(app.state, *app.import));
    // Between frames, the trial and the preparation go on up to the finishing step, whose notice
    // is drawn first too.
    int tasks = 0;
    while (advance_import_work_between_frames(app.state, *app.import) && ++tasks < 10000) {}
    CHECK(app.import->accept_step() == ImportSession::AcceptStep::finishing);
    CHECK(app.state.is_synthetic());  // the swap is a frame's
    CHECK_FALSE(import_shows_only_progress(app.state, *app.import));  // its notice is drawn first

    // The swap's frame starts encoding the accepted dataset's snapshot; tasks between frames
    // encode all of it (the folder store keeps up: nothing waits to be stored).
    for (int frame = 0; frame < 10 && app.import->busy(); ++frame) advance_import_work(app.state, *app.import);
    REQUIRE_FALSE(app.import->busy());
    REQUIRE(app.state.snapshot_writing());
    CHECK(import_work_waits_between_frames(app.state, *app.import));
    CHECK_FALSE(import_shows_only_progress(app.state, *app.import));  // the new ranking is on screen
    tasks = 0;
    while (advance_import_work_between_frames(app.state, *app.import) && ++tasks < 10000) {}
    CHECK_FALSE(app.state.snapshot_writing());

    run_frames_and_tasks(app);
    CHECK(app.state.import_refusal().empty());
    REQUIRE(app.state.dataset().row_count() == 20000);
    CHECK(app.state.dataset_hash() == frames_only.state.dataset_hash());
    REQUIRE(app.state.engine());
    for (std::size_t row = 0; row < 20000; row += 997) {
        CHECK(app.state.engine()->raw_scores()[row] == frames_only.state.engine()->raw_scores()[row]);
        CHECK(app.state.row_of(app.state.id(row)) == row);
    }
    REQUIRE(app.state.snapshot_save());
    CHECK(app.state.snapshot_save()->phase == SavePhase::saved);
    // The snapshot encoded between frames is the dataset: reopened, it is the same.
    RunningApp reopened(folder);
    CHECK(reopened.state.dataset_hash() == frames_only.state.dataset_hash());
    CHECK(reopened.state.dataset().row_count() == 20000);
}

TEST_CASE("while a result is reviewed its fingerprint and indexes are prepared; accepting finds them done; a mapping change starts afresh") {
    const std::string csv = demo_export_csv(20000, 13);
    TempFolder reference_folder("prepared-during-review-reference");
    RunningApp reference(reference_folder);
    reference.import_file("export-20000.csv", csv);

    TempFolder folder("prepared-during-review");
    RunningApp app(folder);
    app.read_file("export-20000.csv", csv);
    CHECK_FALSE(app.import->preparation());
    // The review's frames and the tasks between them prepare the result, with no accept asked for.
    advance_import_work(app.state, *app.import);
    REQUIRE(app.import->preparation());
    // More of it waits between frames unless the frame's budget was enough (20,000 rows may be).
    CHECK(import_work_waits_between_frames(app.state, *app.import) == !app.import->preparation()->done());
    int tasks = 0;
    while (advance_import_work_between_frames(app.state, *app.import) && ++tasks < 10000) {}
    REQUIRE(app.import->preparation()->done());
    CHECK(app.import->accept_step() == ImportSession::AcceptStep::none);
    CHECK(app.state.is_synthetic());

    // A mapping change drops it with the result it read; the new result's review prepares anew.
    const std::vector<ImportedColumn>& columns = app.import->result()->columns;
    const auto province = std::find_if(columns.begin(), columns.end(), [](const ImportedColumn& c) { return c.field == "province"; });
    REQUIRE(province != columns.end());
    app.import->assign(static_cast<std::size_t>(province - columns.begin()), "");
    CHECK_FALSE(app.import->preparation());
    for (int frame = 0; frame < 1000 && app.import->phase() == ImportSession::Phase::reading; ++frame)
        advance_import_work(app.state, *app.import);
    REQUIRE(app.import->phase() == ImportSession::Phase::reviewing);
    advance_import_work(app.state, *app.import);
    REQUIRE(app.import->preparation());

    // Accepting: the trial, then the preparation goes on where it was, and the fingerprint is
    // that of the dataset taken over.
    app.import->request_accept();
    run_frames_and_tasks(app);
    CHECK(app.state.import_refusal().empty());
    REQUIRE(app.state.dataset().row_count() == 20000);
    CHECK(app.state.dataset_hash() == dataset_sha256(app.state.dataset()));
    CHECK(app.state.dataset_hash() != reference.state.dataset_hash());  // province is an extra attribute now

    // Prepared to the end during the review, the accept goes from the trial straight to finishing.
    TempFolder done_folder("prepared-during-review-done");
    RunningApp prepared(done_folder);
    prepared.read_file("export-20000.csv", csv);
    do advance_import_work(prepared.state, *prepared.import);
    while (!prepared.import->preparation()->done());
    prepared.import->request_accept();
    bool preparing_seen = false;
    for (int frame = 0; frame < 1000 && prepared.import->busy(); ++frame) {
        advance_import_work(prepared.state, *prepared.import);
        preparing_seen = preparing_seen || prepared.import->accept_step() == ImportSession::AcceptStep::preparing;
    }
    CHECK_FALSE(preparing_seen);
    CHECK(prepared.state.dataset_hash() == reference.state.dataset_hash());
    for (std::size_t row = 0; row < 20000; row += 997) CHECK(prepared.state.row_of(prepared.state.id(row)) == row);
    REQUIRE(prepared.state.search_index());
    CHECK(prepared.state.search_index()->rows_indexed() == 20000);
}

TEST_CASE("between frames, a snapshot handed over whole is decoded at start-up and the restore ends as with frames alone") {
    TempFolder folder("between-frames-restore");
    std::string dataset_hash;
    {
        RunningApp first(folder);
        first.import_file("export-5000.csv", demo_export_csv(5000, 12));
        dataset_hash = first.state.dataset_hash();
    }
    // Stored as text by an older version: handed over whole, decoded in steps.
    platform::StoreSnapshot stored = stored_dataset_snapshot(folder);
    stored.content = bytes_as_text(stored.content);
    stored.binary = false;
    replace_stored_snapshot(folder, stored);

    RunningApp reopened(folder, false, false);
    REQUIRE(reopened.state.stored_snapshot_decoding());
    CHECK(import_work_waits_between_frames(reopened.state, *reopened.import));
    CHECK(import_shows_only_progress(reopened.state, *reopened.import));
    int tasks = 0;
    while (advance_import_work_between_frames(reopened.state, *reopened.import) && ++tasks < 10000) {}
    CHECK_FALSE(reopened.state.stored_snapshot_decoding());
    CHECK(reopened.state.load_problems().empty());
    CHECK(reopened.state.is_synthetic());  // handed over in the next frame

    run_frames_and_tasks(reopened);
    CHECK_FALSE(import_shows_only_progress(reopened.state, *reopened.import));
    CHECK_FALSE(reopened.state.is_synthetic());
    CHECK(reopened.state.dataset().row_count() == 5000);
    CHECK(reopened.state.dataset_hash() == dataset_hash);
    for (std::size_t row = 0; row < 5000; row += 499) CHECK(reopened.state.row_of(reopened.state.id(row)) == row);
}

}  // namespace
}  // namespace radar::test
