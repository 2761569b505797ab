// The stored dataset as a binary columnar snapshot, through the session over the folder store:
// an accepted import is stored as bytes and comes back at the next start (decoded as the store
// reads it) without the importer reading anything, an old CSV text snapshot is read once the old way and a
// binary one stored as text (before snapshots were stored as bytes) is decoded from its text, each
// then stored again as bytes, and a damaged snapshot is reported while codes, batches and models
// load as usual.
#include <doctest/doctest.h>

#include <string>

#include "core/base/byte_text.hpp"
#include "core/base/strict_json.hpp"
#include "core/data/csv_writer.hpp"
#include "core/data/dataset_snapshot.hpp"
#include "core/data/demo_data.hpp"
#include "core/import/content_hash.hpp"
#include "core/search/text_fold.hpp"
#include "platform/platform.hpp"
#include "platform/store.hpp"
#include "session_fixtures.hpp"
#include "temp_folder.hpp"

using namespace radar;
using namespace radar::session;
using namespace radar::test;

namespace {

std::string export_csv() { return demo_export_csv(150, 7); }

// A binary dataset snapshot (its meta says so), stored as bytes.
bool is_binary(const platform::StoreSnapshot& snapshot) {
    const Checked<Json> meta = parse_json_strict(snapshot.meta);
    return snapshot.binary && meta && meta->value("content", std::string()) == "dataset-columns";
}

// The start-up's first frames: until the stored snapshot is decoded (and handed over).
void decode_stored_snapshot(RunningApp& app) {
    int frames = 0;
    do advance_import_work(app.state, *app.import);
    while (app.state.stored_dataset_reading() && ++frames < 1000);
    REQUIRE_FALSE(app.state.stored_dataset_reading());
}

struct Imported {
    std::string dataset_hash;
    std::size_t rows = 0;
};

Imported import_export(const TempFolder& folder, const std::string& csv) {
    RunningApp app(folder);
    app.import_file("export-150.csv", csv);
    REQUIRE(app.state.import_refusal().empty());
    REQUIRE(app.state.snapshot_save());
    CHECK(app.state.snapshot_save()->phase == SavePhase::saved);
    return {app.state.dataset_hash(), app.state.dataset().row_count()};
}

// `bytes` as a version that folded its search index in `format` would have written them: the
// index's format number changed and the checksum made right again.
std::string with_search_format(std::string bytes, std::uint32_t format) {
    const auto u32 = [](std::uint32_t value) {
        std::string le(4, '\0');
        for (int i = 0; i < 4; ++i) le[static_cast<std::size_t>(i)] = static_cast<char>(value >> (8 * i));
        return le;
    };
    const std::vector<std::string>& columns = Session::search_columns();
    // u8 1 (an index follows) · u32 format · u32 column count · the first column's name.
    const std::string index_start = std::string(1, '\1') + u32(SearchIndex::format) +
                                    u32(static_cast<std::uint32_t>(columns.size())) +
                                    u32(static_cast<std::uint32_t>(columns[0].size())) + columns[0];
    const std::size_t at = bytes.find(index_start);
    REQUIRE(at != std::string::npos);
    REQUIRE(bytes.find(index_start, at + 1) == std::string::npos);
    bytes.replace(at + 1, 4, u32(format));
    const std::size_t body = bytes.size() - 8;
    const std::uint64_t checksum = content_hash_of(std::string_view(bytes).substr(0, body));
    for (std::size_t i = 0; i < 8; ++i) bytes[body + i] = static_cast<char>(checksum >> (8 * i));
    return bytes;
}

}  // namespace

