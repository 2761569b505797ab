// Validation and the import result: the messy Windows-1252 export end to end, every diagnostic
// reason, summary counts, rejected rows, reports, accepting into a snapshot, previews, progress.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "core/base/random.hpp"
#include "core/data/csv_writer.hpp"
#include "core/data/demo_data.hpp"
#include "core/import/import_report.hpp"
#include "core/import/import_snapshot.hpp"
#include "import_test_support.hpp"

using namespace radar;
using namespace radar::testing;

namespace {

double number_at(const ImportResult& result, const std::string& column, std::size_t row) {
    const Column* found = result.dataset.find(column);
    REQUIRE_MESSAGE(found, column);
    REQUIRE_MESSAGE(!found->is_missing(row), column << " row " << row << " is missing");
    return found->numbers[row];
}

const ImportResult& messy() {
    static const ImportResult result = import_text(import_fixture("messy_export_cp1252.csv"), test_dictionary());
    return result;
}

std::string diagnostics_fingerprint(const ImportResult& result) {
    std::string text;
    for (const Diagnostic& d : result.diagnostics)
        text += std::to_string(d.row) + "/" + std::to_string(d.line) + "/" + d.column + "/" + d.value + "/" +
                reason_code(d.reason) + "/" + d.detail + "\n";
    return text;
}

}  // namespace

TEST_CASE("messy export: format, encoding and summary") {
    const ImportResult& result = messy();
    REQUIRE(result.ok());
    CHECK(result.format == SourceFormat::csv);
    CHECK(result.delimiter == ';');
    CHECK(result.encoding == TextEncoding::windows_1252);
    CHECK(result.summary.rows_read == 11);
    CHECK(result.summary.rows_imported == 8);
    CHECK(result.summary.rows_with_warnings == 5);
    CHECK(result.summary.rows_rejected == 3);
    CHECK(result.summary.blank_rows == 1);
    CHECK(result.summary.diagnostics_total == 14);
    CHECK(result.diagnostics.size() == 14);
    CHECK(result.source_rows == std::vector<std::uint32_t>{2, 3, 4, 6, 10, 11, 12, 13});
    CHECK(result.dataset.row_count() == 8);
}

TEST_CASE("messy export: every column kept, values converted") {
    const ImportResult& result = messy();
    REQUIRE(result.columns.size() == 24);
    CHECK(result.dataset.columns().size() == 24);
    CHECK(result.columns[22].field == "yearly_subsidy_eur");  // "Subsidie per jaar (€)" in Windows-1252
    CHECK(result.columns[23].header == "Opmerking");
    CHECK(result.columns[23].extra);
    CHECK(result.fields_not_found == std::vector<std::string>{"export_date", "nationality", "country_of_birth",
                                                              "ethnicity", "religion", "language", "gender",
                                                              "date_of_birth", "disability", "health"});

    CHECK(cell(result, "name", 0) == "Crèche \"Het Zonnetje\"");
    CHECK(cell(result, "Opmerking", 0) == "Lange opmerking\r\nover twee regels; met puntkomma");
    CHECK(cell(result, "start_date", 0) == "2010-05-03");
    CHECK(number_at(result, "occupancy_rate", 0) == 0.85);
    CHECK(number_at(result, "yearly_subsidy_eur", 0) == 12345.67);
    CHECK(cell(result, "subsidy_recovery_12m", 0) == "0");

    CHECK(cell(result, "name", 1) == "Gezinsopvang Anaïs Peeters");
    CHECK(cell(result, "care_type", 1) == "gezinsopvang");  // "Gezinsopvang" matched to the category
    CHECK(cell(result, "start_date", 1) == "2015-02-01");    // 1-2-2015
    CHECK(cell(result, "last_inspection_date", 1) == "2023-01-15");
    CHECK(cell(result, "subsidy_recovery_12m", 1) == "1");
    CHECK(number_at(result, "yearly_subsidy_eur", 1) == 4500);  // "4 500"
    CHECK(is_missing(result, "Opmerking", 1));

    CHECK(cell(result, "Opmerking", 2) == "prijs € 12,50 – te hoog");
    CHECK(number_at(result, "yearly_subsidy_eur", 2) == 1250);  // "1.250" in a ';' file
    CHECK(is_missing(result, "last_inspection_date", 2));         // 31/02/2022
    CHECK(cell(result, "last_serious_signal_date", 2) == "2023-11-10");
}

