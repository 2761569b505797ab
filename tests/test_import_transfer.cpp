// The import's request and answer as the page and its Web Worker exchange them: the request and
// the whole result come back member by member (real imports of the fixtures, a generated export
// with rejected rows and a row limit, a failed import), the dataset as its own snapshot; damaged
// bytes (every truncation, wrong magic or version, counts and values out of range, random
// changes) are refused or read without a crash.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "core/base/random.hpp"
#include "core/data/dataset_snapshot.hpp"
#include "core/import/import_transfer.hpp"
#include "import_test_support.hpp"
#include "snapshot_fixtures.hpp"

using namespace radar;
using namespace radar::testing;

namespace {

constexpr std::size_t header_bytes = 8 + 4 + 8;

void check_same_field(const FieldSpec& decoded, const FieldSpec& original) {
    CAPTURE(original.name);
    CHECK(decoded.name == original.name);
    CHECK(decoded.type == original.type);
    CHECK(decoded.label_nl == original.label_nl);
    CHECK(decoded.label_en == original.label_en);
    CHECK(decoded.synonyms == original.synonyms);
    CHECK(decoded.required == original.required);
    CHECK(decoded.is_id == original.is_id);
    CHECK(decoded.protected_attribute == original.protected_attribute);
    CHECK(decoded.min == original.min);
    CHECK(decoded.max == original.max);
    CHECK(decoded.values == original.values);
}

void check_same_options(const ImportOptions& decoded, const ImportOptions& original) {
    CHECK(decoded.source_name == original.source_name);
    CHECK(decoded.total_bytes == original.total_bytes);
    CHECK(decoded.format == original.format);
    CHECK(decoded.delimiter == original.delimiter);
    CHECK(decoded.encoding == original.encoding);
    CHECK(decoded.decimal_mark == original.decimal_mark);
    REQUIRE(decoded.profile.has_value() == original.profile.has_value());
    if (original.profile) {
        CHECK(decoded.profile->name == original.profile->name);
        REQUIRE(decoded.profile->entries.size() == original.profile->entries.size());
        for (std::size_t i = 0; i < original.profile->entries.size(); ++i) {
            const MappingProfile::Entry& a = decoded.profile->entries[i];
            const MappingProfile::Entry& b = original.profile->entries[i];
            CAPTURE(b.header);
            CHECK(a.header == b.header);
            CHECK(a.field == b.field);
            CHECK(a.protected_attribute == b.protected_attribute);
            CHECK(a.kind == b.kind);
        }
    }
    const ImportLimits& a = decoded.limits;
    const ImportLimits& b = original.limits;
    CHECK(a.max_diagnostics == b.max_diagnostics);
    CHECK(a.max_rejected_rows_with_fields == b.max_rejected_rows_with_fields);
    CHECK(a.max_rejected_rows_listed == b.max_rejected_rows_listed);
    CHECK(a.max_rejected_cells == b.max_rejected_cells);
    CHECK(a.max_columns == b.max_columns);
    CHECK(a.max_record_bytes == b.max_record_bytes);
    CHECK(a.max_json_depth == b.max_json_depth);
    CHECK(a.cells_allowed == b.cells_allowed);
    CHECK(a.cells_per_byte_allowed == b.cells_per_byte_allowed);
    CHECK(a.row_limit == b.row_limit);
}

void check_same_column(const ImportedColumn& a, const ImportedColumn& b) {
    CAPTURE(b.header);
    CHECK(a.source_index == b.source_index);
    CHECK(a.header == b.header);
    CHECK(a.column_name == b.column_name);
    CHECK(a.field == b.field);
    CHECK(a.origin == b.origin);
    CHECK(a.extra == b.extra);
    CHECK(a.protected_attribute == b.protected_attribute);
    CHECK(a.kind == b.kind);
    CHECK(a.kind_chosen == b.kind_chosen);
}

void check_same_diagnostic(const Diagnostic& a, const Diagnostic& b) {
    CAPTURE(b.row);
    CAPTURE(reason_code(b.reason));
    CHECK(a.row == b.row);
    CHECK(a.line == b.line);
    CHECK(a.column == b.column);
    CHECK(a.value == b.value);
    CHECK(a.reason == b.reason);
    CHECK(a.severity == b.severity);
    CHECK(a.detail == b.detail);
    CHECK(a.detail_nl == b.detail_nl);
}

void check_same_rejected_row(const RejectedRow& a, const RejectedRow& b) {
    CAPTURE(b.row);
    CHECK(a.row == b.row);
    CHECK(a.line == b.line);
    CHECK(a.reasons == b.reasons);
    CHECK(a.fields == b.fields);
}

void check_same_summary(const ImportSummary& a, const ImportSummary& b) {
    CHECK(a.rows_read == b.rows_read);
    CHECK(a.rows_imported == b.rows_imported);
    CHECK(a.rows_with_warnings == b.rows_with_warnings);
    CHECK(a.rows_rejected == b.rows_rejected);
    CHECK(a.blank_rows == b.blank_rows);
    CHECK(a.diagnostics_total == b.diagnostics_total);
    CHECK(a.by_reason == b.by_reason);
}

// Everything but the dataset, which the decode leaves empty.
void check_same_result(const ImportResult& decoded, const ImportResult& original) {
    CHECK(decoded.status == original.status);
    CHECK(decoded.failure == original.failure);
    CHECK(decoded.failure_nl == original.failure_nl);
    CHECK(decoded.source_name == original.source_name);
    CHECK(decoded.mapping_profile == original.mapping_profile);
    CHECK(decoded.format == original.format);
    CHECK(decoded.delimiter == original.delimiter);
    CHECK(decoded.encoding == original.encoding);
    CHECK(decoded.byte_count == original.byte_count);
    CHECK(decoded.content_hash == original.content_hash);
    CHECK(decoded.stopped_at_row_limit == original.stopped_at_row_limit);
    REQUIRE(decoded.columns.size() == original.columns.size());
    for (std::size_t i = 0; i < original.columns.size(); ++i)
        check_same_column(decoded.columns[i], original.columns[i]);
    CHECK(decoded.fields_not_found == original.fields_not_found);
    CHECK(decoded.dataset.columns().empty());
    CHECK(decoded.dataset.row_count() == 0);
    CHECK(decoded.source_rows == original.source_rows);
    check_same_summary(decoded.summary, original.summary);
    REQUIRE(decoded.diagnostics.size() == original.diagnostics.size());
    for (std::size_t i = 0; i < original.diagnostics.size(); ++i)
        check_same_diagnostic(decoded.diagnostics[i], original.diagnostics[i]);
    REQUIRE(decoded.rejected_rows.size() == original.rejected_rows.size());
    for (std::size_t i = 0; i < original.rejected_rows.size(); ++i)
        check_same_rejected_row(decoded.rejected_rows[i], original.rejected_rows[i]);
    CHECK_FALSE(decoded.accepted);
}

// Encodes, decodes and compares everything, the dataset through its snapshot.
void check_round_trip(const ImportResult& original) {
    const std::string bytes = encode_import_result(original);
    const ImportResultDecode decoded = decode_import_result(bytes);
    REQUIRE_MESSAGE(decoded.result, decoded.error);
    CHECK(decoded.error.empty());
    check_same_result(*decoded.result, original);

    REQUIRE(decoded.dataset_offset + decoded.dataset_size == bytes.size());
    const std::string_view snapshot = std::string_view(bytes).substr(decoded.dataset_offset, decoded.dataset_size);
    CHECK(snapshot == encode_dataset_snapshot(original.dataset, ""));
    const DatasetSnapshotDecode dataset = decode_dataset_snapshot(snapshot);
    REQUIRE_MESSAGE(dataset.snapshot, dataset.message);
    CHECK(dataset.snapshot->note.empty());
    radar::test::check_same(dataset.snapshot->dataset, original.dataset);
}

// A profile with an entry of every sort: mapped to a field, kept as an extra attribute,
// protected, and an extra attribute of each kind the user can choose.
MappingProfile every_sort_of_entry() {
    MappingProfile profile;
    profile.name = "Export Opgroeien 2024";
    profile.entries.push_back({"Nr.", "dossier_id", false, std::nullopt});
    profile.entries.push_back({"Opmerking", "", false, std::nullopt});
    profile.entries.push_back({"Land", "", true, std::nullopt});
    profile.entries.push_back({"Herkomst", "country_of_birth", true, std::nullopt});
    const ValueKind kinds[] = {ValueKind::text,   ValueKind::category, ValueKind::whole_number,
                               ValueKind::number, ValueKind::date,     ValueKind::boolean};
    for (const ValueKind kind : kinds)
        profile.entries.push_back({std::string("Soort ") + value_kind_code(kind), "", false, kind});
    return profile;
}

// Every member away from its default.
ImportOptions options_changed_everywhere() {
    ImportOptions options;
    options.source_name = "export-Zoë.csv";
    options.total_bytes = 150'000'123;
    options.format = FormatChoice::json;
    options.delimiter = '|';
    options.encoding = EncodingChoice::windows_1252;
    options.decimal_mark = DecimalMark::comma;
    options.profile = every_sort_of_entry();
    options.limits.max_diagnostics = 11;
    options.limits.max_rejected_rows_with_fields = 12;
    options.limits.max_rejected_rows_listed = 13;
    options.limits.max_rejected_cells = 14;
    options.limits.max_columns = 15;
    options.limits.max_record_bytes = 16;
    options.limits.max_json_depth = 17;
    options.limits.cells_allowed = 18;
    options.limits.cells_per_byte_allowed = 19;
    options.limits.row_limit = 20;
    return options;
}

// "Dossiernr;Naam;Plaatsen;Geboorteland;Vergund;Opmerking" over `rows` rows: every 50th without an
// id (rejected), every 13th with a capacity that is no number (a warning), every 97th ragged.
std::string generated_export(std::size_t rows) {
    std::string csv = "Dossiernr;Naam;Plaatsen;Geboorteland;Vergund;Opmerking\n";
    for (std::size_t i = 1; i <= rows; ++i) {
        csv += i % 50 == 0 ? "" : "KO-" + std::to_string(i);
        csv += ";Opvang " + std::to_string(i);
        csv += i % 13 == 0 ? ";veel" : ";" + std::to_string(i % 40);
        csv += i % 3 == 0 ? ";België" : ";Nederland";
        csv += i % 2 == 0 ? ";ja" : ";nee";
        csv += ";opmerking " + std::to_string(i % 7);
        if (i % 97 == 0) csv += ";te veel";
        csv += "\n";
    }
    return csv;
}

// The total length in the header set to the bytes' own, so that the reading goes past it.
std::string with_own_length(std::string bytes) {
    if (bytes.size() >= header_bytes) {
        const std::uint64_t total = bytes.size();
        std::memcpy(&bytes[12], &total, sizeof total);
    }
    return bytes;
}

std::string with_one_byte_changed(std::string bytes, Random& random) {
    const std::size_t at = random.below(static_cast<std::uint32_t>(bytes.size()));
    bytes[at] = static_cast<char>(bytes[at] ^ static_cast<char>(1 + random.below(255)));
    return bytes;
}

}  // namespace

