// The folding table for fold_for_search: Latin-1 Supplement, Latin Extended-A and the Romanian
// comma letters, from U+00C0 to U+021B, built at compile time from ranges of code points.
#include "core/search/text_fold.hpp"

#include <array>

namespace radar {
namespace {

constexpr char32_t first_folded = 0xC0;
constexpr char32_t last_folded = 0x21B;

// Code points `first` to `last` fold to `letters` (one letter, or two for a ligature).
struct FoldRange {
    char32_t first;
    char32_t last;
    const char* letters;
};

// Not listed, kept as they are: × ÷ ß Þ þ, ĸ, ŉ and everything from U+0180 to U+0217.
constexpr FoldRange fold_ranges[] = {
    {0xC0, 0xC6, "a"},    {0xC7, 0xC7, "c"},   {0xC8, 0xCB, "e"},   {0xCC, 0xCF, "i"},    {0xD0, 0xD0, "d"},
    {0xD1, 0xD1, "n"},    {0xD2, 0xD6, "o"},   {0xD8, 0xD8, "o"},   {0xD9, 0xDC, "u"},    {0xDD, 0xDD, "y"},
    {0xE0, 0xE6, "a"},    {0xE7, 0xE7, "c"},   {0xE8, 0xEB, "e"},   {0xEC, 0xEF, "i"},    {0xF0, 0xF0, "d"},
    {0xF1, 0xF1, "n"},    {0xF2, 0xF6, "o"},   {0xF8, 0xF8, "o"},   {0xF9, 0xFC, "u"},    {0xFD, 0xFD, "y"},
    {0xFF, 0xFF, "y"},    {0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"},  {0x112, 0x11B, "e"},
    {0x11C, 0x123, "g"},  {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"}, {0x134, 0x135, "j"},
    {0x136, 0x137, "k"},  {0x139, 0x142, "l"}, {0x143, 0x148, "n"}, {0x14A, 0x14B, "n"},  {0x14C, 0x151, "o"},
    {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"}, {0x162, 0x167, "t"},  {0x168, 0x173, "u"},
    {0x174, 0x175, "w"},  {0x176, 0x178, "y"}, {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},  {0x218, 0x219, "s"},
    {0x21A, 0x21B, "t"},
};

// Per code point from U+00C0: what it folds to, or nullptr to keep it.
using FoldTable = std::array<const char*, last_folded - first_folded + 1>;

constexpr FoldTable make_fold_table() {
    FoldTable table{};
    for (const FoldRange& range : fold_ranges)
        for (char32_t code = range.first; code <= range.last; ++code) table[code - first_folded] = range.letters;
    return table;
}

constexpr FoldTable fold_table = make_fold_table();

}  // namespace

void append_folded(std::string& out, std::string_view utf8) {
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
            continue;
        }
        // Two-byte sequences from U+00C0 (lead 0xC3) to U+021B (lead 0xC8); a folded letter or
        // ligature is never longer than the two bytes it replaces.
        if (c >= 0xC3 && c <= 0xC8 && i + 1 < utf8.size()) {
            const unsigned char next = static_cast<unsigned char>(utf8[i + 1]);
            const char32_t code = (char32_t{c} & 0x1F) << 6 | (next & 0x3F);
            if ((next & 0xC0) == 0x80 && code <= last_folded) {
                if (const char* letters = fold_table[code - first_folded]) {
                    out += letters;
                    ++i;
                    continue;
                }
            }
        }
        out.push_back(static_cast<char>(c));
    }
}

std::string fold_for_search(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    append_folded(out, utf8);
    return out;
}

}  // namespace radar