TEST_CASE("messy export: empty cells are missing, never zero") {
    const ImportResult& result = messy();
    CHECK(cell(result, "dossier_id", 3) == "KO-100004");
    CHECK(is_missing(result, "last_inspection_date", 3));
    CHECK(is_missing(result, "shortcomings_last_inspection", 3));
    CHECK(is_missing(result, "serious_shortcomings_last_inspection", 3));
    CHECK(number_at(result, "complaints_12m", 3) == 2);
    CHECK(number_at(result, "incidents_12m", 3) == 0);
    CHECK_FALSE(is_missing(result, "incidents_12m", 3));
    CHECK(is_missing(result, "occupancy_rate", 3));  // "abc"
    // The short row: the cells it lacks are missing.
    CHECK(cell(result, "municipality", 4) == "Lier");
    CHECK(is_missing(result, "capacity", 4));
}

TEST_CASE("messy export: diagnostics carry Excel row, column and raw value") {
    const ImportResult& result = messy();
    const Diagnostic* impossible = find_diagnostic(result, DiagnosticReason::impossible_date, 4);
    REQUIRE(impossible);
    CHECK(impossible->column == "Datum laatste inspectie");
    CHECK(impossible->value == "31/02/2022");
    CHECK(impossible->severity == Severity::warning);
    CHECK(impossible->line == 5);

    const Diagnostic* unparsable = find_diagnostic(result, DiagnosticReason::unparsable_number, 6);
    REQUIRE(unparsable);
    CHECK(unparsable->column == "Gemiddelde bezetting");
    CHECK(unparsable->value == "abc");

    const Diagnostic* required = find_diagnostic(result, DiagnosticReason::required_missing);
    REQUIRE(required);
    CHECK(required->row == 7);
    CHECK(required->column == "Dossiernummer");
    CHECK(required->severity == Severity::error);

    const Diagnostic* duplicate = find_diagnostic(result, DiagnosticReason::duplicate_id);
    REQUIRE(duplicate);
    CHECK(duplicate->row == 8);
    CHECK(duplicate->value == "KO-100002");
    CHECK(duplicate->detail == "the same id is already in row 3");
    CHECK(duplicate->detail_nl == "hetzelfde id staat al in rij 3");

    const Diagnostic* long_row = find_diagnostic(result, DiagnosticReason::ragged_row, 9);
    REQUIRE(long_row);
    CHECK(long_row->severity == Severity::error);
    CHECK(long_row->detail.find("expected 24 fields, found 26") == 0);
    CHECK(long_row->detail_nl.find("24 velden verwacht, 26 gevonden") == 0);
    const Diagnostic* short_row = find_diagnostic(result, DiagnosticReason::ragged_row, 10);
    REQUIRE(short_row);
    CHECK(short_row->severity == Severity::warning);

    CHECK(count_reason(result, DiagnosticReason::out_of_range) == 3);
    for (const Diagnostic& d : result.diagnostics)
        if (d.reason == DiagnosticReason::out_of_range) CHECK(d.row == 11);
    const Diagnostic* range = find_diagnostic(result, DiagnosticReason::out_of_range, 11);
    CHECK(range->column == "Subsidietrap");
    CHECK(range->detail == "allowed 0 to 5");
    CHECK(range->detail_nl == "toegestaan van 0 tot 5");
    // Every detail is written in both languages.
    for (const Diagnostic& d : result.diagnostics) {
        CAPTURE(reason_code(d.reason));
        CHECK(d.detail.empty() == d.detail_nl.empty());
        CHECK(d.detail_in("nl") == d.detail_nl);
        CHECK(d.detail_in("en") == d.detail);
    }
    CHECK(find_diagnostic(result, DiagnosticReason::impossible_date, 11)->value == "05/13/2021");
    CHECK(find_diagnostic(result, DiagnosticReason::unparsable_boolean, 11)->value == "misschien");
    CHECK(find_diagnostic(result, DiagnosticReason::unknown_category, 11)->value == "onbekend");
    CHECK(cell(result, "enforcement_status", 5) == "onbekend");  // unknown categories are kept
    CHECK(find_diagnostic(result, DiagnosticReason::unparsable_number, 11)->value == "=1+1");
}