TEST_CASE("transfer: an import request comes back member by member") {
    FieldDictionary dictionary = shipped_dictionary();
    dictionary.version = 7;
    FieldSpec upper_bound_only;
    upper_bound_only.name = "waiting_list";
    upper_bound_only.type = FieldType::number;
    upper_bound_only.label_nl = "Wachtlijst";
    upper_bound_only.label_en = "Waiting list";
    upper_bound_only.max = 1e9;
    dictionary.fields.push_back(upper_bound_only);
    const ImportOptions options = options_changed_everywhere();

    const std::optional<ImportRequest> decoded = decode_import_request(encode_import_request(dictionary, options));
    REQUIRE(decoded);
    CHECK(decoded->dictionary.version == 7);
    REQUIRE(decoded->dictionary.fields.size() == dictionary.fields.size());
    for (std::size_t i = 0; i < dictionary.fields.size(); ++i)
        check_same_field(decoded->dictionary.fields[i], dictionary.fields[i]);
    CHECK(decoded->dictionary.protected_names() == shipped_dictionary().protected_names());
    check_same_options(decoded->options, options);

    SUBCASE("default options, without a profile") {
        const std::optional<ImportRequest> plain = decode_import_request(encode_import_request(dictionary, {}));
        REQUIRE(plain);
        CHECK_FALSE(plain->options.profile);
        check_same_options(plain->options, ImportOptions{});
    }
}

