// The text cells of one column without a std::string per cell. A column starts as a dictionary:
// each distinct value is stored once and a cell is a 4-byte code, which suits the many columns
// of an export that repeat a few values (province, care type, status, municipality). Past
// `dictionary_limit` distinct values, or earlier when most of its cells are distinct, it turns,
// once, into a pool: all cells' bytes in one buffer and a 4-byte end offset per cell. Cells are
// read as string_views that stay valid until the next change to the column.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace radar {

// Bytes and end offsets: the text of cell i is [ends[i-1], ends[i]).
class TextPool {
public:
    TextPool() = default;
    // Takes texts as stored: `ends` must rise and end at bytes.size().
    TextPool(std::string bytes, std::vector<std::uint32_t> ends) : bytes_(std::move(bytes)), ends_(std::move(ends)) {}

    std::size_t size() const { return ends_.size(); }
    std::string_view operator[](std::size_t index) const {
        const std::uint32_t begin = index == 0 ? 0 : ends_[index - 1];
        return std::string_view(bytes_.data() + begin, ends_[index] - begin);
    }
    // Fails (std::length_error) past 4 GiB of text, beyond any wasm heap.
    void push_back(std::string_view text) {
        bytes_.append(text.data(), text.size());
        if (bytes_.size() > UINT32_MAX) throw std::length_error("a text column holds more than 4 GiB");
        ends_.push_back(static_cast<std::uint32_t>(bytes_.size()));
    }
    void pop_back() {
        ends_.pop_back();
        bytes_.resize(ends_.empty() ? 0 : ends_.back());
    }
    void reserve(std::size_t count, std::size_t bytes) {
        ends_.reserve(count);
        bytes_.reserve(bytes);
    }
    std::size_t byte_count() const { return bytes_.size(); }
    // As stored: every text's bytes one after another, and where each text ends in them.
    std::string_view bytes() const { return bytes_; }
    const std::vector<std::uint32_t>& ends() const { return ends_; }
    void trim_capacity();
    std::size_t allocated_bytes() const { return bytes_.capacity() + ends_.capacity() * sizeof(std::uint32_t); }

private:
    std::string bytes_;
    std::vector<std::uint32_t> ends_;
};

class TextColumn {
public:
    static constexpr std::size_t dictionary_limit = 1u << 16;
    // At this many distinct values, and each doubling after, a column whose cells are more than
    // half distinct (ids, organisations) turns into a pool: its lookups would only grow a table
    // that misses the cache, for codes that save little or nothing.
    static constexpr std::size_t early_pool_check = 1u << 12;

    // A column taken as stored (a dataset snapshot), without looking up a cell: its distinct
    // values (at most dictionary_limit) and a code per cell, each below values.size() ...
    static TextColumn from_dictionary(TextPool values, std::vector<std::uint32_t> codes);
    // ... or, pooled, every cell's bytes.
    static TextColumn from_pool(TextPool cells);

    class const_iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = std::string_view;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = std::string_view;

        const_iterator(const TextColumn* column, std::size_t row) : column_(column), row_(row) {}
        std::string_view operator*() const { return (*column_)[row_]; }
        const_iterator& operator++() {
            ++row_;
            return *this;
        }
        const_iterator operator++(int) {
            const_iterator before = *this;
            ++row_;
            return before;
        }
        bool operator==(const const_iterator& other) const { return row_ == other.row_; }
        bool operator!=(const const_iterator& other) const { return row_ != other.row_; }

    private:
        const TextColumn* column_;
        std::size_t row_;
    };

    std::size_t size() const { return pooled_ ? cells_.size() : codes_.size(); }
    bool empty() const { return size() == 0; }
    std::string_view operator[](std::size_t row) const { return pooled_ ? cells_[row] : values_[codes_[row]]; }
    std::string_view back() const { return (*this)[size() - 1]; }
    const_iterator begin() const { return const_iterator(this, 0); }
    const_iterator end() const { return const_iterator(this, size()); }
    // True once the column holds every cell's bytes (too many distinct values for a dictionary).
    bool pooled() const { return pooled_; }
    // Not pooled: the distinct values (a cell's code indexes them; a value whose cells were all
    // taken back by pop_back may linger) and the code of a cell.
    std::size_t distinct_count() const { return values_.size(); }
    const TextPool& distinct_values() const { return values_; }
    // Pooled: every cell's bytes.
    const TextPool& cells() const { return cells_; }
    std::string_view distinct_value(std::size_t code) const { return values_[code]; }
    std::uint32_t code(std::size_t row) const { return codes_[row]; }

    void push_back(std::string_view text) {
        if (pooled_) cells_.push_back(text);
        else push_code(text);
    }
    void push_empty() { push_back(std::string_view()); }
    // Not pooled: a cell holding distinct_value(code), without looking the value up (a caller
    // that matched it before, such as a category's known values).
    void push_known_code(std::uint32_t code) { codes_.push_back(code); }
    void pop_back() {
        if (pooled_) cells_.pop_back();
        else codes_.pop_back();  // its value stays in the dictionary, unused
    }

    // Room for `rows` cells (and, once pooled, their bytes at the average length so far).
    void reserve(std::size_t rows);
    // Gives back capacity beyond what is used when it is more than an eighth of it.
    void trim_capacity();
    // Bytes held, capacity included.
    std::size_t allocated_bytes() const;

private:
    void push_code(std::string_view text);
    // The rarer steps of push_code, kept out of it so that its common path (a value already in
    // the dictionary) stays a small function: a value seen for the first time, in `slot`.
    [[gnu::noinline]] void push_new_value(std::string_view text, std::size_t slot);
    [[gnu::noinline]] void grow_slots();
    // Fills a table of `slot_count` slots (a power of two) with every distinct value.
    void index_values(std::size_t slot_count);
    // True at a checkpoint of distinct values when more than half the cells are distinct.
    bool mostly_distinct() const;
    // Turns the dictionary into a pool of every cell's bytes.
    void pool_cells();
    // Room in the pool for `rows` cells at the average length of the cells so far (5% spare).
    void reserve_pool(std::size_t rows, std::size_t bytes_so_far, std::size_t cells_so_far);

    bool pooled_ = false;
    // Dictionary: distinct values, a code per cell, and an open-addressing table of code + 1.
    TextPool values_;
    std::vector<std::uint32_t> codes_;
    std::vector<std::uint32_t> slots_;
    // Pool: every cell's bytes.
    TextPool cells_;
};

}  // namespace radar
