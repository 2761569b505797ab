// DatasetSnapshotStream: the bytes not yet decoded wait in a window; an item (the header and
// note, a column, the search index, the checksum) is decoded once the window holds all of it,
// which its stored lengths tell before it is read; decoded bytes are dropped from the window's
// front. Every refusal is decided in finish(), in decode_dataset_snapshot's order.
#include "core/data/dataset_snapshot_stream.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "core/data/dataset_snapshot_format.hpp"
#include "core/import/content_hash.hpp"

namespace radar {
namespace {

using namespace snapshot_format;

// Bytes dropped from the window's front once this many are decoded (fewer would move the rest
// of the window too often).
constexpr std::size_t window_drop_bytes = std::size_t{1} << 20;

// How long an item is, from its stored lengths: known, not yet known (the window ends before a
// length it needs), or impossible (it would run past the snapshot's end).
struct ItemSize {
    enum class Kind { known, unknown, impossible } kind = Kind::unknown;
    std::uint64_t bytes = 0;
};

// Adds lengths up while they fit in `room`; reads the lengths stored at its position.
class ItemMeasure {
public:
    ItemMeasure(std::string_view window, std::uint64_t room) : window_(window), room_(room) {}
    // Skips `bytes`; false once the item cannot fit.
    bool skip(std::uint64_t bytes) {
        if (bytes > room_ - at_) impossible_ = true;
        else at_ += bytes;
        return !impossible_;
    }
    template <typename Value>
    std::optional<Value> value() {
        if (impossible_ || at_ + sizeof(Value) > window_.size()) return std::nullopt;
        Value value{};
        std::memcpy(&value, window_.data() + at_, sizeof value);
        if (!skip(sizeof value)) return std::nullopt;
        return value;
    }
    ItemSize size() const {
        if (impossible_) return {ItemSize::Kind::impossible, 0};
        return {ItemSize::Kind::known, at_};
    }
    ItemSize unknown() const { return impossible_ ? ItemSize{ItemSize::Kind::impossible, 0} : ItemSize{}; }

private:
    std::string_view window_;
    std::uint64_t room_;
    std::uint64_t at_ = 0;
    bool impossible_ = false;
};

// Stored texts: `count` end offsets, the byte count, the bytes.
ItemSize measure_texts(ItemMeasure& measure, std::uint64_t count) {
    if (!measure.skip(count * sizeof(std::uint32_t))) return measure.unknown();
    const auto byte_count = measure.value<std::uint64_t>();
    if (!byte_count || !measure.skip(*byte_count)) return measure.unknown();
    return measure.size();
}

ItemSize column_size(std::string_view window, std::uint64_t rows, std::uint64_t room) {
    ItemMeasure measure(window, room);
    const auto name_length = measure.value<std::uint32_t>();
    if (!name_length || !measure.skip(*name_length + 3)) return measure.unknown();
    const auto storage = measure.value<std::uint8_t>();
    if (!storage || !measure.skip((rows + 63) / 64 * sizeof(std::uint64_t))) return measure.unknown();
    switch (static_cast<Storage>(*storage)) {
    case Storage::integers: measure.skip(rows * sizeof(std::int32_t)); return measure.size();
    case Storage::packed_integers: {
        if (!measure.skip(sizeof(std::int32_t))) return measure.unknown();
        const auto width = measure.value<std::uint8_t>();
        if (!width) return measure.unknown();
        measure.skip(rows * *width);  // read_column refuses a width other than 1, 2 or 4
        return measure.size();
    }
    case Storage::doubles: measure.skip(rows * sizeof(double)); return measure.size();
    case Storage::dictionary:
    case Storage::packed_dictionary: {
        const auto value_count = measure.value<std::uint32_t>();
        if (!value_count) return measure.unknown();
        const ItemSize values = measure_texts(measure, *value_count);
        if (values.kind != ItemSize::Kind::known) return values;
        const bool packed = static_cast<Storage>(*storage) == Storage::packed_dictionary;
        measure.skip(rows * (packed ? code_width(*value_count) : sizeof(std::uint32_t)));
        return measure.size();
    }
    case Storage::pool: return measure_texts(measure, rows);
    }
    return {ItemSize::Kind::impossible, 0};  // read_column refuses the storage too
}

ItemSize search_index_size(std::string_view window, std::uint64_t rows, std::uint64_t room) {
    ItemMeasure measure(window, room);
    const auto present = measure.value<std::uint8_t>();
    if (!present) return measure.unknown();
    if (*present != 1) return measure.size();  // none stored (0), or read_search_index_head refuses it
    if (!measure.skip(sizeof(std::uint32_t))) return measure.unknown();
    const auto column_count = measure.value<std::uint32_t>();
    if (!column_count) return measure.unknown();
    for (std::uint32_t column = 0; column < *column_count; ++column) {
        const auto name_length = measure.value<std::uint32_t>();
        if (!name_length || !measure.skip(*name_length)) return measure.unknown();
    }
    return measure_texts(measure, rows);
}

}  // namespace

struct DatasetSnapshotStream::State {
    enum class Stage { header, columns, search, checksum, complete, malformed };

