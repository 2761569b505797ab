// Import benchmark binary, built natively and as wasm for node (bench/import/run drives both).
//   import_bench FILE [--chunk BYTES] [--repeat N] [--stage import|tokenize] [--fingerprint yes]
//                                         imports FILE in chunks (1 MiB), as the browser does, N times,
//                                         and prints one JSON line: first and best wall and CPU
//                                         seconds, rows, peak memory. --stage tokenize only splits
//                                         the file into records and fields: the floor under the
//                                         importer, whatever the rest of it does. --fingerprint
//                                         adds SHA-256s of the dataset and of the rest of the
//                                         result (row numbers, diagnostics, rejected rows), to
//                                         check that two builds of the importer agree
//   import_bench --generate N FILE        writes a Belgian-Excel-style export of N dossiers
//                                         (';', decimal commas, dd/mm/yyyy, some quoted fields)
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <ctime>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <malloc.h>
#else
#include <sys/resource.h>
#endif

#include "core/base/sha256.hpp"
#include "core/data/dataset_hash.hpp"
#include "core/data/demo_data.hpp"
#include "core/import/csv_tokenizer.hpp"
#include "core/import/format_detection.hpp"
#include "core/import/importer.hpp"

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

// The shipped dictionary plus the two decimal fields the generated export carries.
FieldDictionary bench_dictionary() {
    auto load = load_field_dictionary(read_small_file(RADAR_ASSETS_DIR "/fields.json"));
    if (!load.dictionary) {
        std::fprintf(stderr, "import_bench: cannot load %s/fields.json\n", RADAR_ASSETS_DIR);
        std::exit(2);
    }
    FieldDictionary dictionary = *load.dictionary;
    FieldSpec occupancy;
    occupancy.name = "occupancy_rate";
    occupancy.type = FieldType::number;
    occupancy.label_nl = "Gemiddelde bezetting";
    occupancy.label_en = "Occupancy rate";
    dictionary.fields.push_back(occupancy);
    FieldSpec subsidy;
    subsidy.name = "yearly_subsidy_eur";
    subsidy.type = FieldType::number;
    subsidy.label_nl = "Subsidie per jaar (€)";
    subsidy.label_en = "Yearly subsidy (EUR)";
    dictionary.fields.push_back(subsidy);
    return dictionary;
}

std::string day_first(const Column& column, std::size_t row) {
    if (column.is_missing(row)) return {};
    const CivilDate date = civil_from_days(static_cast<DayNumber>(column.numbers[row]));
    char text[16];
    std::snprintf(text, sizeof text, "%02d/%02d/%04d", date.day, date.month, date.year);
    return text;
}

std::string whole(const Column& column, std::size_t row) {
    return column.is_missing(row) ? std::string() : std::to_string(static_cast<long long>(column.numbers[row]));
}

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

