// The characters the app's fonts are baked with (ImGui draws any other one as "?"), as ranges of
// code points. Pure (no ImGui), so that the core tests can check that every character an import
// can bring is among them (tests/test_font_glyphs.cpp); theme.cpp bakes the fonts from here.
#pragma once

#include <cstdint>

namespace radar::ui {

// Pairs of first and last code point, ended by 0, in ImGui's glyph range format.
inline constexpr std::uint16_t font_glyph_ranges[] = {
    0x0020, 0x017F,  // Latin, Latin-1 and Latin Extended-A: the letters of names (ş, ı, ğ, ł, č, ő, œ)
    0x0192, 0x0192,  // ƒ (Windows-1252)
    0x0218, 0x021B,  // ș, ț (Romanian)
    0x02C6, 0x02C7,  // ˆ, ˇ
    0x02DC, 0x02DC,  // ˜
    0x03B7, 0x03B7,  // η of the proxy warning
    0x2010, 0x2027,  // dashes, quotes, dagger, bullet, ellipsis
    0x2030, 0x2030,  // ‰
    0x2039, 0x203A,  // ‹ ›
    0x20AC, 0x20AC,  // € (amounts in headers and cells)
    0x2122, 0x2122,  // ™
    0x2212, 0x2212,  // minus sign
    0xFFFD, 0xFFFD,  // the replacement character of undecodable text
    0};

constexpr bool font_has_glyph(char32_t character) {
    for (const std::uint16_t* range = font_glyph_ranges; range[0] != 0; range += 2)
        if (character >= range[0] && character <= range[1]) return true;
    return false;
}

}  // namespace radar::ui
