// The row-by-row work a dataset needs before it can be shown — its SHA-256 fingerprint (which
// every batch cites) and its search index — done a slice of rows at a time. Accepting a
// million-row import in the browser spreads this over frames behind a progress bar instead of
// freezing the page for seconds.
//
//     DatasetPreparation preparation(dataset, {"dossier_id", "name"});
//     while (!preparation.advance(50'000)) show(preparation.progress());
//     PreparedDataset prepared = preparation.take();
//
// or, all at once: DatasetPreparation(dataset, columns).take().
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/data/dataset.hpp"
#include "core/data/dataset_hash.hpp"
#include "core/search/search_index.hpp"

namespace radar {

struct PreparedDataset {
    std::string sha256;  // dataset_sha256
    std::unique_ptr<SearchIndex> search;
};

class DatasetPreparation {
public:
    // `dataset` must outlive the preparation and stay unchanged while it works. A fingerprint
    // or a complete search index known already (`known_sha256`, `known_search`, e.g. kept with a
    // stored snapshot) is not computed again.
    DatasetPreparation(const Dataset& dataset, const std::vector<std::string>& search_columns, std::string known_sha256 = {},
                       std::optional<SearchIndex> known_search = std::nullopt);
    // Does up to `max_rows` rows of work (hashing first, then indexing); true once all is done.
    bool advance(std::size_t max_rows);
    bool done() const { return hashed() && search_->rows_indexed() >= dataset_.row_count(); }
    // 0..1: rows hashed and indexed over twice the row count.
    double progress() const;
    // The results, after doing whatever work is left; call once. The preparation is spent afterwards.
    PreparedDataset take();

private:
    bool hashed() const { return !known_sha256_.empty() || hasher_.done(); }

    const Dataset& dataset_;
    std::string known_sha256_;
    DatasetHasher hasher_;
    std::unique_ptr<SearchIndex> search_;
};

}  // namespace radar