TEST_CASE("an accepted file's snapshot is encoded in the frames after the swap, and dropped when data turn memory-only") {
    TempFolder folder("snapshot-frames");
    const std::string csv = export_csv();
    // The swap's frame only starts the encoding; the following frames write and store it.
    RunningApp app(folder);
    app.read_file("export-150.csv", csv);
    app.import->request_accept();
    for (int frame = 0; frame < 1000 && app.import->busy(); ++frame) advance_import_work(app.state, *app.import);
    REQUIRE_FALSE(app.import->busy());
    REQUIRE(app.state.dataset().row_count() == 150);
    CHECK(app.state.snapshot_writing());
    REQUIRE(app.state.snapshot_save());
    CHECK(app.state.snapshot_save()->phase == SavePhase::saving);
    CHECK_FALSE(app.state.snapshot_stored());
    app.run_frames();
    CHECK(app.state.snapshot_save()->phase == SavePhase::saved);
    CHECK(app.state.snapshot_stored());
    CHECK(is_binary(stored_dataset_snapshot(folder)));

    // Memory-only chosen while a new file's snapshot is being written: nothing of it is stored.
    TempFolder other("snapshot-frames-dropped");
    RunningApp dropping(other);
    dropping.read_file("export-150.csv", csv);
    dropping.import->request_accept();
    for (int frame = 0; frame < 1000 && dropping.import->busy(); ++frame) advance_import_work(dropping.state, *dropping.import);
    REQUIRE(dropping.state.snapshot_writing());
    dropping.state.set_dataset_memory_only(true);
    CHECK_FALSE(dropping.state.snapshot_writing());
    dropping.run_frames();
    CHECK_FALSE(dropping.state.snapshot_stored());
    CHECK_FALSE(dropping.state.snapshot_save());
}

TEST_CASE("an accepted import is stored as a binary snapshot and comes back without the importer") {
    TempFolder folder("snapshot-reopen");
    const Imported first = import_export(folder, export_csv());
    REQUIRE(first.rows == 150);

    const platform::StoreSnapshot stored = stored_dataset_snapshot(folder);
    CHECK(is_binary(stored));
    const DatasetSnapshotDecode decoded = decode_dataset_snapshot(stored.content);
    REQUIRE_MESSAGE(decoded.snapshot, decoded.message);
    CHECK(decoded.snapshot->dataset.row_count() == 150);
    CHECK(decoded.snapshot->note == stored.meta);
    REQUIRE(decoded.snapshot->search);  // the session's search index went with it
    CHECK(decoded.snapshot->search->columns == Session::search_columns());

    RunningApp reopened(folder, false, false);
    // The store handed its bytes to the session's receiver as it read them: decoded already.
    CHECK_FALSE(reopened.state.stored_snapshot_decoding());
    CHECK_FALSE(reopened.state.stored_dataset_reading());
    decode_stored_snapshot(reopened);
    // The frame that decoded it has the dataset in hand: no importer read it (an importer's
    // result lists the file's columns), the accept steps begin.
    CHECK(reopened.import->phase() == ImportSession::Phase::reviewing);
    CHECK_FALSE(reopened.import->snapshot_rewrite_mapping());
    REQUIRE(reopened.import->result());
    CHECK(reopened.import->result()->columns.empty());
    CHECK(reopened.import->result()->dataset.row_count() == 150);
    // A restore's steps wait for no notice of their own (the restore banner is up): in that same
    // frame the model's trial began.
    CHECK(reopened.import->trial());
    // The stored fingerprint and search index leave only the rows by id to prepare.
    int frames = 0;
    while (!reopened.import->preparation() && reopened.import->busy() && ++frames < 1000)
        advance_import_work(reopened.state, *reopened.import);
    REQUIRE(reopened.import->preparation());
    CHECK(reopened.import->preparation()->progress() == doctest::Approx(2.0 / 3.0));
    reopened.run_frames();
    CHECK(reopened.state.load_problems().empty());
    CHECK_FALSE(reopened.state.damaged_snapshot());
    CHECK_FALSE(reopened.state.is_synthetic());
    CHECK(reopened.state.dataset().row_count() == 150);
    CHECK(reopened.state.dataset_hash() == first.dataset_hash);
    for (std::size_t row = 0; row < 150; ++row) CHECK(reopened.state.row_of(reopened.state.id(row)) == row);
    const SearchIndex fresh(reopened.state.dataset(), Session::search_columns());
    REQUIRE(reopened.state.search_index());
    const TextPool& restored = reopened.state.search_index()->haystacks();
    REQUIRE(restored.size() == fresh.haystacks().size());
    for (std::size_t row = 0; row < restored.size(); ++row) CHECK(restored[row] == fresh.haystacks()[row]);
    REQUIRE(reopened.state.snapshot());
    CHECK(reopened.state.snapshot()->source_name == "export-150.csv");
    CHECK(reopened.state.snapshot()->row_count == 150);
}

