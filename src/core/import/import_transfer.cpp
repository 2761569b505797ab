// The import's request and answer as bytes. Layout (all integers little-endian):
//   header   8-byte magic ("RDRIMPQ\n" request, "RDRIMPR\n" result) · u32 version · u64 total length
//   request  dictionary: i32 version · fields · options: source name · u64 total bytes · u8 format
//            · delimiter byte · u8 encoding · u8 decimal mark · optional profile · limits (u64 each)
//   result   u8 status · failure · failure_nl · source name · mapping profile · u8 format
//            · delimiter byte · u8 encoding · u64 byte count · u64 content hash · u8 row limit hit
//            · columns · fields not found · source rows (u64 count · u32 each, as a block)
//            · summary (u64 counts, by_reason in DiagnosticReason order) · diagnostics · rejected rows
//            · u64 dataset snapshot length · the dataset snapshot (to the end)
// A text is u32 length · bytes; a list u32 count · its items; an optional u8 0/1 · its value;
// a flag or an enum one byte; a size_t a u64. Each struct's members, in declaration order, are
// listed once (the *_layout functions) for both directions: a Writer appends them, a Reader
// (over snapshot_format::Input, bounds-checked) reads them back and refuses what it cannot have written.
#include "core/import/import_transfer.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/data/dataset_snapshot.hpp"
#include "core/data/dataset_snapshot_format.hpp"

namespace radar {
namespace {

constexpr std::string_view request_magic = "RDRIMPQ\n";
constexpr std::string_view result_magic = "RDRIMPR\n";
constexpr std::size_t total_length_at = 8 + 4;
constexpr std::size_t header_bytes = total_length_at + 8;

// Appends values in the layout above.
class Writer {
public:
    explicit Writer(std::string& bytes) : bytes_(bytes) {}

    template <typename Value>
    void number(Value value) {
        static_assert(std::is_arithmetic_v<Value>);
        bytes_.append(reinterpret_cast<const char*>(&value), sizeof value);
    }
    void size(std::size_t value) { number(static_cast<std::uint64_t>(value)); }
    void flag(bool value) { number(static_cast<std::uint8_t>(value)); }
    // The last enumerator only matters to the Reader.
    template <typename Enum>
    void enumerated(Enum value, Enum) {
        number(static_cast<std::uint8_t>(value));
    }
    void text(std::string_view text) {
        number(static_cast<std::uint32_t>(text.size()));
        bytes_.append(text);
    }
    template <typename Value>
    void block(const std::vector<Value>& values) {
        static_assert(std::is_arithmetic_v<Value>);
        number(static_cast<std::uint64_t>(values.size()));
        bytes_.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(Value));
    }
    template <typename Value, typename Layout>
    void optional(const std::optional<Value>& value, Layout layout) {
        flag(value.has_value());
        if (value) layout(*this, *value);
    }
    template <typename Item, typename Layout>
    void list(const std::vector<Item>& items, Layout layout) {
        number(static_cast<std::uint32_t>(items.size()));
        for (const Item& item : items) layout(*this, item);
    }

private:
    std::string& bytes_;
};

// The fewest bytes an Item takes: a default one, with every text and list empty and no optional.
template <typename Item, typename Layout>
std::size_t least_encoded_size(Layout layout) {
    static const std::size_t size = [layout] {
        std::string bytes;
        Writer out(bytes);
        const Item item{};
        layout(out, item);
        return std::max<std::size_t>(bytes.size(), 1);
    }();
    return size;
}

// Reads what a Writer wrote. A read past the end, a flag or enum out of range, a size_t too big or
// a list count its remaining bytes cannot hold fails it (before anything is reserved for the list).
class Reader {
public:
    explicit Reader(std::string_view bytes) : in_(bytes), size_(bytes.size()) {}

    bool ok() const { return in_.ok() && !malformed_; }
    std::size_t position() const { return in_.position(); }
    std::size_t remaining() const { return size_ - in_.position(); }
    std::string_view take(std::size_t size) { return in_.take(size); }

