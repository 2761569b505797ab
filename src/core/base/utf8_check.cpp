// ASCII runs a word at a time; multi-byte sequences decoded and range-checked.
#include "core/base/utf8_check.hpp"

#include <cstdint>

#include "core/base/unaligned_load.hpp"

namespace radar {
namespace {

constexpr std::uint64_t high_bits = 0x8080808080808080ULL;

// Index of the first byte at or after `at` that is not ASCII (text.size() if none).
std::size_t skip_ascii(std::string_view text, std::size_t at) {
    while (at + 8 <= text.size() && (load_word(text.data() + at) & high_bits) == 0) at += 8;
    while (at < text.size() && static_cast<unsigned char>(text[at]) < 0x80) ++at;
    return at;
}

}  // namespace

bool is_ascii(std::string_view text) { return skip_ascii(text, 0) == text.size(); }

bool is_valid_utf8(std::string_view text) {
    std::size_t at = skip_ascii(text, 0);
    while (at < text.size()) {
        const auto lead = static_cast<unsigned char>(text[at]);
        std::size_t length = 0;
        std::uint32_t code = 0;
        if ((lead & 0xE0) == 0xC0) {
            length = 2;
            code = lead & 0x1Fu;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            code = lead & 0x0Fu;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            code = lead & 0x07u;
        } else {
            return false;
        }
        if (at + length > text.size()) return false;
        for (std::size_t offset = 1; offset < length; ++offset) {
            const auto next = static_cast<unsigned char>(text[at + offset]);
            if ((next & 0xC0) != 0x80) return false;
            code = (code << 6) | (next & 0x3Fu);
        }
        constexpr std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code < smallest[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return false;
        at = skip_ascii(text, at + length);
    }
    return true;
}

}  // namespace radar
