// CSV structure: delimiters, RFC 4180 quoting, line ends, chunk boundaries, unclosed quotes.
#include <doctest/doctest.h>

#include <vector>

#include "import/csv_tokenizer.hpp"
#include "import/format_detection.hpp"
#include "import_test_support.hpp"

using namespace radar;
using namespace radar::testing;

namespace {

struct Collected {
    std::vector<std::vector<std::string>> records;
    std::vector<std::uint32_t> rows, lines;
    std::vector<bool> unbalanced;
};

class Collector final : public CsvRecordSink {
public:
    Collected collected;
    void on_record(const CsvRecord& record) override {
        std::vector<std::string> fields;
        for (std::size_t i = 0; i < record.field_count; ++i) fields.emplace_back(record.field(i));
        collected.records.push_back(fields);
        collected.rows.push_back(record.row);
        collected.lines.push_back(record.line);
        collected.unbalanced.push_back(record.unbalanced_quote);
    }
};

Collected tokenize(std::string_view text, char delimiter = ',', std::size_t chunk = 0, std::size_t max_quoted = 1u << 20) {
    CsvTokenizer tokenizer(delimiter, 1, max_quoted);
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
    SUBCASE("a quoted field past the size limit") {
        const Collected c = tokenize("a,b\n1,\"open\n2,x\n3,y\n", ',', 3, 6);
        CHECK(c.records == Records{{"a", "b"}, {"1", "\"open"}, {"2", "x"}, {"3", "y"}});
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
    CHECK(detect_format("\xFF\xFEx") == DetectedFormat::utf16);
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
