// The tokenizer's 64-byte block scanning against scanning byte by byte: the block masks against
// testing each byte, every next-special answer against a plain loop, and the tokenizer and the
// importer fed whole (blocks) against the same bytes fed in pieces shorter than a block (then only
// the text taken back after an unclosed quote, when longer than a block, is scanned in blocks):
// same records, rows, lines, flags, and the same import result to the byte, on random CSV texts,
// the fixtures, a generated export with tricky cells and the CSV fuzz corpus. The rest of the
// tokenizer's behaviour has fixed expectations in test_import_csv.cpp.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/base/random.hpp"
#include "core/import/byte_block_scanner.hpp"
#include "core/import/csv_tokenizer.hpp"
#include "core/import/import_transfer.hpp"
#include "import_test_support.hpp"

using namespace radar;
using namespace radar::testing;

namespace {

constexpr std::size_t below_a_block = ByteBlockScanner::block_bytes - 3;

bool special_byte(char c, char delimiter) {
    return c == delimiter || c == '\n' || c == '\r' || static_cast<unsigned char>(c) >= 0x80;
}

// Random bytes, about half of them the ones a CSV scanner cares about.
std::string random_bytes(Random& random, std::size_t size) {
    static const std::string interesting = ";,\t|\n\r\"\x80\xC3\xA9\xFF\x7F a0";
    std::string bytes(size, '\0');
    for (char& c : bytes)
        c = random.chance(0.5) ? interesting[random.below(static_cast<std::uint32_t>(interesting.size()))]
                               : static_cast<char>(random.below(256));
    return bytes;
}

// A CSV-like text: fields short and long (past a block), quoted, with doubled quotes, stray
// quotes, quoted line breaks, CR, LF and CRLF line ends, non-ASCII bytes and empty fields.
std::string random_csv(Random& random, char delimiter, std::size_t records) {
    static const std::vector<std::string> pieces = {
        "a",   "12",   "KO-1000", "31/12/2024", "1.250,50",          "é", "\x80", "\xC3",
        "x y", "\"\"", "\"",      "€",          std::string(70, 'w')};
    std::string text;
    for (std::size_t r = 0; r < records; ++r) {
        const std::size_t fields = 1 + random.below(8);
        for (std::size_t f = 0; f < fields; ++f) {
            if (f > 0) text += delimiter;
            std::string field;
            for (std::size_t k = random.below(4); k > 0; --k)
                field += pieces[random.below(static_cast<std::uint32_t>(pieces.size()))];
            if (random.chance(0.2)) {
                std::string quoted = "\"";
                for (const char c : field) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
                if (random.chance(0.2)) quoted += std::string(1, delimiter) + "\n" + "\r\n";
                field = quoted + (random.chance(0.9) ? "\"" : "");
                if (random.chance(0.1)) field += "after";
            }
            text += field;
        }
        text += random.chance(0.8) ? "\n" : random.chance(0.5) ? "\r\n" : "\r";
    }
    if (random.chance(0.5)) text.pop_back();
    return text;
}

struct Tokenized {
    struct Record {
        std::vector<std::string> fields;
        std::uint32_t row = 0;
        std::uint32_t line = 0;
        bool has_non_ascii = false;
        bool unbalanced_quote = false;
        bool operator==(const Record& other) const {
            return fields == other.fields && row == other.row && line == other.line &&
                   has_non_ascii == other.has_non_ascii && unbalanced_quote == other.unbalanced_quote;
        }
    };
    std::vector<Record> records;
    std::vector<std::uint32_t> too_long_rows;
};

class Collector : public CsvRecordSink {
public:
    void on_record(const CsvRecord& record) override {
        Tokenized::Record copy;
        for (std::size_t i = 0; i < record.field_count; ++i) copy.fields.emplace_back(record.field(i));
        copy.row = record.row;
        copy.line = record.line;
        copy.has_non_ascii = record.has_non_ascii;
        copy.unbalanced_quote = record.unbalanced_quote;
        tokenized.records.push_back(std::move(copy));
    }
    void on_record_too_long(std::uint32_t row, std::uint32_t, bool) override { tokenized.too_long_rows.push_back(row); }
    Tokenized tokenized;
};

Tokenized tokenize(std::string_view text, char delimiter, std::size_t chunk, std::size_t max_record) {
    CsvTokenizer tokenizer(delimiter, 1, max_record);
    Collector collector;
    for (std::size_t at = 0; at < text.size(); at += chunk) tokenizer.feed(text.substr(at, chunk), collector);
    tokenizer.finish(collector);
    return collector.tokenized;
}

void check_tokenized_alike(std::string_view text, char delimiter, std::size_t max_record) {
    CAPTURE(text);
    const Tokenized blocks = tokenize(text, delimiter, text.size() + 1, max_record);
    for (const std::size_t chunk : {std::size_t{1}, std::size_t{7}, below_a_block}) {
        CAPTURE(chunk);
        const Tokenized bytewise = tokenize(text, delimiter, chunk, max_record);
        REQUIRE(blocks.records.size() == bytewise.records.size());
        for (std::size_t i = 0; i < blocks.records.size(); ++i) {
            CAPTURE(i);
            REQUIRE(blocks.records[i] == bytewise.records[i]);
        }
        REQUIRE(blocks.too_long_rows == bytewise.too_long_rows);
    }
}

void check_imported_alike(std::string_view bytes, const FieldDictionary& dictionary) {
    ImportOptions options;
    options.source_name = "export.csv";
    const std::string blocks = encode_import_result(import_in_chunks(bytes, dictionary, options, bytes.size() + 1));
    for (const std::size_t chunk : {std::size_t{1}, below_a_block}) {
        if (chunk == 1 && bytes.size() > 200'000) continue;
        CAPTURE(chunk);
        REQUIRE(encode_import_result(import_in_chunks(bytes, dictionary, options, chunk)) == blocks);
    }
}

// A generated export in the shipped fields' Dutch headers, with a tricky cell or two in about half
// the rows: odd quotes, quoted delimiters and line breaks, long and non-ASCII text, bad dates and
// numbers, missing and repeated ids, ragged rows.
std::string tricky_export(std::size_t rows, std::uint64_t seed) {
    Random random(seed);
    static const std::vector<std::string> tricks = {"\"quoted\"",
                                                    "\"a;b\"",
                                                    "\"say \"\"hi\"\"\"",
                                                    "\"line\nbreak\"",
                                                    "\"crlf\r\nbreak\"",
                                                    "stray\"quote",
                                                    "\"closed\" then text",
                                                    "",
                                                    "  padded  ",
                                                    std::string(90, 'l'),
                                                    "é€ü",
                                                    "31/02/2020",
                                                    "1.250",
                                                    "onbekend"};
    std::string csv = "Dossiernummer;Naam opvang;Kindplaatsen;Datum laatste inspectie;Klachten;Opmerking\n";
    for (std::size_t i = 1; i <= rows; ++i) {
        std::vector<std::string> fields = {"KO-" + std::to_string(i), "Opvang " + std::to_string(i % 300),
                                           std::to_string(i % 40),    "0" + std::to_string(1 + i % 9) + "/03/2023",
                                           std::to_string(i % 5),     "opmerking"};
        if (random.chance(0.5)) {
            for (std::size_t k = 1 + random.below(3); k > 0; --k)
                fields[random.below(6)] = tricks[random.below(static_cast<std::uint32_t>(tricks.size()))];
            if (random.chance(0.1)) fields.pop_back();
            if (random.chance(0.1)) fields.emplace_back("extra");
            if (random.chance(0.05)) fields[0] = "KO-1";
        }
        for (std::size_t f = 0; f < fields.size(); ++f) csv += (f ? ";" : "") + fields[f];
        csv += random.chance(0.9) ? "\n" : "\r\n";
    }
    return csv;
}

}  // namespace

TEST_CASE("block scanner: a block's mask marks exactly the delimiter, CR, LF and bytes >= 0x80") {
    Random random(20261207);
    for (const char delimiter : {';', ',', '\t', '|'}) {
        const ByteBlockScanner scanner(delimiter);
        for (int round = 0; round < 2000; ++round) {
            const std::string block = random_bytes(random, ByteBlockScanner::block_bytes);
            std::uint64_t expected = 0;
            for (std::size_t i = 0; i < block.size(); ++i)
                if (special_byte(block[i], delimiter)) expected |= std::uint64_t{1} << i;
            REQUIRE(scanner.special_mask(block.data()) == expected);
        }
    }
}

TEST_CASE("block scanner: the next special byte is the one a byte-by-byte search finds, for every start and end") {
    Random random(7);
    for (const char delimiter : {';', '\t'}) {
        for (int round = 0; round < 40; ++round) {
            const std::string text = random_bytes(random, 40 + random.below(260));
            const char* const begin = text.data();
            for (std::size_t limit = 0; limit <= text.size(); ++limit) {
                // Forward through the text as the tokenizer goes, reusing the block it holds.
                ByteBlockScanner scanner(delimiter);
                for (std::size_t from = 0; from <= limit; from += 1 + random.below(5)) {
                    std::size_t expected = from;
                    while (expected < limit && !special_byte(text[expected], delimiter)) ++expected;
                    CAPTURE(from);
                    CAPTURE(limit);
                    REQUIRE(scanner.next_special(begin + from, begin + limit) - begin == static_cast<long>(expected));
                }
            }
        }
    }
}

TEST_CASE("block scanner: the tokenizer reads random CSV texts whole as it reads them a few bytes at a time") {
    Random random(42);
    for (int round = 0; round < 300; ++round) {
        const char delimiter = round % 3 == 0 ? ',' : ';';
        const std::string text = random_csv(random, delimiter, 1 + random.below(40));
        check_tokenized_alike(text, delimiter, default_max_record_bytes);
        // Records past a small limit; under a block, the next record's limit ends inside the
        // block the scanner holds.
        if (round % 10 == 0) check_tokenized_alike(text, delimiter, 80);
        if (round % 10 == 5) check_tokenized_alike(text, delimiter, 20);
    }
}

TEST_CASE("block scanner: imports of the fixtures, a tricky generated export and the fuzz corpus are the same") {
    for (const char* fixture :
         {"messy_export_cp1252.csv", "pipe_separated.csv", "tab_separated.tsv", "utf8_bom_comma.csv"}) {
        CAPTURE(fixture);
        check_imported_alike(import_fixture(fixture), test_dictionary());
    }
    for (const std::uint64_t seed : {1, 2, 3}) {
        CAPTURE(seed);
        check_imported_alike(tricky_export(3000, seed), shipped_dictionary());
    }
    const std::filesystem::path corpus =
        std::filesystem::path(RADAR_TEST_DATA_DIR) / "../../fuzz/corpus/fuzz_csv_import";
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
        CAPTURE(entry.path().string());
        check_imported_alike(read_file(entry.path().string()), shipped_dictionary());
        ++files;
    }
    CHECK(files > 0);
}
