// Widening and capacity planning for NumberColumn.
#include "core/data/number_column.hpp"

#include "core/base/spare_capacity.hpp"

namespace radar {

NumberColumn NumberColumn::from_integers(std::vector<std::int32_t> integers) {
    NumberColumn column;
    column.integers_ = std::move(integers);
    return column;
}

NumberColumn NumberColumn::from_doubles(std::vector<double> doubles) {
    NumberColumn column;
    column.doubles_ = std::move(doubles);
    column.wide_ = true;
    return column;
}

void NumberColumn::widen() {
    // The planned capacity carries over, so an import does not regrow the wide column.
    doubles_.reserve(integers_.capacity());
    doubles_.assign(integers_.begin(), integers_.end());
    std::vector<std::int32_t>().swap(integers_);
    wide_ = true;
}

void NumberColumn::append(const double* values, std::size_t count) {
    if (!wide_) {
        std::size_t fitting = 0;
        for (; fitting < count && fits_integer(values[fitting]); ++fitting)
            integers_.push_back(static_cast<std::int32_t>(values[fitting]));
        if (fitting == count) return;
        widen();
        values += fitting;
        count -= fitting;
    }
    doubles_.insert(doubles_.end(), values, values + count);
}

void NumberColumn::set(std::size_t row, double value) {
    if (!wide_ && !fits_integer(value)) widen();
    if (wide_) doubles_[row] = value;
    else integers_[row] = static_cast<std::int32_t>(value);
}

void NumberColumn::reserve(std::size_t rows) {
    if (wide_) doubles_.reserve(rows);
    else integers_.reserve(rows);
}

void NumberColumn::trim_capacity() {
    release_spare_capacity(integers_);
    release_spare_capacity(doubles_);
}

}  // namespace radar
