// Rows by dossier id, without a second copy of the ids: an open-addressing table of row numbers
// into the id column itself. A slot holds the row and 32 bits of the id's hash, so a probe
// touches one slot and compares text only when those match. The importer fills it while rows
// stream in, to find duplicates, from the first id that does not ascend (an export sorted by id
// needs none); a complete dataset's is built a slice of rows at a time
// (DatasetPreparation) and follows its column when the dataset moves (rebind).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/data/text_column.hpp"
#include "core/base/text_hash.hpp"

namespace radar {

class IdIndex {
public:
    // `ids` is the id column the stored row numbers point into.
    explicit IdIndex(const TextColumn& ids) : ids_(&ids) {}
    // The same ids, now held by `ids` (the dataset holding them was moved).
    void rebind(const TextColumn& ids) { ids_ = &ids; }

    static std::uint64_t hash_of(std::string_view id) { return hash_text(id); }
    void reserve(std::size_t count);
    // The row holding `id` (whose hash_of is `hash`), if any.
    std::optional<std::uint32_t> find(std::string_view id, std::uint64_t hash) const;
    std::optional<std::uint32_t> find(std::string_view id) const { return find(id, hash_of(id)); }
    // Starts loading the slot `hash` probes first, so that find() later does not wait for memory.
    void prefetch(std::uint64_t hash) const {
        if (!slots_.empty()) __builtin_prefetch(&slots_[slot_of(hash)]);
    }
    // `row` must already hold its id, whose hash_of is `hash`, in the id column.
    void insert(std::uint32_t row, std::uint64_t hash);
    // Indexes the id column's next rows after the first rows_indexed(), up to `max_rows` of them
    // (a dataset that is already complete, in slices); true once every row is indexed.
    bool index_next_rows(std::size_t max_rows);
    std::size_t rows_indexed() const { return count_; }
    // Indexes every row of the id column at once.
    void insert_all_rows() { index_next_rows(ids_->size()); }

private:
    std::size_t slot_of(std::uint64_t hash) const { return static_cast<std::size_t>(hash & (slots_.size() - 1)); }
    static std::uint64_t tag_of(std::uint64_t hash) { return hash & 0xFFFFFFFF00000000ULL; }
    void place(std::uint64_t entry);
    void grow(std::size_t slot_count);

    const TextColumn* ids_;
    // (upper 32 bits of the hash) | (row + 1); 0 = empty
    std::vector<std::uint64_t> slots_;
    std::size_t count_ = 0;
};

}  // namespace radar
