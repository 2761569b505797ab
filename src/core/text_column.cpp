// Capacity planning for TextColumn.
#include "text_column.hpp"

namespace radar {
namespace {

template <typename Container>
void trim(Container& values) {
    if (values.capacity() > values.size() + values.size() / 8 + 64) values.shrink_to_fit();
}

}  // namespace

void TextColumn::reserve(std::size_t rows) {
    if (rows <= ends_.capacity()) return;
    ends_.reserve(rows);
    if (!ends_.empty()) {
        const double average = static_cast<double>(bytes_.size()) / static_cast<double>(ends_.size());
        bytes_.reserve(static_cast<std::size_t>(average * static_cast<double>(rows) * 1.05) + 64);
    }
}

void TextColumn::trim_capacity() {
    trim(bytes_);
    trim(ends_);
}

}  // namespace radar
