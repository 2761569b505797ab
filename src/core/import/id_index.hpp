// Finds duplicate dossier ids while rows stream in, without a second copy of the ids: an
// open-addressing table of row numbers into the id column itself (4 bytes a slot).
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
    std::size_t slot_of(std::string_view id) const;
    void grow(std::size_t slot_count);

    const std::vector<std::string>& ids_;
    std::vector<std::uint32_t> slots_;  // row + 1; 0 = empty
    std::size_t count_ = 0;
};

}  // namespace radar
