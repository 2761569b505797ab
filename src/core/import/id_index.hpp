// Finds duplicate dossier ids while rows stream in, without a second copy of the ids: an
// open-addressing table of row numbers into the id column itself (5 bytes a slot).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace radar {

class IdIndex {
public:
    // `ids` is the id column the stored row numbers point into.
    explicit IdIndex(const std::vector<std::string>& ids) : ids_(ids) {}

    void reserve(std::size_t count);
    // The row holding `id`, if any.
    std::optional<std::uint32_t> find(std::string_view id) const;
    // `row` must already hold its id in the id column.
    void insert(std::uint32_t row);

private:
    std::uint64_t hash_of(std::string_view id) const;
    std::size_t slot_of(std::uint64_t hash) const { return static_cast<std::size_t>(hash & (slots_.size() - 1)); }
    static std::uint8_t tag_of(std::uint64_t hash) { return static_cast<std::uint8_t>(hash >> 56); }
    void place(std::uint32_t entry, std::uint64_t hash);
    void grow(std::size_t slot_count);

    const std::vector<std::string>& ids_;
    std::vector<std::uint32_t> slots_;  // row + 1; 0 = empty
    // 8 more bits of each slot's hash: most mismatches are settled without touching the id text.
    std::vector<std::uint8_t> tags_;
    std::size_t count_ = 0;
};

}  // namespace radar