TEST_CASE("messy export: an unclosed quote costs no row") {
    const ImportResult& result = messy();
    const Diagnostic* quote = find_diagnostic(result, DiagnosticReason::unbalanced_quote);
    REQUIRE(quote);
    CHECK(quote->row == 12);
    CHECK(quote->line == 13);
    CHECK(cell(result, "name", 6) == "\"Kribbe De Zon");
    CHECK(number_at(result, "occupancy_rate", 6) == 0.6);
    CHECK(cell(result, "dossier_id", 7) == "KO-100011");
    CHECK(cell(result, "name", 7) == "Crèche \"Het Nest\"");
    CHECK(cell(result, "Opmerking", 7) == "laatste rij");
}

TEST_CASE("messy export: rejected rows are listed with their raw cells") {
    const ImportResult& result = messy();
    REQUIRE(result.rejected_rows.size() == 3);
    CHECK(result.rejected_rows[0].row == 7);
    CHECK(result.rejected_rows[0].reasons == std::vector<DiagnosticReason>{DiagnosticReason::required_missing});
    CHECK(result.rejected_rows[0].fields.at(1) == "Naamloos");
    CHECK(result.rejected_rows[1].row == 8);
    CHECK(result.rejected_rows[1].reasons == std::vector<DiagnosticReason>{DiagnosticReason::duplicate_id});
    CHECK(result.rejected_rows[2].row == 9);
    CHECK(result.rejected_rows[2].reasons == std::vector<DiagnosticReason>{DiagnosticReason::ragged_row});
    CHECK(result.rejected_rows[2].fields.size() == 26);
    CHECK(result.rejected_rows[2].fields.at(1) == "Kribbe Té veel");
}

TEST_CASE("messy export: the same result in every chunking") {
    const std::string bytes = import_fixture("messy_export_cp1252.csv");
    const std::string expected_data = write_csv(messy().dataset);
    const std::string expected_diagnostics = diagnostics_fingerprint(messy());
    for (std::size_t chunk : {1, 2, 3, 17, 64, 1000}) {
        CAPTURE(chunk);
        const ImportResult split = import_in_chunks(bytes, test_dictionary(), {}, chunk);
        CHECK(write_csv(split.dataset) == expected_data);
        CHECK(diagnostics_fingerprint(split) == expected_diagnostics);
        CHECK(split.encoding == TextEncoding::windows_1252);
        CHECK(split.summary.rows_rejected == 3);
    }
}

