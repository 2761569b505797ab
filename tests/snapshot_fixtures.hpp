// Shared by the dataset snapshot tests (test_dataset_snapshot*.cpp): a dataset of every storage,
// a check that two datasets are the same bit for bit, a small snapshot, and those older format
// versions wrote.
#pragma once

#include <doctest/doctest.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/dataset_hash.hpp"
#include "core/data/dataset_snapshot.hpp"
#include "core/import/content_hash.hpp"
#include "core/search/search_index.hpp"

namespace radar::test {


// Same columns, flags, storage and values, bit for bit.
inline void check_same(const Dataset& decoded, const Dataset& original) {
    REQUIRE(decoded.columns().size() == original.columns().size());
    REQUIRE(decoded.row_count() == original.row_count());
    for (std::size_t c = 0; c < original.columns().size(); ++c) {
        const Column& a = decoded.columns()[c];
        const Column& b = original.columns()[c];
        CAPTURE(b.name);
        CHECK(a.name == b.name);
        CHECK(a.type == b.type);
        CHECK(a.kind == b.kind);
        CHECK(a.protected_attribute == b.protected_attribute);
        CHECK(a.size() == b.size());
        CHECK(a.texts.pooled() == b.texts.pooled());
        CHECK(a.numbers.wide() == b.numbers.wide());
        CHECK(a.texts.size() == b.texts.size());
        CHECK(a.numbers.size() == b.numbers.size());
        bool same = true;
        for (std::size_t row = 0; row < b.size(); ++row) {
            same = same && a.is_missing(row) == b.is_missing(row);
            if (b.type == ColumnType::text) {
                same = same && a.texts[row] == b.texts[row];
            } else {
                const double x = a.numbers[row], y = b.numbers[row];
                same = same && std::memcmp(&x, &y, sizeof x) == 0;
            }
        }
        CHECK(same);
    }
    CHECK(dataset_sha256(decoded) == dataset_sha256(original));
}

// A few columns of every storage, with missing cells, unicode and empty texts.
inline Dataset generated(std::size_t rows) {
    Dataset dataset;
    Column& id = dataset.add_column("dossier_id", ColumnType::text);
    Column& place = dataset.add_column("municipality", ColumnType::text);
    place.kind = ValueKind::category;
    Column& note = dataset.add_column("Opmerking ✓", ColumnType::text);
    Column& count = dataset.add_column("count", ColumnType::integer);
    Column& amount = dataset.add_column("amount", ColumnType::number);
    Column& born = dataset.add_column("birth_date", ColumnType::date);
    born.protected_attribute = true;
    const char* places[] = {"'s-Hertogenbosch", "Súdwest-Fryslân", "", "Den Haag", "Zoë's dorp 日本"};
    for (std::size_t row = 0; row < rows; ++row) {
        id.push_text("D" + std::to_string(100000 + row));
        if (row % 7 == 3) place.push_missing();
        else place.push_text(places[row % 5]);
        if (row % 3 == 0) note.push_text("");
        else if (row % 11 == 0) note.push_missing();
        else note.push_text("regel " + std::to_string(row) + " — \"quote\", nieuwe\nregel 😀");
        if (row % 5 == 1) count.push_missing();
        else count.push_number(static_cast<double>(row % 13) - 6);
        if (row % 4 == 2) amount.push_missing();
        else amount.push_number(static_cast<double>(row) * 0.37 - 1e9);
        if (row % 9 == 8) born.push_missing();
        else born.push_number(days_from_civil({1950 + static_cast<int>(row % 60), 1 + static_cast<int>(row % 12), 1}));
    }
    return dataset;
}

inline const std::vector<std::string> snapshot_search_columns{"dossier_id", "municipality", "Opmerking ✓", "not a column"};

inline std::string small_snapshot(bool with_search_index = false) {
    const Dataset dataset = generated(9);
    const SearchIndex search(dataset, snapshot_search_columns);
    return encode_dataset_snapshot(dataset, R"({"source":"klein.csv"})", with_search_index ? &search : nullptr);
}

inline std::uint64_t checksum_of(std::string_view bytes) { return content_hash_of(bytes.substr(0, bytes.size() - 8)); }

// A snapshot as an older format version wrote it (tests/data/snapshot): version 1, small_snapshot()
// without a search index; version 2, generated(300) with its search index over
// snapshot_search_columns and the note {"source":"versie 2"}, integers and codes in 4 bytes each.
inline std::string older_snapshot(int version) {
    std::ifstream file(std::string(RADAR_TEST_DATA_DIR) + "/snapshot/version_" + std::to_string(version) + ".rdrcols",
                       std::ios::binary);
    REQUIRE(file);
    return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

// The snapshot with the checksum made right again after its bytes were changed.
inline std::string with_checksum_made_right(std::string bytes) {
    const std::uint64_t checksum = checksum_of(bytes);
    std::memcpy(bytes.data() + bytes.size() - 8, &checksum, sizeof checksum);
    return bytes;
}

}  // namespace radar::test
