// The native folder store: durable commits that read back byte-identical, append-only events,
// snapshots, transaction files left by a crash, compaction, and export/restore in the format the
// browser store uses (a browser export in tests/data/store/ restores natively).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "platform/store.hpp"
#include "platform/store_export_format.hpp"
#include "temp_folder.hpp"

using namespace radar::platform;
using radar::is_valid_utf8;
namespace fs = std::filesystem;

namespace {

std::unique_ptr<Store> opened(const fs::path& folder, StoreMode expected = StoreMode::writer) {
    auto store = make_folder_store(folder.string());
    bool called = false;
    store->open([&](const StoreResult& result, const StoreStatus& status) {
        called = true;
        CHECK_MESSAGE(result.ok, result.message);
        CHECK(status.mode == expected);
    });
    CHECK(called);
    return store;
}

StoreResult committed(Store& store, std::vector<StoreWrite> writes) {
    StoreResult outcome = StoreResult::failure("NotCalled", "callback not called");
    store.commit(std::move(writes), [&](const StoreResult& result) { outcome = result; });
    return outcome;
}

StoreContents loaded(Store& store) {
    StoreContents contents;
    store.load_all([&](const StoreResult& result, StoreContents all) {
        CHECK(result.ok);
        contents = std::move(all);
    });
    return contents;
}

std::string exported(Store& store) {
    std::string text;
    store.export_all([&](const StoreResult& result, std::string json) {
        CHECK(result.ok);
        text = std::move(json);
    });
    return text;
}

std::pair<StoreResult, RestoreReport> restored(Store& store, const std::string& text, RestoreMode mode) {
    std::pair<StoreResult, RestoreReport> outcome;
    store.restore(text, mode, [&](const StoreResult& result, const RestoreReport& report) { outcome = {result, report}; });
    return outcome;
}

std::string event_data(int index) {
    return "{\"id\":\"ev-" + std::to_string(index) + "\",\"code\":\"geen_risico\",\"note\":\"geëvalueerd – “ok”\"}";
}

std::string read_file(const fs::path& path) {
    std::ifstream stream(path, std::ios::binary);
    std::stringstream text;
    text << stream.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("committed records come back byte-identical after reopening") {
    TempFolder folder("round-trip");
    {
        auto store = opened(folder.path);
        std::vector<StoreRecord> events;
        for (int i = 0; i < 1000; ++i) events.push_back({"ev-" + std::to_string(100000 + i), event_data(i)});
        StoreResult bulk = StoreResult::failure("NotCalled", "");
        store->put_many(RecordKind::event, events, [&](const StoreResult& result) { bulk = result; });
        CHECK(bulk.ok);
        CHECK(committed(*store, {{RecordKind::setting, "screener", "\"An Peeters\""},
                                 {RecordKind::batch, "2024-01", "{\"month\":\"2024-01\"}"}}).ok);
    }
    auto store = opened(folder.path);
    const StoreContents contents = loaded(*store);
    REQUIRE(contents.events.size() == 1000);
    CHECK(contents.events[7].key == "ev-100007");
    CHECK(contents.events[7].data == event_data(7));
    REQUIRE(contents.settings.size() == 1);
    CHECK(contents.settings[0].data == "\"An Peeters\"");
    CHECK(contents.batches.size() == 1);
}

TEST_CASE("events are append-only; other records can be replaced and removed") {
    TempFolder folder("append-only");
    auto store = opened(folder.path);
    CHECK(committed(*store, {{RecordKind::event, "ev-1", "\"a\""}}).ok);
    const StoreResult duplicate = committed(*store, {{RecordKind::event, "ev-1", "\"b\""}});
    CHECK_FALSE(duplicate.ok);
    CHECK(duplicate.error_name == "ConstraintError");
    CHECK(committed(*store, {{RecordKind::event, "ev-2", "\"x\""}, {RecordKind::event, "ev-2", "\"y\""}}).error_name ==
          "ConstraintError");
    CHECK(committed(*store, {{RecordKind::event, "ev-1", "", true}}).error_name == "AppendOnlyError");
    CHECK(committed(*store, {{RecordKind::setting, "language", "\"nl\""}}).ok);
    CHECK(committed(*store, {{RecordKind::setting, "language", "\"en\""}}).ok);
    CHECK(committed(*store, {{RecordKind::setting, "theme", "\"light\""}}).ok);
    CHECK(committed(*store, {{RecordKind::setting, "theme", "", true}}).ok);
    CHECK(committed(*store, {{RecordKind::setting, "bad", std::string("\xC3\x28", 2)}}).error_name == "ValidationError");
    store.reset();
    const StoreContents contents = loaded(*opened(folder.path));
    REQUIRE(contents.events.size() == 1);
    CHECK(contents.events[0].data == "\"a\"");
    REQUIRE(contents.settings.size() == 1);
    CHECK(contents.settings[0].data == "\"en\"");
}

TEST_CASE("a second process on the same folder is read-only and can take over once the writer leaves" *
          doctest::skip(without_process_locks)) {
    TempFolder folder("two-writers");
    auto writer = opened(folder.path);
    CHECK(committed(*writer, {{RecordKind::event, "ev-1", "\"a\""}}).ok);
    auto reader = opened(folder.path, StoreMode::read_only);
    CHECK(loaded(*reader).events.size() == 1);
    CHECK(committed(*reader, {{RecordKind::event, "ev-2", "\"b\""}}).error_name == "ReadOnlyError");
    StoreResult taken = StoreResult::success();
    reader->use_here([&](const StoreResult& result) { taken = result; });
    CHECK(taken.error_name == "ReadOnlyError");
    writer.reset();
    reader->use_here([&](const StoreResult& result) { taken = result; });
    CHECK(taken.ok);
    CHECK(committed(*reader, {{RecordKind::event, "ev-2", "\"b\""}}).ok);
}

TEST_CASE("snapshots replace whole and survive reopening") {
    TempFolder folder("snapshots");
    const std::string csv = "dossier_id,name\nD1,Crèche Zonneschijn\nD2,Het Nest\n";
    {
        auto store = opened(folder.path);
        StoreResult outcome = StoreResult::failure("NotCalled", "");
        store->put_snapshot({"dataset", "{\"rows\":1}", "old"}, [&](const StoreResult& result) { outcome = result; });
        CHECK(outcome.ok);
        store->put_snapshot({"dataset", "{\"rows\":2}", csv}, [&](const StoreResult& result) { outcome = result; });
        CHECK(outcome.ok);
        store->put_snapshot({"other", "{}", "x"}, [&](const StoreResult& result) { outcome = result; });
        store->remove_snapshot("other", [&](const StoreResult& result) { outcome = result; });
        CHECK(outcome.ok);
    }
    const StoreContents contents = loaded(*opened(folder.path));
    REQUIRE(contents.snapshots.size() == 1);
    CHECK(contents.snapshots[0].meta == "{\"rows\":2}");
    CHECK(contents.snapshots[0].content == csv);
}

TEST_CASE("a binary snapshot comes back byte for byte; exports hold it as text, which restores as a text snapshot") {
    TempFolder folder("binary-snapshot");
    std::string bytes;
    for (int value = 0; value < 256 * 3; ++value) bytes.push_back(static_cast<char>(value % 256));
    auto store = opened(folder.path);
    StoreResult outcome = StoreResult::failure("NotCalled", "");
    store->put_snapshot({"dataset", "{\"rows\":3}", bytes, true}, [&](const StoreResult& result) { outcome = result; });
    REQUIRE(outcome.ok);
    store.reset();
    store = opened(folder.path);
    const StoreContents contents = loaded(*store);
    REQUIRE(contents.snapshots.size() == 1);
    CHECK(contents.snapshots[0].binary);
    CHECK(contents.snapshots[0].content == bytes);

    const std::string text = exported(*store);
    CHECK(is_valid_utf8(text));
    const StoreExportReading reading = read_store_export(text);
    REQUIRE(reading.result.ok);
    REQUIRE(reading.contents.snapshots.size() == 1);
    CHECK_FALSE(reading.contents.snapshots[0].binary);
    CHECK(reading.contents.snapshots[0].content == snapshot_content_text(contents.snapshots[0]));
    // The same snapshot as text counts as unchanged in a merge.
    const auto merged = restored(*store, text, RestoreMode::merge);
    CHECK(merged.first.ok);
    CHECK(merged.second.conflicts.empty());
    CHECK(merged.second.unchanged >= 1);
    const auto replaced = restored(*store, text, RestoreMode::replace);
    REQUIRE(replaced.first.ok);
    const StoreContents after = loaded(*store);
    REQUIRE(after.snapshots.size() == 1);
    CHECK_FALSE(after.snapshots[0].binary);
    CHECK(after.snapshots[0].content == reading.contents.snapshots[0].content);
}

TEST_CASE("a crash leaves at most a temporary file, which is ignored; a damaged transaction file is reported") {
    TempFolder folder("crash");
    {
        auto store = opened(folder.path);
        CHECK(committed(*store, {{RecordKind::event, "ev-1", "\"a\""}}).ok);
    }
    // What a crash during the next commit leaves behind: a half-written temporary file.
    std::ofstream(folder.path / "000000000002.tx.tmp") << "{\"schema\":2,\"ops\":[{\"store\":\"events\",\"ke";
    {
        auto store = opened(folder.path);
        CHECK(loaded(*store).events.size() == 1);
        CHECK_FALSE(fs::exists(folder.path / "000000000002.tx.tmp"));
        CHECK(committed(*store, {{RecordKind::event, "ev-2", "\"b\""}}).ok);
    }
    std::ofstream(folder.path / "000000000002.tx", std::ios::trunc) << "{\"schema\":2,\"ops\":[";
    auto store = make_folder_store(folder.path.string());
    StoreResult outcome;
    store->open([&](const StoreResult& result, const StoreStatus&) { outcome = result; });
    CHECK(outcome.error_name == "DataError");
    CHECK(outcome.message.find("000000000002.tx") != std::string::npos);
}

TEST_CASE("many commits are compacted into one file and read back the same") {
    TempFolder folder("compaction");
    {
        auto store = opened(folder.path);
        for (int i = 0; i < 150; ++i)
            CHECK(committed(*store, {{RecordKind::event, "ev-" + std::to_string(1000 + i), event_data(i)}}).ok);
    }
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(folder.path)) files += entry.path().extension() == ".tx";
    CHECK(files < 64);
    const StoreContents contents = loaded(*opened(folder.path));
    REQUIRE(contents.events.size() == 150);
    CHECK(contents.events[149].data == event_data(149));
}

TEST_CASE("export, forget, restore gives the same export; bad backups are refused with nothing written") {
    TempFolder folder("backup");
    auto store = opened(folder.path);
    for (int i = 0; i < 20; ++i) CHECK(committed(*store, {{RecordKind::event, "ev-" + std::to_string(10 + i), event_data(i)}}).ok);
    CHECK(committed(*store, {{RecordKind::setting, "screener", "\"Jan\""}}).ok);
    std::string big(3 << 20, 'a');  // more than one export chunk
    big += "é";
    store->put_snapshot({"dataset", "{\"rows\":2}", big}, [](const StoreResult& result) { CHECK(result.ok); });
    const std::string before = exported(*store);

    store->forget_everything([](const StoreResult& result) { CHECK(result.ok); });
    CHECK(loaded(*store).events.empty());
    const std::string empty = exported(*store);

    const auto truncated = restored(*store, before.substr(0, before.size() / 2), RestoreMode::replace);
    CHECK(truncated.first.error_name == "ValidationError");
    std::string wrong_count = before;
    wrong_count.replace(wrong_count.find("\"events\":20"), 11, "\"events\":19");
    CHECK(restored(*store, wrong_count, RestoreMode::replace).first.error_name == "ValidationError");
    CHECK(restored(*store, "{\"hello\":1}", RestoreMode::replace).first.error_name == "ValidationError");
    CHECK(exported(*store) == empty);

    CHECK(restored(*store, before, RestoreMode::replace).first.ok);
    CHECK(exported(*store) == before);
    CHECK(restored(*store, before, RestoreMode::replace).first.ok);
    CHECK(exported(*store) == before);
    const auto merged = restored(*store, before, RestoreMode::merge);
    CHECK(merged.first.ok);
    CHECK(merged.second.conflicts.empty());
    CHECK(merged.second.unchanged == 22);
    CHECK(exported(*store) == before);
    store.reset();
    CHECK(exported(*opened(folder.path)) == before);
}

TEST_CASE("a merge adds what is missing and reports conflicting records without overwriting them") {
    TempFolder folder("merge");
    auto store = opened(folder.path);
    CHECK(committed(*store, {{RecordKind::event, "ev-1", "\"mine\""}, {RecordKind::event, "ev-2", "\"same\""}}).ok);
    StoreContents theirs;
    theirs.events = {{"ev-1", "\"theirs\""}, {"ev-2", "\"same\""}, {"ev-3", "\"new\""}};
    const auto merged = restored(*store, write_store_export(theirs), RestoreMode::merge);
    CHECK(merged.first.ok);
    CHECK(merged.second.added.at("events") == 1);
    CHECK(merged.second.unchanged == 1);
    REQUIRE(merged.second.conflicts.size() == 1);
    CHECK(merged.second.conflicts[0] == std::make_pair(std::string("events"), std::string("ev-1")));
    const StoreContents contents = loaded(*store);
    REQUIRE(contents.events.size() == 3);
    CHECK(contents.events[0].data == "\"mine\"");
}

TEST_CASE("an export written by the browser store restores natively") {
    TempFolder folder("browser-export");
    auto store = opened(folder.path);
    const std::string text = read_file(fs::path(RADAR_TEST_DATA_DIR) / "store" / "browser_export.json");
    REQUIRE_FALSE(text.empty());
    const auto outcome = restored(*store, text, RestoreMode::replace);
    CHECK_MESSAGE(outcome.first.ok, outcome.first.message);
    const StoreContents contents = loaded(*store);
    REQUIRE(contents.events.size() == 3);
    CHECK(contents.events[1].data == "{\"id\":\"ev-1\",\"note\":\"geëvalueerd – “ok”\"}");
    REQUIRE(contents.snapshots.size() == 1);
    CHECK(contents.snapshots[0].content == "dossier_id\nD1\nD2\nD3\n");
}

TEST_CASE("UTF-8 checks and splitting never cut a character") {
    CHECK(is_valid_utf8("geëvalueerd – “ok” 😀"));
    CHECK_FALSE(is_valid_utf8(std::string("\xC0\xAF", 2)));  // overlong
    CHECK_FALSE(is_valid_utf8(std::string("\xED\xA0\x80", 3)));  // surrogate
    CHECK_FALSE(is_valid_utf8(std::string("\xE2\x82", 2)));  // truncated
    const auto pieces = split_utf8("aéé😀b", 3);
    std::string joined;
    for (const auto& piece : pieces) {
        CHECK(is_valid_utf8(piece));
        joined += piece;
    }
    CHECK(joined == "aéé😀b");
}