TEST_CASE("reports: diagnostics CSV for Excel, neutralised against formulas; rejected rows; JSON") {
    const ImportResult& result = messy();
    const std::string csv = write_diagnostics_csv(result);
    CHECK(csv.rfind("\xEF\xBB\xBFrij;regel;kolom;waarde;code;reden;ernst;details\n", 0) == 0);
    CHECK(csv.find("4;5;Datum laatste inspectie;31/02/2022;impossible_date;Onmogelijke datum;warning;") != std::string::npos);
    CHECK(csv.find(";'=1+1;unparsable_number;") != std::string::npos);
    CHECK(csv.find(";'-1;out_of_range;") != std::string::npos);
    CHECK(csv.find(";=1+1;") == std::string::npos);
    CHECK(csv.find(";duplicate_id;Dubbel dossiernummer;error;hetzelfde id staat al in rij 3\n") != std::string::npos);
    const std::string english = write_diagnostics_csv(result, {"en", ',', false});
    CHECK(english.rfind("row,line,column,value,code,reason,severity,detail\n", 0) == 0);
    CHECK(english.find("Impossible date") != std::string::npos);
    CHECK(english.find("the same id is already in row 3") != std::string::npos);

    const std::string rejected = write_rejected_rows_csv(result);
    CHECK(rejected.find("rij;reden;Dossiernummer;Naam opvang;") != std::string::npos);
    CHECK(rejected.find("\n8;Dubbel dossiernummer;KO-100002;Dubbel dossier;") != std::string::npos);

    const auto json = nlohmann::json::parse(import_report_json(result));
    CHECK(json["status"] == "completed");
    CHECK(json["encoding"] == "windows-1252");
    CHECK(json["delimiter"] == ";");
    CHECK(json["summary"]["rows_rejected"] == 3);
    CHECK(json["summary"]["by_reason"]["out_of_range"] == 3);
    CHECK(json["diagnostics"].size() == 14);
    CHECK(json["rejected_rows"][1]["reasons"][0] == "duplicate_id");
    CHECK(json["columns"][23]["extra"] == true);
    CHECK(json["diagnostics_truncated"] == false);
    CHECK(json["diagnostics"][0]["detail_nl"].is_string());
}

TEST_CASE("CSV field writing quotes and neutralises") {
    std::string out;
    append_csv_row(out, {"=SUM(A1)", "+1", "-1", "@x", "\tx", "plain", "a;b", "\"q\"", ""}, CsvStyle{';', true});
    CHECK(out == "'=SUM(A1);'+1;'-1;'@x;'\tx;plain;\"a;b\";\"\"\"q\"\"\";\n");
    out.clear();
    append_csv_row(out, {"=1", "a,b"}, CsvStyle{});
    CHECK(out == "=1,\"a,b\"\n");
}

TEST_CASE("a required field other than the id rejects rows without it") {
    FieldDictionary dictionary = shipped_dictionary();
    for (FieldSpec& field : dictionary.fields)
        if (field.name == "name") field.required = true;
    const ImportResult result = import_text("dossier_id;name\nKO-1;a\nKO-2;\nKO-3;  \n", dictionary);
    CHECK(result.summary.rows_imported == 1);
    CHECK(result.summary.rows_rejected == 2);
    CHECK(result.rejected_rows[0].row == 3);
    CHECK(find_diagnostic(result, DiagnosticReason::required_missing, 4)->column == "name");
}

TEST_CASE("dates out of the dictionary's range") {
    const ImportResult result = import_text("dossier_id;start_date\nKO-1;01/01/1850\nKO-2;01/01/1950\n");
    const Diagnostic* d = find_diagnostic(result, DiagnosticReason::out_of_range);
    REQUIRE(d);
    CHECK(d->row == 2);
    CHECK(d->detail == "allowed 1900-01-01 to 2100-12-31");
    CHECK(is_missing(result, "start_date", 0));
    CHECK(cell(result, "start_date", 1) == "1950-01-01");
}

TEST_CASE("booleans: an x/empty column reads empty as no; elsewhere empty stays missing") {
    const ImportResult marks = import_text("dossier_id;Terugvordering\nKO-1;x\nKO-2;\nKO-3;X\n");
    CHECK(cell(marks, "subsidy_recovery_12m", 0) == "1");
    CHECK(cell(marks, "subsidy_recovery_12m", 1) == "0");
    CHECK(cell(marks, "subsidy_recovery_12m", 2) == "1");
    CHECK(count_reason(marks, DiagnosticReason::x_means_no) == 1);

    const ImportResult words = import_text("dossier_id;Terugvordering\nKO-1;ja\nKO-2;\nKO-3;x\n");
    CHECK(is_missing(words, "subsidy_recovery_12m", 1));
    CHECK(cell(words, "subsidy_recovery_12m", 2) == "1");
    CHECK(count_reason(words, DiagnosticReason::x_means_no) == 0);
}

