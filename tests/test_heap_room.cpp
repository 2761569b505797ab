// make_heap_room: in wasm the heap grows once for the room, and the allocations that follow fit in
// it: neither the heap's end (the break) nor the memory moves again. Natively there is nothing to
// see (the room is given back to the system), so only that it runs.
#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "core/base/heap_room.hpp"

#ifdef __wasm__
#include <malloc.h>
#include <unistd.h>
#endif

using namespace radar;

TEST_CASE("the room made on the heap takes the allocations that follow without growing it again") {
#ifdef __wasm__
    // More than all the free space the suite's earlier tests left, so that without the room the
    // allocations below would have to grow the heap.
    const std::size_t room = static_cast<std::size_t>(mallinfo().fordblks) + (64u << 20);
#else
    const std::size_t room = 64u << 20;
#endif
    make_heap_room(room);
#ifdef __wasm__
    const void* heap_end = sbrk(0);
    const std::size_t pages = __builtin_wasm_memory_size(0);
#endif
    const std::size_t values = (room / 8 - (1u << 20)) / sizeof(std::uint64_t);
    std::vector<std::vector<std::uint64_t>> columns(8);
    for (auto& column : columns) column.reserve(values);
    for (const auto& column : columns) CHECK(column.capacity() >= values);
#ifdef __wasm__
    CHECK(sbrk(0) == heap_end);
    CHECK(__builtin_wasm_memory_size(0) == pages);
#endif
}
