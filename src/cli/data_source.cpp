// Loading DATA for the CLI: the demo generator, or an export through the chunked importer.
#include "cli/data_source.hpp"

#include <algorithm>
#include <fstream>
#include <vector>

#include "cli/model_file.hpp"
#include "core/data/demo_data.hpp"
#include "core/import/import_snapshot.hpp"
#include "core/import/importer.hpp"

namespace radar::cli {
namespace {

std::string default_fields_path() {
#ifdef RADAR_ASSETS_DIR
    return std::string(RADAR_ASSETS_DIR) + "/fields.json";
#else
    return "assets/fields.json";
#endif
}

std::string file_name(const std::string& path) { return path.substr(path.find_last_of('/') + 1); }

// --id COLUMN: that export column is the dossier id, whatever the dictionary would map; it is
// added to (or replaces the id entry of) the --mapping profile.
void map_id_column(ImportOptions& import_options, const std::string& header, const FieldDictionary& dictionary) {
    MappingProfile profile = import_options.profile.value_or(MappingProfile{"--id " + header, {}});
    const std::string& id_field = dictionary.id_field().name;
    auto& entries = profile.entries;
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [&](const MappingProfile::Entry& entry) { return entry.field == id_field || entry.header == header; }),
                  entries.end());
    entries.push_back({header, id_field, false});
    import_options.profile = std::move(profile);
}

}  // namespace

Checked<FieldDictionary> load_dictionary(const Options& options) {
    const std::string built_in_path = default_fields_path();
    const auto built_in_text = read_text_file(built_in_path);
    if (!built_in_text) return Checked<FieldDictionary>::failure("cannot read field dictionary '" + built_in_path + "'");
    DictionaryLoad built_in = load_field_dictionary(*built_in_text);
    if (!built_in.dictionary) return Checked<FieldDictionary>::failure(built_in_path + ": " + built_in.errors.front());
    const auto path = options.value("fields");
    if (!path) return std::move(*built_in.dictionary);
    const auto text = read_text_file(*path);
    if (!text) return Checked<FieldDictionary>::failure("cannot read field dictionary '" + *path + "'");
    // Its own fields, and the built-in protected ones kept (a custom dictionary can only add some).
    DictionaryLoad load = load_custom_field_dictionary(*text, *built_in.dictionary);
    if (!load.dictionary) return Checked<FieldDictionary>::failure(*path + ": " + load.errors.front());
    return std::move(*load.dictionary);
}

Checked<DataSource> load_data_source(const std::string& data, Options& options, DayNumber demo_export_date) {
    using Result = Checked<DataSource>;
    Checked<FieldDictionary> dictionary = load_dictionary(options);
    if (!dictionary) return Result::failure(dictionary.error());
    DataSource source;
    source.dictionary = std::move(*dictionary);
    source.name = data == "demo" ? data : file_name(data);
    if (data == "demo") {
        DemoSettings demo;
        demo.dossier_count = static_cast<std::size_t>(options.number("count", demo.dossier_count));
        demo.seed = options.number("seed", demo.seed);
        demo.export_date = demo_export_date;
        if (!options.error().empty()) return Result::failure(options.error());
        if (demo.dossier_count == 0 || demo.dossier_count > 5'000'000) return Result::failure("--count must be 1..5000000");
        source.dataset = generate_demo_data(demo).dataset;
        return source;
    }
    ImportOptions import_options;
    import_options.source_name = source.name;
    if (const auto mapping_path = options.value("mapping")) {
        const auto text = read_text_file(*mapping_path);
        if (!text) return Result::failure("cannot read mapping profile '" + *mapping_path + "'");
        ProfileLoad profile = load_mapping_profile(*text, source.dictionary);
        if (!profile.profile) return Result::failure(*mapping_path + ": " + profile.errors.front());
        import_options.profile = std::move(profile.profile);
    }
    if (const auto id_header = options.value("id")) map_id_column(import_options, *id_header, source.dictionary);
    std::ifstream file(data, std::ios::binary | std::ios::ate);
    if (!file) return Result::failure("cannot open '" + data + "'");
    import_options.total_bytes = static_cast<std::uint64_t>(file.tellg());
    file.seekg(0);
    // Chunked like the browser: the file is never held in memory as a whole.
    Importer importer(source.dictionary, std::move(import_options));
    std::vector<char> chunk(4 << 20);
    while (file && !importer.stopped()) {
        file.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        importer.feed(std::string_view(chunk.data(), static_cast<std::size_t>(file.gcount())));
    }
    ImportResult result = importer.finish();
    if (!result.ok()) return Result::failure(data + " cannot be imported: " + result.failure_in("en"));
    source.rows_rejected = result.summary.rows_rejected;
    AcceptOutcome accepted = accept_import(result, "");
    if (!accepted.accepted) return Result::failure(data + " cannot be imported: " + accepted.error);
    source.dataset = std::move(accepted.accepted->dataset);
    return source;
}

}  // namespace radar::cli
