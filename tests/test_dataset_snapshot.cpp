// The binary columnar dataset snapshot: round trips (demo data, generated columns with missing
// cells, unicode, empty texts, dictionary and pooled texts, int32 and double numbers), every
// damage detected with its own fault, and the byte-as-text form the stores keep it in.
#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "core/base/byte_text.hpp"
#include "core/data/dataset_hash.hpp"
#include "core/data/dataset_snapshot.hpp"
#include "core/data/demo_data.hpp"

using namespace radar;

namespace {

// Same columns, flags, storage and values, bit for bit.
void check_same(const Dataset& decoded, const Dataset& original) {
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

Dataset round_trip(const Dataset& dataset, const std::string& note) {
    DatasetSnapshotDecode decoded = decode_dataset_snapshot(encode_dataset_snapshot(dataset, note));
    REQUIRE_MESSAGE(decoded.snapshot, decoded.message);
    CHECK(decoded.fault == SnapshotFault::none);
    CHECK(decoded.snapshot->note == note);
    check_same(decoded.snapshot->dataset, dataset);
    return std::move(decoded.snapshot->dataset);
}

// A few columns of every storage, with missing cells, unicode and empty texts.
Dataset generated(std::size_t rows) {
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

std::string small_snapshot() {
    return encode_dataset_snapshot(generated(9), R"({"source":"klein.csv"})");
}

}  // namespace

TEST_CASE("the demo dossiers come back from their snapshot column for column") {
    DemoSettings settings;
    settings.dossier_count = 3000;
    round_trip(generate_demo_data(settings).dataset, R"({"descriptor":{"source_name":"demo"}})");
}

TEST_CASE("generated columns with missing cells, unicode and empty texts come back, pooled texts too") {
    const Dataset dataset = generated(70'000);  // the id column passes the dictionary limit: a pool
    REQUIRE(dataset.find("dossier_id")->texts.pooled());
    REQUIRE_FALSE(dataset.find("municipality")->texts.pooled());
    REQUIRE(dataset.find("amount")->numbers.wide());
    REQUIRE_FALSE(dataset.find("count")->numbers.wide());
    round_trip(dataset, "");
    round_trip(generated(1), "ü");
    round_trip(generated(64), "{}");
    round_trip(generated(65), "{}");
    round_trip(Dataset(), "no columns");
}

TEST_CASE("a decoded dictionary column finds its values and takes new ones") {
    Dataset decoded = round_trip(generated(40), "");
    Column& place = decoded.columns()[1];
    REQUIRE_FALSE(place.texts.pooled());
    const std::size_t distinct = place.texts.distinct_count();
    place.push_text("Den Haag");
    place.push_text("Nieuwe gemeente");
    CHECK(place.texts.distinct_count() == distinct + 1);
    CHECK(place.texts.code(40) == place.texts.code(8));  // row 8 holds "Den Haag"
    CHECK(place.texts[41] == "Nieuwe gemeente");
}

TEST_CASE("every flipped byte and every truncation of a snapshot is detected") {
    const std::string bytes = small_snapshot();
    REQUIRE(decode_dataset_snapshot(bytes).snapshot);
    int undetected = 0;
    for (std::size_t at = 0; at < bytes.size(); ++at)
        for (const int flip : {0x01, 0x80, 0xFF}) {
            std::string damaged = bytes;
            damaged[at] = static_cast<char>(static_cast<unsigned char>(damaged[at]) ^ flip);
            const DatasetSnapshotDecode decoded = decode_dataset_snapshot(damaged);
            if (decoded.snapshot || decoded.fault == SnapshotFault::none || decoded.message.empty()) ++undetected;
        }
    CHECK(undetected == 0);
    for (std::size_t size = 0; size < bytes.size(); ++size) {
        const DatasetSnapshotDecode decoded = decode_dataset_snapshot(std::string_view(bytes).substr(0, size));
        CAPTURE(size);
        CHECK_FALSE(decoded.snapshot);
        CHECK((decoded.fault == SnapshotFault::length_mismatch || (size == 0 && decoded.fault == SnapshotFault::wrong_magic)));
    }
}

TEST_CASE("each kind of damage has its own fault") {
    const std::string bytes = small_snapshot();
    auto fault_of = [](const std::string& damaged) { return decode_dataset_snapshot(damaged).fault; };

    CHECK(fault_of("dossier_id;naam\nD1;Jan\n") == SnapshotFault::wrong_magic);  // an old CSV snapshot
    std::string other_magic = bytes;
    other_magic[0] = 'X';
    CHECK(fault_of(other_magic) == SnapshotFault::wrong_magic);

    std::string newer = bytes;
    newer[8] = static_cast<char>(dataset_snapshot_version + 1);
    const DatasetSnapshotDecode version = decode_dataset_snapshot(newer);
    CHECK(version.fault == SnapshotFault::unknown_version);
    CHECK(version.message.find("version 2") != std::string::npos);

    CHECK(fault_of(bytes + '\0') == SnapshotFault::length_mismatch);
    CHECK(fault_of(bytes.substr(0, bytes.size() - 1)) == SnapshotFault::length_mismatch);

    std::string changed = bytes;
    changed[bytes.size() / 2] ^= 0x20;
    CHECK(fault_of(changed) == SnapshotFault::checksum_mismatch);
    std::string checksum = bytes;
    checksum.back() ^= 0x01;
    CHECK(fault_of(checksum) == SnapshotFault::checksum_mismatch);

    CHECK(std::string(snapshot_fault_code(SnapshotFault::checksum_mismatch)) == "checksum_mismatch");
}

TEST_CASE("bytes written as text come back unchanged, and only such text reads as bytes") {
    std::string every_byte;
    for (int value = 0; value < 256; ++value) every_byte.push_back(static_cast<char>(value));
    const std::string text = bytes_as_text(every_byte);
    CHECK(text.size() == 128 + 2 * 128);
    CHECK(text_as_bytes(text) == every_byte);
    const std::string snapshot = small_snapshot();
    CHECK(text_as_bytes(bytes_as_text(snapshot)) == snapshot);
    CHECK(text_as_bytes("plain ASCII") == std::string("plain ASCII"));
    CHECK_FALSE(text_as_bytes("€"));           // past U+00FF
    CHECK_FALSE(text_as_bytes("\xC3"));        // cut short
    CHECK_FALSE(text_as_bytes("\xC3\x41"));    // no continuation byte
    CHECK_FALSE(text_as_bytes("\x80"));        // a continuation byte alone
}
