// Shared helpers of the tests/test_import_*.cpp files: fixture loading, the dictionaries the
// tests import with, and feeding bytes in chunks of a given size.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "core/import/importer.hpp"

namespace radar::testing {

inline std::string read_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    REQUIRE_MESSAGE(file, "cannot open " << path);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

inline std::string import_fixture(const std::string& name) {
    return read_file(std::string(RADAR_TEST_DATA_DIR) + "/import/" + name);
}

// The shipped dictionary, assets/fields.json.
inline const FieldDictionary& shipped_dictionary() {
    static const FieldDictionary dictionary = [] {
        auto load = load_field_dictionary(read_file(std::string(RADAR_TEST_DATA_DIR) + "/../../assets/fields.json"));
        REQUIRE_MESSAGE(load.dictionary, (load.errors.empty() ? "" : load.errors.front()));
        return *load.dictionary;
    }();
    return dictionary;
}

// The shipped dictionary plus two decimal fields the messy fixture carries.
inline const FieldDictionary& test_dictionary() {
    static const FieldDictionary dictionary = [] {
        FieldDictionary extended = shipped_dictionary();
        FieldSpec occupancy;
        occupancy.name = "occupancy_rate";
        occupancy.type = FieldType::number;
        occupancy.label_nl = "Gemiddelde bezetting";
        occupancy.label_en = "Occupancy rate";
        occupancy.min = 0.0;
        occupancy.max = 2.0;
        extended.fields.push_back(occupancy);
        FieldSpec subsidy;
        subsidy.name = "yearly_subsidy_eur";
        subsidy.type = FieldType::number;
        subsidy.label_nl = "Subsidie per jaar (€)";
        subsidy.label_en = "Yearly subsidy (EUR)";
        extended.fields.push_back(subsidy);
        return extended;
    }();
    return dictionary;
}

// Feeds `bytes` in chunks of `chunk_size` (the way the browser does across frames).
inline ImportResult import_in_chunks(std::string_view bytes, const FieldDictionary& dictionary, ImportOptions options,
                                     std::size_t chunk_size) {
    options.total_bytes = bytes.size();
    Importer importer(dictionary, std::move(options));
    for (std::size_t at = 0; at < bytes.size(); at += chunk_size) importer.feed(bytes.substr(at, chunk_size));
    return importer.finish();
}

inline ImportResult import_text(std::string_view bytes, const FieldDictionary& dictionary = shipped_dictionary(),
                                ImportOptions options = {}) {
    return import_bytes(bytes, dictionary, std::move(options));
}

inline const Diagnostic* find_diagnostic(const ImportResult& result, DiagnosticReason reason, std::uint32_t row = 0) {
    for (const Diagnostic& d : result.diagnostics)
        if (d.reason == reason && (row == 0 || d.row == row)) return &d;
    return nullptr;
}

inline std::size_t count_reason(const ImportResult& result, DiagnosticReason reason) {
    return static_cast<std::size_t>(result.summary.by_reason[static_cast<std::size_t>(reason)]);
}

// Cell text of a dataset column by name (the test fails if the column is absent).
inline std::string cell(const ImportResult& result, const std::string& column, std::size_t row) {
    const auto index = result.dataset.index_of(column);
    REQUIRE_MESSAGE(index, "no column " << column);
    return result.dataset.cell_text(*index, row);
}

inline bool is_missing(const ImportResult& result, const std::string& column, std::size_t row) {
    const Column* found = result.dataset.find(column);
    REQUIRE_MESSAGE(found, "no column " << column);
    return found->is_missing(row);
}

}  // namespace radar::testing
