// The binary dataset snapshot's layout as its readers share it (dataset_snapshot.cpp,
// dataset_snapshot_stream.cpp): the header's constants, a bounds-checked input over stored bytes,
// and the decoding of one column or of the search index. Only the input is used elsewhere (by
// core/import/import_transfer.cpp, which reads the import worker's bytes with it).
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/dataset_snapshot.hpp"

namespace radar::snapshot_format {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the snapshot copies columns as they lie in memory");

constexpr std::string_view magic = "RDRCOLS\n";
constexpr std::size_t header_bytes = 8 + 4 + 4 + 8 + 8 + 4;
constexpr std::size_t checksum_bytes = 8;

// integers and dictionary (4-byte values and codes) were written until version 2; version 3 writes
// packed_integers and packed_dictionary instead.
enum class Storage : std::uint8_t { integers, doubles, dictionary, pool, packed_integers, packed_dictionary };

// The bytes of a packed value: the fewest of 1, 2 or 4 that hold every value up to `largest`.
inline std::uint8_t packed_width(std::uint64_t largest) { return largest <= 0xFF ? 1 : largest <= 0xFFFF ? 2 : 4; }
inline bool is_packed_width(std::uint8_t width) { return width == 1 || width == 2 || width == 4; }
// The bytes of a packed dictionary's codes: the fewest that hold its last code.
inline std::uint8_t code_width(std::uint64_t value_count) { return packed_width(value_count == 0 ? 0 : value_count - 1); }

inline std::uint32_t read_u32(std::string_view bytes, std::size_t at) {
    std::uint32_t value = 0;
    std::memcpy(&value, bytes.data() + at, sizeof value);
    return value;
}

inline std::uint64_t read_u64(std::string_view bytes, std::size_t at) {
    std::uint64_t value = 0;
    std::memcpy(&value, bytes.data() + at, sizeof value);
    return value;
}

// Reads a snapshot's bytes; any read past their end fails it.
class Input {
public:
    explicit Input(std::string_view bytes) : bytes_(bytes) {}
    bool ok() const { return ok_; }
    std::string_view take(std::uint64_t size) {
        if (!ok_ || size > bytes_.size() - at_) {
            ok_ = false;
            return {};
        }
        const std::string_view taken = bytes_.substr(at_, static_cast<std::size_t>(size));
        at_ += static_cast<std::size_t>(size);
        return taken;
    }
    template <typename Value>
    Value value() {
        Value value{};
        const std::string_view bytes = take(sizeof value);
        if (ok_) std::memcpy(&value, bytes.data(), sizeof value);
        return value;
    }
    // `count` values copied out at once; empty when they run past the end.
    template <typename Value>
    std::vector<Value> copy(std::uint64_t count) {
        if (count > (bytes_.size() - at_) / sizeof(Value)) ok_ = false;
        const std::string_view bytes = take(count * sizeof(Value));
        if (!ok_) return {};
        std::vector<Value> values(static_cast<std::size_t>(count));
        if (count > 0) std::memcpy(values.data(), bytes.data(), bytes.size());
        return values;
    }
    std::string text() { return std::string(take(value<std::uint32_t>())); }
    bool at_end() const { return at_ == bytes_.size(); }
    std::size_t position() const { return at_; }

private:
    std::string_view bytes_;
    std::size_t at_ = 0;
    bool ok_ = true;
};

// The end offsets of `count` texts written by write_texts and where their bytes lie in the snapshot.
struct StoredTexts {
    std::vector<std::uint32_t> ends;
    std::string_view bytes;
};

// Nothing when the offsets do not rise to the byte count.
std::optional<StoredTexts> read_stored_texts(Input& in, std::uint64_t count);
// The same texts as a pool.
std::optional<TextPool> read_texts(Input& in, std::uint64_t count);
// The search index without its folded text, which `text` then locates (a reader copies it);
// nothing when none was stored. `ok` is false when it is malformed.
std::optional<StoredSearchIndex> read_search_index_head(Input& in, std::size_t rows, std::optional<StoredTexts>& text, bool& ok);
// Adds the next stored column to `dataset`; false when it is malformed.
bool read_column(Input& in, Dataset& dataset, std::size_t rows);
// A refusal: "not a readable dataset snapshot: " and `message`.
DatasetSnapshotDecode fault(SnapshotFault kind, std::string message);

}  // namespace radar::snapshot_format
