// Encodings of imported files: UTF-8 with and without BOM, Windows-1252 detection and conversion,
// UTF-16 LE/BE with BOM converted as the bytes arrive.
#include <doctest/doctest.h>

#include "core/import/content_hash.hpp"
#include "core/import/import_snapshot.hpp"
#include "core/import/text_encoding.hpp"
#include "core/data/csv_writer.hpp"
#include "import_test_support.hpp"
#include "core/base/utf8_check.hpp"

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

namespace {

// The UTF-16 bytes of `text`, little- or big-endian, without a byte-order mark.
std::string utf16_bytes(std::u16string_view text, TextEncoding encoding) {
    std::string bytes;
    for (char16_t unit : text) {
        const char low = static_cast<char>(unit & 0xFF), high = static_cast<char>(unit >> 8);
        bytes += encoding == TextEncoding::utf16_be ? std::string{high, low} : std::string{low, high};
    }
    return bytes;
}

std::string with_byte_order_mark(std::u16string_view text, TextEncoding encoding) {
    return utf16_bytes(u"\uFEFF", encoding) + utf16_bytes(text, encoding);
}

// `bytes` converted in chunks of `chunk` bytes.
std::string convert_in_chunks(std::string_view bytes, TextEncoding encoding, std::size_t chunk,
                              std::uint64_t* replaced = nullptr) {
    Utf16ToUtf8 converter(encoding);
    std::string out;
    for (std::size_t at = 0; at < bytes.size(); at += chunk) converter.convert(bytes.substr(at, chunk), out);
    converter.finish(out);
    if (replaced) *replaced = converter.replaced();
    return out;
}

constexpr std::size_t whole = std::size_t{1} << 30;

}  // namespace

TEST_CASE("UTF-16 converts to UTF-8 whatever the chunks: odd bytes and surrogate pairs carry over") {
    const std::u16string text = u"Zoë, Crèche ☀ \U0001F33B\r\n";
    for (TextEncoding encoding : {TextEncoding::utf16_le, TextEncoding::utf16_be}) {
        const std::string bytes = utf16_bytes(text, encoding);
        for (std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{4}, std::size_t{5},
                                  std::size_t{6}, std::size_t{7}, whole}) {
            CAPTURE(chunk);
            std::uint64_t replaced = 1;
            CHECK(convert_in_chunks(bytes, encoding, chunk, &replaced) == "Zoë, Crèche ☀ 🌻\r\n");
            CHECK(replaced == 0);
        }
    }
    CHECK(utf16_to_utf8(with_byte_order_mark(u"a", TextEncoding::utf16_be), TextEncoding::utf16_be) ==
          "\xEF\xBB\xBF" "a");
}

TEST_CASE("UTF-16 without its other half becomes U+FFFD, counted") {
    const std::string fffd = "\xEF\xBF\xBD";
    const std::u16string lone_high{u'a', char16_t(0xD83C), u'b'};
    const std::u16string lone_low{u'a', char16_t(0xDF3B), u'b'};
    const std::u16string two_highs{char16_t(0xD83C), char16_t(0xD83C), char16_t(0xDF3B)};
    const std::u16string high_at_end{u'a', char16_t(0xD83C)};
    constexpr TextEncoding le = TextEncoding::utf16_le, be = TextEncoding::utf16_be;
    for (std::size_t chunk : {std::size_t{1}, std::size_t{3}, whole}) {
        CAPTURE(chunk);
        std::uint64_t replaced = 0;
        CHECK(convert_in_chunks(utf16_bytes(lone_high, le), le, chunk, &replaced) == "a" + fffd + "b");
        CHECK(replaced == 1);
        CHECK(convert_in_chunks(utf16_bytes(lone_low, be), be, chunk, &replaced) == "a" + fffd + "b");
        CHECK(replaced == 1);
        CHECK(convert_in_chunks(utf16_bytes(two_highs, le), le, chunk, &replaced) == fffd + "🌻");
        CHECK(replaced == 1);
        CHECK(convert_in_chunks(utf16_bytes(high_at_end, le), le, chunk, &replaced) == "a" + fffd);
        CHECK(replaced == 1);
        // An odd last byte.
        CHECK(convert_in_chunks(utf16_bytes(u"ab", le) + "x", le, chunk, &replaced) == "ab" + fffd);
        CHECK(replaced == 1);
        // Both waiting at the end: the first half of a pair, then an odd byte.
        CHECK(convert_in_chunks(utf16_bytes(high_at_end, le) + "x", le, chunk, &replaced) == "a" + fffd + fffd);
        CHECK(replaced == 2);
    }
}

TEST_CASE("UTF-16 encodings have names and codes") {
    CHECK(std::string(encoding_name(TextEncoding::utf16_le)) == "UTF-16 LE");
    CHECK(std::string(encoding_name(TextEncoding::utf16_be)) == "UTF-16 BE");
    CHECK(std::string(encoding_code(TextEncoding::utf16_le)) == "utf-16le");
    CHECK(std::string(encoding_code(TextEncoding::utf16_be)) == "utf-16be");
}

