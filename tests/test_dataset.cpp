// Dataset columns: lookup, missing cells, cell formatting, and the pooled text and compact
// number storage behind them, and the text hash and equality their lookups use.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/dataset.hpp"
#include "core/data/dataset_hash.hpp"
#include "core/base/text_hash.hpp"

using namespace radar;

TEST_CASE("cells format by column type and missing stays distinct from zero") {
    Dataset dataset;
    Column& count = dataset.add_column("count", ColumnType::integer);
    Column& when = dataset.add_column("when", ColumnType::date);
    Column& ratio = dataset.add_column("ratio", ColumnType::number);
    count.push_number(0);
    count.push_missing();
    when.push_number(days_from_civil({2024, 5, 1}));
    when.push_missing();
    ratio.push_number(0.25);
    ratio.push_number(3);
    CHECK(dataset.row_count() == 2);
    CHECK(dataset.cell_text(0, 0) == "0");
    CHECK(dataset.cell_text(0, 1).empty());
    CHECK(dataset.cell_text(1, 0) == "2024-05-01");
    CHECK(dataset.cell_text(2, 0) == "0.25");
    CHECK(dataset.cell_text(2, 1) == "3");
    CHECK(dataset.index_of("when") == 1u);
    CHECK(dataset.find("absent") == nullptr);
}

TEST_CASE("whole numbers are written as std::to_string writes them") {
    Dataset dataset;
    Column& count = dataset.add_column("count", ColumnType::integer);
    Column& amount = dataset.add_column("amount", ColumnType::number);
    const double values[] = {0, 7, -7, 10, -100, 1234567890123, -999999999999999, 9007199254740992.0, -9007199254740992.0};
    for (double value : values) {
        count.push_number(value);
        amount.push_number(value);
    }
    for (std::size_t row = 0; row < std::size(values); ++row) {
        CAPTURE(values[row]);
        CHECK(dataset.cell_text(0, row) == std::to_string(static_cast<long long>(values[row])));
        if (std::fabs(values[row]) < 1e15) CHECK(dataset.cell_text(1, row) == std::to_string(static_cast<long long>(values[row])));
    }
}

