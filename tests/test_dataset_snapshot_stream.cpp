// Decoding a dataset snapshot from its bytes as they arrive (DatasetSnapshotStream), against
// decoding it whole: the same dataset, note and search index for pieces of any size; the same
// fault and message for every flipped byte, truncation, extension and malformed structure; and
// never the whole snapshot held at once.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>

#include "core/data/dataset_snapshot_stream.hpp"
#include "snapshot_fixtures.hpp"

using namespace radar;

namespace {

using namespace radar::test;

// The bytes added in pieces of `piece` bytes (0: pieces of random sizes up to 64 KiB).
DatasetSnapshotDecode streamed(std::string_view bytes, std::size_t piece, std::uint32_t seed = 1) {
    DatasetSnapshotStream stream;
    std::mt19937 random(seed);
    for (std::size_t at = 0; at < bytes.size();) {
        const std::size_t size = piece > 0 ? piece : 1 + random() % 65536;
        stream.add(bytes.substr(at, size));
        at += size;
    }
    return stream.finish();
}

void check_same_decode(const DatasetSnapshotDecode& streamed_decode, const DatasetSnapshotDecode& whole) {
    CHECK(streamed_decode.fault == whole.fault);
    CHECK(streamed_decode.message == whole.message);
    REQUIRE(streamed_decode.snapshot.has_value() == whole.snapshot.has_value());
    if (!whole.snapshot) return;
    CHECK(streamed_decode.snapshot->note == whole.snapshot->note);
    check_same(streamed_decode.snapshot->dataset, whole.snapshot->dataset);
    REQUIRE(streamed_decode.snapshot->search.has_value() == whole.snapshot->search.has_value());
    if (!whole.snapshot->search) return;
    const StoredSearchIndex& a = *streamed_decode.snapshot->search;
    const StoredSearchIndex& b = *whole.snapshot->search;
    CHECK(a.format == b.format);
    CHECK(a.columns == b.columns);
    CHECK(a.haystacks.bytes() == b.haystacks.bytes());
    CHECK(a.haystacks.ends() == b.haystacks.ends());
}

// The snapshot with a header field changed and its checksum made right again: a structure only
// a faulty writer could give.
std::string rewritten(std::string bytes, std::size_t at, std::uint32_t value) {
    std::memcpy(bytes.data() + at, &value, sizeof value);
    return with_checksum_made_right(std::move(bytes));
}

}  // namespace

TEST_CASE("a snapshot streamed in pieces of any size decodes as it does whole, its search index and older versions too") {
    const Dataset dataset = generated(5'000);
    const SearchIndex search(dataset, snapshot_search_columns);
    const std::string with_index = encode_dataset_snapshot(dataset, R"({"source":"groot.csv"})", &search);
    const std::string without_index = encode_dataset_snapshot(dataset, "{}");
    const std::string version_1 = older_snapshot(1);
    const std::string version_2 = older_snapshot(2);
    const std::string empty = encode_dataset_snapshot(Dataset(), "");
    for (const std::string* bytes : {&with_index, &without_index, &version_1, &version_2, &empty}) {
        const DatasetSnapshotDecode whole = decode_dataset_snapshot(*bytes);
        REQUIRE_MESSAGE(whole.snapshot, whole.message);
        for (const std::size_t piece : {std::size_t{1}, std::size_t{7}, std::size_t{4096}, std::size_t{1} << 20, std::size_t{0}}) {
            CAPTURE(bytes->size());
            CAPTURE(piece);
            check_same_decode(streamed(*bytes, piece), whole);
        }
    }
}

TEST_CASE("a streamed snapshot is never held whole: only the item being completed waits") {
    const Dataset dataset = generated(100'000);
    const SearchIndex search(dataset, {"municipality"});
    const std::string bytes = encode_dataset_snapshot(dataset, "{}", &search);
    // The largest column's bytes, from a snapshot of it alone (plus a header and a checksum).
    std::size_t largest_column = 0;
    for (const Column& column : dataset.columns()) {
        Dataset alone;
        alone.add_column(column.name, column.type) = column;
        largest_column = std::max(largest_column, encode_dataset_snapshot(alone, "").size());
    }
    DatasetSnapshotStream stream;
    std::size_t most_held = 0;
    double progress = 0.0;
    constexpr std::size_t piece = 64 * 1024;
    for (std::size_t at = 0; at < bytes.size(); at += piece) {
        stream.add(std::string_view(bytes).substr(at, piece));
        most_held = std::max(most_held, stream.bytes_held());
        CHECK(stream.progress() >= progress);
        progress = stream.progress();
    }
    CHECK(progress == 1.0);
    CHECK(stream.finish().snapshot);
    // At most the largest column, the piece that completed it and the 1 MiB of decoded bytes the
    // window keeps before it drops them.
    CAPTURE(bytes.size());
    CAPTURE(largest_column);
    CHECK(most_held <= largest_column + piece + (std::size_t{1} << 20));
}

TEST_CASE("every flipped byte, truncation and extension of a streamed snapshot gives the fault decoding it whole gives") {
    for (const bool with_search_index : {false, true}) {
        CAPTURE(with_search_index);
        const std::string bytes = small_snapshot(with_search_index);
        std::uint32_t seed = 0;
        for (std::size_t at = 0; at < bytes.size(); ++at)
            for (const int flip : {0x01, 0x80, 0xFF}) {
                std::string damaged = bytes;
                damaged[at] = static_cast<char>(static_cast<unsigned char>(damaged[at]) ^ flip);
                CAPTURE(at);
                CAPTURE(flip);
                const DatasetSnapshotDecode whole = decode_dataset_snapshot(damaged);
                CHECK_FALSE(whole.snapshot);
                check_same_decode(streamed(damaged, 0, ++seed), whole);
                check_same_decode(streamed(damaged, 1), whole);
            }
        for (std::size_t size = 0; size < bytes.size(); ++size) {
            CAPTURE(size);
            const std::string_view cut = std::string_view(bytes).substr(0, size);
            check_same_decode(streamed(cut, 0, ++seed), decode_dataset_snapshot(cut));
        }
        const std::string longer = bytes + std::string(3, '\0');
        check_same_decode(streamed(longer, 5), decode_dataset_snapshot(longer));
    }
}

TEST_CASE("a streamed snapshot whose structure does not fit its header is malformed, as decoded whole") {
    const std::string bytes = small_snapshot(true);
    const std::string more_columns = rewritten(bytes, 12, 7);  // the header's column count
    const std::string fewer_columns = rewritten(bytes, 12, 5);
    const std::string long_note = rewritten(bytes, 32, 1u << 30);  // the note's length
    const std::string more_rows = rewritten(bytes, 24, 10);        // the row count
    const std::string not_csv = "dossier_id;naam\nD1;Jan\n";
    for (const std::string* damaged : {&more_columns, &fewer_columns, &long_note, &more_rows, &not_csv}) {
        const DatasetSnapshotDecode whole = decode_dataset_snapshot(*damaged);
        CHECK_FALSE(whole.snapshot);
        CAPTURE(whole.message);
        for (const std::size_t piece : {std::size_t{1}, std::size_t{3}, std::size_t{0}}) check_same_decode(streamed(*damaged, piece), whole);
    }
    CHECK(decode_dataset_snapshot(more_columns).fault == SnapshotFault::malformed);
    CHECK(decode_dataset_snapshot(long_note).fault == SnapshotFault::malformed);
}
