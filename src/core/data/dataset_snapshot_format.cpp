// The snapshot's shared decoding (dataset_snapshot_format.hpp): stored texts, the search index's
// head, one column (packed values widened as they are copied out).
#include "core/data/dataset_snapshot_format.hpp"

#include <cstdint>

namespace radar::snapshot_format {
namespace {

// `rows` packed values of `width` bytes, each widened by `widen` into `values`; false when they
// run past the end or `widen` refuses one.
template <typename Stored, typename Widened, typename Widen>
bool unpack_as(std::string_view bytes, std::vector<Widened>& values, Widen widen) {
    const std::size_t rows = values.size();
    for (std::size_t row = 0; row < rows; ++row) {
        Stored stored;
        std::memcpy(&stored, bytes.data() + row * sizeof(Stored), sizeof(Stored));
        if (!widen(stored, values[row])) return false;
    }
    return true;
}

template <typename Widened, typename Widen>
std::optional<std::vector<Widened>> unpack(Input& in, std::size_t rows, std::uint8_t width, Widen widen) {
    if (rows > SIZE_MAX / width) return std::nullopt;
    const std::string_view bytes = in.take(static_cast<std::uint64_t>(rows) * width);
    if (!in.ok()) return std::nullopt;
    std::vector<Widened> values(rows);
    const bool ok = width == 1   ? unpack_as<std::uint8_t>(bytes, values, widen)
                    : width == 2 ? unpack_as<std::uint16_t>(bytes, values, widen)
                                 : unpack_as<std::uint32_t>(bytes, values, widen);
    if (!ok) return std::nullopt;
    return values;
}

// The integers of a packed_integers column: each its offset from `base`.
std::optional<std::vector<std::int32_t>> read_packed_integers(Input& in, std::size_t rows) {
    const auto base = in.value<std::int32_t>();
    const auto width = in.value<std::uint8_t>();
    if (!in.ok() || !is_packed_width(width)) return std::nullopt;
    return unpack<std::int32_t>(in, rows, width, [base](std::uint32_t offset, std::int32_t& value) {
        const std::int64_t wide = std::int64_t{base} + offset;
        value = static_cast<std::int32_t>(wide);
        return wide <= INT32_MAX;
    });
}

// A dictionary column's codes, each below `value_count`: 4 bytes each, or packed.
std::optional<std::vector<std::uint32_t>> read_codes(Input& in, std::size_t rows, std::uint32_t value_count, bool packed) {
    return unpack<std::uint32_t>(in, rows, packed ? code_width(value_count) : 4,
                                 [value_count](std::uint32_t stored, std::uint32_t& code) {
                                     code = stored;
                                     return code < value_count;
                                 });
}

}  // namespace

std::optional<StoredTexts> read_stored_texts(Input& in, std::uint64_t count) {
    std::vector<std::uint32_t> ends = in.copy<std::uint32_t>(count);
    const auto byte_count = in.value<std::uint64_t>();
    const std::string_view bytes = in.take(byte_count);
    if (!in.ok()) return std::nullopt;
    std::uint32_t previous = 0;
    for (const std::uint32_t end : ends) {
        if (end < previous) return std::nullopt;
        previous = end;
    }
    if (previous != byte_count) return std::nullopt;
    return StoredTexts{std::move(ends), bytes};
}

std::optional<TextPool> read_texts(Input& in, std::uint64_t count) {
    std::optional<StoredTexts> texts = read_stored_texts(in, count);
    if (!texts) return std::nullopt;
    return TextPool(std::string(texts->bytes), std::move(texts->ends));
}

std::optional<StoredSearchIndex> read_search_index_head(Input& in, std::size_t rows, std::optional<StoredTexts>& text, bool& ok) {
    const auto present = in.value<std::uint8_t>();
    ok = in.ok() && present <= 1;
    if (!ok || present == 0) return std::nullopt;
    StoredSearchIndex search;
    search.format = in.value<std::uint32_t>();
    const auto column_count = in.value<std::uint32_t>();
    for (std::uint32_t column = 0; in.ok() && column < column_count; ++column) search.columns.push_back(in.text());
    text = read_stored_texts(in, rows);
    ok = text.has_value();
    if (!ok) return std::nullopt;
    return search;
}

bool read_column(Input& in, Dataset& dataset, std::size_t rows) {
    std::string name = in.text();
    const auto type = in.value<std::uint8_t>();
    const auto kind = in.value<std::uint8_t>();
    const auto protection = in.value<std::uint8_t>();
    const auto storage = in.value<std::uint8_t>();
    if (!in.ok() || type > static_cast<std::uint8_t>(ColumnType::date) || kind > static_cast<std::uint8_t>(ValueKind::boolean) ||
        protection > 1 || storage > static_cast<std::uint8_t>(Storage::packed_dictionary))
        return false;
    const Storage stored = static_cast<Storage>(storage);
    const bool text = static_cast<ColumnType>(type) == ColumnType::text;
    if (text != (stored == Storage::dictionary || stored == Storage::pool || stored == Storage::packed_dictionary)) return false;
    std::vector<std::uint64_t> missing = in.copy<std::uint64_t>((rows + 63) / 64);
    if (!in.ok()) return false;
    Column& column = dataset.add_column(std::move(name), static_cast<ColumnType>(type));
    column.kind = static_cast<ValueKind>(kind);
    column.protected_attribute = protection == 1;
    column.missing = MissingFlags::from_words(std::move(missing), rows);
    switch (stored) {
    case Storage::integers: column.numbers = NumberColumn::from_integers(in.copy<std::int32_t>(rows)); return in.ok();
    case Storage::packed_integers: {
        std::optional<std::vector<std::int32_t>> integers = read_packed_integers(in, rows);
        if (!integers) return false;
        column.numbers = NumberColumn::from_integers(std::move(*integers));
        return true;
    }
    case Storage::doubles: column.numbers = NumberColumn::from_doubles(in.copy<double>(rows)); return in.ok();
    case Storage::dictionary:
    case Storage::packed_dictionary: {
        const auto value_count = in.value<std::uint32_t>();
        if (!in.ok() || value_count > TextColumn::dictionary_limit) return false;
        std::optional<TextPool> values = read_texts(in, value_count);
        if (!values) return false;
        std::optional<std::vector<std::uint32_t>> codes =
            read_codes(in, rows, value_count, stored == Storage::packed_dictionary);
        if (!codes) return false;
        column.texts = TextColumn::from_dictionary(std::move(*values), std::move(*codes));
        return true;
    }
    case Storage::pool: {
        std::optional<TextPool> cells = read_texts(in, rows);
        if (!cells) return false;
        column.texts = TextColumn::from_pool(std::move(*cells));
        return true;
    }
    }
    return false;
}

DatasetSnapshotDecode fault(SnapshotFault kind, std::string message) {
    DatasetSnapshotDecode decode;
    decode.fault = kind;
    decode.message = "not a readable dataset snapshot: " + std::move(message);
    return decode;
}

}  // namespace radar::snapshot_format
