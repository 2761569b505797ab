// Header -> field mapping: automatic matching, profiles (overrides, JSON), extra columns kept.
#include <doctest/doctest.h>

#include "core/import/header_normalisation.hpp"
#include "import_test_support.hpp"

using namespace radar;
using namespace radar::testing;

TEST_CASE("header normalisation ignores case, accents, spacing and punctuation") {
    CHECK(normalise_header("Datum laatste inspectie") == "datumlaatsteinspectie");
    CHECK(normalise_header("  DATUM_LAATSTE-INSPECTIE ") == "datumlaatsteinspectie");
    CHECK(normalise_header("Crèche Naam") == "crechenaam");
    CHECK(normalise_header("Klachten (12 m.)") == "klachten12m");
    CHECK(normalise_header("Subsidie (€)") == "subsidie\xE2\x82\xAC");
    CHECK(normalise_header("---") == "");
}

TEST_CASE("automatic mapping by name, label and synonym; each field once") {
    const auto mappings = map_headers({"DOSSIERNR", "Naam Opvang", "Kind-plaatsen", "Géméénte", "Opmerking", "Dossier nr",
                                       "Nationaliteit", ""},
                                      shipped_dictionary(), nullptr);
    REQUIRE(mappings.size() == 8);
    CHECK(mappings[0].field == "dossier_id");
    CHECK(mappings[0].origin == MappingOrigin::automatic);
    CHECK(mappings[1].field == "name");
    CHECK(mappings[2].field == "capacity");
    CHECK(mappings[3].field == "municipality");
    CHECK(mappings[4].field.empty());
    CHECK(mappings[4].origin == MappingOrigin::unmatched);
    CHECK(mappings[5].field.empty());  // dossier_id is taken by column 1
    CHECK(mappings[5].origin == MappingOrigin::field_taken);
    CHECK(mappings[6].field == "nationality");
    CHECK(mappings[7].origin == MappingOrigin::unmatched);
}

TEST_CASE("a mapping profile overrides automatic matches and can keep a column as extra") {
    MappingProfile profile;
    profile.name = "Export Opgroeien";
    profile.entries = {{"Nr.", "dossier_id"}, {"Naam", ""}, {"Benaming", "name"}};
    const auto mappings = map_headers({"Nr.", "Dossiernummer", "Naam", "Benaming", "plaatsen"}, shipped_dictionary(), &profile);
    CHECK(mappings[0].field == "dossier_id");
    CHECK(mappings[0].origin == MappingOrigin::profile);
    CHECK(mappings[1].field.empty());  // would match dossier_id, but the profile gave it to "Nr."
    CHECK(mappings[1].origin == MappingOrigin::field_taken);
    CHECK(mappings[2].field.empty());
    CHECK(mappings[2].origin == MappingOrigin::profile_extra);
    CHECK(mappings[3].field == "name");
    CHECK(mappings[4].field == "capacity");  // not in the profile: automatic
    // Profile headers match normalised too.
    CHECK(map_headers({"nr"}, shipped_dictionary(), &profile)[0].origin == MappingOrigin::profile);
}