TEST_CASE("transfer: the fixtures' import results come back whole, the dataset as its snapshot") {
    const char* fixtures[] = {"utf8_bom_comma.csv",
                              "pipe_separated.csv",
                              "tab_separated.tsv",
                              "excel_unicode_text_utf16le.txt",
                              "excel_unicode_text_utf16be.txt",
                              "dossiers_array.json",
                              "dossiers_container.json",
                              "dossiers.ndjson"};
    for (const char* name : fixtures) {
        CAPTURE(name);
        ImportOptions options;
        options.source_name = name;
        const ImportResult result = import_text(import_fixture(name), shipped_dictionary(), options);
        REQUIRE(result.ok());
        check_round_trip(result);
    }
}

TEST_CASE("transfer: the messy export's warnings, rejected rows and diagnostics come back") {
    ImportOptions options;
    options.source_name = "messy_export_cp1252.csv";
    const ImportResult result = import_text(import_fixture("messy_export_cp1252.csv"), test_dictionary(), options);
    REQUIRE(result.ok());
    REQUIRE(result.encoding == TextEncoding::windows_1252);
    REQUIRE(result.summary.rows_with_warnings > 0);
    REQUIRE(result.rejected_rows.size() == 3);
    REQUIRE(result.diagnostics.size() == 14);
    REQUIRE_FALSE(result.fields_not_found.empty());
    check_round_trip(result);
}

