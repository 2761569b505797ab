// The folded search index.
#include <doctest/doctest.h>

#include "core/search/search_index.hpp"

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
    CHECK(index.matches(0, words));
    CHECK_FALSE(index.matches(1, words));
    CHECK(index.matches(2, SearchIndex::query_words("ko-2")));
    CHECK(index.matches(1, SearchIndex::query_words("")));
}
