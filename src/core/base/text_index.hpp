// Text -> place (a row, a position, a group number): a linear-probing table of 64-bit entries
// (the upper half of the text's hash | place + 1) that keeps no strings; the caller says where a
// place's text is (`text_at(place)`: the id column, the decisions, the group names). Cheaper than
// a string-keyed map, which allocates a node and copies the text per entry.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/base/text_hash.hpp"

namespace radar {

class TextIndex {
public:
    // Empties the index and sizes it for `places` places, so that adding them never grows it.
    void prepare(std::size_t places);
    // Adds `place` with `text`; when a place with the same text is there already, adds nothing
    // and returns that place. `text_at` is asked only for places already added.
    template <class TextAt>
    std::optional<std::size_t> add(std::string_view text, std::size_t place, TextAt text_at) {
        if ((count_ + 1) * 2 > entries_.size()) grow(text_at);
        const std::uint64_t hash = hash_text(text);
        std::size_t slot = slot_of(hash);
        for (; entries_[slot] != 0; slot = next(slot))
            if (tag_of(entries_[slot]) == tag_of(hash) && same_text(text_at(place_of(entries_[slot])), text))
                return place_of(entries_[slot]);
        entries_[slot] = tag_of(hash) | (static_cast<std::uint64_t>(place) + 1);
        ++count_;
        return std::nullopt;
    }
    // The place whose text is `text`, if any.
    template <class TextAt>
    std::optional<std::size_t> find(std::string_view text, TextAt text_at) const {
        if (entries_.empty()) return std::nullopt;
        const std::uint64_t hash = hash_text(text);
        for (std::size_t slot = slot_of(hash); entries_[slot] != 0; slot = next(slot))
            if (tag_of(entries_[slot]) == tag_of(hash) && same_text(text_at(place_of(entries_[slot])), text))
                return place_of(entries_[slot]);
        return std::nullopt;
    }
    // Each place p becomes new_place[p] (rows become places in rank order, say).
    void renumber(const std::vector<std::size_t>& new_place);

private:
    static std::uint64_t tag_of(std::uint64_t value) { return value & 0xFFFFFFFF00000000ULL; }
    static std::size_t place_of(std::uint64_t entry) { return static_cast<std::uint32_t>(entry) - 1; }
    std::size_t slot_of(std::uint64_t hash) const { return static_cast<std::size_t>(hash) & (entries_.size() - 1); }
    std::size_t next(std::size_t slot) const { return (slot + 1) & (entries_.size() - 1); }
    // Twice the slots; the slot comes from the hash's low bits, which an entry does not keep.
    template <class TextAt>
    void grow(TextAt text_at) {
        const std::vector<std::uint64_t> old = std::move(entries_);
        entries_.assign(std::max<std::size_t>(16, old.size() * 2), 0);
        for (const std::uint64_t entry : old) {
            if (entry == 0) continue;
            std::size_t slot = slot_of(hash_text(text_at(place_of(entry))));
            while (entries_[slot] != 0) slot = next(slot);
            entries_[slot] = entry;
        }
    }

    std::vector<std::uint64_t> entries_;  // 0 = empty; at most half full
    std::size_t count_ = 0;
};

}  // namespace radar
