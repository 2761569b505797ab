// UTF-8 validation, and Windows-1252 and UTF-16 to UTF-8 conversion for imported text.
#include "core/import/text_encoding.hpp"

#include "core/base/utf8_check.hpp"

namespace radar {
namespace {

// Unicode code points of Windows-1252 bytes 0x80..0x9F (the rest of 0xA0..0xFF equals Latin-1).
constexpr std::uint16_t windows_1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

constexpr std::uint32_t replacement_character = 0xFFFD;

// Appends the UTF-8 form of a Unicode code point (at most U+10FFFF, no surrogate).
void append_code_point_as_utf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
        out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (code >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
}

}  // namespace

const char* encoding_name(TextEncoding encoding) {
    switch (encoding) {
    case TextEncoding::utf8: return "UTF-8";
    case TextEncoding::utf8_bom: return "UTF-8 with BOM";
    case TextEncoding::windows_1252: return "Windows-1252";
    case TextEncoding::utf16_le: return "UTF-16 LE";
    case TextEncoding::utf16_be: return "UTF-16 BE";
    }
    return "";
}

const char* encoding_code(TextEncoding encoding) {
    switch (encoding) {
    case TextEncoding::utf8: return "utf-8";
    case TextEncoding::utf8_bom: return "utf-8-bom";
    case TextEncoding::windows_1252: return "windows-1252";
    case TextEncoding::utf16_le: return "utf-16le";
    case TextEncoding::utf16_be: return "utf-16be";
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
    append_code_point_as_utf8(out, byte < 0x80 ? byte : byte < 0xA0 ? windows_1252_high[byte - 0x80] : byte);
}

Utf16ToUtf8::Utf16ToUtf8(TextEncoding encoding) : big_endian_(encoding == TextEncoding::utf16_be) {}

void Utf16ToUtf8::take_unit(std::uint16_t unit, std::string& out) {
    const bool high = unit >= 0xD800 && unit <= 0xDBFF;
    const bool low = unit >= 0xDC00 && unit <= 0xDFFF;
    if (high_surrogate_ != 0) {
        if (low) {
            const std::uint32_t code =
                0x10000 + ((static_cast<std::uint32_t>(high_surrogate_) - 0xD800) << 10) + (unit - 0xDC00u);
            high_surrogate_ = 0;
            append_code_point_as_utf8(out, code);
            return;
        }
        high_surrogate_ = 0;
        append_code_point_as_utf8(out, replacement_character);
        ++replaced_;
    }
    if (high) {
        high_surrogate_ = unit;
    } else if (low) {
        append_code_point_as_utf8(out, replacement_character);
        ++replaced_;
    } else if (unit < 0x80) {
        out.push_back(static_cast<char>(unit));
    } else {
        append_code_point_as_utf8(out, unit);
    }
}

void Utf16ToUtf8::convert(std::string_view bytes, std::string& out) {
    const auto byte = [&](std::size_t i) { return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[i])); };
    const auto unit_of = [&](std::uint16_t first, std::uint16_t second) {
        return static_cast<std::uint16_t>(big_endian_ ? (first << 8) | second : (second << 8) | first);
    };
    std::size_t at = 0;
    if (has_odd_byte_ && !bytes.empty()) {
        has_odd_byte_ = false;
        take_unit(unit_of(odd_byte_, byte(0)), out);
        at = 1;
    }
    for (; at + 1 < bytes.size(); at += 2) take_unit(unit_of(byte(at), byte(at + 1)), out);
    if (at < bytes.size()) {
        has_odd_byte_ = true;
        odd_byte_ = static_cast<unsigned char>(bytes[at]);
    }
}

void Utf16ToUtf8::finish(std::string& out) {
    for (bool waiting : {high_surrogate_ != 0, has_odd_byte_}) {
        if (!waiting) continue;
        append_code_point_as_utf8(out, replacement_character);
        ++replaced_;
    }
    high_surrogate_ = 0;
    has_odd_byte_ = false;
}

std::string utf16_to_utf8(std::string_view bytes, TextEncoding encoding) {
    Utf16ToUtf8 converter(encoding);
    std::string text;
    text.reserve(bytes.size() / 2 * 3);
    converter.convert(bytes, text);
    converter.finish(text);
    return text;
}

TextDecoder::TextDecoder(EncodingChoice choice) {
    if (choice == EncodingChoice::utf8) state_ = State::utf8;
    if (choice == EncodingChoice::windows_1252) state_ = State::windows_1252;
}

void TextDecoder::note_byte_order_mark() {
    byte_order_mark_ = true;
    state_ = State::utf8;
}

void TextDecoder::note_utf16(TextEncoding encoding) {
    utf16_ = encoding;
    state_ = State::utf8;
}

TextEncoding TextDecoder::encoding() const {
    if (utf16_ != TextEncoding::utf8) return utf16_;
    if (state_ == State::windows_1252) return TextEncoding::windows_1252;
    return byte_order_mark_ ? TextEncoding::utf8_bom : TextEncoding::utf8;
}

bool TextDecoder::keeps_as_is(std::string_view bytes) {
    if (state_ == State::windows_1252 || !is_valid_utf8(bytes)) return false;
    if (state_ == State::undecided && !is_ascii(bytes)) state_ = State::utf8;
    return true;
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
