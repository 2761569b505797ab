// The snapshot's shared decoding (dataset_snapshot_format.hpp): stored texts, the search index's
// head, one column.
#include "core/data/dataset_snapshot_format.hpp"

namespace radar::snapshot_format {

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
        protection > 1 || storage > static_cast<std::uint8_t>(Storage::pool))
        return false;
    const bool text = static_cast<ColumnType>(type) == ColumnType::text;
    if (text != (storage >= static_cast<std::uint8_t>(Storage::dictionary))) return false;
    std::vector<std::uint64_t> missing = in.copy<std::uint64_t>((rows + 63) / 64);
    if (!in.ok()) return false;
    Column& column = dataset.add_column(std::move(name), static_cast<ColumnType>(type));
    column.kind = static_cast<ValueKind>(kind);
    column.protected_attribute = protection == 1;
    column.missing = MissingFlags::from_words(std::move(missing), rows);
    switch (static_cast<Storage>(storage)) {
    case Storage::integers: column.numbers = NumberColumn::from_integers(in.copy<std::int32_t>(rows)); return in.ok();
    case Storage::doubles: column.numbers = NumberColumn::from_doubles(in.copy<double>(rows)); return in.ok();
    case Storage::dictionary: {
        const auto value_count = in.value<std::uint32_t>();
        if (!in.ok() || value_count > TextColumn::dictionary_limit) return false;
        std::optional<TextPool> values = read_texts(in, value_count);
        if (!values) return false;
        std::vector<std::uint32_t> codes = in.copy<std::uint32_t>(rows);
        if (!in.ok()) return false;
        for (const std::uint32_t code : codes)
            if (code >= value_count) return false;
        column.texts = TextColumn::from_dictionary(std::move(*values), std::move(codes));
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