int generate(std::size_t count, const char* path) {
    DemoSettings settings;
    settings.dossier_count = count;
    settings.export_date = days_from_civil({2023, 12, 1});
    const Dataset data = generate_demo_data(settings).dataset;
    const auto col = [&](const char* name) -> const Column& { return *data.find(name); };
    FILE* file = std::fopen(path, "wb");
    if (!file) return 2;
    std::string out =
        "Dossiernummer;Naam opvang;Organisator;Gemeente;Provincie;Type opvang;Subsidietrap;Kindplaatsen;Startdatum;"
        "Datum laatste inspectie;Tekorten;Ernstige tekorten;Klachten;Meldingen;Laatste ernstig signaal;Handhaving;"
        "Wissels organisator;Wissels verantwoordelijke;Ontbrekende attesten;Terugvordering;Status;"
        "Gemiddelde bezetting;Subsidie per jaar (€);Opmerking\r\n";
    for (std::size_t row = 0; row < count; ++row) {
        // Ids of our own: the demo generator's ids repeat past 900,000 dossiers.
        out += "KO-" + std::to_string(1000000 + row) + ";";
        const std::string name(col("name").texts[row]);
        out += (row % 8 == 0 || name.find('\'') != std::string::npos ? quoted(name) : name) + ";";
        for (const char* text : {"organiser_id", "municipality", "province", "care_type"}) out += std::string(col(text).texts[row]) + ";";
        out += whole(col("subsidy_level"), row) + ";" + whole(col("capacity"), row) + ";";
        out += day_first(col("start_date"), row) + ";" + day_first(col("last_inspection_date"), row) + ";";
        for (const char* count_name : {"shortcomings_last_inspection", "serious_shortcomings_last_inspection",
                                       "complaints_12m", "incidents_12m"})
            out += whole(col(count_name), row) + ";";
        out += day_first(col("last_serious_signal_date"), row) + ";" + std::string(col("enforcement_status").texts[row]) + ";";
        for (const char* count_name : {"organiser_changes_3y", "responsible_changes_3y", "missing_certificates"})
            out += whole(col(count_name), row) + ";";
        out += std::string(col("subsidy_recovery_12m").numbers[row] != 0 ? "ja" : "nee") + ";";
        out += std::string(col("status").texts[row]) + ";";
        const unsigned occupancy = static_cast<unsigned>(row * 37 % 101);
        out += std::to_string(occupancy / 100) + "," + (occupancy % 100 < 10 ? "0" : "") + std::to_string(occupancy % 100) + ";";
        const unsigned long long cents = 150000ULL + (row * 7919ULL) % 9000000ULL;
        const unsigned long long euros = cents / 100;
        out += (euros >= 1000 ? std::to_string(euros / 1000) + "." : "");
        const std::string low = std::to_string(euros % 1000);
        out += (euros >= 1000 ? std::string(3 - low.size(), '0') : "") + low + "," +
               (cents % 100 < 10 ? "0" : "") + std::to_string(cents % 100) + ";";
        if (row % 50 == 0) out += quoted("Opvolging na klacht;\r\nzie verslag \"inspectie\"");
        else if (row % 7 == 0) out += quoted("Opvolging \"dringend\"; herbekijken");
        out += "\r\n";
        if (out.size() > (1u << 20)) {
            std::fwrite(out.data(), 1, out.size(), file);
            out.clear();
        }
    }
    std::fwrite(out.data(), 1, out.size(), file);
    return std::fclose(file) == 0 ? 0 : 2;
}

std::uint64_t peak_memory_bytes() {
#ifdef __EMSCRIPTEN__
    // Wasm memory only grows: its size now is the peak heap of the run.
    return static_cast<std::uint64_t>(__builtin_wasm_memory_size(0)) * 65536u;
#else
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024u;
#endif
}

// CPU seconds of this process: steadier than wall time on a shared machine.
double cpu_seconds() {
#ifdef __EMSCRIPTEN__
    // The unused argument keeps the variadic macro standard C++.
    return EM_ASM_DOUBLE({
        const usage = process.cpuUsage();
        return (usage.user + usage.system) / 1e6;
    }, 0);
#else
    return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
#endif
}

struct Run {
    double seconds = 0;
    double cpu_seconds = 0;
    ImportSummary summary;
    std::size_t columns = 0;
    bool ok = false;
    std::uint64_t heap_in_use = 0;      // allocated bytes with the result still alive
    std::uint64_t dataset_bytes = 0;    // the imported columns
    std::string dataset_sha256;         // with --fingerprint
    std::string result_sha256;
};

std::uint64_t heap_in_use_bytes() {
#ifdef __EMSCRIPTEN__
    return static_cast<std::uint64_t>(mallinfo().uordblks);
#else
    return 0;  // not comparable natively (glibc keeps freed chunks); the peak RSS is reported instead
#endif
}

