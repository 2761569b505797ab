// Hashing, then indexing by id and for search, in slices of rows.
#include "core/data/dataset_preparation.hpp"

#include <limits>

namespace radar {

DatasetPreparation::DatasetPreparation(const Dataset& dataset, const std::vector<std::string>& search_columns,
                                       std::string known_sha256, std::optional<SearchIndex> known_search)
    : dataset_(dataset),
      known_sha256_(std::move(known_sha256)),
      hasher_(dataset),
      search_(std::make_unique<SearchIndex>(known_search ? std::move(*known_search) : SearchIndex::in_steps(dataset, search_columns))) {
    if (const Column* ids = dataset.find(dossier_id_column)) row_by_id_ = std::make_unique<IdIndex>(ids->texts);
}

bool DatasetPreparation::advance(std::size_t max_rows) {
    if (!hashed()) {
        const std::size_t before = hasher_.rows_hashed();
        hasher_.hash_rows(max_rows);
        max_rows -= hasher_.rows_hashed() - before;
    }
    if (max_rows > 0 && !ids_indexed()) {
        const std::size_t before = row_by_id_->rows_indexed();
        row_by_id_->index_next_rows(max_rows);
        max_rows -= row_by_id_->rows_indexed() - before;
    }
    if (max_rows > 0) search_->index_rows(dataset_, max_rows);
    return done();
}

double DatasetPreparation::progress() const {
    const double rows = static_cast<double>(dataset_.row_count());
    if (rows == 0) return done() ? 1.0 : 0.0;
    const double hashed_rows = known_sha256_.empty() ? static_cast<double>(hasher_.rows_hashed()) : rows;
    const double id_rows = row_by_id_ ? static_cast<double>(row_by_id_->rows_indexed()) : rows;
    return (hashed_rows + id_rows + static_cast<double>(search_->rows_indexed())) / (3 * rows);
}

PreparedDataset DatasetPreparation::take() {
    advance(std::numeric_limits<std::size_t>::max());
    PreparedDataset prepared;
    prepared.sha256 = known_sha256_.empty() ? hasher_.finish() : std::move(known_sha256_);
    prepared.row_by_id = std::move(row_by_id_);
    prepared.search = std::move(search_);
    return prepared;
}

}  // namespace radar