namespace {

// How a number cell was written before its short decimals got their own path (and still is
// outside it): "%.15g", or "%.17g" when that does not read back as the same number.
std::string number_text_by_printf(double value) {
    if (value == std::floor(value) && std::fabs(value) < 1e15) return std::to_string(static_cast<long long>(value));
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.15g", value);
    if (std::strtod(buffer, nullptr) != value) std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

}  // namespace

TEST_CASE("numbers are written as printf's %.15g (or %.17g) writes them, whatever path writes them") {
    std::vector<double> values = {0.1, -0.1, 0.1 + 0.2, 51.05, 0.875, 1e-4, -1e-4, 0.00012, 9.9999e-5, 1.5e-9,
                                  99999999999999.9, 9999999999999.99, 123456789.123456, 0.000123456789,
                                  1e14 - 0.5, 1e14 + 0.5, 1.0 / 3, 2.0 / 3, 1e20, 1.7976931348623157e308,
                                  4.9e-324, 0.30000000000000004, 1.0000000000000002, 12.50, 1234.5678901};
    std::mt19937_64 random(20261205);
    for (int i = 0; i < 200000; ++i) {
        // Decimals as an export writes them: up to 15 digits, up to 10 after the point.
        const auto digits = static_cast<double>(random() % 1000000000000000ULL >> (random() % 50));
        const double decimal = digits / std::pow(10.0, static_cast<double>(random() % 11)) * (random() % 2 ? 1 : -1);
        values.push_back(decimal);
        values.push_back(std::nextafter(decimal, 1e300));  // one unit further: needs 17 digits
        // Any double between 1e-6 and 1e16, bit pattern by bit pattern.
        const std::uint64_t bits = 0x3EB0000000000000ULL + random() % (0x4340000000000000ULL - 0x3EB0000000000000ULL);
        double any = 0;
        std::memcpy(&any, &bits, sizeof any);
        values.push_back(any);
    }
    Dataset dataset;
    Column& amount = dataset.add_column("amount", ColumnType::number);
    for (const double value : values) amount.push_number(value);
    std::size_t differing = 0;
    std::string scratch;
    for (std::size_t row = 0; row < values.size(); ++row) {
        const std::string expected = number_text_by_printf(values[row]);
        if (column_cell_text(amount, row, scratch) == expected) continue;
        if (++differing <= 5) CHECK_MESSAGE(false, values[row], " written as ", scratch, " instead of ", expected);
    }
    CHECK(differing == 0);
}

TEST_CASE("a number column keeps whole numbers in 4 bytes and widens once, losing nothing") {
    NumberColumn numbers;
    numbers.reserve(8);
    for (double value : {0.0, -3.0, 2147483647.0, -2147483648.0}) numbers.push_back(value);
    CHECK_FALSE(numbers.wide());
    CHECK(numbers.allocated_bytes() == 8 * sizeof(std::int32_t));
    numbers.set(1, 7);
    CHECK_FALSE(numbers.wide());
    numbers.push_back(2147483648.0);  // one past int32: the column widens, earlier values kept
    CHECK(numbers.wide());
    numbers.push_back(0.1);
    numbers.push_back(1e300);
    const double expected[] = {0.0, 7.0, 2147483647.0, -2147483648.0, 2147483648.0, 0.1, 1e300};
    REQUIRE(numbers.size() == 7);
    for (std::size_t row = 0; row < 7; ++row) CHECK(numbers[row] == expected[row]);
    numbers.pop_back();
    CHECK(numbers.size() == 6);

    NumberColumn halves;
    halves.push_back(1);
    halves.set(0, 0.5);  // a write that does not fit widens too
    CHECK(halves.wide());
    CHECK(halves[0] == 0.5);
}

TEST_CASE("a text column pools its cells and reads them back as written") {
    TextColumn texts;
    texts.push_back("KO-1");
    texts.push_empty();
    texts.push_back("Crèche \"Het Zonnetje\"; Gent");
    texts.push_back(std::string_view("a\0b", 3));
    REQUIRE(texts.size() == 4);
    CHECK(texts[0] == "KO-1");
    CHECK(texts[1].empty());
    CHECK(texts[2] == "Crèche \"Het Zonnetje\"; Gent");
    CHECK(texts[3] == std::string_view("a\0b", 3));
    texts.pop_back();
    CHECK(texts.back() == "Crèche \"Het Zonnetje\"; Gent");
    std::vector<std::string> copied(texts.begin(), texts.end());
    CHECK(copied == std::vector<std::string>{"KO-1", "", "Crèche \"Het Zonnetje\"; Gent"});
    texts.reserve(1000);
    CHECK(texts[0] == "KO-1");
}

TEST_CASE("missing flags keep eight cells a byte, across word boundaries") {
    MissingFlags flags;
    std::vector<bool> expected;
    for (std::size_t row = 0; row < 200; ++row) {
        const bool missing = row % 3 == 0 || row == 64 || row == 127;
        flags.push_back(missing);
        expected.push_back(missing);
    }
    flags.set(5, true);
    expected[5] = true;
    flags.set(64, false);
    expected[64] = false;
    for (int i = 0; i < 73; ++i) {  // back below a word boundary: the dropped bits are cleared
        flags.pop_back();
        expected.pop_back();
    }
    flags.push_back(false);
    expected.push_back(false);
    REQUIRE(flags.size() == expected.size());
    for (std::size_t row = 0; row < expected.size(); ++row) CHECK(flags[row] == expected[row]);
    CHECK(flags.allocated_bytes() <= 3 * sizeof(std::uint64_t) + 64);
}

TEST_CASE("a text column keeps repeated values once, and pools its cells past the dictionary limit") {
    TextColumn repeated;
    for (int row = 0; row < 10000; ++row) repeated.push_back(row % 3 == 0 ? "Oost-Vlaanderen" : row % 3 == 1 ? "Limburg" : "");
    CHECK_FALSE(repeated.pooled());
    CHECK(repeated.allocated_bytes() < 10000 * 8);  // codes (with growth room); the cells alone hold 73,330 bytes
    CHECK(repeated[9999] == "Oost-Vlaanderen");
    CHECK(repeated[9998] == "");

    TextColumn distinct;
    distinct.reserve(TextColumn::dictionary_limit + 10);
    for (std::size_t row = 0; row < TextColumn::dictionary_limit + 10; ++row)
        distinct.push_back(row % 3 ? std::string("same") : "KO-" + std::to_string(row / 3));
    CHECK_FALSE(distinct.pooled());
    for (std::size_t row = 0; row < TextColumn::dictionary_limit + 10; ++row)
        distinct.push_back("ID-" + std::to_string(row));
    CHECK(distinct.pooled());
    REQUIRE(distinct.size() == 2 * (TextColumn::dictionary_limit + 10));
    CHECK(distinct[0] == "KO-0");
    CHECK(distinct[7] == "same");
    CHECK(distinct[9] == "KO-3");
    CHECK(distinct[TextColumn::dictionary_limit + 10] == "ID-0");
    CHECK(distinct.back() == "ID-" + std::to_string(TextColumn::dictionary_limit + 9));
    distinct.pop_back();
    CHECK(distinct.back() == "ID-" + std::to_string(TextColumn::dictionary_limit + 8));
}

TEST_CASE("a text column whose cells are mostly distinct pools them at the first checkpoint") {
    const std::size_t checkpoint = TextColumn::early_pool_check;
    TextColumn ids;
    for (std::size_t row = 0; row < checkpoint; ++row) ids.push_back("KO-" + std::to_string(row));
    CHECK_FALSE(ids.pooled());
    ids.push_back("KO-" + std::to_string(checkpoint));
    CHECK(ids.pooled());
    ids.push_back("KO-0");
    REQUIRE(ids.size() == checkpoint + 2);
    CHECK(ids[0] == "KO-0");
    CHECK(ids[checkpoint] == "KO-" + std::to_string(checkpoint));
    CHECK(ids.back() == "KO-0");

    // A third distinct: the codes save bytes, and the column stays a dictionary.
    TextColumn thirds;
    for (std::size_t row = 0; row < 6 * checkpoint; ++row)
        thirds.push_back(row % 3 ? std::string("same") : "KO-" + std::to_string(row / 3));
    CHECK_FALSE(thirds.pooled());
    CHECK(thirds.distinct_count() == 2 * checkpoint + 1);
    CHECK(thirds[6 * checkpoint - 3] == "KO-" + std::to_string(2 * checkpoint - 1));
}

TEST_CASE("texts that differ in any one byte, or in length, are told apart and hash apart") {
    const std::string base = "KO-1000000 Crèche Zonnebloem";
    for (std::size_t length = 0; length <= base.size(); ++length) {
        const std::string text = base.substr(0, length);
        CHECK(same_text(text, std::string(text)));
        CHECK(hash_text(text) == hash_text(std::string(text)));
        if (length > 0) CHECK_FALSE(same_text(text, base.substr(0, length - 1)));
        for (std::size_t at = 0; at < length; ++at) {
            std::string changed = text;
            changed[at] = static_cast<char>(changed[at] ^ 0x01);
            CAPTURE(length);
            CAPTURE(at);
            CHECK_FALSE(same_text(text, changed));
            CHECK(hash_text(text) != hash_text(changed));
        }
    }
    CHECK(same_text(std::string_view(), ""));
}

TEST_CASE("text_less orders texts as std::string_view does: bytes as unsigned, then length") {
    std::mt19937 random(7);
    const std::string alphabet = std::string("KO-019 ") + "\xC3\xA8\x7F\x80\xFF";
    const auto random_text = [&] {
        std::string text(random() % 20, ' ');
        for (char& c : text) c = alphabet[random() % alphabet.size()];
        return text;
    };
    for (int round = 0; round < 20'000; ++round) {
        const std::string a = random_text();
        std::string b = round % 3 == 0 ? a.substr(0, random() % (a.size() + 1)) : random_text();
        if (round % 5 == 0 && !b.empty()) b[random() % b.size()] = alphabet[random() % alphabet.size()];
        CAPTURE(a);
        CAPTURE(b);
        CHECK(text_less(a, b) == (std::string_view(a) < std::string_view(b)));
        CHECK(text_less(b, a) == (std::string_view(b) < std::string_view(a)));
    }
    CHECK(text_less("KO-1000000", "KO-1000001"));
    CHECK_FALSE(text_less("KO-1000001", "KO-1000001"));
    CHECK(text_less("KO-100000", "KO-1000000"));
    CHECK(text_less("KO-1\x7F", "KO-1\x80"));
}

TEST_CASE("the dataset fingerprint stays the same across versions (stored batches name their data by it)") {
    Dataset dataset;
    Column& id = dataset.add_column("dossier_id", ColumnType::text);
    Column& start = dataset.add_column("start", ColumnType::date);
    Column& places = dataset.add_column("places", ColumnType::integer);
    Column& rate = dataset.add_column("rate", ColumnType::number);
    id.push_text("KO-1");
    start.push_number(19000);
    places.push_number(12);
    rate.push_number(0.875);
    id.push_text("Crèche \"Zon\", Gent");
    start.push_missing();
    places.push_number(-3);
    rate.push_number(1500);
    id.push_text("");
    start.push_number(-1);
    places.push_missing();
    rate.push_number(1e20);
    // The value the fingerprint had before cells were formatted into a scratch buffer.
    CHECK(dataset_sha256(dataset) == "981e6739b79c43d8a45deca4ba2e41847b3e82576b3affb564abb2d7de540daa");
}