TEST_CASE("whole-number fields refuse fractions; number fields keep them") {
    const ImportResult result = import_text("dossier_id;capacity\nKO-1;12,5\nKO-2;1.024\nKO-3;7\n");
    CHECK(find_diagnostic(result, DiagnosticReason::not_whole_number, 2));
    CHECK(is_missing(result, "capacity", 0));
    CHECK(find_diagnostic(result, DiagnosticReason::out_of_range, 3)->value == "1.024");  // 1024 > 1000
    CHECK(cell(result, "capacity", 2) == "7");
}

TEST_CASE("ids: trimmed, duplicates detected at any distance") {
    std::string text = "dossier_id\n";
    for (int i = 0; i < 5000; ++i) text += "KO-" + std::to_string(i) + "\n";
    text += " KO-17 \nKO-4999\n";
    const ImportResult result = import_text(text);
    CHECK(result.summary.rows_imported == 5000);
    CHECK(result.summary.rows_rejected == 2);
    CHECK(result.rejected_rows[0].row == 5002);
    CHECK(find_diagnostic(result, DiagnosticReason::duplicate_id, 5002)->detail == "the same id is already in row 19");
}

TEST_CASE("ids: exports sorted by id, in part or not at all: every duplicate found, with its first row") {
    // The importer leaves its id index alone while ids ascend and fills it at the first that does
    // not: runs of ascending ids of random lengths, with repeats of recent and early ids, checked
    // against a plain map of the ids imported so far.
    Random random(2026);
    for (int round = 0; round < 40; ++round) {
        std::string text = "dossier_id\n";
        std::vector<std::string> ids;
        std::size_t next = random.below(50);
        const std::size_t ascending_first = random.below(3) == 0 ? 0 : random.below(3000);
        for (std::size_t row = 0; row < 3000; ++row) {
            std::string id;
            if (row < ascending_first || random.chance(0.9)) {
                next += 1 + random.below(3);
                id = std::to_string(1000000 + next);
            } else if (!ids.empty() && random.chance(0.5)) {
                id = random.chance(0.5) ? ids.back() : ids[random.below(static_cast<std::uint32_t>(ids.size()))];
            } else {
                id = std::to_string(1000000 + random.below(static_cast<std::uint32_t>(next + 10)));
            }
            ids.push_back(id);
            text += "KO-" + id + "\n";
        }
        CAPTURE(round);
        const ImportResult result = import_text(text);
        std::map<std::string, std::uint32_t> first_row;
        std::size_t rejected = 0;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const auto row = static_cast<std::uint32_t>(i + 2);
            const auto [seen, inserted] = first_row.emplace(ids[i], row);
            const Diagnostic* duplicate = find_diagnostic(result, DiagnosticReason::duplicate_id, row);
            if (inserted) {
                REQUIRE(duplicate == nullptr);
                continue;
            }
            ++rejected;
            REQUIRE(duplicate != nullptr);
            REQUIRE(duplicate->detail == "the same id is already in row " + std::to_string(seen->second));
        }
        REQUIRE(result.summary.rows_rejected == rejected);
        REQUIRE(result.summary.rows_imported == first_row.size());
    }
}

TEST_CASE("the demo dataset survives export and import unchanged") {
    const Dataset demo = generate_demo_data({3000, 7, days_from_civil({2023, 12, 1})}).dataset;
    const std::string csv = write_csv(demo);
    const ImportResult result = import_in_chunks(csv, shipped_dictionary(), {}, 4096);
    REQUIRE(result.ok());
    CHECK(result.summary.rows_imported == 3000);
    CHECK(result.summary.diagnostics_total == 0);
    CHECK(write_csv(result.dataset) == csv);
    for (std::size_t c = 0; c < demo.columns().size(); ++c)
        CHECK(result.dataset.columns()[c].type == demo.columns()[c].type);
}

