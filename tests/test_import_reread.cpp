// A mapping change in the review reads the file again: from the platform when it can deliver the
// file again (the browser; the bytes are then never kept in memory), else from the bytes kept at
// the first read. Both give the same review; a failed second read ends the review with its error.
#include <doctest/doctest.h>

#include <string>

#include "session_fixtures.hpp"

using namespace radar;
using namespace radar::session;
using namespace radar::test;

namespace {

std::string export_csv() { return demo_export_csv(90, 7); }

// The file's chunks and its end, as the platform hands them over.
void deliver(ImportSession& import, const std::string& bytes) {
    constexpr std::size_t chunk = 4096;
    for (std::size_t at = 0; at < bytes.size(); at += chunk) REQUIRE(import.file_chunk(std::string_view(bytes).substr(at, chunk)));
    import.end_file(true, "");
}

// Picks `bytes` as a file the platform can (or cannot) deliver again and reads it to its review.
void pick(ImportSession& import, const std::string& bytes, bool can_read_again) {
    REQUIRE(import.begin_file({"export.csv", bytes.size(), 0, can_read_again}));
    deliver(import, bytes);
}

}  // namespace

TEST_CASE("a file the platform can deliver again is not kept; a mapping change asks for it and reads it again") {
    TempFolder folder("reread-again");
    RunningApp app(folder);
    ImportSession& import = *app.import;
    const std::string csv = export_csv();
    pick(import, csv, true);
    REQUIRE(import.phase() == ImportSession::Phase::reviewing);
    CHECK(import.kept_byte_count() == 0);
    CHECK_FALSE(import.take_file_request());
    REQUIRE(import.result());
    const auto rows = import.result()->summary.rows_imported;
    CHECK(rows == 90);

    import.apply_profile(std::nullopt);  // the file must be read again with this mapping
    CHECK(import.phase() == ImportSession::Phase::reading);
    CHECK(import.rereading());
    CHECK(import.take_file_request());
    CHECK_FALSE(import.take_file_request());  // asked once
    advance_import_work(app.state, import);    // nothing kept to feed: the frame waits for the file
    CHECK(import.phase() == ImportSession::Phase::reading);
    deliver(import, csv);
    REQUIRE(import.phase() == ImportSession::Phase::reviewing);
    CHECK_FALSE(import.rereading());
    REQUIRE(import.result());
    CHECK(import.result()->summary.rows_imported == rows);
    CHECK(import.result()->dataset.row_count() == rows);
    CHECK(import.kept_byte_count() == 0);
}

TEST_CASE("a file the platform cannot deliver again is kept and read again from memory, the same way") {
    TempFolder folder("reread-kept");
    RunningApp app(folder);
    ImportSession& import = *app.import;
    const std::string csv = export_csv();
    pick(import, csv, false);
    REQUIRE(import.phase() == ImportSession::Phase::reviewing);
    CHECK(import.kept_byte_count() == csv.size());
    import.apply_profile(std::nullopt);
    CHECK(import.rereading());
    CHECK_FALSE(import.take_file_request());
    for (int frame = 0; frame < 100 && import.phase() == ImportSession::Phase::reading; ++frame) advance_import_work(app.state, import);
    REQUIRE(import.phase() == ImportSession::Phase::reviewing);
    REQUIRE(import.result());
    CHECK(import.result()->summary.rows_imported == 90);
    CHECK(import.result()->dataset.row_count() == 90);
}

TEST_CASE("a file that can no longer be read the second time ends the review with the reason") {
    TempFolder folder("reread-gone");
    RunningApp app(folder);
    ImportSession& import = *app.import;
    pick(import, export_csv(), true);
    import.apply_profile(std::nullopt);
    REQUIRE(import.take_file_request());
    import.end_file(false, "NotReadableError: the file changed");
    CHECK(import.phase() == ImportSession::Phase::idle);
    CHECK_FALSE(import.result());
    CHECK(import.read_error() == "NotReadableError: the file changed");
    CHECK(app.state.is_synthetic());  // the current dataset is untouched
}
