// Preparing a dataset in slices of rows gives exactly the fingerprint and search index of doing
// it at once, whatever the slice size.
#include <doctest/doctest.h>

#include "core/data/csv_writer.hpp"
#include "core/data/dataset_hash.hpp"
#include "core/data/dataset_preparation.hpp"
#include "core/data/demo_data.hpp"
#include "core/base/sha256.hpp"

using namespace radar;

namespace {

const std::vector<std::string> search_columns{"dossier_id", "name", "municipality", "care_type"};

Dataset demo_dataset(std::size_t dossiers) {
    DemoSettings settings;
    settings.dossier_count = dossiers;
    settings.export_date = days_from_civil({2024, 1, 31});
    return generate_demo_data(settings).dataset;
}

}  // namespace

TEST_CASE("the hasher gives dataset_sha256 whatever the slices") {
    const Dataset dataset = demo_dataset(700);
    const std::string whole = dataset_sha256(dataset);
    for (std::size_t slice : {std::size_t{1}, std::size_t{7}, std::size_t{256}, std::size_t{700}, std::size_t{5000}}) {
        CAPTURE(slice);
        DatasetHasher hasher(dataset);
        std::size_t calls = 0;
        while (!hasher.hash_rows(slice)) ++calls;
        CHECK(hasher.rows_hashed() == dataset.row_count());
        CHECK(calls == (dataset.row_count() + slice - 1) / slice - 1);
        CHECK(hasher.finish() == whole);
    }
}

TEST_CASE("the fingerprint is SHA-256 of the type line and the dataset's CSV text, awkward cells included") {
    Dataset dataset;
    Column& text = dataset.add_column("naam, \"bijnaam\"", ColumnType::text);
    Column& amount = dataset.add_column("bedrag", ColumnType::number);
    const std::string long_cell(3u << 20, '"');  // longer than a hashed piece, every byte doubled
    for (const std::string& value : {std::string("plain"), std::string("a,b"), std::string("say \"hi\""),
                                     std::string("two\nlines"), std::string("cr\rhere"), std::string(), long_cell,
                                     std::string("Crèche Zoë")}) {
        text.push_text(value);
        amount.push_number(0.1 * static_cast<double>(text.size()));
    }
    amount.push_missing();
    text.push_text("after the long one");
    const auto digest = sha256("types:text,number,\n" + write_csv(dataset));
    CHECK(dataset_sha256(dataset) == to_hex(digest));
}

TEST_CASE("a search index built in steps matches like one built at once") {
    const Dataset dataset = demo_dataset(300);
    const SearchIndex whole(dataset, search_columns);
    SearchIndex stepped = SearchIndex::in_steps(dataset, search_columns);
    CHECK(stepped.rows_indexed() == 0);
    CHECK_FALSE(stepped.index_rows(dataset, 100));
    CHECK(stepped.rows_indexed() == 100);
    CHECK_FALSE(stepped.index_rows(dataset, 199));
    CHECK(stepped.index_rows(dataset, 50));
    CHECK(stepped.rows_indexed() == 300);
    for (const char* query : {"ko", "gent", "creche", "gezinsopvang", "e", "1"}) {
        const auto words = SearchIndex::query_words(query);
        const SearchIndex::Query stepped_query = stepped.query(dataset, words);
        const SearchIndex::Query whole_query = whole.query(dataset, words);
        for (std::size_t row = 0; row < dataset.row_count(); ++row) CHECK(stepped.matches(row, stepped_query) == whole.matches(row, whole_query));
    }
}

TEST_CASE("a preparation hashes, then indexes by id and for search, and reports its progress") {
    const Dataset dataset = demo_dataset(500);
    DatasetPreparation preparation(dataset, search_columns);
    CHECK(preparation.progress() == 0.0);
    CHECK_FALSE(preparation.advance(250));
    CHECK(preparation.progress() == doctest::Approx(250.0 / 1500));
    CHECK_FALSE(preparation.advance(400));  // the last 250 rows hashed, then 150 indexed by id
    CHECK(preparation.progress() == doctest::Approx(650.0 / 1500));
    CHECK_FALSE(preparation.advance(400));  // the other 350 by id, then 50 for search
    CHECK(preparation.progress() == doctest::Approx(1050.0 / 1500));
    CHECK(preparation.advance(1000));
    CHECK(preparation.progress() == 1.0);
    const PreparedDataset prepared = preparation.take();
    CHECK(prepared.sha256 == dataset_sha256(dataset));
    REQUIRE(prepared.search);
    CHECK(prepared.search->rows_indexed() == 500);
    const SearchIndex whole(dataset, search_columns);
    const auto words = SearchIndex::query_words(std::string(dataset.find("name")->texts[42]));
    const SearchIndex::Query prepared_query = prepared.search->query(dataset, words);
    const SearchIndex::Query whole_query = whole.query(dataset, words);
    CHECK(prepared.search->matches(42, prepared_query));
    for (std::size_t row = 0; row < dataset.row_count(); ++row) CHECK(prepared.search->matches(row, prepared_query) == whole.matches(row, whole_query));
}

TEST_CASE("the rows by id, built in slices, find every dossier, also in the dataset's new place") {
    for (std::size_t slice : {std::size_t{1}, std::size_t{64}, std::size_t{700}}) {
        CAPTURE(slice);
        Dataset dataset = demo_dataset(700);
        DatasetPreparation preparation(dataset, search_columns);
        while (!preparation.advance(slice)) {}
        PreparedDataset prepared = preparation.take();
        REQUIRE(prepared.row_by_id);
        CHECK(prepared.row_by_id->rows_indexed() == dataset.row_count());
        const Dataset placed = dataset;  // the columns in a new place; the old place then reused
        dataset = demo_dataset(3);
        const TextColumn& ids = placed.find(dossier_id_column)->texts;
        prepared.row_by_id->rebind(ids);
        for (std::size_t row = 0; row < placed.row_count(); ++row) CHECK(prepared.row_by_id->find(ids[row]) == row);
        CHECK_FALSE(prepared.row_by_id->find("KO-unknown").has_value());
    }
    Dataset without_ids;
    without_ids.add_column("name", ColumnType::text).push_text("Zonnetje");
    CHECK_FALSE(DatasetPreparation(without_ids, search_columns).take().row_by_id);
}

TEST_CASE("take() finishes what the steps left, so every row can be matched") {
    const Dataset dataset = demo_dataset(400);
    DatasetPreparation preparation(dataset, search_columns);
    CHECK_FALSE(preparation.advance(dataset.row_count()));  // all hashed, nothing indexed yet
    const PreparedDataset prepared = preparation.take();
    CHECK(prepared.sha256 == dataset_sha256(dataset));
    REQUIRE(prepared.search);
    CHECK(prepared.search->rows_indexed() == dataset.row_count());
    REQUIRE(prepared.row_by_id);
    CHECK(prepared.row_by_id->rows_indexed() == dataset.row_count());
    const PreparedDataset at_once = DatasetPreparation(dataset, search_columns).take();
    CHECK(at_once.sha256 == prepared.sha256);
    CHECK(at_once.search->rows_indexed() == dataset.row_count());
}

TEST_CASE("an empty dataset is prepared at once") {
    Dataset dataset;
    dataset.add_column("dossier_id", ColumnType::text);
    DatasetPreparation preparation(dataset, search_columns);
    CHECK(preparation.done());
    CHECK(preparation.advance(10));
    CHECK(preparation.progress() == 1.0);
    CHECK(preparation.take().sha256 == dataset_sha256(dataset));
}