TEST_CASE("transfer: a generated export with a profile, rejected rows and a row limit comes back") {
    ImportOptions options;
    options.source_name = "export-3000.csv";
    MappingProfile profile;
    profile.name = "Generated";
    profile.entries.push_back({"Naam", "name", false, std::nullopt});
    profile.entries.push_back({"Opmerking", "", false, std::nullopt});
    profile.entries.push_back({"Vergund", "", false, ValueKind::boolean});
    options.profile = profile;
    options.limits.row_limit = 2000;
    options.limits.max_rejected_rows_with_fields = 5;
    options.limits.max_diagnostics = 100;
    const ImportResult result = import_text(generated_export(3000), shipped_dictionary(), options);
    REQUIRE(result.ok());
    REQUIRE(result.stopped_at_row_limit);
    REQUIRE(result.mapping_profile == "Generated");
    REQUIRE(result.rejected_rows.size() > 5);
    REQUIRE_FALSE(result.rejected_rows.front().fields.empty());
    REQUIRE(result.rejected_rows.back().fields.empty());
    REQUIRE(result.summary.diagnostics_total > result.diagnostics.size());
    REQUIRE(result.source_rows.size() > 1900);
    REQUIRE(result.columns.size() == 6);
    CHECK(result.columns[4].kind_chosen);
    CHECK(result.columns[5].origin == MappingOrigin::profile_extra);
    CHECK(result.columns[3].protected_attribute);
    check_round_trip(result);
}