    template <typename Value>
    void number(Value& value) {
        static_assert(std::is_arithmetic_v<Value>);
        value = in_.value<Value>();
    }
    void size(std::size_t& value) {
        const std::uint64_t stored = in_.value<std::uint64_t>();
        if (stored > std::numeric_limits<std::size_t>::max()) malformed_ = true;
        value = static_cast<std::size_t>(stored);
    }
    void flag(bool& value) {
        const std::uint8_t stored = in_.value<std::uint8_t>();
        if (stored > 1) malformed_ = true;
        value = stored == 1;
    }
    template <typename Enum>
    void enumerated(Enum& value, Enum last) {
        const std::uint8_t stored = in_.value<std::uint8_t>();
        if (stored > static_cast<std::uint8_t>(last)) {
            malformed_ = true;
            value = Enum{};
            return;
        }
        value = static_cast<Enum>(stored);
    }
    void text(std::string& text) { text = in_.text(); }
    template <typename Value>
    void block(std::vector<Value>& values) {
        values = in_.copy<Value>(in_.value<std::uint64_t>());
    }
    // `value` is a fresh one (empty), as everything a Reader fills.
    template <typename Value, typename Layout>
    void optional(std::optional<Value>& value, Layout layout) {
        bool present = false;
        flag(present);
        if (present && ok()) layout(*this, value.emplace());
    }
    // A list's count, refused (0, not ok) when the remaining bytes cannot hold that many items.
    template <typename Item, typename Layout>
    std::uint32_t count_of(Layout layout) {
        const std::uint32_t count = in_.value<std::uint32_t>();
        if (!ok() || count > remaining() / least_encoded_size<Item>(layout)) {
            malformed_ = true;
            return 0;
        }
        return count;
    }
    template <typename Item, typename Layout>
    void list(std::vector<Item>& items, Layout layout) {
        const std::uint32_t count = count_of<Item>(layout);
        if (!ok()) return;
        items.assign(count, Item{});
        for (Item& item : items) {
            layout(*this, item);
            if (!ok()) return;
        }
    }

private:
    snapshot_format::Input in_;
    std::size_t size_;
    bool malformed_ = false;
};

// The layouts: `io` a Writer (and a const value) or a Reader (and a value to fill).

constexpr auto text_layout = [](auto& io, auto& text) { io.text(text); };
constexpr auto number_layout = [](auto& io, auto& number) { io.number(number); };

constexpr auto field_spec_layout = [](auto& io, auto& field) {
    io.text(field.name);
    io.enumerated(field.type, FieldType::boolean);
    io.text(field.label_nl);
    io.text(field.label_en);
    io.list(field.synonyms, text_layout);
    io.flag(field.required);
    io.flag(field.is_id);
    io.flag(field.protected_attribute);
    io.optional(field.min, number_layout);
    io.optional(field.max, number_layout);
    io.list(field.values, text_layout);
};

constexpr auto dictionary_layout = [](auto& io, auto& dictionary) {
    io.number(dictionary.version);
    io.list(dictionary.fields, field_spec_layout);
};

constexpr auto value_kind_layout = [](auto& io, auto& kind) { io.enumerated(kind, ValueKind::boolean); };

constexpr auto profile_entry_layout = [](auto& io, auto& entry) {
    io.text(entry.header);
    io.text(entry.field);
    io.flag(entry.protected_attribute);
    io.optional(entry.kind, value_kind_layout);
};

constexpr auto profile_layout = [](auto& io, auto& profile) {
    io.text(profile.name);
    io.list(profile.entries, profile_entry_layout);
};

constexpr auto limits_layout = [](auto& io, auto& limits) {
    io.size(limits.max_diagnostics);
    io.size(limits.max_rejected_rows_with_fields);
    io.size(limits.max_rejected_rows_listed);
    io.size(limits.max_rejected_cells);
    io.size(limits.max_columns);
    io.size(limits.max_record_bytes);
    io.size(limits.max_json_depth);
    io.number(limits.cells_allowed);
    io.number(limits.cells_per_byte_allowed);
    io.number(limits.row_limit);
};

constexpr auto options_layout = [](auto& io, auto& options) {
    io.text(options.source_name);
    io.number(options.total_bytes);
    io.enumerated(options.format, FormatChoice::json);
    io.number(options.delimiter);
    io.enumerated(options.encoding, EncodingChoice::windows_1252);
    io.enumerated(options.decimal_mark, DecimalMark::point);
    io.optional(options.profile, profile_layout);
    limits_layout(io, options.limits);
};

constexpr auto column_layout = [](auto& io, auto& column) {
    io.size(column.source_index);
    io.text(column.header);
    io.text(column.column_name);
    io.text(column.field);
    io.enumerated(column.origin, MappingOrigin::field_taken);
    io.flag(column.extra);
    io.flag(column.protected_attribute);
    io.enumerated(column.kind, ValueKind::boolean);
    io.flag(column.kind_chosen);
};

constexpr auto reason_layout = [](auto& io, auto& reason) { io.enumerated(reason, DiagnosticReason::rows_not_listed); };

constexpr auto summary_layout = [](auto& io, auto& summary) {
    io.number(summary.rows_read);
    io.number(summary.rows_imported);
    io.number(summary.rows_with_warnings);
    io.number(summary.rows_rejected);
    io.number(summary.blank_rows);
    io.number(summary.diagnostics_total);
    for (auto& count : summary.by_reason) io.number(count);
};

constexpr auto diagnostic_layout = [](auto& io, auto& diagnostic) {
    io.number(diagnostic.row);
    io.number(diagnostic.line);
    io.text(diagnostic.column);
    io.text(diagnostic.value);
    reason_layout(io, diagnostic.reason);
    io.enumerated(diagnostic.severity, Severity::fatal);
    io.text(diagnostic.detail);
    io.text(diagnostic.detail_nl);
};

constexpr auto rejected_row_layout = [](auto& io, auto& rejected) {
    io.number(rejected.row);
    io.number(rejected.line);
    io.list(rejected.reasons, reason_layout);
    io.list(rejected.fields, text_layout);
};

// Everything before the diagnostics.
constexpr auto result_head_layout = [](auto& io, auto& result) {
    io.enumerated(result.status, ImportStatus::failed);
    io.text(result.failure);
    io.text(result.failure_nl);
    io.text(result.source_name);
    io.text(result.mapping_profile);
    io.enumerated(result.format, SourceFormat::ndjson);
    io.number(result.delimiter);
    io.enumerated(result.encoding, TextEncoding::utf16_be);
    io.number(result.byte_count);
    io.number(result.content_hash);
    io.flag(result.stopped_at_row_limit);
    io.list(result.columns, column_layout);
    io.list(result.fields_not_found, text_layout);
    io.block(result.source_rows);
    summary_layout(io, result.summary);
};

// Everything but the dataset and `accepted` (ImportResultReader reads the two lists in steps).
constexpr auto result_layout = [](auto& io, auto& result) {
    result_head_layout(io, result);
    io.list(result.diagnostics, diagnostic_layout);
    io.list(result.rejected_rows, rejected_row_layout);
};

// The magic, the version and room for the total length (write_total_length).
void write_header(std::string& bytes, std::string_view magic) {
    bytes.append(magic);
    Writer out(bytes);
    out.number(import_transfer_version);
    out.number(std::uint64_t{0});
}

void write_total_length(std::string& bytes) {
    const std::uint64_t total = bytes.size();
    std::memcpy(bytes.data() + total_length_at, &total, sizeof total);
}

// Reads the header: empty when it is `magic`'s of this version and says the length of `in`,
// else why not (`what` names the kind of bytes expected, "an import result").
std::string header_fault(Reader& in, std::string_view magic, const std::string& what) {
    const std::size_t size = in.remaining();
    if (size < header_bytes) return "not " + what + ": " + std::to_string(size) + " bytes, shorter than its header";
    if (in.take(magic.size()) != magic) return "not " + what + ": wrong magic";
    std::uint32_t version = 0;
    in.number(version);
    if (version != import_transfer_version)
        return what + " of format version " + std::to_string(version) + "; this build reads version " +
               std::to_string(import_transfer_version);
    std::uint64_t total = 0;
    in.number(total);
    if (total != size)
        return what + " cut short or lengthened: its header says " + std::to_string(total) + " bytes, found " +
               std::to_string(size);
    return {};
}

}  // namespace

