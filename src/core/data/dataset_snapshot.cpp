// Writing and reading the binary columnar dataset snapshot. Layout (all integers little-endian):
//   header  "RDRCOLS\n" · u32 version · u32 column count · u64 total length · u64 row count
//           · u32 note length · note bytes
//   column  u32 name length · name · u8 type · u8 kind · u8 protected · u8 storage
//           · missing flags: (rows + 63) / 64 u64 words
//           · storage 1: rows doubles
//           · 3 (pool): rows u32 end offsets · u64 byte count · bytes
//           · 4 (packed integers, version 3): i32 base · u8 width (1, 2 or 4)
//             · rows values of that width, each the integer minus the base
//           · 5 (packed dictionary, version 3): u32 value count · value end offsets u32
//             · u64 byte count · bytes · rows codes of 1 byte (at most 256 values), 2 (at most
//             65,536) or 4
//           · until version 2, 0: rows int32 · 2 (dictionary): as 5 with 4-byte codes
//   index   (version 2) u8 1 when a search index follows, else 0 · u32 its format
//           · u32 column count · per column u32 name length · name
//           · rows u32 end offsets · u64 byte count · bytes (the folded text of each row)
//   end     u64 content_hash_of(every byte before it)
// Reading copies each stored array into its column at once (a dictionary's codes included);
// DatasetSnapshotReader does it a column per step, after the checksum in slices.
#include "core/data/dataset_snapshot.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

#include "core/data/dataset_snapshot_format.hpp"
#include "core/import/content_hash.hpp"