TEST_CASE("accepting: the dataset moves out with a snapshot descriptor") {
    ImportOptions options;
    options.source_name = "export.csv";
    const std::string bytes = "dossier_id;Opmerking\nKO-1;a\nKO-1;b\n";
    ImportResult result = import_text(bytes, shipped_dictionary(), options);
    const AcceptOutcome outcome = accept_import(result, "2024-01-31T09:15:00Z");
    REQUIRE(outcome.accepted);
    const AcceptedImport& accepted = *outcome.accepted;
    CHECK(accepted.dataset.row_count() == 1);
    CHECK(accepted.columns.size() == 2);
    CHECK(accepted.columns[1].extra);
    CHECK(accepted.source_rows == std::vector<std::uint32_t>{2});
    const SnapshotDescriptor& snapshot = accepted.snapshot;
    CHECK(snapshot.source_name == "export.csv");
    CHECK(snapshot.imported_at == "2024-01-31T09:15:00Z");
    CHECK(snapshot.content_hash == format_content_hash(content_hash_of(bytes)));
    CHECK(snapshot.byte_count == bytes.size());
    CHECK(snapshot.format == "csv");
    CHECK(snapshot.encoding == "utf-8");
    CHECK(snapshot.row_count == 1);
    CHECK(snapshot.rows_rejected == 1);
    CHECK(snapshot.column_count == 2);
    CHECK(snapshot.extra_column_count == 1);
    // The report stays with the result; the dataset is gone from it.
    CHECK(result.rejected_rows.size() == 1);
    CHECK(result.dataset.columns().empty());
    CHECK(accept_import(result, "later").error == "this import was already accepted");

    const auto restored = snapshot_from_json(snapshot_to_json(snapshot));
    REQUIRE(restored);
    CHECK(*restored == snapshot);
    CHECK_FALSE(snapshot_from_json("{\"source_name\": 1}"));
}

TEST_CASE("accepting: the export date is the data's own, else the one stated, and it is kept with the snapshot") {
    ImportResult with_column = import_text("dossier_id;Exportdatum\nKO-1;2026-10-31\nKO-2;2026-11-01\nKO-3;\n");
    const AcceptOutcome from_data = accept_import(with_column, "2026-12-03T10:00:00Z", days_from_civil({2026, 12, 3}));
    REQUIRE(from_data.accepted);
    CHECK(from_data.accepted->snapshot.export_date == days_from_civil({2026, 11, 1}));  // the latest, over the stated date

    ImportResult without = import_text("dossier_id\nKO-1\n");
    const AcceptOutcome stated = accept_import(without, "2026-12-03T10:00:00Z", days_from_civil({2026, 11, 15}));
    REQUIRE(stated.accepted);
    const SnapshotDescriptor& snapshot = stated.accepted->snapshot;
    CHECK(snapshot.export_date == days_from_civil({2026, 11, 15}));
    const std::string json = snapshot_to_json(snapshot);
    CHECK(json.find("\"export_date\":\"2026-11-15\"") != std::string::npos);
    CHECK(snapshot_from_json(json)->export_date == days_from_civil({2026, 11, 15}));

    // A snapshot stored before export dates were kept reads with an unknown date; a bad one is refused.
    SnapshotDescriptor older = snapshot;
    older.export_date = 0;
    const std::string older_json = snapshot_to_json(older);
    CHECK(older_json.find("export_date") == std::string::npos);
    CHECK(snapshot_from_json(older_json)->export_date == 0);
    std::string broken = json;
    broken.replace(broken.find("2026-11-15"), 10, "2026-13-15");
    CHECK_FALSE(snapshot_from_json(broken));
}

