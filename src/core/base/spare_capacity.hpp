// Giving back a container's spare capacity once it is more than an eighth of what is used: an
// import reserves columns for the row count it expects, which can be an over-estimate.
#pragma once

namespace radar {

template <typename Container>
void release_spare_capacity(Container& values) {
    if (values.capacity() > values.size() + values.size() / 8 + 64) values.shrink_to_fit();
}

}  // namespace radar