namespace radar {
namespace {

using namespace snapshot_format;

Storage storage_of(const Column& column) {
    if (column.type == ColumnType::text) return column.texts.pooled() ? Storage::pool : Storage::packed_dictionary;
    return column.numbers.wide() ? Storage::doubles : Storage::packed_integers;
}

// Counts the bytes (first pass, no buffer) or writes them into a buffer of that size; or writes
// only those between offsets `from` and `to` of what is put (a slice of a large item) into a
// buffer of to - from bytes.
class Output {
public:
    explicit Output(char* buffer) : buffer_(buffer) {}
    Output(char* buffer, std::size_t from, std::size_t to) : buffer_(buffer), from_(from), to_(to) {}
    void raw(const void* data, std::size_t size) {
        const std::size_t begin = std::max(count_, from_);
        const std::size_t end = std::min(count_ + size, to_);
        if (buffer_ && begin < end)
            std::memcpy(buffer_ + (begin - from_), static_cast<const char*>(data) + (begin - count_), end - begin);
        count_ += size;
    }
    template <typename Value>
    void value(Value value) {
        raw(&value, sizeof value);
    }
    void text(std::string_view text) {
        value(static_cast<std::uint32_t>(text.size()));
        raw(text.data(), text.size());
    }
    bool counting() const { return buffer_ == nullptr; }
    void skip(std::size_t size) { count_ += size; }
    // True (and the bytes skipped) when none of the next `size` bytes would be copied.
    bool skipped(std::size_t size) {
        if (buffer_ && count_ < to_ && count_ + size > from_) return false;
        skip(size);
        return true;
    }
    std::size_t count() const { return count_; }

private:
    char* buffer_;
    std::size_t from_ = 0;
    std::size_t to_ = SIZE_MAX;
    std::size_t count_ = 0;
};

void write_missing(Output& out, const Column& column, std::size_t rows) {
    if (out.counting()) {
        out.skip((rows + 63) / 64 * sizeof(std::uint64_t));
        return;
    }
    for (std::size_t first = 0; first < rows; first += 64) {
        std::uint64_t word = 0;
        const std::size_t last = std::min(rows, first + 64);
        for (std::size_t row = first; row < last; ++row) word |= static_cast<std::uint64_t>(column.missing[row]) << (row - first);
        out.value(word);
    }
}

// End offsets, then the byte count and the bytes, of a pool's texts: as they lie in memory.
void write_texts(Output& out, const TextPool& texts) {
    const std::vector<std::uint32_t>& ends = texts.ends();
    out.raw(ends.data(), ends.size() * sizeof(std::uint32_t));
    out.value(static_cast<std::uint64_t>(texts.byte_count()));
    out.raw(texts.bytes().data(), texts.byte_count());
}

// `rows` values of `width` bytes (1, 2 or 4), the row's value from `value_of`, a block at a time.
template <typename Stored, typename ValueOf>
void write_packed_as(Output& out, std::size_t rows, ValueOf value_of) {
    constexpr std::size_t block_rows = 4096;
    Stored block[block_rows];
    for (std::size_t first = 0; first < rows; first += block_rows) {
        const std::size_t count = std::min(block_rows, rows - first);
        if (out.skipped(count * sizeof(Stored))) continue;
        for (std::size_t i = 0; i < count; ++i) block[i] = static_cast<Stored>(value_of(first + i));
        out.raw(block, count * sizeof(Stored));
    }
}

template <typename ValueOf>
void write_packed(Output& out, std::size_t rows, std::uint8_t width, ValueOf value_of) {
    if (width == 1) write_packed_as<std::uint8_t>(out, rows, value_of);
    else if (width == 2) write_packed_as<std::uint16_t>(out, rows, value_of);
    else write_packed_as<std::uint32_t>(out, rows, value_of);
}

// Each integer as its offset from the smallest, in the fewest bytes that hold the largest.
void write_packed_integers(Output& out, const NumberColumn& numbers, std::size_t rows) {
    std::int32_t smallest = 0, largest = 0;
    for (std::size_t row = 0; row < rows; ++row) {
        const auto value = static_cast<std::int32_t>(numbers[row]);
        if (row == 0 || value < smallest) smallest = value;
        if (row == 0 || value > largest) largest = value;
    }
    const std::uint8_t width = packed_width(static_cast<std::uint64_t>(std::int64_t{largest} - smallest));
    out.value(smallest);
    out.value(width);
    write_packed(out, rows, width, [&](std::size_t row) {
        return static_cast<std::uint32_t>(std::int64_t{static_cast<std::int32_t>(numbers[row])} - smallest);
    });
}

void write_column(Output& out, const Column& column, std::size_t rows) {
    out.text(column.name);
    out.value(static_cast<std::uint8_t>(column.type));
    out.value(static_cast<std::uint8_t>(column.kind));
    out.value(static_cast<std::uint8_t>(column.protected_attribute ? 1 : 0));
    const Storage storage = storage_of(column);
    out.value(static_cast<std::uint8_t>(storage));
    write_missing(out, column, rows);
    const TextColumn& texts = column.texts;
    switch (storage) {
    case Storage::packed_integers: write_packed_integers(out, column.numbers, rows); break;
    case Storage::doubles:
        if (out.counting()) out.skip(rows * sizeof(double));
        else for (std::size_t row = 0; row < rows; ++row) out.value(column.numbers[row]);
        break;
    case Storage::packed_dictionary:
        out.value(static_cast<std::uint32_t>(texts.distinct_count()));
        write_texts(out, texts.distinct_values());
        write_packed(out, rows, code_width(texts.distinct_count()), [&](std::size_t row) { return texts.code(row); });
        break;
    case Storage::pool: write_texts(out, texts.cells()); break;
    case Storage::integers:
    case Storage::dictionary: break;  // no longer written
    }
}

bool search_index_complete(const SearchIndex* search, std::size_t rows) { return search && search->rows_indexed() == rows; }

// The index, its folded text last.
void write_search_index(Output& out, const SearchIndex* search, std::size_t rows) {
    const bool complete = search_index_complete(search, rows);
    out.value(static_cast<std::uint8_t>(complete ? 1 : 0));
    if (!complete) return;
    out.value(SearchIndex::format);
    out.value(static_cast<std::uint32_t>(search->columns().size()));
    for (const std::string& column : search->columns()) out.text(column);
    write_texts(out, search->haystacks());
}

void write_header(Output& out, const Dataset& dataset, std::string_view note, std::size_t total) {
    out.raw(magic.data(), magic.size());
    out.value(dataset_snapshot_version);
    out.value(static_cast<std::uint32_t>(dataset.columns().size()));
    out.value(static_cast<std::uint64_t>(total));
    out.value(static_cast<std::uint64_t>(dataset.row_count()));
    out.text(note);
}

}  // namespace

const char* snapshot_fault_code(SnapshotFault fault) {
    switch (fault) {
    case SnapshotFault::none: return "none";
    case SnapshotFault::wrong_magic: return "wrong_magic";
    case SnapshotFault::unknown_version: return "unknown_version";
    case SnapshotFault::length_mismatch: return "length_mismatch";
    case SnapshotFault::checksum_mismatch: return "checksum_mismatch";
    case SnapshotFault::malformed: return "malformed";
    }
    return "malformed";
}

std::string encode_dataset_snapshot(const Dataset& dataset, std::string_view note, const SearchIndex* search) {
    DatasetSnapshotWriter writer(dataset, std::string(note), search);
    std::string bytes;
    for (bool done = false; !done;) {
        done = writer.step();
        if (bytes.capacity() < writer.size()) bytes.reserve(writer.size());
        bytes += writer.take_written();
    }
    return bytes;
}

// Items: 0 the header and the note, 1..columns one column each, then the search index; each is
// counted (for the header's total length), then written in slices of at most `slice` bytes
// (the item put again for each, only its slice copied); every piece written is added to the
// checksum before the next one is written, and only then handed over.
struct DatasetSnapshotWriter::State {
    enum class Stage { counting, writing, checksum, done };
    static constexpr std::size_t checksum_slice = std::size_t{4} << 20;
    static constexpr std::size_t slice = std::size_t{2} << 20;

