// JSON imports: array of objects, object holding the array, NDJSON, nested objects, bad records.
#include <doctest/doctest.h>

#include "core/data/csv_writer.hpp"
#include "import_test_support.hpp"

using namespace radar;
using namespace radar::testing;

namespace {

std::vector<std::string> column_names(const ImportResult& result) {
    std::vector<std::string> names;
    for (const ImportedColumn& column : result.columns) names.push_back(column.column_name);
    return names;
}

}  // namespace

TEST_CASE("JSON array of objects: nested objects flatten to dotted names, keys may come late") {
    const ImportResult result = import_text(import_fixture("dossiers_array.json"));
    REQUIRE(result.ok());
    CHECK(result.format == SourceFormat::json_array);
    CHECK(column_names(result) == std::vector<std::string>{"dossier_id", "name", "capacity", "start_date",
                                                           "subsidy_recovery_12m", "address.city", "address.geo.lat",
                                                           "tags", "opmerking"});
    CHECK(result.summary.rows_imported == 3);
    CHECK(cell(result, "address.city", 0) == "Gent");
    CHECK(cell(result, "address.geo.lat", 0) == "51.05");
    CHECK(cell(result, "tags", 0) == "[\"a\",\"b\"]");  // arrays are kept as their JSON
    CHECK(is_missing(result, "opmerking", 0));           // the key first appears in record 2
    CHECK(cell(result, "opmerking", 1) == "nieuw veld");
    CHECK(is_missing(result, "address.geo.lat", 1));
    CHECK(cell(result, "dossier_id", 1) == "500002");  // a JSON number as id text
    CHECK(cell(result, "name", 1) == "Kribbe \"Zon\"\nmet nieuwe regel");
    CHECK(is_missing(result, "name", 2));  // null
    CHECK(cell(result, "capacity", 0) == "18");
    CHECK(cell(result, "capacity", 1) == "12");
    CHECK(is_missing(result, "capacity", 2));
    const Diagnostic* whole = find_diagnostic(result, DiagnosticReason::not_whole_number);
    REQUIRE(whole);
    CHECK(whole->row == 3);  // record number
    CHECK(whole->value == "12.5");
    CHECK(cell(result, "start_date", 1) == "2011-05-03");
    CHECK(cell(result, "start_date", 2) == "2023-01-15");
    CHECK(cell(result, "subsidy_recovery_12m", 0) == "0");
    CHECK(cell(result, "subsidy_recovery_12m", 1) == "1");
    CHECK(cell(result, "subsidy_recovery_12m", 2) == "1");
    for (const ImportedColumn& column : result.columns)
        CHECK_MESSAGE(column.extra == (column.field.empty()), column.header);
}

TEST_CASE("JSON object holding the records array; other top-level keys are not records") {
    const ImportResult result = import_text(import_fixture("dossiers_container.json"));
    REQUIRE(result.ok());
    CHECK(result.format == SourceFormat::json_object);
    CHECK(result.summary.rows_imported == 2);
    CHECK(column_names(result) == std::vector<std::string>{"dossier_id", "municipality"});
    CHECK(cell(result, "municipality", 1) == "Brugge");
}

TEST_CASE("NDJSON: one record per line, a broken line is rejected on its own") {
    const ImportResult result = import_text(import_fixture("dossiers.ndjson"));
    REQUIRE(result.ok());
    CHECK(result.format == SourceFormat::ndjson);
    CHECK(result.summary.rows_read == 5);
    CHECK(result.summary.rows_imported == 3);
    CHECK(result.summary.rows_rejected == 2);
    REQUIRE(result.rejected_rows.size() == 2);
    CHECK(result.rejected_rows[0].row == 3);
    CHECK(result.rejected_rows[0].line == 3);
    CHECK(result.rejected_rows[0].reasons == std::vector<DiagnosticReason>{DiagnosticReason::invalid_json});
    const Diagnostic* broken = find_diagnostic(result, DiagnosticReason::invalid_json);
    REQUIRE(broken);
    CHECK(broken->detail.rfind("not valid JSON at byte 35 (the text ends too early: truncated?): ", 0) == 0);
    CHECK(broken->detail_nl.rfind("geen geldige JSON (at byte 35 (the text ends too early: truncated?): ", 0) == 0);
    CHECK(result.rejected_rows[1].row == 5);
    CHECK(result.rejected_rows[1].line == 6);
    CHECK(result.rejected_rows[1].reasons == std::vector<DiagnosticReason>{DiagnosticReason::duplicate_id});
    CHECK(cell(result, "municipality", 2) == "Hasselt");  // "gemeente" mapped when it first appears
    CHECK(is_missing(result, "municipality", 0));
    CHECK(find_diagnostic(result, DiagnosticReason::not_whole_number, 1));
}