TEST_CASE("an old text snapshot is read the old way once, then stored as a binary snapshot") {
    TempFolder folder("snapshot-migration");
    const std::string csv = export_csv();
    const Imported first = import_export(folder, csv);

    // The snapshot as the app stored it before: the file's text and a meta without "content".
    platform::StoreSnapshot binary = stored_dataset_snapshot(folder);
    Json meta = *parse_json_strict(binary.meta);
    meta.erase("content");
    meta.erase("dataset_sha256");
    replace_stored_snapshot(folder, {"dataset", canonical_json(meta), csv});
    CHECK_FALSE(is_binary(stored_dataset_snapshot(folder)));

    {
        RunningApp migrating(folder, false, false);
        advance_import_work(migrating.state, *migrating.import);
        CHECK(migrating.import->snapshot_rewrite_mapping());  // the text is read again
        REQUIRE(migrating.import->result());
        CHECK(migrating.import->result()->columns.size() > 0);
        migrating.run_frames();
        CHECK(migrating.state.load_problems().empty());
        CHECK_FALSE(migrating.state.is_synthetic());
        CHECK(migrating.state.dataset_hash() == first.dataset_hash);
        REQUIRE(migrating.state.snapshot_save());
        CHECK(migrating.state.snapshot_save()->phase == SavePhase::saved);
    }
    const platform::StoreSnapshot migrated = stored_dataset_snapshot(folder);
    CHECK(is_binary(migrated));
    // The descriptor of the file as first imported stays.
    CHECK((*parse_json_strict(migrated.meta))["descriptor"] == meta["descriptor"]);

    RunningApp reopened(folder, false, false);
    // The store handed its bytes to the session's receiver as it read them: decoded already.
    CHECK_FALSE(reopened.state.stored_snapshot_decoding());
    CHECK_FALSE(reopened.state.stored_dataset_reading());
    decode_stored_snapshot(reopened);
    CHECK_FALSE(reopened.import->snapshot_rewrite_mapping());
    reopened.run_frames();
    CHECK(reopened.state.dataset_hash() == first.dataset_hash);
    const SearchIndex fresh(reopened.state.dataset(), Session::search_columns());
    REQUIRE(reopened.state.search_index());
    const TextPool& restored = reopened.state.search_index()->haystacks();
    REQUIRE(restored.size() == fresh.haystacks().size());
    for (std::size_t row = 0; row < restored.size(); ++row) CHECK(restored[row] == fresh.haystacks()[row]);
    REQUIRE(reopened.state.snapshot());
    CHECK(reopened.state.snapshot()->source_name == "export-150.csv");
}

TEST_CASE("a binary snapshot stored as text by an older version is decoded, then stored as bytes") {
    TempFolder folder("snapshot-text-form");
    const Imported first = import_export(folder, export_csv());
    platform::StoreSnapshot stored = stored_dataset_snapshot(folder);
    REQUIRE(is_binary(stored));
    const std::string bytes = stored.content;
    stored.content = bytes_as_text(bytes);
    stored.binary = false;
    replace_stored_snapshot(folder, stored);
    CHECK_FALSE(stored_dataset_snapshot(folder).binary);

    RunningApp reopened(folder);
    CHECK(reopened.state.load_problems().empty());
    CHECK_FALSE(reopened.state.damaged_snapshot());
    CHECK_FALSE(reopened.state.is_synthetic());
    CHECK(reopened.state.dataset_hash() == first.dataset_hash);
    const platform::StoreSnapshot migrated = stored_dataset_snapshot(folder);
    CHECK(is_binary(migrated));
    CHECK(migrated.content == bytes);
    CHECK(migrated.meta == stored.meta);
}

