// Character encodings of imported files: UTF-8 (with or without byte-order mark) or
// Windows-1252, detected from the first non-ASCII text and converted to UTF-8 field by field.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace radar {

enum class TextEncoding { utf8, utf8_bom, windows_1252 };
enum class EncodingChoice { automatic, utf8, windows_1252 };

// "UTF-8", "UTF-8 with BOM", "Windows-1252".
const char* encoding_name(TextEncoding encoding);
// "utf-8", "utf-8-bom", "windows-1252" (stable codes for reports and stored snapshots).
const char* encoding_code(TextEncoding encoding);

// Length of the valid UTF-8 sequence starting at `text[at]` (1..4), or 0 when the bytes there
// are not well-formed UTF-8 (overlong forms, surrogates and code points past U+10FFFF included).
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

// Appends the UTF-8 form of one Windows-1252 byte (bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D, undefined
// in Windows-1252, map to the C1 control of the same value, as browsers do).
void append_windows_1252_as_utf8(std::string& out, unsigned char byte);

// Decodes fields to UTF-8. The encoding is decided by the first field holding non-ASCII bytes:
// well-formed UTF-8 means UTF-8, anything else Windows-1252. Delimiters, quotes and line
// breaks are ASCII in both encodings, so files can be split into fields before decoding.
class TextDecoder {
public:
    explicit TextDecoder(EncodingChoice choice = EncodingChoice::automatic);

    // A UTF-8 byte-order mark was found (and stripped) at the start of the file.
    void note_byte_order_mark();

    // Returns `bytes` itself when nothing needs converting, otherwise the UTF-8 text written into
    // `scratch`. In a UTF-8 file, bytes that are not valid UTF-8 are read as Windows-1252 and counted.
    std::string_view decode(std::string_view bytes, std::string& scratch);

    // UTF-8 until non-ASCII text shows otherwise.
    TextEncoding encoding() const;
    std::uint64_t invalid_utf8_sequences() const { return invalid_utf8_sequences_; }

private:
    enum class State { undecided, utf8, windows_1252 };
    State state_ = State::undecided;
    bool byte_order_mark_ = false;
    std::uint64_t invalid_utf8_sequences_ = 0;
};

}  // namespace radar