TEST_CASE("a key written twice in a JSON record fails the import: which value holds is unknown") {
    const std::string first = "{\"dossier_id\": \"KO-1\", \"name\": \"Kribbe\"}";
    const std::string twice = "{\"dossier_id\": \"KO-2\", \"address\": {\"city\": \"Gent\", \"city\": \"Aalst\"}}";
    for (const std::string& text : {"[" + first + ",\n" + twice + "]", first + "\n" + twice + "\n"}) {
        CAPTURE(text);
        const ImportResult result = import_text(text);
        REQUIRE_FALSE(result.ok());
        CHECK(result.failure == "record 2 (line 2): the key \"city\" occurs twice in one object: which value holds is "
                                "unknown, so nothing is imported");
        CHECK(result.failure_nl == "record 2 (regel 2) is geweigerd (the key \"city\" occurs twice in one object): "
                                   "welke waarde geldt is onbekend, dus er is niets geïmporteerd");
        CHECK(result.dataset.columns().empty());
        CHECK(result.rejected_rows.empty());
        const Diagnostic* d = find_diagnostic(result, DiagnosticReason::invalid_json);
        REQUIRE(d);
        CHECK(d->severity == Severity::fatal);
    }
}

TEST_CASE("JSON: non-object elements, truncated files, cp1252 text, missing id key") {
    SUBCASE("a non-object element is a rejected row") {
        const ImportResult result = import_text("[1, {\"dossier_id\": \"KO-1\"}, \"x\"]");
        CHECK(result.summary.rows_rejected == 2);
        CHECK(result.summary.rows_imported == 1);
        CHECK(result.rejected_rows[0].fields == std::vector<std::string>{"1"});
    }
    SUBCASE("a file cut inside a record") {
        const ImportResult result = import_text("[{\"dossier_id\": \"KO-1\"}, {\"dossier_id\": \"KO");
        CHECK(result.summary.rows_imported == 1);
        CHECK(result.summary.rows_rejected == 1);
        const Diagnostic* d = find_diagnostic(result, DiagnosticReason::invalid_json);
        REQUIRE(d);
        CHECK(d->detail == "the file ends inside this record");
    }
    SUBCASE("a file cut between records") {
        const ImportResult result = import_text("[{\"dossier_id\": \"KO-1\"},");
        CHECK(result.summary.rows_imported == 1);
        CHECK(count_reason(result, DiagnosticReason::ignored_data) == 1);
    }
    SUBCASE("Windows-1252 inside JSON strings") {
        const ImportResult result = import_text("[{\"dossier_id\": \"KO-1\", \"name\": \"Zo\xEB\"}]");
        CHECK(result.encoding == TextEncoding::windows_1252);
        CHECK(cell(result, "name", 0) == "Zoë");
    }
    SUBCASE("records without the id field fail the import") {
        const ImportResult result = import_text("[{\"naam\": \"x\"}, {\"naam\": \"y\"}]");
        CHECK_FALSE(result.ok());
        CHECK(count_reason(result, DiagnosticReason::missing_required_column) == 1);
        CHECK(result.dataset.columns().empty());
        CHECK(result.columns.size() == 1);  // the mapping is still there to be fixed
    }
    SUBCASE("an empty array imports nothing") {
        const ImportResult result = import_text("[]");
        CHECK(result.ok());
        CHECK(result.summary.rows_read == 0);
    }
    SUBCASE("forcing JSON on text that is not JSON rejects rows, never crashes") {
        ImportOptions options;
        options.format = FormatChoice::json;
        const ImportResult result = import_text("dossier_id;name\nKO-1;x\n", shipped_dictionary(), options);
        CHECK(result.summary.rows_imported == 0);
    }
}

