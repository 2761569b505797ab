// Linear-probing hash table over the id column.
#include "import/id_index.hpp"

namespace radar {
namespace {

std::uint64_t hash_of(std::string_view text) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    return hash ^ (hash >> 29);
}

}  // namespace

void IdIndex::reserve(std::size_t count) {
    std::size_t slots = 1024;
    while (slots < count * 2) slots *= 2;
    if (slots > slots_.size()) grow(slots);
}

std::size_t IdIndex::slot_of(std::string_view id) const {
    return static_cast<std::size_t>(hash_of(id) & (slots_.size() - 1));
}

std::optional<std::uint32_t> IdIndex::find(std::string_view id) const {
    if (slots_.empty()) return std::nullopt;
    for (std::size_t slot = slot_of(id);; slot = (slot + 1) & (slots_.size() - 1)) {
        const std::uint32_t entry = slots_[slot];
        if (entry == 0) return std::nullopt;
        if (ids_[entry - 1] == id) return entry - 1;
    }
}

void IdIndex::insert(std::uint32_t row) {
    if ((count_ + 1) * 2 > slots_.size()) grow(slots_.empty() ? 1024 : slots_.size() * 2);
    std::size_t slot = slot_of(ids_[row]);
    while (slots_[slot] != 0) slot = (slot + 1) & (slots_.size() - 1);
    slots_[slot] = row + 1;
    ++count_;
}

void IdIndex::grow(std::size_t slot_count) {
    std::vector<std::uint32_t> old;
    old.swap(slots_);
    slots_.assign(slot_count, 0);
    for (std::uint32_t entry : old) {
        if (entry == 0) continue;
        std::size_t slot = slot_of(ids_[entry - 1]);
        while (slots_[slot] != 0) slot = (slot + 1) & (slots_.size() - 1);
        slots_[slot] = entry;
    }
}

}  // namespace radar
