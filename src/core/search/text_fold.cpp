// Latin-1 Supplement folding table (U+00C0..U+00FF) for fold_for_search.
#include "core/search/text_fold.hpp"

namespace radar {

void append_folded(std::string& out, std::string_view utf8) {
    // Base letters for U+00C0..U+00FF; '\0' keeps the character as it is (×, ÷, ß, Þ...).
    static constexpr char base[64 + 1] =
        "aaaaaaaceeeeiiii" "dnooooo\0ouuuuy\0\0"
        "aaaaaaaceeeeiiii" "dnooooo\0ouuuuy\0y";
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(utf8[i]);
        if (c >= 'A' && c <= 'Z') {
            out.push_back(static_cast<char>(c - 'A' + 'a'));
        } else if ((c == 0xC3) && i + 1 < utf8.size()) {
            const unsigned char next = static_cast<unsigned char>(utf8[i + 1]);
            const int code = 0xC0 + (next & 0x3F);
            if ((next & 0xC0) == 0x80 && base[code - 0xC0] != '\0') {
                out.push_back(base[code - 0xC0]);
                ++i;
            } else {
                out.push_back(static_cast<char>(c));
            }
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
}

std::string fold_for_search(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    append_folded(out, utf8);
    return out;
}

}  // namespace radar