TEST_CASE("JSON imports give the same result in every chunking") {
    for (const char* name : {"dossiers_array.json", "dossiers_container.json", "dossiers.ndjson"}) {
        const std::string bytes = import_fixture(name);
        const ImportResult whole = import_text(bytes);
        for (std::size_t chunk : {1, 3, 64}) {
            CAPTURE(name);
            CAPTURE(chunk);
            const ImportResult split = import_in_chunks(bytes, shipped_dictionary(), {}, chunk);
            CHECK(write_csv(split.dataset) == write_csv(whole.dataset));
            CHECK(split.summary.diagnostics_total == whole.summary.diagnostics_total);
            CHECK(split.format == whole.format);
        }
    }
}

namespace {

// {"a":{"a":...1...}} with `levels` objects, or [[...]] with `levels` arrays.
std::string nested_objects(std::size_t levels) {
    std::string text;
    for (std::size_t i = 0; i < levels; ++i) text += "{\"a\":";
    text += "1";
    return text + std::string(levels, '}');
}

std::string nested_arrays(std::size_t levels) { return std::string(levels, '[') + std::string(levels, ']'); }

}  // namespace

TEST_CASE("JSON nested past the depth limit is refused before it is parsed") {
    constexpr std::size_t deep = 100'000;
    const std::string objects = nested_objects(deep), arrays = nested_arrays(deep);
    const auto check_refused = [](const ImportResult& result, const std::string& where, const std::string& where_nl) {
        REQUIRE_FALSE(result.ok());
        CHECK(result.failure == where + " nests objects or arrays more than 64 levels deep, the limit: the file does "
                                        "not look like a dossier export");
        CHECK(result.failure_nl == where_nl + " nest objecten of lijsten meer dan 64 niveaus diep, de grens: het "
                                              "bestand lijkt geen dossierexport");
        CHECK(count_reason(result, DiagnosticReason::unreadable_file) == 1);
    };
    SUBCASE("an array of records") {
        check_refused(import_text("[" + objects + "]"), "record 1 (line 1)", "record 1 (regel 1)");
        check_refused(import_text("[\n" + arrays + "\n]"), "record 1 (line 2)", "record 1 (regel 2)");
        check_refused(import_text("[{\"dossier_id\": \"KO-1\"},\n {\"dossier_id\": \"KO-2\", \"x\": " + objects + "}]"),
                      "record 2 (line 2)", "record 2 (regel 2)");
        check_refused(import_text("[{\"dossier_id\": \"KO-1\", \"x\": " + arrays + "}]"), "record 1 (line 1)",
                      "record 1 (regel 1)");
        check_refused(import_text("{\"dossiers\": [{\"dossier_id\": \"KO-1\", \"x\": " + arrays + "}]}"),
                      "record 1 (line 1)", "record 1 (regel 1)");
    }
    SUBCASE("NDJSON") {
        check_refused(import_text(objects + "\n"), "record 1 (line 1)", "record 1 (regel 1)");
        const std::string first = "{\"dossier_id\": \"KO-1\"}\n";
        check_refused(import_text(first + "{\"dossier_id\": \"KO-2\", \"x\": " + objects + "}\n"), "record 2 (line 2)",
                      "record 2 (regel 2)");
        check_refused(import_text(first + "\n{\"dossier_id\": \"KO-2\", \"x\": " + arrays + "}\n"),
                      "record 2 (line 3)", "record 2 (regel 3)");
    }
    SUBCASE("in chunks") {
        const std::string text = "[" + objects + "]";
        for (std::size_t chunk : {std::size_t{1}, std::size_t{64 * 1024}}) {
            check_refused(import_in_chunks(text, shipped_dictionary(), {}, chunk), "record 1 (line 1)",
                          "record 1 (regel 1)");
        }
    }
}

