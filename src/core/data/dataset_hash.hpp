// A content fingerprint of a dataset snapshot (SHA-256 over field names, types and CSV text), so
// a frozen batch can say exactly which data it was selected from. DatasetHasher computes the same
// value a slice of rows at a time, so the browser can spread a million rows over many frames.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/data/dataset.hpp"
#include "core/base/sha256.hpp"

namespace radar {

// 64 lower-case hex digits; equal datasets (same fields, types, order and cell texts) hash equally.
std::string dataset_sha256(const Dataset& dataset);

class DatasetHasher {
public:
    // `dataset` must outlive the hasher and stay unchanged while it works.
    explicit DatasetHasher(const Dataset& dataset);
    // Hashes up to `max_rows` more rows; true once every row is hashed.
    bool hash_rows(std::size_t max_rows);
    std::size_t rows_hashed() const { return next_row_; }
    bool done() const { return next_row_ >= dataset_.row_count(); }
    // dataset_sha256 of the dataset; call once, when done().
    std::string finish();

private:
    // Writes one CSV field (quoted when it holds a comma, quote or line break) or separator into
    // piece_: the same text as append_csv_field, without a string append per field (the
    // appends were three quarters of the hashing time in wasm).
    void append_field(std::string_view value);
    void append_separator(char separator);
    void flush();

    const Dataset& dataset_;
    Sha256 hash_;
    std::string piece_;  // CSV text waiting to be hashed: its first used_ bytes
    std::size_t used_ = 0;
    std::string scratch_;  // one cell's text
    std::size_t next_row_ = 0;
};

}  // namespace radar
