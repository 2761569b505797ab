// Linear-probing hash table over the id column.
#include "import/id_index.hpp"

namespace radar {

std::uint64_t IdIndex::hash_of(std::string_view id) const {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char c : id) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    return hash ^ (hash >> 29);
}

void IdIndex::reserve(std::size_t count) {
    std::size_t slots = 1024;
    while (slots < count * 2) slots *= 2;
    if (slots > slots_.size()) grow(slots);
}

std::optional<std::uint32_t> IdIndex::find(std::string_view id) const {
    if (slots_.empty()) return std::nullopt;
    const std::uint64_t hash = hash_of(id);
    const std::uint8_t tag = tag_of(hash);
    for (std::size_t slot = slot_of(hash);; slot = (slot + 1) & (slots_.size() - 1)) {
        const std::uint32_t entry = slots_[slot];
        if (entry == 0) return std::nullopt;
        if (tags_[slot] == tag && ids_[entry - 1] == id) return entry - 1;
    }
}

void IdIndex::place(std::uint32_t entry, std::uint64_t hash) {
    std::size_t slot = slot_of(hash);
    while (slots_[slot] != 0) slot = (slot + 1) & (slots_.size() - 1);
    slots_[slot] = entry;
    tags_[slot] = tag_of(hash);
}

void IdIndex::insert(std::uint32_t row) {
    if ((count_ + 1) * 2 > slots_.size()) grow(slots_.empty() ? 1024 : slots_.size() * 2);
    place(row + 1, hash_of(ids_[row]));
    ++count_;
}

void IdIndex::grow(std::size_t slot_count) {
    std::vector<std::uint32_t> old;
    old.swap(slots_);
    slots_.assign(slot_count, 0);
    tags_.assign(slot_count, 0);
    for (std::uint32_t entry : old)
        if (entry != 0) place(entry, hash_of(ids_[entry - 1]));
}

}  // namespace radar
