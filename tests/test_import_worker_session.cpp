// A file read by an import worker (platform::FileImportWorker) gives the review a file read by the
// session itself gives: the request carries the dictionary and the mapping, the result comes back
// encoded and its dataset is decoded a piece at a time between frames. A mapping change starts a
// new worker with the edited mapping; Stop ends the worker at once; a worker that fails, or whose
// result cannot be read, ends the read with the reason and leaves the current dataset untouched;
// a worker that cannot start leaves the reading to the session.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "core/data/dataset_snapshot.hpp"
#include "core/import/import_transfer.hpp"
#include "session_fixtures.hpp"

using namespace radar;
using namespace radar::session;
using namespace radar::test;

namespace {

// Runs the import as the browser's worker does, in this process, when the test says so
// (finish): decodes the request, feeds the file in chunks, encodes the result.
class InProcessWorker : public platform::FileImportWorker {
public:
    explicit InProcessWorker(std::string file) : file_(std::move(file)) {}

    bool start(std::string_view request, platform::ImportWorkerClient& client) override {
        request_ = decode_import_request(request);
        client_ = &client;
        ++starts;
        return true;
    }
    void stop() override {
        client_ = nullptr;
        ++stops;
    }
    bool running() const { return client_ != nullptr; }
    const std::optional<ImportRequest>& request() const { return request_; }

    // Reads half the file (telling the client), then all of it, and hands the result over.
    void finish() {
        REQUIRE(client_);
        REQUIRE(request_);
        Importer importer(request_->dictionary, request_->options);
        constexpr std::size_t chunk = 4096;
        for (std::size_t at = 0; at < file_.size() && !importer.stopped(); at += chunk) {
            importer.feed(std::string_view(file_).substr(at, chunk));
            client_->worker_read(std::min(file_.size(), at + chunk));
        }
        platform::ImportWorkerClient* client = client_;
        client_ = nullptr;
        client->worker_done(encode_import_result(importer.finish()));
    }
    void fail(const std::string& error) {
        platform::ImportWorkerClient* client = client_;
        client_ = nullptr;
        client->worker_failed(error);
    }
    void unavailable() {
        platform::ImportWorkerClient* client = client_;
        client_ = nullptr;
        client->worker_unavailable();
    }
    void answer(std::string bytes) {
        platform::ImportWorkerClient* client = client_;
        client_ = nullptr;
        client->worker_done(std::move(bytes));
    }

    int starts = 0;
    int stops = 0;

private:
    std::string file_;
    platform::ImportWorkerClient* client_ = nullptr;
    std::optional<ImportRequest> request_;
};

std::string export_csv() { return demo_export_csv(90, 7); }

// Frames until the worker's dataset is decoded (at most `frames`).
void decode(RunningApp& app, ImportSession& import, int frames = 1000) {
    for (int frame = 0; frame < frames && import.decoding_worker_result(); ++frame)
        advance_import_work(app.state, import);
}

// The same file read by the session itself, to its review.
ImportResult read_by_session(const std::string& bytes) {
    TempFolder folder("worker-session-reference");
    RunningApp app(folder);
    ImportSession& import = *app.import;
    REQUIRE(import.begin_file({"export.csv", bytes.size(), 0, false}));
    REQUIRE(import.file_chunk(bytes));
    import.end_file(true, "");
    REQUIRE(import.result());
    return std::move(*import.result());
}

// An app whose import session has its files read by an InProcessWorker over the demo export.
struct AppWithWorker {
    AppWithWorker() : worker(csv), app(folder), import(*app.import) { import.use_worker(&worker); }
    // The user picks the export (a file the platform can deliver again, or not).
    bool pick(bool can_read_again = true) { return import.begin_file({"export.csv", csv.size(), 0, can_read_again}); }

    TempFolder folder{"worker-session"};
    const std::string csv = export_csv();
    InProcessWorker worker;  // before the app: it outlives the session using it
    RunningApp app;
    ImportSession& import;
};

}  // namespace

TEST_CASE_FIXTURE(AppWithWorker, "a file read by the import worker gives the review the session's own reading gives") {
    REQUIRE(pick());
    CHECK(worker.starts == 1);
    REQUIRE(worker.request());
    CHECK(worker.request()->options.source_name == "export.csv");
    CHECK(worker.request()->options.total_bytes == csv.size());
    CHECK(worker.request()->dictionary.fields.size() == import.dictionary().fields.size());
    CHECK(import.phase() == ImportSession::Phase::reading);
    CHECK(import.progress() == 0.0);
    CHECK_FALSE(import.file_chunk("ignored"));  // the session feeds no importer of its own

    worker.finish();
    CHECK(import.bytes_read() == csv.size());
    CHECK(import.phase() == ImportSession::Phase::reading);  // until the dataset is decoded
    REQUIRE(import.decoding_worker_result());
    decode(app, import);
    REQUIRE(import.phase() == ImportSession::Phase::reviewing);
    CHECK(import.kept_byte_count() == 0);
    REQUIRE(import.result());

    const ImportResult reference = read_by_session(csv);
    const ImportResult& result = *import.result();
    CHECK(result.summary.rows_imported == 90);
    CHECK(result.summary.rows_imported == reference.summary.rows_imported);
    CHECK(result.summary.diagnostics_total == reference.summary.diagnostics_total);
    CHECK(result.content_hash == reference.content_hash);
    CHECK(result.source_rows == reference.source_rows);
    CHECK(result.diagnostics.size() == reference.diagnostics.size());
    REQUIRE(result.columns.size() == reference.columns.size());
    for (std::size_t column = 0; column < result.columns.size(); ++column)
        CHECK(result.columns[column].column_name == reference.columns[column].column_name);
    CHECK(encode_dataset_snapshot(result.dataset, "") == encode_dataset_snapshot(reference.dataset, ""));

    // The reviewed result is accepted like any other.
    import.request_accept();
    for (int frame = 0; frame < 1000 && import.busy(); ++frame) advance_import_work(app.state, import);
    CHECK_FALSE(app.state.is_synthetic());
    CHECK(app.state.dataset().row_count() == 90);
}

