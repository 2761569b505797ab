// Dataset fingerprint: a header line with the column types, then the dataset as CSV.
#include "core/data/dataset_hash.hpp"

#include <algorithm>

namespace radar {
namespace {

// CSV text is handed to SHA-256 in pieces of about this size.
constexpr std::size_t piece_bytes = std::size_t{1} << 20;

}  // namespace

DatasetHasher::DatasetHasher(const Dataset& dataset) : dataset_(dataset) {
    static constexpr const char* type_names[] = {"text", "integer", "number", "date"};
    std::string types = "types:";
    for (const Column& column : dataset.columns()) {
        types += type_names[static_cast<int>(column.type)];
        types += ',';
    }
    hash_.update(types + "\n");
    piece_.resize(piece_bytes);
    const auto& columns = dataset.columns();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (c) append_separator(',');
        append_field(columns[c].name);
    }
    append_separator('\n');
}

void DatasetHasher::append_separator(char separator) {
    if (used_ == piece_.size()) flush();
    piece_[used_++] = separator;
}

void DatasetHasher::append_field(std::string_view value) {
    const std::size_t worst_case = 2 * value.size() + 2;  // every byte a doubled quote, in quotes
    if (piece_.size() - used_ < worst_case) {
        flush();
        if (piece_.size() < worst_case) piece_.resize(worst_case);
    }
    // Copied as it is while looking for bytes that need quoting; written again quoted if any.
    char* out = &piece_[used_];
    bool needs_quotes = false;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        out[i] = c;
        needs_quotes |= c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!needs_quotes) {
        used_ += value.size();
        return;
    }
    std::size_t at = 0;
    out[at++] = '"';
    for (const char c : value) {
        if (c == '"') out[at++] = '"';
        out[at++] = c;
    }
    out[at++] = '"';
    used_ += at;
}

void DatasetHasher::flush() {
    hash_.update(std::string_view(piece_).substr(0, used_));
    used_ = 0;
}

bool DatasetHasher::hash_rows(std::size_t max_rows) {
    const std::size_t end = std::min(dataset_.row_count(), next_row_ + std::min(max_rows, dataset_.row_count()));
    const std::size_t columns = dataset_.columns().size();
    for (; next_row_ < end; ++next_row_) {
        for (std::size_t c = 0; c < columns; ++c) {
            if (c) append_separator(',');
            append_field(dataset_.cell_text(c, next_row_, scratch_));
        }
        append_separator('\n');
    }
    return done();
}

std::string DatasetHasher::finish() {
    hash_rows(dataset_.row_count());
    flush();
    return to_hex(hash_.finish());
}

std::string dataset_sha256(const Dataset& dataset) { return DatasetHasher(dataset).finish(); }

}  // namespace radar
