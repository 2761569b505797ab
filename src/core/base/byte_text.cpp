// Bytes as Latin-1 characters in UTF-8, and back.
#include "core/base/byte_text.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>

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

bool text_to_bytes_in_place(std::string& text) {
    char* const data = text.data();
    const std::size_t size = text.size();
    std::size_t in = 0;
    std::size_t out = 0;
    while (in < size) {
        // Eight ASCII bytes at a time: most of a snapshot (counts, codes, offsets, text).
        if (size - in >= 8) {
            std::uint64_t word = 0;
            std::memcpy(&word, data + in, sizeof word);
            if ((word & 0x8080808080808080ULL) == 0) {
                std::memcpy(data + out, &word, sizeof word);  // read first: out <= in
                in += 8;
                out += 8;
                continue;
            }
        }
        const auto value = static_cast<unsigned char>(data[in]);
        if (value < 0x80) {
            data[out++] = data[in++];
            continue;
        }
        // Only the lead bytes of U+0080..U+00FF, each with one continuation byte.
        if ((value != 0xC2 && value != 0xC3) || in + 1 == size) return false;
        const auto next = static_cast<unsigned char>(data[in + 1]);
        if ((next & 0xC0) != 0x80) return false;
        data[out++] = static_cast<char>(((value & 0x03) << 6) | (next & 0x3F));
        in += 2;
    }
    text.resize(out);
    return true;
}

std::optional<std::string> text_as_bytes(std::string_view text) {
    std::string bytes(text);
    if (!text_to_bytes_in_place(bytes)) return std::nullopt;
    return bytes;
}

}  // namespace radar