// Bytes the imported dataset's columns hold (capacity included).
std::uint64_t dataset_bytes(const Dataset& dataset) {
    std::uint64_t bytes = 0;
    for (const Column& column : dataset.columns())
        bytes += column.missing.allocated_bytes() + column.numbers.allocated_bytes() + column.texts.allocated_bytes();
    return bytes;
}

// SHA-256 over what an import says besides the dataset: the file row of every dataset row, every
// diagnostic and every rejected row, each field followed by a separator byte.
std::string result_sha256(const ImportResult& result) {
    Sha256 hash;
    const auto add = [&](std::string_view text) {
        hash.update(text);
        hash.update(std::string_view("\x1f", 1));
    };
    const auto add_number = [&](std::uint64_t number) { add(std::to_string(number)); };
    for (std::uint32_t row : result.source_rows) add_number(row);
    add_number(result.summary.diagnostics_total);
    for (const Diagnostic& diagnostic : result.diagnostics) {
        for (std::uint64_t number : {std::uint64_t{diagnostic.row}, std::uint64_t{diagnostic.line},
                                     static_cast<std::uint64_t>(diagnostic.reason), static_cast<std::uint64_t>(diagnostic.severity)})
            add_number(number);
        for (const std::string* text : {&diagnostic.column, &diagnostic.value, &diagnostic.detail, &diagnostic.detail_nl}) add(*text);
    }
    for (const RejectedRow& rejected : result.rejected_rows) {
        add_number(rejected.row);
        add_number(rejected.line);
        for (DiagnosticReason reason : rejected.reasons) add_number(static_cast<std::uint64_t>(reason));
        for (const std::string& field : rejected.fields) add(field);
    }
    for (const ImportedColumn& column : result.columns) add(std::string(column.column_name) + value_kind_code(column.kind));
    add(encoding_code(result.encoding));
    return to_hex(hash.finish());
}

Run import_once(const FieldDictionary& dictionary, const char* path, std::size_t chunk_size, long size, bool fingerprint) {
    FILE* file = std::fopen(path, "rb");
    if (!file) return {};
    std::vector<char> chunk(chunk_size);
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = cpu_seconds();
    ImportOptions options;
    options.source_name = path;
    options.total_bytes = static_cast<std::uint64_t>(size);
    Importer importer(dictionary, options);
    std::size_t got = 0;
    while ((got = std::fread(chunk.data(), 1, chunk.size(), file)) > 0) importer.feed(std::string_view(chunk.data(), got));
    const ImportResult result = importer.finish();
    Run run;
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.cpu_seconds = cpu_seconds() - cpu_start;
    run.heap_in_use = heap_in_use_bytes();
    run.dataset_bytes = dataset_bytes(result.dataset);
    std::fclose(file);
    run.summary = result.summary;
    run.columns = result.dataset.columns().size();
    run.ok = result.ok();
    if (fingerprint) {
        run.dataset_sha256 = dataset_sha256(result.dataset);
        run.result_sha256 = result_sha256(result);
    }
    return run;
}

// Counts what the tokenizer hands over.
class CountingSink final : public CsvRecordSink {
public:
    void on_record(const CsvRecord& record) override { fields_ += record.field_count; }
    std::uint64_t fields() const { return fields_; }

private:
    std::uint64_t fields_ = 0;
};

// The same chunked reading with only the CSV tokenizer behind it (delimiter detected as the
// importer does): records and fields, no decoding, parsing, validation or columns.
Run tokenize_once(const char* path, std::size_t chunk_size) {
    FILE* file = std::fopen(path, "rb");
    if (!file) return {};
    std::vector<char> chunk(chunk_size);
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = cpu_seconds();
    std::size_t got = std::fread(chunk.data(), 1, chunk.size(), file);
    const char delimiter = detect_delimiter(std::string_view(chunk.data(), got), got < chunk.size());
    CsvTokenizer tokenizer(delimiter);
    CountingSink sink;
    while (got > 0) {
        tokenizer.feed(std::string_view(chunk.data(), got), sink);
        got = std::fread(chunk.data(), 1, chunk.size(), file);
    }
    tokenizer.finish(sink);
    Run run;
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.cpu_seconds = cpu_seconds() - cpu_start;
    std::fclose(file);
    run.summary.rows_imported = tokenizer.records();
    run.columns = tokenizer.records() ? static_cast<std::size_t>(sink.fields() / tokenizer.records()) : 0;
    run.ok = true;
    return run;
}

