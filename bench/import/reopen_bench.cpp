// Where a start-up with a stored dataset snapshot spends its time, step by step, natively and as
// wasm under node (docs/import.md, "In the browser: a 1,000,000-row export"): N demo dossiers are
// encoded as the app stores them, then brought back the way the app does at start-up, each step
// timed on its own.
//   reopen_bench N     prints one JSON line: seconds per step, the longest step of the model's
//                      trial, of the snapshot's encoding (DatasetSnapshotWriter) and of its
//                      decoding (DatasetSnapshotReader), as the app does them over frames, and
//                      the snapshot's size (with the search index);
//                      search_index_s is building the index, restored_search_index_s taking the
//                      stored one
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/data/dataset_hash.hpp"
#include "core/data/dataset_snapshot.hpp"
#include "core/data/demo_data.hpp"
#include "core/import/content_hash.hpp"
#include "core/import/field_dictionary.hpp"
#include "core/data/id_index.hpp"
#include "core/model/model_json.hpp"
#include "core/model/scoring_engine.hpp"
#include "core/search/search_index.hpp"

namespace {

using namespace radar;

std::string read_small_file(const char* path) {
    std::string text;
    if (FILE* file = std::fopen(path, "rb")) {
        char buffer[65536];
        std::size_t got = 0;
        while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, got);
        std::fclose(file);
    }
    return text;
}

// Seconds `work` takes.
template <typename Work>
double timed(Work work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t count = argc == 2 ? static_cast<std::size_t>(std::strtoull(argv[1], nullptr, 10)) : 0;
    if (count == 0) {
        std::fprintf(stderr, "usage: reopen_bench N\n");
        return 2;
    }
    const DictionaryLoad fields = load_field_dictionary(read_small_file(RADAR_ASSETS_DIR "/fields.json"));
    ModelParseResult model = parse_model_json(read_small_file(RADAR_ASSETS_DIR "/models/default.json"));
    if (!fields.dictionary || !model.ok()) {
        std::fprintf(stderr, "reopen_bench: cannot load the assets in %s\n", RADAR_ASSETS_DIR);
        return 2;
    }
    DemoSettings settings;
    settings.dossier_count = count;
    settings.export_date = days_from_civil({2023, 12, 1});
    const Dataset original = generate_demo_data(settings).dataset;
    const std::vector<std::string> search_columns{"dossier_id", "name", "municipality", "care_type"};

    const SearchIndex original_search(original, search_columns);
    double encode_s = 0, longest_encode_step_s = 0;
    DatasetSnapshotWriter writer(original, "{}", &original_search);
    std::string bytes;
    for (bool done = false; !done;) {
        const double step_s = timed([&] { done = writer.step(); });
        encode_s += step_s;
        longest_encode_step_s = std::max(longest_encode_step_s, step_s);
        bytes += writer.take_written();
    }
    std::uint64_t checksum = 0;
    const double checksum_s = timed([&] { checksum = content_hash_of(bytes); });
    double decode_s = 0, longest_decode_step_s = 0;
    DatasetSnapshotReader reader(bytes);
    for (bool done = false; !done;) {
        const double step_s = timed([&] { done = reader.step(); });
        decode_s += step_s;
        longest_decode_step_s = std::max(longest_decode_step_s, step_s);
    }
    DatasetSnapshotDecode decoded = reader.take();
    if (!decoded.snapshot) {
        std::fprintf(stderr, "reopen_bench: %s\n", decoded.message.c_str());
        return 1;
    }
    const Dataset& dataset = decoded.snapshot->dataset;
    StoredSearchIndex& stored_search = *decoded.snapshot->search;
    const double restored_search_s = timed([&] {
        SearchIndex::restored(dataset, search_columns, stored_search.format, stored_search.columns,
                              std::move(stored_search.haystacks));
    });

    ScoringContext context;
    context.reference_date = settings.export_date;
    context.protected_fields = fields.dictionary->protected_names();
    double trial_s = 0, longest_trial_step_s = 0;
    std::optional<ScoringEngineBuild> build;
    trial_s += timed([&] { build.emplace(*model.spec, dataset, context); });
    for (bool done = false; !done;) {
        const double step_s = timed([&] { done = build->advance(); });
        trial_s += step_s;
        longest_trial_step_s = std::max(longest_trial_step_s, step_s);
    }
    const EngineResult engine = build->take();
    const double search_s = timed([&] { SearchIndex index(dataset, search_columns); });
    const Column& ids = *dataset.find("dossier_id");
    const double id_index_s = timed([&] {
        IdIndex index(ids.texts);
        index.insert_all_rows();
    });
    const double sha256_s = timed([&] { dataset_sha256(dataset); });
    std::printf("{\"rows\": %zu, \"snapshot_bytes\": %zu, \"encode_s\": %.3f, \"longest_encode_step_s\": %.3f, "
                "\"checksum_s\": %.3f, \"decode_s\": %.3f, \"longest_decode_step_s\": %.3f, \"trial_s\": %.3f, "
                "\"longest_trial_step_s\": %.3f, \"search_index_s\": %.3f, \"restored_search_index_s\": %.3f, \"id_index_s\": %.3f, \"sha256_s\": %.3f, "
                "\"scored\": %s, \"checksum\": %llu}\n",
                dataset.row_count(), bytes.size(), encode_s, longest_encode_step_s, checksum_s, decode_s, longest_decode_step_s, trial_s,
                longest_trial_step_s, search_s, restored_search_s, id_index_s, sha256_s, engine.engine ? "true" : "false",
                static_cast<unsigned long long>(checksum % 1000));
    return engine.engine ? 0 : 1;
}