TEST_CASE("JSON nesting up to the depth limit is read; the limit can be lowered") {
    // The record is level 1: 63 more objects inside it make 64 levels.
    const std::string record = "{\"dossier_id\": \"KO-1\", \"x\": " + nested_objects(63) + "}";
    const ImportResult fits = import_text("[" + record + "]");
    REQUIRE(fits.ok());
    CHECK(fits.summary.rows_imported == 1);
    CHECK(fits.columns.back().header.size() == std::string("x").size() + 63 * std::string(".a").size());
    const ImportResult arrays = import_text("[{\"dossier_id\": \"KO-1\", \"x\": " + nested_arrays(63) + "}]");
    REQUIRE(arrays.ok());
    CHECK(cell(arrays, "x", 0) == nested_arrays(63));
    CHECK_FALSE(import_text("[{\"dossier_id\": \"KO-1\", \"x\": " + nested_objects(64) + "}]").ok());
    ImportOptions options;
    options.limits.max_json_depth = 2;
    CHECK(import_text("[{\"dossier_id\": \"KO-1\", \"x\": {\"y\": 1}}]", shipped_dictionary(), options).ok());
    const ImportResult refused =
        import_text("[{\"dossier_id\": \"KO-1\", \"x\": [[1]]}]", shipped_dictionary(), options);
    CHECK(refused.failure.find("more than 2 levels deep") != std::string::npos);
    // Brackets inside strings are text, not nesting.
    const ImportResult text = import_text("[{\"dossier_id\": \"KO-1\", \"x\": \"" + nested_arrays(100) + "\"}]");
    CHECK(text.ok());
}

TEST_CASE("a JSON record past the size limit fails the import; long nested keys reject the record") {
    ImportOptions options;
    options.limits.max_record_bytes = 100;
    const std::string small = "{\"dossier_id\": \"KO-1\"}";
    const std::string big = "{\"dossier_id\": \"KO-2\", \"opmerking\": \"" + std::string(100, 'x') + "\"}";
    for (const std::string& text : {"[" + small + ",\n" + big + "]", small + "\n" + big + "\n"}) {
        for (std::size_t chunk : {std::size_t{1}, std::size_t{7}, text.size()}) {
            CAPTURE(text);
            CAPTURE(chunk);
            const ImportResult result = import_in_chunks(text, shipped_dictionary(), options, chunk);
            REQUIRE_FALSE(result.ok());
            CHECK(result.failure.find("record 2 (line 2) is longer than 100 bytes") == 0);
            CHECK(result.failure_nl.find("record 2 (regel 2) is langer dan 100 bytes") == 0);
        }
    }
    // Within the size limit a long key repeated in many nested keys would take far more memory
    // than the record: such a record is rejected, the others are read.
    const std::string key(600, 'k');
    std::string children;
    for (int i = 0; i < 200; ++i) children += std::string(i ? "," : "") + "\"c" + std::to_string(i) + "\": 1";
    options.limits.max_record_bytes = 64 * 1024;
    const std::string text = "[" + small + ", {\"dossier_id\": \"KO-2\", \"" + key + "\": {" + children + "}}]";
    const ImportResult result = import_text(text, shipped_dictionary(), options);
    REQUIRE(result.ok());
    CHECK(result.summary.rows_imported == 1);
    CHECK(result.summary.rows_rejected == 1);
    const Diagnostic* d = find_diagnostic(result, DiagnosticReason::invalid_json);
    REQUIRE(d);
    CHECK(d->row == 2);
    CHECK(d->detail == "its keys, written out in full (nested ones as \"a.b\"), take more than 64 KiB");
}