TEST_CASE("mapping profiles round-trip through JSON and are validated") {
    MappingProfile profile;
    profile.name = "Export Opgroeien";
    profile.entries = {{"Nr.", "dossier_id"}, {"Opmerking", ""}};
    const std::string json = mapping_profile_to_json(profile);
    CHECK(json.find("\"field\": null") != std::string::npos);
    const ProfileLoad load = load_mapping_profile(json, shipped_dictionary());
    REQUIRE(load.profile);
    CHECK(load.profile->name == "Export Opgroeien");
    REQUIRE(load.profile->entries.size() == 2);
    CHECK(load.profile->entries[0].header == "Nr.");
    CHECK(load.profile->entries[0].field == "dossier_id");
    CHECK(load.profile->entries[1].field.empty());

    CHECK(load_mapping_profile("{", shipped_dictionary()).errors ==
          std::vector<std::string>{"the mapping profile is not valid JSON at byte 1 (the text ends too early: "
                                   "truncated?): syntax error while parsing object key - unexpected end of input; "
                                   "expected string literal"});
    const auto duplicate = load_mapping_profile(
        R"({"columns": [{"header": "Naam", "field": "name", "field": null}]})", shipped_dictionary());
    CHECK_FALSE(duplicate.profile);
    CHECK(duplicate.errors ==
          std::vector<std::string>{"the mapping profile is not valid JSON: the key \"field\" occurs twice in one "
                                   "object"});
    CHECK_FALSE(load_mapping_profile(R"({"columns": [{"header": "a"}]})", shipped_dictionary()).profile);
    const auto unknown = load_mapping_profile(R"({"columns": [{"header": "a", "field": "kleur"}]})", shipped_dictionary());
    REQUIRE(unknown.errors.size() == 1);
    CHECK(unknown.errors[0] == "column 'a': unknown field 'kleur'");
    const auto twice = load_mapping_profile(
        R"({"columns": [{"header": "a", "field": "name"}, {"header": "b", "field": "name"}]})", shipped_dictionary());
    CHECK(twice.errors.at(0) == "field 'name' is mapped from both 'a' and 'b'");
}

TEST_CASE("imports with a profile; the result's mapping becomes the next profile") {
    const std::string text = "Nr.;Benaming;Plaatsen;Opmerking\nKO-1;Kribbe;12;hallo\n";
    const ImportResult automatic = import_text(text);
    CHECK_FALSE(automatic.ok());  // "Nr." matches nothing: no dossier id column
    CHECK(automatic.failure.find("dossier_id") != std::string::npos);

    const ProfileLoad load = load_mapping_profile(import_fixture("mapping_profile.json"), shipped_dictionary());
    REQUIRE(load.profile);
    ImportOptions options;
    options.profile = load.profile;
    const ImportResult result = import_text(text, shipped_dictionary(), options);
    REQUIRE(result.ok());
    CHECK(result.mapping_profile == "Export Opgroeien 2023");
    CHECK(cell(result, "dossier_id", 0) == "KO-1");
    CHECK(cell(result, "name", 0) == "Kribbe");
    CHECK(cell(result, "capacity", 0) == "12");
    CHECK(cell(result, "Opmerking", 0) == "hallo");

    const MappingProfile saved = profile_from_mappings("Volgende keer", result.mappings());
    REQUIRE(saved.entries.size() == 4);
    CHECK(saved.entries[0].header == "Nr.");
    CHECK(saved.entries[0].field == "dossier_id");
    CHECK(saved.entries[3].field.empty());
}

TEST_CASE("unmapped columns are kept as extra attributes under their own header") {
    const ImportResult result =
        import_text("dossier_id;Opmerking;;status;Opmerking;capacity;Status\nKO-1;a;b;actief;c;5;d\n");
    REQUIRE(result.ok());
    std::vector<std::string> names;
    for (const ImportedColumn& column : result.columns) names.push_back(column.column_name);
    // Empty header -> column_3; a repeated header and a header equal to a field name get a suffix.
    CHECK(names == std::vector<std::string>{"dossier_id", "Opmerking", "column_3", "status", "Opmerking (2)", "capacity",
                                            "Status"});
    CHECK(result.columns[1].extra);
    CHECK_FALSE(result.columns[3].extra);
    CHECK(result.columns[6].extra);  // "Status" again: the field is taken
    CHECK(result.columns[6].origin == MappingOrigin::field_taken);
    CHECK(cell(result, "column_3", 0) == "b");
    CHECK(cell(result, "Opmerking (2)", 0) == "c");
    CHECK(cell(result, "Status", 0) == "d");
    CHECK(result.dataset.columns().size() == 7);  // no column dropped
    CHECK(count_reason(result, DiagnosticReason::empty_header) == 1);
    CHECK(count_reason(result, DiagnosticReason::duplicate_header) == 1);
    CHECK(count_reason(result, DiagnosticReason::mapping_conflict) == 1);
}

