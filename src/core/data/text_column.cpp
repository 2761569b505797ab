// Dictionary lookups, the switch to a pool, and capacity planning for TextColumn.
#include "core/data/text_column.hpp"

#include "core/base/spare_capacity.hpp"
#include "core/base/text_hash.hpp"

namespace radar {

void TextPool::trim_capacity() {
    release_spare_capacity(bytes_);
    release_spare_capacity(ends_);
}

TextColumn TextColumn::from_dictionary(TextPool values, std::vector<std::uint32_t> codes) {
    TextColumn column;
    column.values_ = std::move(values);
    column.codes_ = std::move(codes);
    // The table push_back looks values up in, as large as pushing the values would have made it.
    std::size_t slot_count = 64;
    while (column.values_.size() * 2 > slot_count) slot_count *= 2;
    column.index_values(slot_count);
    return column;
}

TextColumn TextColumn::from_pool(TextPool cells) {
    TextColumn column;
    column.cells_ = std::move(cells);
    column.pooled_ = true;
    return column;
}

void TextColumn::grow_slots() { index_values(slots_.empty() ? 64 : slots_.size() * 2); }

void TextColumn::index_values(std::size_t slot_count) {
    std::vector<std::uint32_t> slots(slot_count, 0);
    const std::size_t mask = slots.size() - 1;
    for (std::uint32_t code = 0; code < values_.size(); ++code) {
        std::size_t slot = hash_text(values_[code]) & mask;
        while (slots[slot] != 0) slot = (slot + 1) & mask;
        slots[slot] = code + 1;
    }
    slots_.swap(slots);
}

void TextColumn::push_code(std::string_view text) {
    // Columns such as a status or an empty remark often repeat the cell above: no lookup then.
    if (!codes_.empty() && same_text(values_[codes_.back()], text)) {
        codes_.push_back(codes_.back());
        return;
    }
    if ((values_.size() + 1) * 2 > slots_.size()) grow_slots();
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = hash_text(text) & mask;
    for (; slots_[slot] != 0; slot = (slot + 1) & mask) {
        const std::uint32_t code = slots_[slot] - 1;
        if (same_text(values_[code], text)) {
            codes_.push_back(code);
            return;
        }
    }
    push_new_value(text, slot);
}

void TextColumn::push_new_value(std::string_view text, std::size_t slot) {
    if (values_.size() == dictionary_limit || mostly_distinct()) {
        pool_cells();
        cells_.push_back(text);
        return;
    }
    const auto code = static_cast<std::uint32_t>(values_.size());
    values_.push_back(text);
    slots_[slot] = code + 1;
    codes_.push_back(code);
}

bool TextColumn::mostly_distinct() const {
    const std::size_t distinct = values_.size();
    const bool checkpoint = distinct >= early_pool_check && (distinct & (distinct - 1)) == 0;
    return checkpoint && distinct * 2 > codes_.size();
}

void TextColumn::reserve_pool(std::size_t rows, std::size_t bytes_so_far, std::size_t cells_so_far) {
    const double average = cells_so_far == 0 ? 8.0 : static_cast<double>(bytes_so_far) / static_cast<double>(cells_so_far);
    cells_.reserve(rows, static_cast<std::size_t>(average * static_cast<double>(rows) * 1.05) + 64);
}

void TextColumn::pool_cells() {
    std::size_t bytes = 0;
    for (std::uint32_t code : codes_) bytes += values_[code].size();
    // The planned capacity carries over, so an import does not regrow the pool.
    reserve_pool(codes_.capacity(), bytes, codes_.size());
    for (std::uint32_t code : codes_) cells_.push_back(values_[code]);
    values_ = TextPool();
    std::vector<std::uint32_t>().swap(codes_);
    std::vector<std::uint32_t>().swap(slots_);
    pooled_ = true;
}

void TextColumn::reserve(std::size_t rows) {
    if (!pooled_) {
        codes_.reserve(rows);
        return;
    }
    if (rows <= cells_.size()) return;
    reserve_pool(rows, cells_.byte_count(), cells_.size());
}

void TextColumn::trim_capacity() {
    values_.trim_capacity();
    release_spare_capacity(codes_);
    cells_.trim_capacity();
}

std::size_t TextColumn::allocated_bytes() const {
    return values_.allocated_bytes() + codes_.capacity() * sizeof(std::uint32_t) + slots_.capacity() * sizeof(std::uint32_t) +
           cells_.allocated_bytes();
}

}  // namespace radar
