// The numbers of one column: 4-byte integers while every value is a whole number in the int32
// range (counts, day numbers of dates, booleans: most columns of an export), 8-byte doubles from
// the first value that is not (the column is then widened once). Reads return doubles either way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace radar {

class NumberColumn {
public:
    // A column taken as stored (a dataset snapshot): 4-byte integers, or (wide) doubles.
    static NumberColumn from_integers(std::vector<std::int32_t> integers);
    static NumberColumn from_doubles(std::vector<double> doubles);

    std::size_t size() const { return wide_ ? doubles_.size() : integers_.size(); }
    double operator[](std::size_t row) const { return wide_ ? doubles_[row] : integers_[row]; }
    bool wide() const { return wide_; }

    // A whole number in the int32 range (-0.0 counts as 0: they compare equal and print alike).
    static bool fits_integer(double value) {
        return value >= INT32_MIN && value <= INT32_MAX && static_cast<double>(static_cast<std::int32_t>(value)) == value;
    }

    [[gnu::always_inline]] void push_back(double value) {
        if (!wide_) {
            if (fits_integer(value)) {
                integers_.push_back(static_cast<std::int32_t>(value));
                return;
            }
            widen();
        }
        doubles_.push_back(value);
    }
    // The same as push_back of each value in turn.
    void append(const double* values, std::size_t count);
    void pop_back() {
        if (wide_) doubles_.pop_back();
        else integers_.pop_back();
    }
    void set(std::size_t row, double value);

    void reserve(std::size_t rows);
    // Gives back capacity beyond what is used when it is more than an eighth of it.
    void trim_capacity();
    // Bytes held, capacity included.
    std::size_t allocated_bytes() const {
        return integers_.capacity() * sizeof(std::int32_t) + doubles_.capacity() * sizeof(double);
    }

private:
    void widen();

    bool wide_ = false;
    std::vector<std::int32_t> integers_;
    std::vector<double> doubles_;
};

}  // namespace radar