std::string encode_import_request(const FieldDictionary& dictionary, const ImportOptions& options) {
    std::string bytes;
    write_header(bytes, request_magic);
    Writer out(bytes);
    dictionary_layout(out, dictionary);
    options_layout(out, options);
    write_total_length(bytes);
    return bytes;
}

std::optional<ImportRequest> decode_import_request(std::string_view bytes) {
    Reader in(bytes);
    if (!header_fault(in, request_magic, "an import request").empty()) return std::nullopt;
    ImportRequest request;
    dictionary_layout(in, request.dictionary);
    options_layout(in, request.options);
    if (!in.ok() || in.remaining() != 0) return std::nullopt;
    return request;
}

struct ImportResultWriter::State {
    std::string head;  // everything before the snapshot, the snapshot's length included
    DatasetSnapshotWriter snapshot;
    std::size_t size = 0;
    bool head_taken = false;

    explicit State(const ImportResult& result) : snapshot(result.dataset, "", nullptr) {
        write_header(head, result_magic);
        Writer out(head);
        result_layout(out, result);
        while (snapshot.size() == 0) snapshot.step();  // its first steps only count it
        out.number(static_cast<std::uint64_t>(snapshot.size()));
        size = head.size() + snapshot.size();
        const std::uint64_t total = size;
        std::memcpy(head.data() + total_length_at, &total, sizeof total);
    }
};