TEST_CASE("a failed import cannot be accepted and holds no data") {
    ImportResult result = import_text("naam;gemeente\nx;Gent\n");
    CHECK_FALSE(result.ok());
    CHECK(result.dataset.columns().empty());
    CHECK(result.columns.size() == 2);
    const AcceptOutcome outcome = accept_import(result, "now");
    CHECK_FALSE(outcome.accepted);
    CHECK(outcome.error.find("failed import") != std::string::npos);
    const Diagnostic* fatal = find_diagnostic(result, DiagnosticReason::missing_required_column);
    REQUIRE(fatal);
    CHECK(fatal->severity == Severity::fatal);
    CHECK(result.failure.find("no column maps to the required field") == 0);
    CHECK(result.failure_nl.find("geen kolom is gekoppeld aan het verplichte veld") == 0);
    CHECK(fatal->detail_nl == result.failure_nl);
}

TEST_CASE("limits: kept diagnostics and rejected cells are capped, counts are not") {
    std::string text = "dossier_id;capacity\n";
    for (int i = 0; i < 50; ++i) text += "KO-" + std::to_string(i) + ";x\n;5\n";
    ImportOptions options;
    options.limits.max_diagnostics = 10;
    options.limits.max_rejected_rows_with_fields = 4;
    const ImportResult result = import_text(text, shipped_dictionary(), options);
    CHECK(result.summary.diagnostics_total == 100);
    CHECK(result.diagnostics.size() == 10);
    CHECK(result.summary.rows_rejected == 50);
    REQUIRE(result.rejected_rows.size() == 50);
    CHECK(result.rejected_rows[3].fields.size() == 2);
    CHECK(result.rejected_rows[4].fields.empty());
    CHECK(nlohmann::json::parse(import_report_json(result))["diagnostics_truncated"] == true);
}

TEST_CASE("limits: past the listed rejected rows, rows are counted and the rest is said, not listed") {
    std::string text = "dossier_id;capacity\n";
    for (int i = 0; i < 30; ++i) text += ";5\n";  // no id: rejected
    ImportOptions options;
    options.limits.max_rejected_rows_listed = 20;
    const ImportResult result = import_text(text, shipped_dictionary(), options);
    CHECK(result.summary.rows_rejected == 30);
    CHECK(result.rejected_rows.size() == 20);
    CHECK(result.rejected_rows.back().row == 21);
    const auto said = std::find_if(result.diagnostics.begin(), result.diagnostics.end(),
                                   [](const Diagnostic& d) { return d.reason == DiagnosticReason::rows_not_listed; });
    REQUIRE(said != result.diagnostics.end());
    CHECK(said->detail == "10 more rejected rows are counted but not listed: the list stops at 20 rows");
    CHECK(said->detail_nl == "10 geweigerde rijen meer zijn geteld maar niet opgesomd: de lijst stopt bij 20 rijen");
}

TEST_CASE("limits: rejected rows keep their raw cells up to a total number of cells") {
    std::string text = "dossier_id;opmerking;a;b;c\n";
    for (int i = 0; i < 5; ++i) text += "KO-1;row " + std::to_string(i) + ";x;x;x\n";  // duplicates, 5 cells
    ImportOptions options;
    options.limits.max_rejected_cells = 12;
    const ImportResult result = import_text(text, shipped_dictionary(), options);
    CHECK(result.summary.rows_rejected == 4);
    REQUIRE(result.rejected_rows.size() == 4);
    CHECK(result.rejected_rows[0].fields == std::vector<std::string>{"KO-1", "row 1", "x", "x", "x"});
    CHECK(result.rejected_rows[1].fields.size() == 5);
    CHECK(result.rejected_rows[2].fields.empty());  // 15 cells would pass 12
    CHECK(result.rejected_rows[3].fields.empty());
}