    const Dataset& dataset;
    std::string note;
    const SearchIndex* search;
    Stage stage = Stage::counting;
    std::size_t item = 0;
    Output counter{nullptr};
    std::vector<std::size_t> item_ends;  // counted: where each item's bytes end
    std::size_t total = 0;               // counted: the snapshot's length with its checksum
    std::size_t produced = 0;            // bytes written so far, taken or not
    std::string written;                 // bytes written and not yet taken
    std::size_t written_hashed = 0;      // of `written`, added to the checksum
    ContentHasher hasher;

    State(const Dataset& data, std::string text, const SearchIndex* index)
        : dataset(data), note(std::move(text)), search(index) {}
    std::size_t items() const { return dataset.columns().size() + 2; }
    void put_item(Output& out) const {
        if (item == 0) write_header(out, dataset, note, total);
        else if (item <= dataset.columns().size()) write_column(out, dataset.columns()[item - 1], dataset.row_count());
        else write_search_index(out, search, dataset.row_count());
    }
    // Room for `size` more bytes at the end of `written` (filled by the caller at once).
    char* extend(std::size_t size) {
        const std::size_t start = written.size();
        written.resize(start + size);
        produced += size;
        return written.data() + start;
    }
};

DatasetSnapshotWriter::DatasetSnapshotWriter(const Dataset& dataset, std::string note, const SearchIndex* search)
    : state_(std::make_unique<State>(dataset, std::move(note), search)) {}
DatasetSnapshotWriter::~DatasetSnapshotWriter() = default;
DatasetSnapshotWriter::DatasetSnapshotWriter(DatasetSnapshotWriter&&) noexcept = default;
DatasetSnapshotWriter& DatasetSnapshotWriter::operator=(DatasetSnapshotWriter&&) noexcept = default;

bool DatasetSnapshotWriter::step() {
    State& s = *state_;
    if (s.written_hashed < s.written.size()) {
        const std::size_t size = std::min(State::checksum_slice, s.written.size() - s.written_hashed);
        s.hasher.update(std::string_view(s.written).substr(s.written_hashed, size));
        s.written_hashed += size;
        return false;
    }
    switch (s.stage) {
    case State::Stage::counting:
        s.put_item(s.counter);
        s.item_ends.push_back(s.counter.count());
        if (++s.item < s.items()) break;
        s.total = s.counter.count() + checksum_bytes;
        s.item = 0;
        s.stage = State::Stage::writing;
        break;
    case State::Stage::writing: {
        const std::size_t item_start = s.item == 0 ? 0 : s.item_ends[s.item - 1];
        const std::size_t from = s.produced - item_start;
        const std::size_t to = std::min(s.item_ends[s.item] - item_start, from + State::slice);
        Output out(s.extend(to - from), from, to);
        s.put_item(out);
        if (s.produced == s.item_ends[s.item] && ++s.item == s.items()) s.stage = State::Stage::checksum;
        break;
    }
    case State::Stage::checksum:
        Output(s.extend(checksum_bytes)).value(s.hasher.value());
        s.written_hashed = s.written.size();  // the checksum is not part of what it sums
        s.stage = State::Stage::done;
        break;
    case State::Stage::done: break;
    }
    return s.stage == State::Stage::done;
}

std::size_t DatasetSnapshotWriter::size() const { return state_->total; }

std::string DatasetSnapshotWriter::take_written() {
    State& s = *state_;
    if (s.written_hashed < s.written.size()) return {};
    s.written_hashed = 0;
    return std::exchange(s.written, std::string());
}

DatasetSnapshotDecode decode_dataset_snapshot(std::string_view bytes) {
    DatasetSnapshotReader reader(bytes);
    while (!reader.step()) {
    }
    return reader.take();
}

struct DatasetSnapshotReader::State {
    enum class Stage { header, checksum, note, columns, search, search_text, done };
    static constexpr std::size_t checksum_slice = std::size_t{4} << 20;
    static constexpr std::size_t text_slice = std::size_t{8} << 20;