    Stage stage = Stage::header;
    std::string window;        // bytes received and not yet decoded, from `decoded_to` on
    std::size_t decoded_to = 0;
    std::uint64_t received = 0;
    std::string first_bytes;   // the first 8, for the mark
    char last_bytes[checksum_bytes] = {};
    std::uint64_t total = 0;   // the header's length (0 before the header)
    std::uint32_t version = 0;
    std::uint32_t column_count = 0;
    std::size_t rows = 0;
    ContentHasher hasher;
    std::uint64_t hashed = 0;  // bytes from the start added to the checksum
    DecodedDatasetSnapshot decoded;

    // Of `piece`, the bytes from `position` on, those not yet summed and before the checksum's
    // place, into the checksum (nothing before the header gives that place).
    void hash(std::string_view piece, std::uint64_t position) {
        if (total < checksum_bytes || position > hashed) return;
        const std::uint64_t end = std::min<std::uint64_t>(position + piece.size(), total - checksum_bytes);
        if (end <= hashed) return;
        hasher.update(piece.substr(static_cast<std::size_t>(hashed - position), static_cast<std::size_t>(end - hashed)));
        hashed = end;
    }
    void hash_window() { hash(window, received - window.size()); }
    // Decodes the next item when the window holds all of it; false when it waits for bytes.
    bool decode_next();
    bool read_header(std::string_view waiting);
    // The bytes left for items before the checksum, counted from `decoded_to`.
    std::uint64_t room() const {
        const std::uint64_t position = received - window.size() + decoded_to;
        return total >= checksum_bytes + position ? total - checksum_bytes - position : 0;
    }
    void take(std::size_t bytes) { decoded_to += bytes; }
    void drop_decoded() {
        if (decoded_to < window_drop_bytes && decoded_to < window.size()) return;
        window.erase(0, decoded_to);
        decoded_to = 0;
    }
    // Nothing more is decoded or kept (the rest is only summed); finish() says why.
    void stop(Stage why) {
        hash_window();
        stage = why;
        window.clear();
        window.shrink_to_fit();
        decoded_to = 0;
    }
    bool decoding() const { return stage != Stage::complete && stage != Stage::malformed; }
};

bool DatasetSnapshotStream::State::read_header(std::string_view waiting) {
    if (waiting.size() < header_bytes) return false;
    const std::uint32_t note_length = read_u32(waiting, header_bytes - 4);
    if (waiting.substr(0, magic.size()) != magic) {
        stop(Stage::malformed);  // finish() names the mark
        return false;
    }
    version = read_u32(waiting, 8);
    column_count = read_u32(waiting, 12);
    total = read_u64(waiting, 16);
    const std::uint64_t row_count = read_u64(waiting, 24);
    if (version < oldest_dataset_snapshot_version || version > dataset_snapshot_version || total < header_bytes + checksum_bytes ||
        row_count > UINT32_MAX || row_count / 8 > total || note_length > total - header_bytes - checksum_bytes) {
        stop(Stage::malformed);  // finish() tells a version, a length or a structure apart
        return false;
    }
    if (waiting.size() < header_bytes + note_length) return false;
    decoded.note = std::string(waiting.substr(header_bytes, note_length));
    rows = static_cast<std::size_t>(row_count);
    take(header_bytes + note_length);
    stage = column_count > 0 ? Stage::columns : version >= 2 ? Stage::search : Stage::checksum;
    return true;
}

bool DatasetSnapshotStream::State::decode_next() {
    const std::string_view waiting = std::string_view(window).substr(decoded_to);
    if (stage == Stage::header) return read_header(waiting);
    if (stage == Stage::checksum) {
        if (waiting.size() < checksum_bytes) return false;
        take(checksum_bytes);
        stage = Stage::complete;
        return false;
    }
    const ItemSize size = stage == Stage::columns ? column_size(waiting, rows, room()) : search_index_size(waiting, rows, room());
    if (size.kind == ItemSize::Kind::impossible) {
        stop(Stage::malformed);
        return false;
    }
    if (size.kind == ItemSize::Kind::unknown || waiting.size() < size.bytes) return false;
    Input in(waiting.substr(0, static_cast<std::size_t>(size.bytes)));
    bool ok = false;
    if (stage == Stage::columns) {
        ok = read_column(in, decoded.dataset, rows);
        if (ok && decoded.dataset.columns().size() == column_count) stage = version >= 2 ? Stage::search : Stage::checksum;
    } else {
        std::optional<StoredTexts> text;
        decoded.search = read_search_index_head(in, rows, text, ok);
        if (ok && decoded.search) decoded.search->haystacks = TextPool(std::string(text->bytes), std::move(text->ends));
        stage = Stage::checksum;
    }
    if (!ok || !in.at_end()) {
        stop(Stage::malformed);
        return false;
    }
    take(static_cast<std::size_t>(size.bytes));
    return true;
}

DatasetSnapshotStream::DatasetSnapshotStream() : state_(std::make_unique<State>()) {}
DatasetSnapshotStream::~DatasetSnapshotStream() = default;
DatasetSnapshotStream::DatasetSnapshotStream(DatasetSnapshotStream&&) noexcept = default;
DatasetSnapshotStream& DatasetSnapshotStream::operator=(DatasetSnapshotStream&&) noexcept = default;

void DatasetSnapshotStream::add(std::string_view bytes) {
    State& s = *state_;
    if (bytes.empty()) return;
    if (s.first_bytes.size() < magic.size())
        s.first_bytes.append(bytes.substr(0, magic.size() - s.first_bytes.size()));
    // The last 8 bytes received: the checksum, once every byte has come.
    const std::size_t kept = std::min(bytes.size(), checksum_bytes);
    std::memmove(s.last_bytes, s.last_bytes + kept, checksum_bytes - kept);
    std::memcpy(s.last_bytes + checksum_bytes - kept, bytes.data() + bytes.size() - kept, kept);
    s.received += bytes.size();
    if (s.stage == State::Stage::malformed) {
        s.hash(bytes, s.received - bytes.size());
        return;
    }
    s.window.append(bytes);
    while (s.decoding() && s.decode_next()) {
    }
    if (s.stage == State::Stage::malformed) return;
    s.hash_window();
    s.drop_decoded();
}

double DatasetSnapshotStream::progress() const {
    const State& s = *state_;
    return s.total == 0 ? 0.0 : std::min(1.0, static_cast<double>(s.received) / static_cast<double>(s.total));
}

std::size_t DatasetSnapshotStream::bytes_held() const { return state_->window.size(); }

DatasetSnapshotDecode DatasetSnapshotStream::finish() {
    State& s = *state_;
    const std::string_view first(s.first_bytes);
    if (s.received == 0 || first != magic.substr(0, first.size()))
        return fault(SnapshotFault::wrong_magic, "it does not start with the snapshot's mark");
    if (s.received < header_bytes + checksum_bytes)
        return fault(SnapshotFault::length_mismatch, "it holds " + std::to_string(s.received) + " bytes, fewer than its header");
    if (s.version < oldest_dataset_snapshot_version || s.version > dataset_snapshot_version)
        return fault(SnapshotFault::unknown_version, "format version " + std::to_string(s.version) + ", this app reads versions " +
                                                         std::to_string(oldest_dataset_snapshot_version) + " to " +
                                                         std::to_string(dataset_snapshot_version));
    if (s.total != s.received)
        return fault(SnapshotFault::length_mismatch,
                     "it holds " + std::to_string(s.received) + " bytes, its header says " + std::to_string(s.total));
    if (s.hashed != s.total - checksum_bytes || s.hasher.value() != read_u64(std::string_view(s.last_bytes, checksum_bytes), 0))
        return fault(SnapshotFault::checksum_mismatch, "its checksum does not match its content (it changed after it was written)");
    if (s.stage != State::Stage::complete) return fault(SnapshotFault::malformed, "its columns do not fit its header");
    DatasetSnapshotDecode outcome;
    outcome.snapshot = std::move(s.decoded);
    return outcome;
}

}  // namespace radar
