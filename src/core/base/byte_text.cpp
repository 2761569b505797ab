// Bytes as Latin-1 characters in UTF-8, and back.
#include "core/base/byte_text.hpp"

#include <cstddef>

namespace radar {

std::string bytes_as_text(std::string_view bytes) {
    std::size_t high = 0;
    for (const char byte : bytes) high += static_cast<unsigned char>(byte) >> 7;
    std::string text(bytes.size() + high, '\0');
    char* out = text.data();
    for (const char byte : bytes) {
        const auto value = static_cast<unsigned char>(byte);
        if (value < 0x80) {
            *out++ = byte;
        } else {
            *out++ = static_cast<char>(0xC0 | (value >> 6));
            *out++ = static_cast<char>(0x80 | (value & 0x3F));
        }
    }
    return text;
}

std::optional<std::string> text_as_bytes(std::string_view text) {
    std::string bytes(text.size(), '\0');
    char* out = bytes.data();
    for (std::size_t at = 0; at < text.size(); ++at) {
        const auto value = static_cast<unsigned char>(text[at]);
        if (value < 0x80) {
            *out++ = static_cast<char>(value);
            continue;
        }
        // Only the lead bytes of U+0080..U+00FF, each with one continuation byte.
        if ((value != 0xC2 && value != 0xC3) || at + 1 == text.size()) return std::nullopt;
        const auto next = static_cast<unsigned char>(text[++at]);
        if ((next & 0xC0) != 0x80) return std::nullopt;
        *out++ = static_cast<char>(((value & 0x03) << 6) | (next & 0x3F));
    }
    bytes.resize(static_cast<std::size_t>(out - bytes.data()));
    return bytes;
}

}  // namespace radar