TEST_CASE_FIXTURE(AppWithWorker,
                  "a mapping change reads the file again in a new worker, with the edited mapping in its request") {
    REQUIRE(pick());
    worker.finish();
    decode(app, import);
    REQUIRE(import.result());
    CHECK_FALSE(worker.request()->options.profile);

    import.assign(1, "");  // the second column becomes an extra attribute
    CHECK(worker.starts == 2);
    CHECK(import.rereading());
    CHECK_FALSE(import.take_file_request());  // the worker reads it: nothing is asked of the platform
    REQUIRE(worker.request());
    REQUIRE(worker.request()->options.profile);
    const MappingProfile& profile = *worker.request()->options.profile;
    REQUIRE(profile.entries.size() > 1);
    CHECK(profile.entries[1].field.empty());
    worker.finish();
    decode(app, import);
    REQUIRE(import.phase() == ImportSession::Phase::reviewing);
    CHECK_FALSE(import.rereading());
    REQUIRE(import.result());
    CHECK(import.result()->columns[1].extra);
}

TEST_CASE_FIXTURE(AppWithWorker, "Stop ends the worker at once and nothing is imported") {
    REQUIRE(pick());
    import.worker_read(csv.size() / 2);
    CHECK(import.progress() == doctest::Approx(0.5).epsilon(0.01));
    import.cancel();
    CHECK(worker.stops == 1);
    CHECK_FALSE(worker.running());
    CHECK(import.phase() == ImportSession::Phase::idle);
    CHECK(import.read_error() == "cancelled");
    CHECK_FALSE(import.result());
    CHECK(app.state.is_synthetic());
    // The next file is read again.
    REQUIRE(pick());
    CHECK(worker.starts == 2);
}

TEST_CASE_FIXTURE(AppWithWorker, "Stop while the worker's dataset is decoded drops it") {
    REQUIRE(pick());
    worker.finish();
    REQUIRE(import.decoding_worker_result());
    import.cancel();
    CHECK_FALSE(import.decoding_worker_result());
    CHECK(import.phase() == ImportSession::Phase::idle);
    CHECK(import.read_error() == "cancelled");
    CHECK(app.state.is_synthetic());
}

TEST_CASE_FIXTURE(AppWithWorker,
                  "a worker that fails, or answers with bytes that are not a result, ends the read with the reason") {
    REQUIRE(pick());
    worker.fail("NotReadableError: the file changed");
    CHECK(import.phase() == ImportSession::Phase::idle);
    CHECK(import.read_error() == "NotReadableError: the file changed");

    REQUIRE(pick());
    worker.answer("not a result");
    decode(app, import);
    CHECK(import.phase() == ImportSession::Phase::idle);
    CHECK(import.read_error().find("the import worker's result could not be read") == 0);
    CHECK_FALSE(import.result());
    CHECK(app.state.is_synthetic());
}

TEST_CASE_FIXTURE(AppWithWorker,
                  "a file the platform cannot deliver again is read by the session itself, not by a worker") {
    REQUIRE(pick(false));
    CHECK(worker.starts == 0);
    REQUIRE(import.file_chunk(csv));
    import.end_file(true, "");
    REQUIRE(import.result());
    CHECK(import.result()->summary.rows_imported == 90);
}

TEST_CASE_FIXTURE(AppWithWorker, "a worker that cannot start leaves the file to the session, and is not tried again") {
    REQUIRE(pick());
    worker.unavailable();
    CHECK(import.phase() == ImportSession::Phase::reading);
    REQUIRE(import.take_file_request());  // the platform delivers the file to the session
    REQUIRE(import.file_chunk(csv));
    import.end_file(true, "");
    REQUIRE(import.phase() == ImportSession::Phase::reviewing);
    REQUIRE(import.result());
    CHECK(import.result()->summary.rows_imported == 90);
    CHECK(import.read_error().empty());

    // Late words from that worker change nothing.
    import.worker_failed("late");
    import.worker_done("late");
    CHECK(import.phase() == ImportSession::Phase::reviewing);
    CHECK_FALSE(import.decoding_worker_result());

    import.close_review();
    REQUIRE(pick());
    CHECK(worker.starts == 1);
    REQUIRE(import.file_chunk(csv));
    import.end_file(true, "");
    CHECK(import.phase() == ImportSession::Phase::reviewing);
}
