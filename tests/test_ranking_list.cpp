// The ranking screen's list (session/ranking_list.hpp): filter, sort and selection kept as view
// state, the rows worked out again when the session's scores or dataset change.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "core/import/field_dictionary.hpp"
#include "core/time/civil_date.hpp"
#include "session/ranking_list.hpp"
#include "session/session.hpp"

using namespace radar;
using namespace radar::session;

namespace {

std::string asset(const std::string& name) {
    std::ifstream file(std::string(RADAR_ASSETS_DIR) + "/" + name, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

void load_demo(Session& state, std::size_t dossiers) {
    DictionaryLoad dictionary = load_field_dictionary(asset("fields.json"));
    REQUIRE(dictionary.dictionary);
    const DayNumber today = days_from_civil({2026, 11, 15});
    state.load_demo(dossiers, days_from_civil({2026, 11, 1}), today, asset("models/default.json"),
                    dictionary.dictionary->protected_names());
    REQUIRE(state.engine());
}

// The engine's rows in rank order, as the list's row numbers.
std::vector<std::size_t> ranking_of(const Session& state) {
    const auto& ranking = state.engine()->ranking();
    return {ranking.begin(), ranking.end()};
}

}  // namespace

TEST_CASE("the ranking list filters, sorts and follows the session's scores") {
    Session state;
    load_demo(state, 300);
    RankingList list;
    const ScoringEngine& engine = *state.engine();

    SUBCASE("without a filter it is the ranking") {
        CHECK(list.rows(state) == ranking_of(state));
    }
    SUBCASE("words, province and minimum score all hold for every row shown") {
        const std::string municipality = state.municipality(engine.ranking().front());
        RankingFilter filter;
        filter.text = municipality;
        filter.min_score = 20.0;
        list.set_filter(filter);
        const auto& rows = list.rows(state);
        REQUIRE_FALSE(rows.empty());
        CHECK(rows.size() < engine.row_count());
        const SearchIndex::Query query = state.search_index()->query(state.dataset(), SearchIndex::query_words(municipality));
        for (std::size_t row : rows) {
            CHECK(state.display_score(row) >= 20.0);
            CHECK(state.search_index()->matches(row, query));
        }
        // In rank order.
        for (std::size_t i = 1; i < rows.size(); ++i) CHECK(state.rank_of(rows[i - 1]) < state.rank_of(rows[i]));
    }
    SUBCASE("sorting by name keeps rank order among equal names; by score ascending reverses the ranking") {
        list.set_sort({SortColumn::name, true});
        const auto& by_name = list.rows(state);
        REQUIRE(by_name.size() == engine.row_count());
        for (std::size_t i = 1; i < by_name.size(); ++i) {
            const std::string before = state.name(by_name[i - 1]), after = state.name(by_name[i]);
            CHECK(before <= after);
            if (before == after) CHECK(state.rank_of(by_name[i - 1]) < state.rank_of(by_name[i]));
        }
        list.set_sort({SortColumn::score, true});
        std::vector<std::size_t> reversed = ranking_of(state);
        std::reverse(reversed.begin(), reversed.end());
        CHECK(list.rows(state) == reversed);
    }
    SUBCASE("a model change re-ranks the list without being told") {
        const std::vector<std::size_t> before = list.rows(state);
        ModelSpec edited = engine.spec();
        REQUIRE(edited.parameters.size() >= 2);
        edited.parameters.front().weight *= 4.0;
        REQUIRE(state.update_model(edited).empty());
        CHECK(list.rows(state) == ranking_of(state));
        CHECK(list.rows(state) != before);
    }
}

TEST_CASE("the selected dossier is dropped when the dataset is replaced") {
    Session state;
    load_demo(state, 300);
    RankingList list;
    const std::size_t top = list.rows(state).front();
    list.select_row(state, top);
    CHECK(list.selected_row(state) == top);
    state.set_today(days_from_civil({2026, 11, 20}));  // same dataset, new scores: the selection stays
    CHECK(list.selected_row(state) == top);
    load_demo(state, 120);
    CHECK_FALSE(list.selected_row(state));
    CHECK(list.rows(state).size() == 120);
}
