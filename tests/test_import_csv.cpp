// CSV structure: delimiters, RFC 4180 quoting, line ends, chunk boundaries, unclosed quotes, the
// size limit of a record.
#include <doctest/doctest.h>

#include <vector>

#include "core/import/csv_tokenizer.hpp"
#include "core/import/format_detection.hpp"
#include "import_test_support.hpp"

using namespace radar;
using namespace radar::testing;

namespace {

struct Collected {
    std::vector<std::vector<std::string>> records;
    std::vector<std::uint32_t> rows, lines;
    std::vector<bool> unbalanced;
};

struct TooLong {
    std::uint32_t row = 0, line = 0;
    bool in_quotes = false;
    bool operator==(const TooLong& other) const {
        return row == other.row && line == other.line && in_quotes == other.in_quotes;
    }
};

class Collector final : public CsvRecordSink {
public:
    Collected collected;
    std::vector<TooLong> too_long;
    void on_record(const CsvRecord& record) override {
        std::vector<std::string> fields;
        for (std::size_t i = 0; i < record.field_count; ++i) fields.emplace_back(record.field(i));
        collected.records.push_back(fields);
        collected.rows.push_back(record.row);
        collected.lines.push_back(record.line);
        collected.unbalanced.push_back(record.unbalanced_quote);
    }
    void on_record_too_long(std::uint32_t row, std::uint32_t line, bool in_quotes) override {
        too_long.push_back({row, line, in_quotes});
    }
};

Collected tokenize(std::string_view text, char delimiter = ',', std::size_t chunk = 0,
                   std::size_t max_record = default_max_record_bytes) {
    CsvTokenizer tokenizer(delimiter, 1, max_record);
    Collector collector;
    if (chunk == 0) chunk = text.size() + 1;
    for (std::size_t at = 0; at < text.size(); at += chunk) tokenizer.feed(text.substr(at, chunk), collector);
    tokenizer.finish(collector);
    return collector.collected;
}

using Records = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("RFC 4180 quoting: embedded delimiters, doubled quotes, line breaks") {
    const std::string text = "a,b,c\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\n,\"\",last";
    const Collected c = tokenize(text);
    CHECK(c.records == Records{{"a", "b", "c"}, {"x,1", "say \"hi\"", "two\nlines"}, {"", "", "last"}});
    CHECK(c.rows == std::vector<std::uint32_t>{1, 2, 3});
    CHECK(c.lines == std::vector<std::uint32_t>{1, 2, 4});  // the line break inside quotes counts as a line
}

TEST_CASE("CRLF, LF and lone CR all end a record; a final line break adds no record") {
    CHECK(tokenize("a;b\r\nc;d\r\n", ';').records == Records{{"a", "b"}, {"c", "d"}});
    CHECK(tokenize("a;b\nc;d", ';').records == Records{{"a", "b"}, {"c", "d"}});
    CHECK(tokenize("a;b\rc;d\r", ';').records == Records{{"a", "b"}, {"c", "d"}});
    CHECK(tokenize("\"x\r\ny\";z\r\n", ';').records == Records{{"x\r\ny", "z"}});
    const Collected blank = tokenize("a\n\nb\n");
    CHECK(blank.records == Records{{"a"}, {""}, {"b"}});
    CHECK(blank.rows == std::vector<std::uint32_t>{1, 2, 3});  // a blank line keeps its Excel row number
}

TEST_CASE("a quote inside an unquoted field is an ordinary character") {
    CHECK(tokenize("12\" scherm,b\n").records == Records{{"12\" scherm", "b"}});
}

TEST_CASE("every chunking gives the same records") {
    const std::string text = "id;naam;opm\r\nKO-1;\"Crèche \"\"Zon\"\"\";\"a;b\r\nc\"\r\nKO-2;x;\"\"\r\nKO-3;\"open;3\n";
    const Collected whole = tokenize(text, ';');
    for (std::size_t chunk : {1, 2, 3, 5, 7, 13}) {
        CAPTURE(chunk);
        const Collected split = tokenize(text, ';', chunk);
        CHECK(split.records == whole.records);
        CHECK(split.lines == whole.lines);
        CHECK(split.unbalanced == whole.unbalanced);
    }
}

TEST_CASE("an unclosed quote does not swallow the rows after it") {
    SUBCASE("text after the supposed closing quote") {
        const Collected c = tokenize("id;naam;n\nKO-1;\"Kribbe Zon;3\nKO-2;\"Crèche \"\"Nest\"\"\";4\n", ';');
        REQUIRE(c.records.size() == 3);
        CHECK(c.records[1] == std::vector<std::string>{"KO-1", "\"Kribbe Zon", "3"});
        CHECK(c.unbalanced[1]);
        CHECK(c.records[2] == std::vector<std::string>{"KO-2", "Crèche \"Nest\"", "4"});
        CHECK_FALSE(c.unbalanced[2]);
        CHECK(c.lines == std::vector<std::uint32_t>{1, 2, 3});
    }
    SUBCASE("the file ends inside the quote") {
        const Collected c = tokenize("a,b\n1,\"open\n2,x\n");
        CHECK(c.records == Records{{"a", "b"}, {"1", "\"open"}, {"2", "x"}});
        CHECK(c.unbalanced == std::vector<bool>{false, true, false});
        CHECK(c.lines == std::vector<std::uint32_t>{1, 2, 3});
    }
    SUBCASE("a closing quote followed by text on the same line") {
        const Collected c = tokenize("\"abc\"def,g\n");
        CHECK(c.records == Records{{"\"abc\"def", "g"}});
        CHECK(c.unbalanced[0]);
    }
}

TEST_CASE("delimiter detection: ; , tab |, quotes respected, consistent counts win") {
    CHECK(detect_delimiter("a;b;c\n1;2,5;3\n4;5;6\n", false) == ';');
    CHECK(detect_delimiter("a,b,c\n1,\"2;5\",3\n", false) == ',');
    CHECK(detect_delimiter("a\tb\tc\n1\t2, 3\t4\n", false) == '\t');
    CHECK(detect_delimiter("a|b\n1|2\n", false) == '|');
    CHECK(detect_delimiter("naam (a, b);x;y\n1;2;3\n4;5;6\n", false) == ';');
    CHECK(detect_delimiter("a;b;c", true) == ';');   // header only, whole file
    CHECK(detect_delimiter("single\n1\n", true) == ',');  // nothing splits: one column
}

TEST_CASE("format detection and Excel's sep= line") {
    CHECK(detect_format("[{\"a\":1}]") == DetectedFormat::json);
    CHECK(detect_format("  \n{\"dossiers\": []}") == DetectedFormat::json);
    CHECK(detect_format("[ ]") == DetectedFormat::json);
    CHECK(detect_format("[Dossier];Naam\n") == DetectedFormat::csv);
    CHECK(detect_format("{naam};x\n") == DetectedFormat::csv);
    CHECK(detect_format("dossier_id,name\n") == DetectedFormat::csv);
    CHECK(utf16_byte_order_mark("\xFF\xFEx") == TextEncoding::utf16_le);
    CHECK(utf16_byte_order_mark("\xFE\xFFx") == TextEncoding::utf16_be);
    CHECK_FALSE(utf16_byte_order_mark("\xEF\xBB\xBFx"));
    CHECK_FALSE(utf16_byte_order_mark("\xFF"));
    const auto separator = excel_separator_line("sep=|\r\na|b\n");
    REQUIRE(separator);
    CHECK(separator->delimiter == '|');
    CHECK(separator->length == 7);
    CHECK_FALSE(excel_separator_line("sepal;length\n"));
}

TEST_CASE("CSV imports in every delimiter, with sep= line and explicit options") {
    SUBCASE("comma, UTF-8 BOM, LF") {
        const ImportResult result = import_text(import_fixture("utf8_bom_comma.csv"));
        CHECK(result.delimiter == ',');
        CHECK(result.encoding == TextEncoding::utf8_bom);
        CHECK(result.summary.rows_imported == 3);
        CHECK(cell(result, "name", 0) == "Kinderopvang \"De Zon\", Gent");
        CHECK(cell(result, "capacity", 2) == "1000");  // "1,000" in a whole-number field
    }
    SUBCASE("tab separated, CRLF") {
        const ImportResult result = import_text(import_fixture("tab_separated.tsv"));
        CHECK(result.delimiter == '\t');
        CHECK(result.summary.rows_imported == 2);
        CHECK(result.summary.rows_rejected == 0);
        CHECK(cell(result, "municipality", 1) == "Sint-Truiden");
        CHECK(cell(result, "start_date", 1) == "2012-03-04");
    }
    SUBCASE("pipe separated") {
        const ImportResult result = import_text(import_fixture("pipe_separated.csv"));
        CHECK(result.delimiter == '|');
        CHECK(result.summary.rows_imported == 2);
        CHECK(cell(result, "care_type", 0) == "buitenschoolse opvang");
    }
    SUBCASE("sep= line sets the delimiter and is not row 1") {
        const ImportResult result = import_text("sep=;\r\ndossier_id;capacity\r\nKO-1;12\r\nKO-2;x\r\n");
        CHECK(result.delimiter == ';');
        CHECK(result.summary.rows_imported == 2);
        const Diagnostic* d = find_diagnostic(result, DiagnosticReason::unparsable_number);
        REQUIRE(d);
        CHECK(d->row == 3);   // Excel hides the sep= line: header row 1, KO-2 row 3
        CHECK(d->line == 4);
    }
    SUBCASE("a forced delimiter overrides detection") {
        ImportOptions options;
        options.delimiter = ',';
        const std::string text = "dossier_id,opm;x;y\nKO-1,a;b;c\nKO-2,d;e;f\n";
        CHECK(import_text(text).delimiter == ';');  // more fields, as consistent
        const ImportResult result = import_text(text, shipped_dictionary(), options);
        CHECK(result.delimiter == ',');
        CHECK(cell(result, "opm;x;y", 0) == "a;b;c");
    }
    SUBCASE("header only: nothing imported, nothing wrong") {
        const ImportResult result = import_text("dossier_id;name\r\n");
        CHECK(result.ok());
        CHECK(result.summary.rows_read == 0);
    }
    SUBCASE("an empty file fails") {
        const ImportResult result = import_text("  \r\n");
        CHECK_FALSE(result.ok());
        CHECK(count_reason(result, DiagnosticReason::unreadable_file) == 1);
    }
}

namespace {

// A tokenizer with a small record limit, fed `text` in chunks of `chunk` bytes (0: at once).
Collector tokenize_limited(std::string_view text, std::size_t max_record, std::size_t chunk) {
    CsvTokenizer tokenizer(';', 1, max_record);
    Collector collector;
    if (chunk == 0) chunk = text.size() + 1;
    for (std::size_t at = 0; at < text.size(); at += chunk) tokenizer.feed(text.substr(at, chunk), collector);
    tokenizer.finish(collector);
    return collector;
}

// "v0;v1;v2;..." of at least `bytes` bytes, without a line break.
std::string endless_line(std::size_t bytes) {
    std::string line;
    for (int i = 0; line.size() < bytes; ++i) line += "v" + std::to_string(i % 100) + ";";
    return line;
}

}  // namespace

TEST_CASE("a record may take the size limit, its line break not counted; one byte more stops the reading") {
    const std::string ten = "0123456789";
    for (std::size_t chunk : {1, 2, 3, 4, 5, 6, 7, 10, 11, 0}) {
        CAPTURE(chunk);
        const Collector fits = tokenize_limited("a;b\r\n" + ten + "\r\n" + ten + "\r" + ten + "\n" + ten, 10, chunk);
        CHECK(fits.too_long.empty());
        CHECK(fits.collected.records.size() == 5);
        const Collector over = tokenize_limited("a;b\r\n" + ten + "\r\n" + ten + "x\r\nlater;row\n", 10, chunk);
        CHECK(over.collected.records == Records{{"a", "b"}, {ten}});  // nothing from the long record on
        CHECK(over.too_long == std::vector<TooLong>{{3, 3, false}});
        // The last record of the file, without a line break, is held to the same limit.
        CHECK(tokenize_limited("a;b\n" + ten + "x", 10, chunk).too_long == std::vector<TooLong>{{2, 2, false}});
        // Also when its last byte is a delimiter or a closing quote.
        CHECK(tokenize_limited("a;b\n" + ten + ";", 10, chunk).too_long == std::vector<TooLong>{{2, 2, false}});
        CHECK(tokenize_limited("a;b\n\"123456789\"", 10, chunk).too_long == std::vector<TooLong>{{2, 2, false}});
        CHECK(tokenize_limited("a;b\n\"12345678\"", 10, chunk).collected.records == Records{{"a", "b"}, {"12345678"}});
    }
}

TEST_CASE("a quoted multi-line record counts whole against the size limit") {
    for (std::size_t chunk : {1, 2, 3, 5, 7, 0}) {
        CAPTURE(chunk);
        // 10 bytes with its quoted line breaks: it fits.
        const Collector fits = tokenize_limited("a;b\n\"1\n2\n3\";xy\nc;d\n", 10, chunk);
        CHECK(fits.too_long.empty());
        CHECK(fits.collected.records == Records{{"a", "b"}, {"1\n2\n3", "xy"}, {"c", "d"}});
        // Over the limit after the quote closed, and inside the quote: row 2 starts on line 2.
        CHECK(tokenize_limited("a;b\n\"1\n2\n3\";xyz\nc;d\n", 10, chunk).too_long ==
              std::vector<TooLong>{{2, 2, false}});
        const Collector open = tokenize_limited("a;b\nx;\"1\n2\n3\n4\n5\n6\nc;d\n", 10, chunk);
        CHECK(open.too_long == std::vector<TooLong>{{2, 2, true}});
        CHECK(open.collected.records.size() == 1);
    }
    // A stray quote is still read as an ordinary character when the text from its record to the
    // end of the file stays within the limit (the quote would otherwise have held all of it).
    const Collector stray = tokenize_limited("a;b\n1;\"open\n2;x\n", 20, 0);
    CHECK(stray.too_long.empty());
    CHECK(stray.collected.records == Records{{"a", "b"}, {"1", "\"open"}, {"2", "x"}});
}

TEST_CASE("the tokenizer stops buffering an endless line as soon as it passes the limit") {
    CsvTokenizer tokenizer(';');
    Collector collector;
    const std::string chunk = endless_line(64 * 1024).substr(0, 64 * 1024);
    for (std::size_t fed = 0; fed < default_max_record_bytes; fed += chunk.size()) {
        tokenizer.feed(chunk, collector);
        REQUIRE_FALSE(tokenizer.stopped());
    }
    tokenizer.feed("x", collector);  // byte 1 MiB + 1
    CHECK(tokenizer.stopped());
    CHECK(collector.too_long == std::vector<TooLong>{{1, 1, false}});
    tokenizer.feed(chunk + "\nmore;rows\n", collector);
    tokenizer.finish(collector);
    CHECK(collector.collected.records.empty());
    CHECK(collector.too_long.size() == 1);
}

TEST_CASE("delimiter detection: a sample without a complete line is judged on its partial first line") {
    const std::string line = endless_line(64 * 1024);
    CHECK(detect_delimiter(line, false) == ';');
    CHECK(detect_delimiter("Naam, voornaam\tGemeente\tStartdatum", false) == '\t');
    CHECK(detect_delimiter("a|b|c|d", false) == '|');
    // With complete lines in the sample the cut last one is still left out.
    CHECK(detect_delimiter("a;b\n1;2\n3,4,5,6,7", false) == ';');
}

TEST_CASE("an over-long line fails the import with its row and line, in every chunking") {
    const std::string head = "dossier_id;name\nKO-1;Kribbe\n\"KO-2\";\"Twee\nregels\"\n";
    const std::string text = head + endless_line(default_max_record_bytes + 1) + "\nKO-9;x\n";
    for (std::size_t chunk : {std::size_t{1}, std::size_t{64 * 1024}, text.size()}) {
        CAPTURE(chunk);
        const ImportResult result = import_in_chunks(text, shipped_dictionary(), {}, chunk);
        REQUIRE_FALSE(result.ok());
        CHECK(result.failure.find("row 4 (line 5) is longer than 1 MiB") == 0);
        CHECK(result.failure.find("does not look like a delimited export") != std::string::npos);
        CHECK(result.failure_nl.find("rij 4 (regel 5) is langer dan 1 MiB") == 0);
        CHECK(count_reason(result, DiagnosticReason::unreadable_file) == 1);
        CHECK(result.dataset.columns().empty());
        CHECK(result.summary.rows_read == 2);  // the rows before it were read
    }
}

TEST_CASE("the record limit holds for the header, for a lowered limit and within one chunk") {
    SUBCASE("one 2 MiB line of ';' separated values without a line break") {
        const std::string line = endless_line(2 * default_max_record_bytes);
        for (std::size_t chunk : {std::size_t{64 * 1024}, line.size()}) {
            const ImportResult result = import_in_chunks(line, shipped_dictionary(), {}, chunk);
            CHECK(result.delimiter == ';');
            CHECK(result.failure.find("row 1 (line 1) is longer than 1 MiB") == 0);
        }
    }
    SUBCASE("after a sep= line the header is row 1 on line 2") {
        const ImportResult result = import_text("sep=;\r\n" + endless_line(default_max_record_bytes + 1));
        CHECK(result.failure.find("row 1 (line 2) is longer than 1 MiB") == 0);
    }
    SUBCASE("a limit lowered through ImportLimits, inside a quoted multi-line field") {
        ImportOptions options;
        options.limits.max_record_bytes = 64;
        const std::string text = "dossier_id;opmerking\nKO-1;\"begint hier\n" + std::string(100, 'x') + "\"\nKO-2;y\n";
        for (std::size_t chunk : {std::size_t{1}, std::size_t{7}, text.size()}) {
            const ImportResult result = import_in_chunks(text, shipped_dictionary(), options, chunk);
            CHECK(result.failure.find("row 2 (line 2) is longer than 64 bytes: a quote opened in it is perhaps never "
                                      "closed") == 0);
            CHECK(result.failure_nl.find("rij 2 (regel 2) is langer dan 64 bytes: een aanhalingsteken") == 0);
        }
        options.limits.max_record_bytes = 4 * 1024;
        const ImportResult fits = import_text(text, shipped_dictionary(), options);
        CHECK(fits.ok());
        CHECK(fits.summary.rows_imported == 2);
    }
}
