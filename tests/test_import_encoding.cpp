// Encodings of imported files: UTF-8 with and without BOM, Windows-1252 detection and conversion.
#include <doctest/doctest.h>

#include "import/content_hash.hpp"
#include "import/import_snapshot.hpp"
#include "import/text_encoding.hpp"
#include "csv_writer.hpp"
#include "import_test_support.hpp"

using namespace radar;
using namespace radar::testing;

TEST_CASE("UTF-8 sequences are validated strictly") {
    CHECK(utf8_sequence_length("a", 0) == 1);
    CHECK(utf8_sequence_length("\xC3\xA9", 0) == 2);          // é
    CHECK(utf8_sequence_length("\xE2\x82\xAC", 0) == 3);      // €
    CHECK(utf8_sequence_length("\xF0\x9F\x98\x80", 0) == 4);  // emoji
    CHECK(utf8_sequence_length("\xC3", 0) == 0);              // cut short
    CHECK(utf8_sequence_length("\xC0\xAF", 0) == 0);          // overlong
    CHECK(utf8_sequence_length("\xE0\x80\xAF", 0) == 0);      // overlong
    CHECK(utf8_sequence_length("\xED\xA0\x80", 0) == 0);      // surrogate
    CHECK(utf8_sequence_length("\xF4\x90\x80\x80", 0) == 0);  // past U+10FFFF
    CHECK(utf8_sequence_length("\xE9t\xE9", 0) == 0);         // Windows-1252 "été"
    CHECK(utf8_sequence_length("\x80", 0) == 0);
}

TEST_CASE("Windows-1252 bytes convert to UTF-8, including the 0x80-0x9F block") {
    std::string out;
    for (unsigned char c : std::string("\xE9\x80\x96\x93\x94\x8A\xFF\x81")) append_windows_1252_as_utf8(out, c);
    CHECK(out == "é€–“”Šÿ\xC2\x81");
}

TEST_CASE("the decoder decides the encoding from the first non-ASCII text") {
    SUBCASE("UTF-8") {
        TextDecoder decoder;
        std::string scratch;
        CHECK(decoder.decode("plain", scratch) == "plain");
        CHECK(decoder.encoding() == TextEncoding::utf8);
        CHECK(decoder.decode("Zoë", scratch) == "Zoë");
        CHECK(decoder.encoding() == TextEncoding::utf8);
        // A stray Windows-1252 byte later on is still read, and counted.
        CHECK(decoder.decode("caf\xE9", scratch) == "café");
        CHECK(decoder.invalid_utf8_sequences() == 1);
        CHECK(decoder.encoding() == TextEncoding::utf8);
    }
    SUBCASE("Windows-1252") {
        TextDecoder decoder;
        std::string scratch;
        CHECK(decoder.decode("Zo\xEB", scratch) == "Zoë");
        CHECK(decoder.encoding() == TextEncoding::windows_1252);
        CHECK(decoder.decode("\x80 5", scratch) == "€ 5");
    }
    SUBCASE("a forced choice wins") {
        TextDecoder decoder(EncodingChoice::windows_1252);
        std::string scratch;
        CHECK(decoder.decode("Zo\xC3\xAB", scratch) == "ZoÃ«");
    }
    SUBCASE("byte-order mark") {
        TextDecoder decoder;
        decoder.note_byte_order_mark();
        CHECK(decoder.encoding() == TextEncoding::utf8_bom);
    }
}

TEST_CASE("imports report and convert their encoding") {
    const std::string body = "dossier_id;name\nKO-1;Crèche Zoë\n";
    SUBCASE("UTF-8 without BOM") {
        const ImportResult result = import_text(body);
        CHECK(result.encoding == TextEncoding::utf8);
        CHECK(cell(result, "name", 0) == "Crèche Zoë");
    }
    SUBCASE("UTF-8 with BOM: the BOM is not part of the first header") {
        const ImportResult result = import_text("\xEF\xBB\xBF" + body);
        CHECK(result.encoding == TextEncoding::utf8_bom);
        CHECK(result.columns[0].field == "dossier_id");
        CHECK(cell(result, "name", 0) == "Crèche Zoë");
    }
    SUBCASE("Windows-1252") {
        const ImportResult result = import_text("dossier_id;name\nKO-1;Cr\xE8" "che Zo\xEB\n");
        CHECK(result.encoding == TextEncoding::windows_1252);
        CHECK(cell(result, "name", 0) == "Crèche Zoë");
    }
    SUBCASE("Windows-1252 split across chunks of one byte") {
        const ImportResult result =
            import_in_chunks("dossier_id;name\nKO-1;Cr\xE8" "che \x80\n", shipped_dictionary(), {}, 1);
        CHECK(result.encoding == TextEncoding::windows_1252);
        CHECK(cell(result, "name", 0) == "Crèche €");
    }
    SUBCASE("a UTF-8 file with one bad byte notes it") {
        const ImportResult result = import_text("dossier_id;name\nKO-1;Zoë\nKO-2;caf\xE9\n");
        CHECK(result.encoding == TextEncoding::utf8);
        CHECK(cell(result, "name", 1) == "café");
        CHECK(count_reason(result, DiagnosticReason::invalid_utf8) == 1);
    }
    SUBCASE("UTF-16 is refused with a clear message") {
        const ImportResult result = import_text(std::string("\xFF\xFE" "d\0o\0", 6));
        CHECK_FALSE(result.ok());
        CHECK(result.failure.find("UTF-16") != std::string::npos);
    }
}

TEST_CASE("the streaming content hash does not depend on the chunks, and tells files apart") {
    const std::string bytes = import_fixture("messy_export_cp1252.csv");
    const std::uint64_t whole = content_hash_of(bytes);
    for (std::size_t chunk : {1u, 7u, 31u, 32u, 33u, 100u}) {
        ContentHasher hash;
        for (std::size_t at = 0; at < bytes.size(); at += chunk) hash.update(std::string_view(bytes).substr(at, chunk));
        CHECK(hash.value() == whole);
    }
    CHECK(import_in_chunks(bytes, shipped_dictionary(), {}, 7).content_hash == whole);
    // One changed bit, one more byte, a zero byte appended: all different.
    std::string flipped = bytes;
    flipped[bytes.size() / 2] ^= 1;
    CHECK(content_hash_of(flipped) != whole);
    CHECK(content_hash_of(bytes + " ") != whole);
    CHECK(content_hash_of(std::string_view("abc", 3)) != content_hash_of(std::string("abc\0", 4)));
    CHECK(content_hash_of("") != content_hash_of(std::string(1, '\0')));
    CHECK(format_content_hash(0x0123456789abcdefULL) == "mix64x4:0123456789abcdef");
}

TEST_CASE("a stored snapshot keeps the file as UTF-8 and re-imports to the same dataset") {
    const std::string windows = "dossier_id;naam\nKO-1;Cr\xE8" "che Z\xE9" "lie\n";
    const ImportResult original = import_text(windows);
    REQUIRE(original.ok());
    CHECK(original.encoding == TextEncoding::windows_1252);
    const std::string text = source_text_utf8(windows, original.encoding);
    CHECK(text == "dossier_id;naam\nKO-1;Cr\xC3\xA8" "che Z\xC3\xA9" "lie\n");
    const ImportResult again = import_text(text);
    REQUIRE(again.ok());
    CHECK(cell(again, "name", 0) == cell(original, "name", 0));
    CHECK(source_text_utf8("plain;ascii\n", TextEncoding::utf8) == "plain;ascii\n");
}
