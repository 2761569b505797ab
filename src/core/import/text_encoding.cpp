// UTF-8 validation and Windows-1252 to UTF-8 conversion for imported text.
#include "import/text_encoding.hpp"

#include "utf8_check.hpp"

namespace radar {
namespace {

// Unicode code points of Windows-1252 bytes 0x80..0x9F (the rest of 0xA0..0xFF equals Latin-1).
constexpr std::uint16_t windows_1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

}  // namespace

const char* encoding_name(TextEncoding encoding) {
    switch (encoding) {
    case TextEncoding::utf8: return "UTF-8";
    case TextEncoding::utf8_bom: return "UTF-8 with BOM";
    case TextEncoding::windows_1252: return "Windows-1252";
    }
    return "";
}

const char* encoding_code(TextEncoding encoding) {
    switch (encoding) {
    case TextEncoding::utf8: return "utf-8";
    case TextEncoding::utf8_bom: return "utf-8-bom";
    case TextEncoding::windows_1252: return "windows-1252";
    }
    return "";
}

std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;   // overlong
        if (lead == 0xED) high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;   // overlong
        if (lead == 0xF4) high = 0x8F;  // past U+10FFFF
    } else {
        return 0;
    }
    if (at + length > text.size()) return 0;
    if (byte(at + 1) < low || byte(at + 1) > high) return 0;
    for (std::size_t i = 2; i < length; ++i)
        if ((byte(at + i) & 0xC0) != 0x80) return 0;
    return length;
}

void append_windows_1252_as_utf8(std::string& out, unsigned char byte) {
    const std::uint32_t code = byte < 0x80 ? byte : byte < 0xA0 ? windows_1252_high[byte - 0x80] : byte;
    if (code < 0x80) {
        out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
}

TextDecoder::TextDecoder(EncodingChoice choice) {
    if (choice == EncodingChoice::utf8) state_ = State::utf8;
    if (choice == EncodingChoice::windows_1252) state_ = State::windows_1252;
}

void TextDecoder::note_byte_order_mark() {
    byte_order_mark_ = true;
    state_ = State::utf8;
}

TextEncoding TextDecoder::encoding() const {
    if (state_ == State::windows_1252) return TextEncoding::windows_1252;
    return byte_order_mark_ ? TextEncoding::utf8_bom : TextEncoding::utf8;
}

std::string_view TextDecoder::decode(std::string_view bytes, std::string& scratch) {
    if (is_ascii(bytes)) return bytes;
    if (state_ == State::undecided) state_ = is_valid_utf8(bytes) ? State::utf8 : State::windows_1252;
    scratch.clear();
    if (state_ == State::windows_1252) {
        for (unsigned char c : bytes) append_windows_1252_as_utf8(scratch, c);
        return scratch;
    }
    if (is_valid_utf8(bytes)) return bytes;
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t length = utf8_sequence_length(bytes, i);
        if (length == 0) {
            append_windows_1252_as_utf8(scratch, static_cast<unsigned char>(bytes[i]));
            ++invalid_utf8_sequences_;
            ++i;
        } else {
            scratch.append(bytes.substr(i, length));
            i += length;
        }
    }
    return scratch;
}

}  // namespace radar
