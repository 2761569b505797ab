// `radar import FILE`: imports a CSV/JSON dossier export through the same incremental core the
// browser uses and prints the summary and diagnostics (JSON with --json; the text and the
// diagnostics CSV in English or Dutch with --lang). Exit code 1 when rows were rejected or the
// import failed.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/command_registry.hpp"
#include "cli/data_source.hpp"
#include "cli/model_file.hpp"
#include "cli/options.hpp"
#include "core/import/content_hash.hpp"
#include "core/import/import_report.hpp"
#include "core/import/importer.hpp"

namespace radar::cli {
namespace {

std::string delimiter_name(char delimiter) {
    if (delimiter == '\t') return "tab";
    return std::string("'") + delimiter + "'";
}

// `language`: "nl" or "en", for the failure and the diagnostics' details.
void print_summary(const ImportResult& result, const std::string& language) {
    const ImportSummary& s = result.summary;
    std::printf("file        %s (%llu bytes, %s)\n", result.source_name.c_str(),
                static_cast<unsigned long long>(result.byte_count), format_content_hash(result.content_hash).c_str());
    if (!result.ok()) std::printf("status      FAILED: %s\n", result.failure_in(language).c_str());
    std::printf("format      %s", format_code(result.format));
    if (result.format == SourceFormat::csv && result.delimiter) std::printf(", delimiter %s", delimiter_name(result.delimiter).c_str());
    std::printf(", encoding %s\n", encoding_name(result.encoding));
    std::printf("rows        read %llu, imported %llu (%llu with warnings), rejected %llu, blank %llu\n",
                static_cast<unsigned long long>(s.rows_read), static_cast<unsigned long long>(s.rows_imported),
                static_cast<unsigned long long>(s.rows_with_warnings), static_cast<unsigned long long>(s.rows_rejected),
                static_cast<unsigned long long>(s.blank_rows));
    std::string mapped, extra;
    for (const ImportedColumn& column : result.columns) {
        // An extra attribute with its type: inferred from its values, or chosen in the profile.
        if (column.extra)
            extra += (extra.empty() ? "" : ", ") + column.column_name + " (" + value_kind_code(column.kind) +
                     (column.kind_chosen ? ", chosen" : "") + ")";
        else mapped += (mapped.empty() ? "" : ", ") + column.header + " -> " + column.field;
    }
    std::printf("mapped      %s\n", mapped.empty() ? "-" : mapped.c_str());
    std::printf("extra       %s\n", extra.empty() ? "-" : extra.c_str());
    std::string not_found;
    for (const std::string& field : result.fields_not_found) not_found += (not_found.empty() ? "" : ", ") + field;
    std::printf("not found   %s\n", not_found.empty() ? "-" : not_found.c_str());
    if (result.diagnostics.empty()) return;
    std::printf("\ndiagnostics (%llu%s)\n", static_cast<unsigned long long>(s.diagnostics_total),
                result.diagnostics.size() < s.diagnostics_total ? ", first ones listed" : "");
    std::printf("row\tline\tseverity\treason\tcolumn\tvalue\tdetail\n");
    for (const Diagnostic& d : result.diagnostics)
        std::printf("%u\t%u\t%s\t%s\t%s\t%s\t%s\n", d.row, d.line, severity_code(d.severity), reason_code(d.reason),
                    d.column.c_str(), d.value.c_str(), d.detail_in(language).c_str());
}

int run_import(const std::vector<std::string>& arguments) {
    Options options(arguments, {"json"});
    if (!options.error().empty() || options.positional().size() != 1) {
        std::cerr << "usage: radar import FILE [--mapping PROFILE.json] [--fields FIELDS.json] [--json]"
                     " [--diagnostics OUT.csv] [--lang en|nl]\n";
        if (!options.error().empty()) std::cerr << "radar import: " << options.error() << "\n";
        return 2;
    }
    const std::string language = options.value("lang").value_or("en");
    if (language != "en" && language != "nl") {
        std::cerr << "radar import: --lang is en or nl\n";
        return 2;
    }
    const Checked<FieldDictionary> dictionary = load_dictionary(options);
    if (!dictionary) {
        std::cerr << "radar import: " << dictionary.error() << "\n";
        return 2;
    }
    const std::string path = options.positional()[0];
    ImportOptions import_options;
    import_options.source_name = path.substr(path.find_last_of('/') + 1);
    if (const auto mapping_path = options.value("mapping")) {
        const auto mapping_text = read_text_file(*mapping_path);
        if (!mapping_text) {
            std::cerr << "radar import: cannot read mapping profile '" << *mapping_path << "'\n";
            return 2;
        }
        auto profile = load_mapping_profile(*mapping_text, *dictionary);
        if (!profile.profile) {
            for (const auto& error : profile.errors) std::cerr << "radar import: " << *mapping_path << ": " << error << "\n";
            return 2;
        }
        import_options.profile = std::move(profile.profile);
    }

    std::ifstream file(path, std::ios::binary | std::ios::ate);
    if (!file) {
        std::cerr << "radar import: cannot open '" << path << "'\n";
        return 2;
    }
    import_options.total_bytes = static_cast<std::uint64_t>(file.tellg());
    file.seekg(0);
    // Chunked like the browser does it: the file is never held in memory as a whole.
    Importer importer(*dictionary, std::move(import_options));
    std::vector<char> chunk(4 << 20);
    while (file && !importer.stopped()) {
        file.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        importer.feed(std::string_view(chunk.data(), static_cast<std::size_t>(file.gcount())));
    }
    const ImportResult result = importer.finish();

    if (const auto diagnostics_path = options.value("diagnostics")) {
        std::ofstream out(*diagnostics_path, std::ios::binary);
        ReportStyle style;
        style.language = language;
        out << write_diagnostics_csv(result, style);
        if (!out.flush()) {
            std::cerr << "radar import: cannot write '" << *diagnostics_path << "'\n";
            return 2;
        }
    }
    if (options.flag("json")) std::cout << import_report_json(result);
    else print_summary(result, language);
    return result.ok() && result.summary.rows_rejected == 0 ? 0 : 1;
}

const CommandRegistration import_command(
    "import", {"import FILE [--mapping PROFILE.json] [--fields FIELDS.json] [--json] [--diagnostics OUT.csv] [--lang en|nl]",
               "import a CSV/JSON dossier export; print summary and diagnostics, details in English or Dutch "
               "(exit 1 if rows were rejected)",
               run_import});

}  // namespace
}  // namespace radar::cli
