// Character encodings of imported files: UTF-8 (with or without byte-order mark) or
// Windows-1252, detected from the first non-ASCII text and converted to UTF-8 field by field;
// UTF-16 (LE or BE, with byte-order mark) is converted to UTF-8 as its bytes arrive.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace radar {

enum class TextEncoding { utf8, utf8_bom, windows_1252, utf16_le, utf16_be };
// The 8-bit reading of a file. A UTF-16 byte-order mark is honoured whatever the choice.
enum class EncodingChoice { automatic, utf8, windows_1252 };

// "UTF-8", "UTF-8 with BOM", "Windows-1252", "UTF-16 LE", "UTF-16 BE".
const char* encoding_name(TextEncoding encoding);
// "utf-8", "utf-8-bom", "windows-1252", "utf-16le", "utf-16be" (stable codes for reports and
// stored snapshots).
const char* encoding_code(TextEncoding encoding);

// Length of the valid UTF-8 sequence starting at `text[at]` (1..4), or 0 when the bytes there
// are not well-formed UTF-8 (overlong forms, surrogates and code points past U+10FFFF included).
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

// Appends the UTF-8 form of one Windows-1252 byte (bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D, undefined
// in Windows-1252, map to the C1 control of the same value, as browsers do).
void append_windows_1252_as_utf8(std::string& out, unsigned char byte);

// Converts UTF-16 to UTF-8 as the bytes arrive, in chunks of any size: an odd byte or the first
// half of a surrogate pair at the end of a chunk waits for the next one. A surrogate without its
// other half (and an odd last byte) becomes U+FFFD and is counted.
class Utf16ToUtf8 {
public:
    explicit Utf16ToUtf8(TextEncoding encoding);  // utf16_le or utf16_be

    // Appends the UTF-8 text of `bytes` (and of what the previous chunk left) to `out`.
    void convert(std::string_view bytes, std::string& out);
    // After the last chunk: what is still waiting becomes U+FFFD.
    void finish(std::string& out);

    // Characters read as U+FFFD so far.
    std::uint64_t replaced() const { return replaced_; }

private:
    void take_unit(std::uint16_t unit, std::string& out);

    bool big_endian_;
    bool has_odd_byte_ = false;
    unsigned char odd_byte_ = 0;
    std::uint16_t high_surrogate_ = 0;  // 0: none waiting
    std::uint64_t replaced_ = 0;
};

// The whole of a UTF-16 file (byte-order mark included) as UTF-8.
std::string utf16_to_utf8(std::string_view bytes, TextEncoding encoding);

// Decodes fields to UTF-8. The encoding is decided by the first field holding non-ASCII bytes:
// well-formed UTF-8 means UTF-8, anything else Windows-1252. Delimiters, quotes and line
// breaks are ASCII in both encodings, so files can be split into fields before decoding.
class TextDecoder {
public:
    explicit TextDecoder(EncodingChoice choice = EncodingChoice::automatic);

    // A UTF-8 byte-order mark was found (and stripped) at the start of the file.
    void note_byte_order_mark();
    // The file is UTF-16 (`encoding`), converted to UTF-8 before it reaches this decoder.
    void note_utf16(TextEncoding encoding);

    // Returns `bytes` itself when nothing needs converting, otherwise the UTF-8 text written into
    // `scratch`. In a UTF-8 file, bytes that are not valid UTF-8 are read as Windows-1252 and counted.
    std::string_view decode(std::string_view bytes, std::string& scratch);
    // True when decode() would return every field cut from `bytes` (at ASCII separators) as it
    // is: the bytes are well-formed UTF-8 and the file is not read as Windows-1252. The encoding
    // is then decided as decode() on those fields would have decided it. One check per record
    // instead of one call per field.
    bool keeps_as_is(std::string_view bytes);

    // The file's encoding: UTF-16 when noted, otherwise UTF-8 until non-ASCII text shows otherwise.
    TextEncoding encoding() const;
    std::uint64_t invalid_utf8_sequences() const { return invalid_utf8_sequences_; }

private:
    enum class State { undecided, utf8, windows_1252 };
    State state_ = State::undecided;
    bool byte_order_mark_ = false;
    TextEncoding utf16_ = TextEncoding::utf8;  // utf16_le or utf16_be once noted
    std::uint64_t invalid_utf8_sequences_ = 0;
};

}  // namespace radar