TEST_CASE("a snapshot whose search index another version folded is read, its index built again and stored with it") {
    // Names such as Ayşe or Černá: format 2 kept their letters as they are, so "ayse" found none.
    TempFolder folder("snapshot-search-format");
    std::string csv = export_csv();
    const std::size_t first_row = csv.find('\n') + 1;
    const std::size_t name_at = csv.find("Gezinsopvang ", first_row);
    REQUIRE(name_at != std::string::npos);
    csv.replace(name_at, 13, "Gezinsopvang Ayşe Černá ");
    const Imported first = import_export(folder, csv);
    platform::StoreSnapshot stored = stored_dataset_snapshot(folder);
    REQUIRE(is_binary(stored));
    stored.content = with_search_format(stored.content, 2);
    REQUIRE(decode_dataset_snapshot(stored.content).snapshot);
    replace_stored_snapshot(folder, stored);

    {
        RunningApp reopened(folder, false, false);
        decode_stored_snapshot(reopened);
        CHECK(reopened.import->snapshot_rewrite_mapping());  // to be stored again with today's index
        reopened.run_frames();
        CHECK(reopened.state.load_problems().empty());
        CHECK(reopened.state.dataset_hash() == first.dataset_hash);
        REQUIRE(reopened.state.search_index());
        const SearchIndex& search = *reopened.state.search_index();
        const SearchIndex::Query query = search.query(reopened.state.dataset(), SearchIndex::query_words("ayse cerna"));
        std::size_t found = 0;
        for (std::size_t row = 0; row < reopened.state.dataset().row_count(); ++row)
            found += search.matches(row, query);
        CHECK(found == 1);
        REQUIRE(reopened.state.snapshot_save());
        CHECK(reopened.state.snapshot_save()->phase == SavePhase::saved);
    }
    const DatasetSnapshotDecode again = decode_dataset_snapshot(stored_dataset_snapshot(folder).content);
    REQUIRE_MESSAGE(again.snapshot, again.message);
    REQUIRE(again.snapshot->search);
    CHECK(again.snapshot->search->format == SearchIndex::format);
    CHECK(again.snapshot->note == stored.meta);

    // Read as it is from then on.
    RunningApp next(folder, false, false);
    decode_stored_snapshot(next);
    CHECK_FALSE(next.import->snapshot_rewrite_mapping());
}

TEST_CASE("a damaged snapshot is reported, and codes, batches and models are kept") {
    TempFolder folder("snapshot-damaged");
    std::string batch_id;
    std::size_t model_versions = 0;
    {
        RunningApp app(folder);
        app.import_file("export-150.csv", export_csv());
        app.state.set_screener("Anna de Vries");
        batch_id = app.commit_month();
        const BatchMember member = app.first_member(batch_id);
        CHECK_FALSE(save_coding(app.state, app.batch(batch_id), member, coded(ScreeningCode::geen_risico)));
        model_versions = app.state.model_registry().list().size();
    }

    platform::StoreSnapshot damaged = stored_dataset_snapshot(folder);
    REQUIRE(damaged.binary);
    // One bit in the middle of the stored bytes changed.
    const std::size_t at = damaged.content.size() / 2;
    damaged.content[at] = static_cast<char>(damaged.content[at] ^ 0x01);
    replace_stored_snapshot(folder, damaged);

    RunningApp reopened(folder);
    REQUIRE(reopened.state.damaged_snapshot());
    CHECK(reopened.state.damaged_snapshot()->first == "export-150.csv");
    CHECK(reopened.state.damaged_snapshot()->second.find("checksum") != std::string::npos);
    CHECK(reopened.state.load_problems().size() == 1);
    CHECK(reopened.state.is_synthetic());  // the demo data are shown
    CHECK(reopened.state.storage_mode() == StoreMode::writer);
    REQUIRE(reopened.state.frozen_batches().size() == 1);
    CHECK(reopened.state.screening().batches.count(batch_id) == 1);
    CHECK(reopened.state.model_registry().list().size() == model_versions);

    // A new import takes the damaged snapshot's place.
    reopened.import_file("export-150.csv", export_csv());
    CHECK_FALSE(reopened.state.damaged_snapshot());
    CHECK(is_binary(stored_dataset_snapshot(folder)));
}
