// The row-by-row work a dataset needs before it can be shown — its SHA-256 fingerprint (which
// every batch cites), its rows by dossier id and its search index — done a slice of rows at a time. Accepting a
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
#include "core/data/id_index.hpp"
#include "core/search/search_index.hpp"

namespace radar {

// The column whose rows are indexed by id.
inline constexpr const char* dossier_id_column = "dossier_id";

struct PreparedDataset {
    std::string sha256;  // dataset_sha256
    // Over the dataset's dossier_id_column (none without one); rebind it when the dataset moves.
    std::unique_ptr<IdIndex> row_by_id;
    std::unique_ptr<SearchIndex> search;
};

class DatasetPreparation {
public:
    // `dataset` must outlive the preparation and stay unchanged while it works. A fingerprint
    // or a complete search index known already (`known_sha256`, `known_search`, e.g. kept with a
    // stored snapshot) is not computed again.
    DatasetPreparation(const Dataset& dataset, const std::vector<std::string>& search_columns, std::string known_sha256 = {},
                       std::optional<SearchIndex> known_search = std::nullopt);
    // Does up to `max_rows` rows of work (hashing first, then the ids, then the search index); true
    // once all is done.
    bool advance(std::size_t max_rows);
    bool done() const { return hashed() && ids_indexed() && search_->rows_indexed() >= dataset_.row_count(); }
    // 0..1: rows hashed, indexed by id and indexed for search over three times the row count.
    double progress() const;
    // The results, after doing whatever work is left; call once. The preparation is spent afterwards.
    PreparedDataset take();

private:
    bool hashed() const { return !known_sha256_.empty() || hasher_.done(); }
    bool ids_indexed() const { return !row_by_id_ || row_by_id_->rows_indexed() >= dataset_.row_count(); }

    const Dataset& dataset_;
    std::string known_sha256_;
    DatasetHasher hasher_;
    std::unique_ptr<IdIndex> row_by_id_;
    std::unique_ptr<SearchIndex> search_;
};

}  // namespace radar