TEST_CASE("transfer: the result written a piece at a time: the head, then the snapshot in pieces of a few MiB") {
    ImportOptions options;
    options.source_name = "export-60000.csv";
    const ImportResult result = import_text(generated_export(60000), shipped_dictionary(), options);
    REQUIRE(result.ok());
    ImportResultWriter writer(result);
    std::vector<std::string> pieces;
    for (std::string piece = writer.next_piece(); !piece.empty(); piece = writer.next_piece())
        pieces.push_back(std::move(piece));
    CHECK(writer.next_piece().empty());
    REQUIRE(pieces.size() > 3);
    std::string joined;
    for (const std::string& piece : pieces) {
        CHECK(piece.size() <= (std::size_t{4} << 20));
        joined += piece;
    }
    CHECK(joined.size() == writer.size());
    const ImportResultDecode decoded = decode_import_result(joined);
    REQUIRE(decoded.result);
    CHECK(decoded.dataset_offset == pieces.front().size());  // the first piece is all but the snapshot
    CHECK(joined == encode_import_result(result));
    const DatasetSnapshotDecode dataset =
        decode_dataset_snapshot(std::string_view(joined).substr(decoded.dataset_offset));
    REQUIRE(dataset.snapshot);
    CHECK(dataset.snapshot->dataset.row_count() == result.dataset.row_count());

    // Read back a piece at a time: the diagnostics and rejected rows some thousands a step.
    REQUIRE(result.diagnostics.size() > 4096);
    ImportResultReader reader(joined);
    int steps = 1;
    while (!reader.step()) ++steps;
    CHECK(steps >= 4);  // the head, two steps of diagnostics, the rejected rows
    const ImportResultDecode stepped = reader.take();
    REQUIRE(stepped.result);
    CHECK(stepped.result->diagnostics.size() == result.diagnostics.size());
    CHECK(stepped.result->diagnostics.back().detail == result.diagnostics.back().detail);
    CHECK(stepped.result->rejected_rows.size() == result.rejected_rows.size());
    CHECK(stepped.result->rejected_rows.back().fields == result.rejected_rows.back().fields);
    CHECK(stepped.dataset_offset == decoded.dataset_offset);
}

TEST_CASE("transfer: a failed import comes back failed, with its texts; accepted never travels") {
    ImportOptions options;
    options.source_name = "geen-id.csv";
    ImportResult failed = import_text("Nr.;Benaming\nKO-1;x\n", shipped_dictionary(), options);
    REQUIRE_FALSE(failed.ok());
    REQUIRE_FALSE(failed.failure.empty());
    REQUIRE_FALSE(failed.failure_nl.empty());
    check_round_trip(failed);

    ImportResult accepted = import_text(import_fixture("pipe_separated.csv"));
    accepted.accepted = true;
    const ImportResultDecode decoded = decode_import_result(encode_import_result(accepted));
    REQUIRE(decoded.result);
    CHECK_FALSE(decoded.result->accepted);
}

TEST_CASE("transfer: every truncation is refused, with the length in the header or made to fit") {
    const std::string request = encode_import_request(shipped_dictionary(), options_changed_everywhere());
    for (std::size_t size = 0; size < request.size(); ++size) {
        CAPTURE(size);
        const std::string cut = request.substr(0, size);
        CHECK_FALSE(decode_import_request(cut));
        CHECK_FALSE(decode_import_request(with_own_length(cut)));
    }
    CHECK_FALSE(decode_import_request(request + "x"));
    CHECK_FALSE(decode_import_request(with_own_length(request + "x")));

    const std::string result = encode_import_result(import_text(import_fixture("dossiers.ndjson")));
    for (std::size_t size = 0; size < result.size(); ++size) {
        CAPTURE(size);
        const std::string cut = result.substr(0, size);
        const ImportResultDecode decoded = decode_import_result(cut);
        CHECK_FALSE(decoded.result);
        CHECK_FALSE(decoded.error.empty());
        const ImportResultDecode fitted = decode_import_result(with_own_length(cut));
        CHECK_FALSE(fitted.result);
        CHECK_FALSE(fitted.error.empty());
    }
    CHECK(decode_import_result(result.substr(0, result.size() - 1)).error.find("cut short") != std::string::npos);
}

