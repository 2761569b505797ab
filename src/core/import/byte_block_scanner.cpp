// The block classification of ByteBlockScanner: 64 bytes into a mask of the special ones. The
// wasm build of the core is compiled with -msimd128 (CMakeLists.txt), so the browser uses
// simd128; native x86-64 builds use SSE2; anything else tests the bytes one by one.
#include "core/import/byte_block_scanner.hpp"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace radar {

std::uint64_t ByteBlockScanner::special_mask(const char* p) const {
#if defined(__wasm_simd128__)
    const v128_t delimiter = wasm_i8x16_splat(delimiter_);
    const v128_t line_feed = wasm_i8x16_splat('\n');
    const v128_t carriage_return = wasm_i8x16_splat('\r');
    std::uint64_t mask = 0;
    for (unsigned part = 0; part < 4; ++part) {
        const v128_t bytes = wasm_v128_load(p + 16 * part);
        // A byte >= 0x80 has its top bit set, the bit that bitmask reads: the bytes themselves
        // join the comparisons.
        const v128_t special =
            wasm_v128_or(wasm_v128_or(wasm_i8x16_eq(bytes, delimiter), bytes),
                         wasm_v128_or(wasm_i8x16_eq(bytes, line_feed), wasm_i8x16_eq(bytes, carriage_return)));
        mask |= static_cast<std::uint64_t>(wasm_i8x16_bitmask(special)) << (16 * part);
    }
    return mask;
#elif defined(__SSE2__)
    const __m128i delimiter = _mm_set1_epi8(delimiter_);
    const __m128i line_feed = _mm_set1_epi8('\n');
    const __m128i carriage_return = _mm_set1_epi8('\r');
    std::uint64_t mask = 0;
    for (unsigned part = 0; part < 4; ++part) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * part));
        const __m128i special =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, delimiter), bytes),
                         _mm_or_si128(_mm_cmpeq_epi8(bytes, line_feed), _mm_cmpeq_epi8(bytes, carriage_return)));
        mask |= static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(special))) << (16 * part);
    }
    return mask;
#else
    std::uint64_t mask = 0;
    for (unsigned i = 0; i < block_bytes; ++i)
        if (is_special(p[i])) mask |= std::uint64_t{1} << i;
    return mask;
#endif
}

}  // namespace radar
