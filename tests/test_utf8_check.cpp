// The shared UTF-8 checks: the eight-byte ASCII skip finds a bad byte at any position, and the
// check agrees with the importer's per-sequence reading on random bytes.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "core/import/text_encoding.hpp"
#include "core/base/utf8_check.hpp"

using namespace radar;

namespace {

// The importer's reading: every sequence must have a length.
bool valid_by_sequences(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = utf8_sequence_length(text, at);
        if (length == 0) return false;
        at += length;
    }
    return true;
}

}  // namespace

TEST_CASE("a non-ASCII byte is found at any position of a long text") {
    const std::string plain(40, 'a');
    CHECK(is_ascii(plain));
    CHECK(is_valid_utf8(plain));
    CHECK(is_ascii(""));
    CHECK(is_valid_utf8(""));
    for (std::size_t at = 0; at < plain.size(); ++at) {
        CAPTURE(at);
        std::string stray = plain;
        stray[at] = '\x80';
        CHECK_FALSE(is_ascii(stray));
        CHECK_FALSE(is_valid_utf8(stray));
        std::string accented = plain;
        accented.replace(at, 1, "\xC3\xA9");  // é
        CHECK_FALSE(is_ascii(accented));
        CHECK(is_valid_utf8(accented));
        CHECK_FALSE(is_valid_utf8(accented.substr(0, at + 1)));  // cut inside the é
    }
}

TEST_CASE("the check agrees with the importer's sequence reading on random bytes") {
    std::mt19937 random(20261129);
    const std::string pieces[] = {"a", "Zo", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\x80", "\xC0\xAF",
                                  "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\xFF", "        "};
    for (int round = 0; round < 5000; ++round) {
        std::string text;
        const int count = static_cast<int>(random() % 12);
        for (int i = 0; i < count; ++i) text += pieces[random() % std::size(pieces)];
        CAPTURE(text);
        CHECK(is_valid_utf8(text) == valid_by_sequences(text));
    }
}