// Imports `repeat` times; reports the first run (cold: under node the JIT is still warming up,
// as on a first import in the browser) and the fastest run (warm).
int import_file(const char* path, std::size_t chunk_size, int repeat, bool tokenize_only, bool fingerprint) {
    const FieldDictionary dictionary = bench_dictionary();
    FILE* file = std::fopen(path, "rb");
    if (!file) {
        std::fprintf(stderr, "import_bench: cannot open %s\n", path);
        return 2;
    }
    std::fseek(file, 0, SEEK_END);
    const long size = std::ftell(file);
    std::fclose(file);
    Run best, first;
    double best_cpu = 0;
    for (int i = 0; i < repeat; ++i) {
        const Run run = tokenize_only ? tokenize_once(path, chunk_size) : import_once(dictionary, path, chunk_size, size, fingerprint);
        if (i == 0) first = run;
        if (i == 0 || run.seconds < best.seconds) best = run;
        if (i == 0 || run.cpu_seconds < best_cpu) best_cpu = run.cpu_seconds;
    }
    std::printf("{\"first_seconds\": %.4f, \"first_cpu_seconds\": %.4f, ", first.seconds, first.cpu_seconds);
    std::printf("\"seconds\": %.4f, \"cpu_seconds\": %.4f, \"bytes\": %ld, \"rows\": %" PRIu64 ", \"rejected\": %" PRIu64
                ", \"diagnostics\": %" PRIu64 ", \"columns\": %zu, \"peak_memory_bytes\": %" PRIu64
                ", \"heap_in_use_bytes\": %" PRIu64 ", \"dataset_bytes\": %" PRIu64,
                best.seconds, best_cpu, size, best.summary.rows_imported, best.summary.rows_rejected,
                best.summary.diagnostics_total, best.columns, peak_memory_bytes(), best.heap_in_use,
                best.dataset_bytes);
    if (fingerprint)
        std::printf(", \"dataset_sha256\": \"%s\", \"result_sha256\": \"%s\"", best.dataset_sha256.c_str(),
                    best.result_sha256.c_str());
    std::printf("}\n");
    return best.ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 3 && args[0] == "--generate")
        return generate(static_cast<std::size_t>(std::strtoull(args[1].c_str(), nullptr, 10)), args[2].c_str());
    std::size_t chunk = 1u << 20;
    int repeat = 1;
    std::string stage = "import";
    bool fingerprint = false;
    for (std::size_t i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == "--chunk") chunk = static_cast<std::size_t>(std::strtoull(args[i + 1].c_str(), nullptr, 10));
        if (args[i] == "--repeat") repeat = std::atoi(args[i + 1].c_str());
        if (args[i] == "--stage") stage = args[i + 1];
        if (args[i] == "--fingerprint") fingerprint = args[i + 1] == "yes";
    }
    if (args.empty() || args[0].rfind("--", 0) == 0 || args.size() % 2 == 0 || chunk == 0 || repeat < 1 ||
        (stage != "import" && stage != "tokenize")) {
        std::fprintf(stderr, "usage: import_bench FILE [--chunk BYTES] [--repeat N] [--stage import|tokenize]"
                             " [--fingerprint yes]"
                             " | import_bench --generate N FILE\n");
        return 2;
    }
    return import_file(args[0].c_str(), chunk, repeat, stage == "tokenize", fingerprint);
}
