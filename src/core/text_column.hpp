// The text cells of one column, stored in one byte pool with an end offset per cell instead of a
// std::string each: a 1,000,000-row import then costs its bytes plus 4 per cell, without a heap
// allocation per cell. Cells are read as string_views that stay valid until the next push_back.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace radar {

class TextColumn {
public:
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

    std::size_t size() const { return ends_.size(); }
    bool empty() const { return ends_.empty(); }
    std::string_view operator[](std::size_t row) const {
        const std::uint32_t begin = row == 0 ? 0 : ends_[row - 1];
        return std::string_view(bytes_.data() + begin, ends_[row] - begin);
    }
    std::string_view back() const { return (*this)[size() - 1]; }
    const_iterator begin() const { return const_iterator(this, 0); }
    const_iterator end() const { return const_iterator(this, size()); }

    // Fails (std::length_error) past 4 GiB of text in one column, beyond any wasm heap.
    void push_back(std::string_view text) {
        bytes_.append(text.data(), text.size());
        if (bytes_.size() > UINT32_MAX) throw std::length_error("a text column holds more than 4 GiB");
        ends_.push_back(static_cast<std::uint32_t>(bytes_.size()));
    }
    void push_empty() { ends_.push_back(static_cast<std::uint32_t>(bytes_.size())); }
    void pop_back() {
        ends_.pop_back();
        bytes_.resize(ends_.empty() ? 0 : ends_.back());
    }

    // Room for `rows` cells, and for their bytes at the average cell length so far.
    void reserve(std::size_t rows);
    // Gives back capacity beyond what is used when it is more than an eighth of it.
    void trim_capacity();
    // Bytes held, capacity included.
    std::size_t allocated_bytes() const { return bytes_.capacity() + ends_.capacity() * sizeof(std::uint32_t); }

private:
    std::string bytes_;
    std::vector<std::uint32_t> ends_;
};

}  // namespace radar