    std::string_view bytes;
    std::string_view body;  // everything before the checksum
    Stage stage = Stage::header;
    ContentHasher hasher;
    std::size_t hashed = 0;
    std::uint32_t version = 0;
    std::uint32_t column_count = 0;
    std::uint32_t columns_read = 0;
    std::size_t rows = 0;
    std::optional<Input> in;
    DecodedDatasetSnapshot decoded;
    std::optional<StoredTexts> search_text;  // where the search index's folded text lies
    std::string search_bytes;                 // the part of it copied so far
    DatasetSnapshotDecode outcome;

    void refuse(SnapshotFault kind, std::string message) {
        outcome = fault(kind, std::move(message));
        stage = Stage::done;
    }
    void check_header();
    void hash_a_slice();
    void read_note();
    void read_search_index();
    void copy_search_text();
    void finish(bool ok);
};

void DatasetSnapshotReader::State::check_header() {
    if (bytes.substr(0, magic.size()) != magic.substr(0, std::min(bytes.size(), magic.size())) || bytes.empty())
        return refuse(SnapshotFault::wrong_magic, "it does not start with the snapshot's mark");
    if (bytes.size() < header_bytes + checksum_bytes)
        return refuse(SnapshotFault::length_mismatch, "it holds " + std::to_string(bytes.size()) + " bytes, fewer than its header");
    version = read_u32(bytes, 8);
    if (version < oldest_dataset_snapshot_version || version > dataset_snapshot_version)
        return refuse(SnapshotFault::unknown_version, "format version " + std::to_string(version) + ", this app reads versions " +
                                                          std::to_string(oldest_dataset_snapshot_version) + " to " +
                                                          std::to_string(dataset_snapshot_version));
    const std::uint64_t total = read_u64(bytes, 16);
    if (total != bytes.size())
        return refuse(SnapshotFault::length_mismatch,
                      "it holds " + std::to_string(bytes.size()) + " bytes, its header says " + std::to_string(total));
    body = bytes.substr(0, bytes.size() - checksum_bytes);
    stage = Stage::checksum;
}

void DatasetSnapshotReader::State::hash_a_slice() {
    const std::size_t size = std::min(checksum_slice, body.size() - hashed);
    hasher.update(body.substr(hashed, size));
    hashed += size;
    if (hashed < body.size()) return;
    if (hasher.value() != read_u64(bytes, body.size()))
        return refuse(SnapshotFault::checksum_mismatch, "its checksum does not match its content (it changed after it was written)");
    stage = Stage::note;
}

void DatasetSnapshotReader::State::read_note() {
    column_count = read_u32(bytes, 12);
    const std::uint64_t row_count = read_u64(bytes, 24);
    in.emplace(body.substr(header_bytes - 4));
    decoded.note = in->text();
    // Every column holds at least a bit per row: more rows than bits cannot be.
    if (!in->ok() || row_count > UINT32_MAX || row_count / 8 > bytes.size()) return finish(false);
    rows = static_cast<std::size_t>(row_count);
    stage = Stage::columns;
}

void DatasetSnapshotReader::State::read_search_index() {
    bool ok = false;
    decoded.search = read_search_index_head(*in, rows, search_text, ok);
    if (!ok || !decoded.search) return finish(ok);
    search_bytes.reserve(search_text->bytes.size());
    stage = Stage::search_text;
}

void DatasetSnapshotReader::State::copy_search_text() {
    const std::string_view text = search_text->bytes;
    search_bytes.append(text.substr(search_bytes.size(), text_slice));
    if (search_bytes.size() < text.size()) return;
    decoded.search->haystacks = TextPool(std::move(search_bytes), std::move(search_text->ends));
    search_text.reset();
    finish(true);
}

void DatasetSnapshotReader::State::finish(bool ok) {
    if (!ok || !in || !in->at_end()) return refuse(SnapshotFault::malformed, "its columns do not fit its header");
    outcome = DatasetSnapshotDecode{};
    outcome.snapshot = std::move(decoded);
    stage = Stage::done;
}

DatasetSnapshotReader::DatasetSnapshotReader(std::string_view bytes) : state_(std::make_unique<State>()) {
    state_->bytes = bytes;
}

DatasetSnapshotReader::~DatasetSnapshotReader() = default;
DatasetSnapshotReader::DatasetSnapshotReader(DatasetSnapshotReader&&) noexcept = default;
DatasetSnapshotReader& DatasetSnapshotReader::operator=(DatasetSnapshotReader&&) noexcept = default;

bool DatasetSnapshotReader::step() {
    State& state = *state_;
    using Stage = State::Stage;
    switch (state.stage) {
    case Stage::header: state.check_header(); break;
    case Stage::checksum: state.hash_a_slice(); break;
    case Stage::note: state.read_note(); break;
    case Stage::columns:
        if (state.columns_read == state.column_count) {
            if (state.version >= 2) state.stage = Stage::search;
            else state.finish(true);
        } else if (read_column(*state.in, state.decoded.dataset, state.rows)) {
            ++state.columns_read;
        } else {
            state.finish(false);
        }
        break;
    case Stage::search: state.read_search_index(); break;
    case Stage::search_text: state.copy_search_text(); break;
    case Stage::done: break;
    }
    return state.stage == Stage::done;
}

bool DatasetSnapshotReader::done() const { return state_->stage == State::Stage::done; }

double DatasetSnapshotReader::progress() const {
    const State& state = *state_;
    if (state.stage == State::Stage::done) return 1.0;
    if (state.body.empty()) return 0.0;
    const double size = static_cast<double>(state.body.size());
    const std::size_t text_left = state.search_text ? state.search_text->bytes.size() - state.search_bytes.size() : 0;
    const double read = state.in ? static_cast<double>(state.in->position() - text_left) : 0.0;
    return 0.5 * static_cast<double>(state.hashed) / size + 0.5 * read / size;
}

DatasetSnapshotDecode DatasetSnapshotReader::take() { return std::move(state_->outcome); }

}  // namespace radar
