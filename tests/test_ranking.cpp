// The folded search index: words in any indexed cell, accents and case ignored, dictionary
// columns matched per distinct value exactly as folding every cell would.
#include <doctest/doctest.h>

#include "core/data/demo_data.hpp"
#include "core/search/search_index.hpp"
#include "core/search/text_fold.hpp"
#include "core/time/civil_date.hpp"

using namespace radar;

namespace {
Dataset small_dataset() {
    Dataset dataset;
    Column& ids = dataset.add_column("dossier_id", ColumnType::text);
    Column& names = dataset.add_column("name", ColumnType::text);
    for (const char* id : {"KO-3", "KO-1", "KO-2"}) ids.push_text(id);
    for (const char* name : {"Crèche Zoë", "De Boomhut", "Het Egeltje"}) names.push_text(name);
    return dataset;
}
}  // namespace

TEST_CASE("search matches every word, ignoring accents and case") {
    const Dataset dataset = small_dataset();
    const SearchIndex index(dataset, {"dossier_id", "name"});
    const auto words = SearchIndex::query_words("  creche  ZOE ");
    CHECK(words == std::vector<std::string>{"creche", "zoe"});
    const SearchIndex::Query query = index.query(dataset, words);
    CHECK(index.matches(0, query));
    CHECK_FALSE(index.matches(1, query));
    CHECK(index.matches(2, index.query(dataset, SearchIndex::query_words("ko-2"))));
    CHECK(index.matches(1, index.query(dataset, SearchIndex::query_words(""))));
}

namespace {
// The reference: every word in the folded text of one of the row's cells, folded cell by cell.
bool naive_match(const Dataset& dataset, const std::vector<std::string>& columns, std::size_t row,
                 const std::vector<std::string>& words) {
    for (const std::string& word : words) {
        bool found = false;
        for (const std::string& name : columns)
            if (const auto column = dataset.index_of(name))
                found = found || fold_for_search(dataset.cell_text(*column, row)).find(word) != std::string::npos;
        if (!found) return false;
    }
    return true;
}
}  // namespace

TEST_CASE("dictionary columns matched per distinct value find the rows that folding every cell finds") {
    DemoSettings settings;
    settings.dossier_count = 4000;
    settings.export_date = days_from_civil({2023, 12, 1});
    Dataset dataset = generate_demo_data(settings).dataset;
    const std::vector<std::string> columns{"dossier_id", "name", "municipality", "care_type", "capacity"};
    // A column with missing cells: its dictionary's values are not matched in them.
    Column& care_types = dataset.columns()[*dataset.index_of("care_type")];
    for (std::size_t row = 0; row < dataset.row_count(); row += 7) care_types.missing.set(row, true);
    // Ids pooled, as a big export's are (more distinct values than a dictionary holds): folded per row.
    Column& ids = dataset.columns()[*dataset.index_of("dossier_id")];
    TextPool pooled_ids;
    for (std::size_t row = 0; row < dataset.row_count(); ++row) pooled_ids.push_back(ids.texts[row]);
    ids.texts = TextColumn::from_pool(std::move(pooled_ids));
    REQUIRE_FALSE(dataset.find("name")->texts.pooled());
    const SearchIndex index(dataset, columns);
    for (const char* text : {"ko", "gent", "creche", "gezinsopvang", "e", "1", "zoe dorp", "a b c", "dagopvang 2", "niets hier", "",
                             "\xC3\xA9", "12 gezins", "\n"}) {
        CAPTURE(text);
        const auto words = SearchIndex::query_words(text);
        const SearchIndex::Query query = index.query(dataset, words);
        std::size_t differ = 0, found = 0;
        for (std::size_t row = 0; row < dataset.row_count(); ++row) {
            const bool expected = naive_match(dataset, columns, row, words);
            differ += index.matches(row, query) != expected;
            found += expected;
        }
        CHECK(differ == 0);
        MESSAGE(std::string(text) << ": " << found << " rows");
    }
}