ImportResultWriter::ImportResultWriter(const ImportResult& result) : state_(std::make_unique<State>(result)) {}
ImportResultWriter::~ImportResultWriter() = default;

std::size_t ImportResultWriter::size() const { return state_->size; }

std::string ImportResultWriter::next_piece() {
    if (!state_->head_taken) {
        state_->head_taken = true;
        return std::move(state_->head);
    }
    for (bool done = false; !done;) {
        done = state_->snapshot.step();
        std::string written = state_->snapshot.take_written();
        if (!written.empty()) return written;
    }
    return {};
}

std::string encode_import_result(const ImportResult& result) {
    ImportResultWriter writer(result);
    std::string bytes;
    bytes.reserve(writer.size());
    for (std::string piece = writer.next_piece(); !piece.empty(); piece = writer.next_piece()) bytes += piece;
    return bytes;
}

// Items of a list read in one step: a step stays short where allocating is slow (wasm code
// that runs once, not yet optimised: at 50,000 diagnostics the whole list took about 50 ms).
constexpr std::uint32_t items_per_step = 4096;

struct ImportResultReader::State {
    enum class Stage { head, diagnostics, rejected_rows, done };
    explicit State(std::string_view encoded) : bytes(encoded), in(encoded) {}

    // Reads up to items_per_step items of `items`, `left` of which are still to come.
    template <typename Item, typename Layout>
    void read_items(std::vector<Item>& items, Layout layout) {
        for (std::uint32_t read = 0; left > 0 && read < items_per_step && in.ok(); ++read, --left)
            layout(in, items.emplace_back());
    }
    template <typename Item, typename Layout>
    void begin_list(std::vector<Item>& items, Layout layout) {
        left = in.count_of<Item>(layout);
        items.reserve(left);
    }
    void fail() {
        decoded.error = "a malformed import result: unreadable from byte " + std::to_string(in.position()) + " of " +
                        std::to_string(bytes.size());
        decoded.result.reset();
        stage = Stage::done;
    }
    void finish() {
        std::uint64_t dataset_size = 0;
        in.number(dataset_size);
        if (!in.ok() || dataset_size != in.remaining()) return fail();
        decoded.dataset_offset = in.position();
        decoded.dataset_size = in.remaining();
        stage = Stage::done;
    }

    std::string_view bytes;
    Reader in;
    ImportResultDecode decoded;
    Stage stage = Stage::head;
    std::uint32_t left = 0;
};

ImportResultReader::ImportResultReader(std::string_view bytes) : state_(std::make_unique<State>(bytes)) {}
ImportResultReader::~ImportResultReader() = default;

bool ImportResultReader::step() {
    State& s = *state_;
    switch (s.stage) {
        case State::Stage::head:
            s.decoded.error = header_fault(s.in, result_magic, "an import result");
            if (!s.decoded.error.empty()) {
                s.stage = State::Stage::done;
                break;
            }
            result_head_layout(s.in, s.decoded.result.emplace());
            s.begin_list(s.decoded.result->diagnostics, diagnostic_layout);
            s.stage = State::Stage::diagnostics;
            break;
        case State::Stage::diagnostics:
            s.read_items(s.decoded.result->diagnostics, diagnostic_layout);
            if (s.left == 0 && s.in.ok()) {
                s.begin_list(s.decoded.result->rejected_rows, rejected_row_layout);
                s.stage = State::Stage::rejected_rows;
            }
            break;
        case State::Stage::rejected_rows:
            s.read_items(s.decoded.result->rejected_rows, rejected_row_layout);
            if (s.left == 0 && s.in.ok()) s.finish();
            break;
        case State::Stage::done:
            break;
    }
    if (s.stage != State::Stage::done && !s.in.ok()) s.fail();
    return s.stage == State::Stage::done;
}

ImportResultDecode ImportResultReader::take() { return std::move(state_->decoded); }

ImportResultDecode decode_import_result(std::string_view bytes) {
    ImportResultReader reader(bytes);
    while (!reader.step()) {
    }
    return reader.take();
}

}  // namespace radar