TEST_CASE("transfer: a wrong magic or version is refused, and so are bytes of the other direction") {
    const std::string request = encode_import_request(shipped_dictionary(), {});
    const std::string result = encode_import_result(import_text(import_fixture("pipe_separated.csv")));
    REQUIRE(decode_import_request(request));
    REQUIRE(decode_import_result(result).result);

    std::string magic = result;
    magic[0] = 'X';
    CHECK(decode_import_result(magic).error.find("wrong magic") != std::string::npos);
    CHECK(decode_import_result(request).error.find("wrong magic") != std::string::npos);
    CHECK_FALSE(decode_import_request(result));
    std::string request_magic = request;
    request_magic[7] = 'X';
    CHECK_FALSE(decode_import_request(request_magic));

    std::string version = result;
    version[8] = 2;
    CHECK(decode_import_result(version).error.find("format version 2") != std::string::npos);
    std::string request_version = request;
    request_version[8] = 2;
    CHECK_FALSE(decode_import_request(request_version));
}

TEST_CASE("transfer: counts, flags and enum values out of range are refused") {
    // The request's dictionary: i32 version at 20, u32 field count at 24, the first field's name
    // (u32 length at 28), its type byte after the name.
    const std::string request = encode_import_request(shipped_dictionary(), {});
    const std::size_t name_length = shipped_dictionary().fields.front().name.size();
    const std::size_t type_at = 32 + name_length;
    REQUIRE(static_cast<FieldType>(request[type_at]) == shipped_dictionary().fields.front().type);

    std::string count = request;
    std::memset(&count[24], 0xFF, 4);  // four billion fields cannot fit: refused before any is made
    CHECK_FALSE(decode_import_request(count));
    std::string type = request;
    type[type_at] = static_cast<char>(static_cast<int>(FieldType::boolean) + 1);
    CHECK_FALSE(decode_import_request(type));
    type[type_at] = static_cast<char>(FieldType::boolean);
    CHECK(decode_import_request(type));
    // After the type: label_nl, label_en, the synonyms, then the `required` flag.
    const FieldSpec& first = shipped_dictionary().fields.front();
    std::size_t required_at = type_at + 1 + 4 + first.label_nl.size() + 4 + first.label_en.size() + 4;
    for (const std::string& synonym : first.synonyms) required_at += 4 + synonym.size();
    REQUIRE(request[required_at] == 1);
    std::string flag = request;
    flag[required_at] = 2;
    CHECK_FALSE(decode_import_request(flag));
}

TEST_CASE("transfer: random single-byte changes never crash the decoding") {
    const std::string request = encode_import_request(shipped_dictionary(), options_changed_everywhere());
    const std::string result =
        encode_import_result(import_text(import_fixture("messy_export_cp1252.csv"), test_dictionary()));
    Random random(20240531);
    std::size_t request_refused = 0;
    std::size_t result_refused = 0;
    for (int trial = 0; trial < 400; ++trial) {
        if (!decode_import_request(with_one_byte_changed(request, random))) ++request_refused;

        const std::string changed = with_one_byte_changed(result, random);
        const ImportResultDecode decoded = decode_import_result(changed);
        if (!decoded.result) {
            ++result_refused;
            CHECK_FALSE(decoded.error.empty());
            continue;
        }
        REQUIRE(decoded.dataset_offset + decoded.dataset_size == changed.size());
        decode_dataset_snapshot(std::string_view(changed).substr(decoded.dataset_offset, decoded.dataset_size));
    }
    CHECK(request_refused > 0);
    CHECK(result_refused > 0);
}
