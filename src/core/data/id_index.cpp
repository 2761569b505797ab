// Linear-probing hash table over the id column.
#include "core/data/id_index.hpp"

#include <algorithm>

namespace radar {

void IdIndex::reserve(std::size_t count) {
    std::size_t slots = 1024;
    while (slots < count * 2) slots *= 2;
    if (slots > slots_.size()) grow(slots);
}

std::optional<std::uint32_t> IdIndex::find(std::string_view id, std::uint64_t hash) const {
    if (slots_.empty()) return std::nullopt;
    const std::uint64_t tag = tag_of(hash);
    for (std::size_t slot = slot_of(hash);; slot = (slot + 1) & (slots_.size() - 1)) {
        const std::uint64_t entry = slots_[slot];
        if (entry == 0) return std::nullopt;
        const auto row = static_cast<std::uint32_t>(entry) - 1;
        if ((entry & 0xFFFFFFFF00000000ULL) == tag && same_text((*ids_)[row], id)) return row;
    }
}

void IdIndex::place(std::uint64_t entry) {
    // The slot comes from the hash's low bits, which the entry does not keep: rehash the id.
    const auto row = static_cast<std::uint32_t>(entry) - 1;
    std::size_t slot = slot_of(hash_of((*ids_)[row]));
    while (slots_[slot] != 0) slot = (slot + 1) & (slots_.size() - 1);
    slots_[slot] = entry;
}

void IdIndex::insert(std::uint32_t row, std::uint64_t hash) {
    if ((count_ + 1) * 2 > slots_.size()) grow(slots_.empty() ? 1024 : slots_.size() * 2);
    std::size_t slot = slot_of(hash);
    while (slots_[slot] != 0) slot = (slot + 1) & (slots_.size() - 1);
    slots_[slot] = tag_of(hash) | (static_cast<std::uint64_t>(row) + 1);
    ++count_;
}

bool IdIndex::index_next_rows(std::size_t max_rows) {
    const std::size_t rows = ids_->size();
    reserve(rows);
    const std::size_t end = count_ + std::min(max_rows, rows - count_);
    for (std::size_t row = count_; row < end; ++row) insert(static_cast<std::uint32_t>(row), hash_of((*ids_)[row]));
    return count_ == rows;
}

void IdIndex::grow(std::size_t slot_count) {
    std::vector<std::uint64_t> old;
    old.swap(slots_);
    slots_.assign(slot_count, 0);
    for (std::uint64_t entry : old)
        if (entry != 0) place(entry);
}

}  // namespace radar