TEST_CASE("incremental use: progress, previews via the row limit, stopping early") {
    const std::string bytes = write_csv(generate_demo_data({2000, 3, 19000}).dataset);
    SUBCASE("progress follows the bytes fed") {
        ImportOptions options;
        options.total_bytes = bytes.size();
        Importer importer(shipped_dictionary(), options);
        CHECK(importer.progress() == 0.0);
        importer.feed(std::string_view(bytes).substr(0, bytes.size() / 2));
        CHECK(importer.progress() == doctest::Approx(0.5).epsilon(0.01));
        CHECK(importer.bytes_consumed() == bytes.size() / 2);
        importer.feed(std::string_view(bytes).substr(bytes.size() / 2));
        const ImportResult result = importer.finish();
        CHECK(importer.progress() == 1.0);
        CHECK(result.summary.rows_imported == 2000);
    }
    SUBCASE("a preview of the first rows") {
        ImportOptions options;
        options.limits.row_limit = 25;
        options.total_bytes = bytes.size();
        Importer importer(shipped_dictionary(), options);
        std::size_t fed = 0;
        while (fed < bytes.size() && !importer.stopped()) {
            importer.feed(std::string_view(bytes).substr(fed, 1024));
            fed += 1024;
        }
        CHECK(fed < bytes.size());
        const ImportResult result = importer.finish();
        CHECK(result.stopped_at_row_limit);
        CHECK(result.summary.rows_read == 25);
        CHECK(result.dataset.row_count() == 25);
    }
    SUBCASE("a failed import stops early") {
        Importer importer(shipped_dictionary(), {});
        importer.feed("naam;x\n" + std::string(70000, 'a') + "\n");
        CHECK(importer.stopped());
        CHECK_FALSE(importer.finish().ok());
    }
}

TEST_CASE("limits: a wide header over rows of one cell cannot make the table thousands of times the file") {
    std::string header = "dossier_id";
    for (int i = 1; i < 100; ++i) header += ";k" + std::to_string(i);
    std::string text = header + "\n";
    for (int i = 0; i < 1'000; ++i) text += "KO-" + std::to_string(i) + "\n";
    // With the default limits 100,000 cells are allowed (each short row gets a ragged-row warning).
    const ImportResult allowed = import_text(text);
    REQUIRE(allowed.ok());
    CHECK(allowed.summary.rows_imported == 1'000);
    ImportOptions options;
    options.limits.cells_allowed = 10'000;
    options.limits.cells_per_byte_allowed = 1;
    const ImportResult whole = import_text(text, shipped_dictionary(), options);
    REQUIRE_FALSE(whole.ok());
    CHECK(whole.failure.find(": 100 columns over this many rows would take more than 1 cells per byte of the file") !=
          std::string::npos);
    CHECK(whole.failure.find("row 1") == 0);  // row 1xx: 10,000 cells plus one per byte of ~7 bytes a row
    CHECK(whole.failure_nl.find(": 100 kolommen over zoveel rijen zouden meer dan 1 cellen per byte") !=
          std::string::npos);
    CHECK(whole.summary.rows_imported * 100 <= 10'000 + text.size());
    CHECK(whole.dataset.columns().empty());
    // Counted over the records read, not the bytes fed: the same row in every chunking, also
    // when the rows arrive before the end of the file.
    const std::string longer = text + std::string(100'000, '\n');
    for (std::size_t chunk : {std::size_t{1}, std::size_t{4'096}, longer.size()}) {
        CAPTURE(chunk);
        CHECK(import_in_chunks(longer, shipped_dictionary(), options, chunk).failure == whole.failure);
    }
    // JSON records with ever new keys: every new column pads all earlier rows.
    std::string records;
    for (int i = 0; i < 1'000; ++i)
        records += "{\"dossier_id\": \"KO-" + std::to_string(i) + "\", \"k" + std::to_string(i) + "\": 1}\n";
    options.limits.cells_allowed = 1'000;
    const ImportResult sparse = import_text(records, shipped_dictionary(), options);
    REQUIRE_FALSE(sparse.ok());
    CHECK(sparse.failure.find("row ") == 0);
    CHECK(sparse.failure.find("cells per byte of the file") != std::string::npos);
}
