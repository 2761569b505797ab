// Dataset fingerprint: a header line with the column types, then the dataset as CSV.
#include "dataset_hash.hpp"

#include <algorithm>

#include "csv_writer.hpp"

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
    append_csv_header(piece_, dataset);
}

void DatasetHasher::flush() {
    hash_.update(piece_);
    piece_.clear();
}

bool DatasetHasher::hash_rows(std::size_t max_rows) {
    const std::size_t end = std::min(dataset_.row_count(), next_row_ + std::min(max_rows, dataset_.row_count()));
    for (; next_row_ < end; ++next_row_) {
        append_csv_dataset_row(piece_, dataset_, next_row_, scratch_);
        if (piece_.size() >= piece_bytes) flush();
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