TEST_CASE("an extra column named like a canonical field never takes that name") {
    MappingProfile profile;
    profile.entries = {{"capacity", ""}, {"plaatsen", "capacity"}};
    ImportOptions options;
    options.profile = profile;
    const ImportResult result = import_text("dossier_id;capacity;plaatsen\nKO-1;oud;7\n", shipped_dictionary(), options);
    CHECK(result.columns[1].column_name == "capacity (2)");
    CHECK(cell(result, "capacity", 0) == "7");
    CHECK(cell(result, "capacity (2)", 0) == "oud");
}

TEST_CASE("protected attributes are imported and flagged") {
    const ImportResult result = import_text("dossier_id;Nationaliteit;Geslacht\nKO-1;BE;V\n");
    CHECK(result.columns[1].field == "nationality");
    CHECK(result.columns[1].protected_attribute);
    CHECK(result.columns[2].protected_attribute);
    CHECK_FALSE(result.columns[0].protected_attribute);
    CHECK(cell(result, "nationality", 0) == "BE");
}

TEST_CASE("protected headers in Dutch, French and English are recognised, also when not mapped to their field") {
    const ImportResult result =
        import_text("dossier_id;Geboorteland;Herkomst;Pays de naissance;Religion ou conviction;Leeftijd;Capaciteit\n"
                    "KO-1;BE;x;FR;y;40;12\n");
    REQUIRE(result.ok());
    CHECK(result.columns[1].field == "country_of_birth");
    CHECK(result.columns[2].field == "ethnicity");
    CHECK(result.columns[3].field.empty());  // country_of_birth is taken by "Geboorteland"
    for (std::size_t column = 1; column <= 5; ++column) CHECK(result.columns[column].protected_attribute);
    CHECK_FALSE(result.columns[6].protected_attribute);
    CHECK(result.dataset.find("Pays de naissance")->protected_attribute);
}

TEST_CASE("a protected column kept as an extra attribute in the review stays protected, also after re-import") {
    const std::string text = "dossier_id;Land;Plaatsen\nKO-1;BE;12\n";
    MappingProfile profile;
    profile.entries = {{"Land", "nationality"}};
    ImportOptions options;
    options.profile = profile;
    const ImportResult mapped = import_text(text, shipped_dictionary(), options);
    REQUIRE(mapped.ok());
    CHECK(mapped.columns[1].protected_attribute);

    std::vector<HeaderMapping> mappings = mapped.mappings();
    assign_column(mappings, 1, "");  // demoted to an extra attribute
    CHECK(mappings[1].protected_attribute);
    options.profile = profile_from_mappings("", mappings);
    const ProfileLoad saved = load_mapping_profile(mapping_profile_to_json(*options.profile), shipped_dictionary());
    REQUIRE(saved.profile);
    options.profile = saved.profile;
    const ImportResult demoted = import_text(text, shipped_dictionary(), options);
    REQUIRE(demoted.ok());
    CHECK(demoted.columns[1].extra);
    CHECK(demoted.columns[1].protected_attribute);
    CHECK(demoted.dataset.find("Land")->protected_attribute);
    CHECK(load_mapping_profile(R"({"columns": [{"header": "Land", "field": null, "protected": "yes"}]})",
                               shipped_dictionary())
              .errors.size() == 1);
}

TEST_CASE("assigning a column in the review moves the field and re-validates on re-import") {
    const std::string text = "Nr.;Benaming;Plaatsen\nKO-1;Kribbe;12\n";
    const ImportResult automatic = import_text(text);
    REQUIRE_FALSE(automatic.ok());  // no dossier id column
    std::vector<HeaderMapping> mappings = automatic.mappings();
    assign_column(mappings, 0, "dossier_id");
    CHECK(mappings[0].field == "dossier_id");
    CHECK(mappings[0].origin == MappingOrigin::profile);

    ImportOptions options;
    options.profile = profile_from_mappings("", mappings);
    const ImportResult remapped = import_text(text, shipped_dictionary(), options);
    REQUIRE(remapped.ok());
    CHECK(cell(remapped, "dossier_id", 0) == "KO-1");

    // Giving the field to another column makes the first one an extra attribute, never dropped.
    std::vector<HeaderMapping> moved = remapped.mappings();
    assign_column(moved, 1, "dossier_id");
    CHECK(moved[0].field.empty());
    CHECK(moved[0].origin == MappingOrigin::profile_extra);
    CHECK(moved[1].field == "dossier_id");
    assign_column(moved, 1, "");
    CHECK(moved[1].field.empty());
    assign_column(moved, 7, "name");  // out of range: nothing happens
    CHECK(moved.size() == 3);
}