TEST_CASE("Excel's Unicode text (UTF-16 LE, BOM, tabs, CRLF) imports in every chunking") {
    const std::string bytes = import_fixture("excel_unicode_text_utf16le.txt");
    const ImportResult result = import_text(bytes);
    REQUIRE(result.ok());
    CHECK(result.encoding == TextEncoding::utf16_le);
    CHECK(result.format == SourceFormat::csv);
    CHECK(result.delimiter == '\t');
    CHECK(result.summary.rows_imported == 8);
    CHECK(result.summary.diagnostics_total == 0);
    CHECK(result.columns[0].field == "dossier_id");  // the byte-order mark is not part of the header
    CHECK(result.columns[1].field == "name");
    CHECK(cell(result, "name", 0) == "Kinderdagverblijf Zonneë");
    CHECK(cell(result, "name", 4) == "Crèche 't Zonnetje 🌻");
    CHECK(cell(result, "name", 6) == "Kinderopvang „De Ster“");
    CHECK(cell(result, "Opmerking", 1) == "opvolging\nna inspectie");
    CHECK(cell(result, "Opmerking", 6) == "\"Ster\" in citaat");
    CHECK(cell(result, "start_date", 0) == "2006-09-01");
    CHECK(result.source_rows == std::vector<std::uint32_t>{2, 3, 4, 5, 6, 7, 8, 9});
    // The hash and the byte count are those of the file's own bytes.
    CHECK(result.content_hash == content_hash_of(bytes));
    CHECK(result.byte_count == bytes.size());
    for (std::size_t chunk : {1, 2, 3, 4, 5, 6, 7}) {
        CAPTURE(chunk);
        const ImportResult split = import_in_chunks(bytes, shipped_dictionary(), {}, chunk);
        CHECK(split.encoding == TextEncoding::utf16_le);
        CHECK(write_csv(split.dataset) == write_csv(result.dataset));
        CHECK(split.content_hash == result.content_hash);
    }
}

TEST_CASE("UTF-16 BE with BOM reads the same; the BOM wins over a forced 8-bit encoding") {
    const ImportResult little = import_text(import_fixture("excel_unicode_text_utf16le.txt"));
    const std::string bytes = import_fixture("excel_unicode_text_utf16be.txt");
    for (std::size_t chunk : {std::size_t{1}, std::size_t{3}, std::size_t{7}, bytes.size()}) {
        CAPTURE(chunk);
        const ImportResult big = import_in_chunks(bytes, shipped_dictionary(), {}, chunk);
        REQUIRE(big.ok());
        CHECK(big.encoding == TextEncoding::utf16_be);
        CHECK(write_csv(big.dataset) == write_csv(little.dataset));
    }
    ImportOptions options;
    options.encoding = EncodingChoice::windows_1252;
    const ImportResult forced = import_text(bytes, shipped_dictionary(), options);
    CHECK(forced.encoding == TextEncoding::utf16_be);
    CHECK(write_csv(forced.dataset) == write_csv(little.dataset));
}

TEST_CASE("UTF-16 JSON, unpaired surrogates and tiny UTF-16 files") {
    SUBCASE("JSON in UTF-16 LE") {
        const std::u16string json = u"[{\"dossier_id\": \"KO-1\", \"name\": \"Zoë \U0001F33B\"}]";
        const ImportResult result = import_text(with_byte_order_mark(json, TextEncoding::utf16_le));
        REQUIRE(result.ok());
        CHECK(result.format == SourceFormat::json_array);
        CHECK(result.encoding == TextEncoding::utf16_le);
        CHECK(cell(result, "name", 0) == "Zoë 🌻");
    }
    SUBCASE("an unpaired surrogate is read as U+FFFD and counted") {
        const std::u16string text = std::u16string(u"dossier_id;name\r\nKO-1;Zo") + char16_t(0xD800) + u"\r\n";
        for (std::size_t chunk : {std::size_t{1}, std::size_t{5}, whole}) {
            const ImportResult result = import_in_chunks(with_byte_order_mark(text, TextEncoding::utf16_be),
                                                         shipped_dictionary(), {}, chunk);
            REQUIRE(result.ok());
            CHECK(cell(result, "name", 0) == "Zo\xEF\xBF\xBD");
            CHECK(count_reason(result, DiagnosticReason::invalid_utf16) == 1);
            const Diagnostic* d = find_diagnostic(result, DiagnosticReason::invalid_utf16);
            REQUIRE(d);
            CHECK(d->detail.find("1 characters were not valid UTF-16") == 0);
            CHECK(d->detail_nl.find("1 tekens waren geen geldige UTF-16") == 0);
        }
    }
    SUBCASE("a byte-order mark alone is an empty file; one byte is not UTF-16") {
        const ImportResult empty = import_in_chunks("\xFF\xFE", shipped_dictionary(), {}, 1);
        CHECK(empty.encoding == TextEncoding::utf16_le);
        CHECK(empty.failure == "the file is empty");
        CHECK(import_text("\xFF").encoding != TextEncoding::utf16_le);
    }
}

TEST_CASE("a UTF-16 file is stored as UTF-8 and reads back to the same dataset") {
    const std::string bytes = import_fixture("excel_unicode_text_utf16le.txt");
    ImportResult original = import_text(bytes);
    REQUIRE(original.ok());
    const std::string stored = source_text_utf8(bytes, original.encoding);
    CHECK(is_valid_utf8(stored));
    CHECK(stored.substr(0, 16) == "\xEF\xBB\xBF" "Dossiernummer");
    ImportOptions options;
    options.encoding = EncodingChoice::utf8;  // as the app reads a stored snapshot
    const ImportResult again = import_text(stored, shipped_dictionary(), options);
    REQUIRE(again.ok());
    CHECK(write_csv(again.dataset) == write_csv(original.dataset));
    CHECK(again.mappings().size() == original.mappings().size());
    CHECK(source_text_utf8(import_fixture("excel_unicode_text_utf16be.txt"), TextEncoding::utf16_be) == stored);
    const AcceptOutcome accepted = accept_import(original, "2024-01-31T09:15:00Z");
    REQUIRE(accepted.accepted);
    CHECK(accepted.accepted->snapshot.encoding == "utf-16le");
    CHECK(accepted.accepted->snapshot.content_hash == format_content_hash(content_hash_of(bytes)));
}
