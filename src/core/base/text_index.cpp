// Sizing and renumbering a text index.
#include "core/base/text_index.hpp"

namespace radar {

void TextIndex::prepare(std::size_t places) {
    std::size_t slots = 16;
    while (slots < places * 2) slots *= 2;
    entries_.assign(slots, 0);
    count_ = 0;
}

void TextIndex::renumber(const std::vector<std::size_t>& new_place) {
    for (std::uint64_t& entry : entries_)
        if (entry != 0) entry = tag_of(entry) | (static_cast<std::uint64_t>(new_place[place_of(entry)]) + 1);
}

}  // namespace radar