TEST_CASE("a saved profile matches a file with exactly its headers") {
    MappingProfile profile;
    profile.entries = {{"Nr.", "dossier_id"}, {"Benaming", "name"}, {"Opmerking", ""}};
    CHECK(profile_matches_headers(profile, {"Benaming", "Nr.", "Opmerking"}));
    CHECK_FALSE(profile_matches_headers(profile, {"Nr.", "Benaming"}));
    CHECK_FALSE(profile_matches_headers(profile, {"Nr.", "Benaming", "Opmerking", "Extra"}));
    CHECK_FALSE(profile_matches_headers(MappingProfile{}, {}));
}

TEST_CASE("4,096 equal headers are named in linear time: x, x (2) ... x (4096)") {
    std::string header = "dossier_id", row = "KO-1";
    for (int i = 0; i < 4'095; ++i) {
        header += ";x";
        row += ";" + std::to_string(i);
    }
    const ImportResult result = import_text(header + "\n" + row + "\n");
    REQUIRE(result.ok());
    REQUIRE(result.columns.size() == 4'096);
    CHECK(result.columns[1].column_name == "x");
    CHECK(result.columns[2].column_name == "x (2)");
    CHECK(result.columns[4'095].column_name == "x (4095)");
    CHECK(cell(result, "x (4095)", 0) == "4094");
    CHECK(count_reason(result, DiagnosticReason::duplicate_header) == 4'094);
    // One more column is past the limit, and the message says where.
    const ImportResult over = import_text(header + ";x\n" + row + ";y\n");
    CHECK(over.failure == "row 1 (line 1) brings the file past 4096 columns, the limit");
    CHECK(over.failure_nl == "rij 1 (regel 1) brengt het bestand boven 4096 kolommen, de grens");
}

TEST_CASE("diagnostics name a very long header by its first 256 bytes, not a copy per row") {
    // The id column's header normalises to "dossierid" whatever punctuation follows it.
    const std::string header = "Dossier-ID" + std::string(50'000, '_');
    std::string text = header + ";x\n";
    for (int i = 0; i < 100; ++i) text += ";" + std::to_string(i) + "\n";  // every row lacks its id
    const ImportResult result = import_text(text);
    REQUIRE(result.ok());
    CHECK(result.columns[0].field == "dossier_id");
    CHECK(result.columns[0].header == header);
    CHECK(count_reason(result, DiagnosticReason::required_missing) == 100);
    for (const Diagnostic& d : result.diagnostics) {
        CHECK(d.column.size() <= 256 + 3);
        CHECK(d.column.substr(0, 10) == "Dossier-ID");
        CHECK(d.column.substr(d.column.size() - 3) == "…");
    }
    // A cut never splits a character: byte 256 is the middle of the "é".
    const std::string accented = std::string(255, 'a') + "é";
    MappingProfile profile;
    profile.entries = {{accented, "capacity"}};
    ImportOptions options;
    options.profile = profile;
    const ImportResult cut = import_text("dossier_id;" + accented + "\nKO-1;veel\n", shipped_dictionary(), options);
    const Diagnostic* warning = find_diagnostic(cut, DiagnosticReason::unparsable_number);
    REQUIRE(warning);
    CHECK(warning->column == std::string(255, 'a') + "…");
    CHECK(cut.columns[1].header == accented);
}
