// Any bytes as valid UTF-8 text and back: each byte is the character of the same number
// (U+0000..U+00FF, Latin-1), so 0x00..0x7F stay one byte and 0x80..0xFF become two. The stores
// keep snapshots as UTF-8 text (the folder store's JSON, IndexedDB strings, backups); a binary
// snapshot written this way passes every one of them unchanged, and the browser holds it as a
// one-byte-per-character string.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace radar {

std::string bytes_as_text(std::string_view bytes);
// Nothing when `text` holds a character past U+00FF or is not UTF-8 written by bytes_as_text.
std::optional<std::string> text_as_bytes(std::string_view text);
// The same in place (the bytes are never longer than their text), without a second copy of a
// large snapshot; false, with `text` left garbled, when it is not such text.
bool text_to_bytes_in_place(std::string& text);

}  // namespace radar
