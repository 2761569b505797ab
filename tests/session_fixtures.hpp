// Shared by the session tests (test_session*.cpp): one page of the app over a native folder store
// (started as main_web.cpp starts it, with the demo dossiers), its import and batch steps, and a
// coding draft.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <doctest/doctest.h>

#include "core/data/csv_writer.hpp"
#include "core/data/demo_data.hpp"
#include "core/import/field_dictionary.hpp"
#include "core/time/civil_date.hpp"
#include "model_fixtures.hpp"
#include "platform/platform.hpp"
#include "platform/store.hpp"
#include "session/import_session.hpp"
#include "session/import_work.hpp"
#include "session/screening_work.hpp"
#include "session/session.hpp"
#include "temp_folder.hpp"

namespace radar::test {

using namespace radar::session;

inline std::string asset(const std::string& name) { return read_text_file(std::string(RADAR_ASSETS_DIR) + "/" + name); }

// An export of `dossiers` rows as the demo generator writes it (not the app's own demo dossiers).
inline std::string demo_export_csv(std::size_t dossiers, std::uint64_t seed) {
    DemoSettings settings;
    settings.dossier_count = dossiers;
    settings.seed = seed;
    settings.export_date = first_of_month(platform::today());
    return write_csv(generate_demo_data(settings).dataset);
}

// The stored dataset snapshot, read straight from the folder (its content gathered).
inline platform::StoreSnapshot stored_dataset_snapshot(const TempFolder& folder) {
    auto store = platform::make_folder_store(folder.path.string());
    store->open([](const platform::StoreResult&, const platform::StoreStatus&) {});
    platform::StoreSnapshot found;
    store->load_all([&](const platform::StoreResult& result, platform::StoreContents contents) {
        REQUIRE(result.ok);
        for (auto& snapshot : contents.snapshots)
            if (snapshot.key == "dataset") found = std::move(snapshot);
    });
    REQUIRE(found.key == "dataset");
    return found;
}

inline void replace_stored_snapshot(const TempFolder& folder, platform::StoreSnapshot snapshot) {
    auto store = platform::make_folder_store(folder.path.string());
    store->open([](const platform::StoreResult&, const platform::StoreStatus&) {});
    bool stored = false;
    store->put_snapshot(std::move(snapshot), [&](const platform::StoreResult& result) { stored = result.ok; });
    REQUIRE(stored);
}

// One page of the app: the session started as main_web.cpp starts it, over a folder store.
struct RunningApp {
    std::unique_ptr<platform::Store> store;
    Session state;
    std::optional<ImportSession> import;

    // `demo_workspace`: the page in the demo's workspace (its own store, here the folder).
    // `run_start`: false leaves the first frames (restoring a stored dataset) to the test.
    explicit RunningApp(const TempFolder& folder, bool demo_workspace = false, bool run_start = true) {
        const DayNumber today = platform::today();
        DictionaryLoad dictionary = load_field_dictionary(asset("fields.json"));
        REQUIRE(dictionary.dictionary);
        state.load_demo(300, first_of_month(today), today, asset("models/default.json"),
                        dictionary.dictionary->protected_names());
        state.set_built_in_dictionary(std::move(*dictionary.dictionary));
        import.emplace(state.shared_field_dictionary());
        import->set_saved_profiles(&state.mapping_profiles());
        store = platform::make_folder_store(folder.path.string());
        if (demo_workspace) state.use_demo_workspace();
        state.connect_store(store.get());
        if (run_start) run_frames();
    }

    // The import work of the frames until nothing is under way (the native store answers at once;
    // the first frames decode a stored dataset, then read it again; an accepted file's snapshot is
    // encoded over frames too).
    void run_frames() {
        int frame = 0;
        do advance_import_work(state, *import);
        while ((import->busy() || state.stored_dataset_reading() || state.snapshot_writing()) && ++frame < 1000);
        REQUIRE_FALSE(import->busy());
        REQUIRE_FALSE(state.stored_dataset_reading());
        REQUIRE_FALSE(state.snapshot_writing());
    }

    // Picks the file and reads it in chunks, up to its review.
    void read_file(const std::string& name, const std::string& bytes) {
        REQUIRE(import->begin_file({name, bytes.size(), 0}));
        constexpr std::size_t chunk = 4096;
        for (std::size_t at = 0; at < bytes.size(); at += chunk)
            REQUIRE(import->file_chunk(std::string_view(bytes).substr(at, chunk)));
        import->end_file(true, "");
        for (int frame = 0; frame < 100 && import->phase() == ImportSession::Phase::reading; ++frame)
            advance_import_work(state, *import);
        REQUIRE(import->phase() == ImportSession::Phase::reviewing);
        REQUIRE(import->result());
        REQUIRE(import->result()->ok());
    }

    // Picks the file, reads it in chunks, reviews and accepts it.
    void import_file(const std::string& name, const std::string& bytes) {
        read_file(name, bytes);
        import->request_accept();
        run_frames();
    }

    const BatchState& batch(const std::string& batch_id) const { return state.screening().batches.at(batch_id); }

    // The batch's first member in screening order (a copy: the folded state changes with every save).
    BatchMember first_member(const std::string& batch_id) const {
        const BatchState& open = batch(batch_id);
        return open.members[state.screening_order(open).front()];
    }

    // Previews and commits this month's batch; its id.
    std::string commit_month() {
        const Checked<BatchPreview>* preview = state.batch_preview();
        REQUIRE(preview);
        REQUIRE(*preview);
        CHECK(std::string(commit_blocker(state, **preview)).empty());
        REQUIRE(commit_preview(state, **preview));
        const std::string batch_id = state.screening_batch();
        const SaveStatus* saved = state.save_status("batch:" + batch_id);
        REQUIRE(saved);
        CHECK(saved->phase == SavePhase::saved);
        return batch_id;
    }
};

inline CodingDraft coded(ScreeningCode code, const std::string& note = "Dossier bekeken, geen bijzonderheden") {
    CodingDraft draft;
    draft.code = code;
    draft.note = note;
    return draft;
}

}  // namespace radar::test
