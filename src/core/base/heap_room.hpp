// Room on the heap for allocations to come, made in one step.
#pragma once

#include <cstdlib>

namespace radar {

// Makes room for `bytes` of allocations about to be made: a heap that grows in steps then grows
// once instead of once per allocation. Wasm memory grows 5% at a time, and in Chromium a growth
// can make the garbage collector finish or start its work in that very task: reserving a 1M-row
// import's columns grew it about 30 times in one task, which held two such pauses (15 and 51 ms).
// Nothing is written to the room, so none of it is touched before it is used.
inline void make_heap_room(std::size_t bytes) {
    void* volatile room = std::malloc(bytes);  // volatile: the compiler may not drop the pair
    std::free(room);
}

}  // namespace radar
