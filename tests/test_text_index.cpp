// The text index behind the selection outcome's id lookup and the audit's group numbers: every
// text found at its place, repeats refused with the earlier place, growth, renumbering.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/base/text_index.hpp"

using namespace radar;

namespace {

// Texts that share long prefixes and differ in length, so that tags and tails are exercised.
std::vector<std::string> similar_texts(std::size_t count) {
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < count; ++i) texts.push_back("KO-" + std::string(i % 13, '0') + std::to_string(i));
    return texts;
}

}  // namespace

TEST_CASE("a text index finds each text at its place, growing as texts are added") {
    const std::vector<std::string> texts = similar_texts(5000);
    const auto text_at = [&texts](std::size_t place) { return std::string_view(texts[place]); };
    TextIndex index;
    CHECK_FALSE(index.find("KO-1", text_at));
    for (std::size_t place = 0; place < texts.size(); ++place) REQUIRE_FALSE(index.add(texts[place], place, text_at));
    for (std::size_t place = 0; place < texts.size(); ++place) REQUIRE(index.find(texts[place], text_at) == place);
    CHECK_FALSE(index.find("", text_at));
    CHECK_FALSE(index.find("KO-", text_at));
    CHECK_FALSE(index.find("KO-5000", text_at));
    CHECK_FALSE(index.find(texts[4999] + " ", text_at));
}

TEST_CASE("adding a text that is there already adds nothing and gives the earlier place") {
    std::vector<std::string> texts = {"a", "b", "", "a"};
    const auto text_at = [&texts](std::size_t place) { return std::string_view(texts[place]); };
    TextIndex index;
    index.prepare(texts.size());
    CHECK_FALSE(index.add(texts[0], 0, text_at));
    CHECK_FALSE(index.add(texts[1], 1, text_at));
    CHECK_FALSE(index.add(texts[2], 2, text_at));
    CHECK(index.add(texts[3], 3, text_at) == 0);
    CHECK(index.find("a", text_at) == 0);
    CHECK(index.find("", text_at) == 2);
}

TEST_CASE("renumbering moves every place, as rows become positions in rank order") {
    const std::vector<std::string> rows = similar_texts(1000);
    std::vector<std::size_t> position_of_row(rows.size());
    std::vector<std::string> by_position(rows.size());
    for (std::size_t row = 0; row < rows.size(); ++row) {
        position_of_row[row] = (row * 7919) % rows.size();  // 7919 is prime: a permutation
        by_position[position_of_row[row]] = rows[row];
    }
    TextIndex index;
    index.prepare(rows.size());
    for (std::size_t row = 0; row < rows.size(); ++row)
        REQUIRE_FALSE(index.add(rows[row], row, [&rows](std::size_t place) { return std::string_view(rows[place]); }));
    index.renumber(position_of_row);
    const auto text_at = [&by_position](std::size_t place) { return std::string_view(by_position[place]); };
    for (std::size_t row = 0; row < rows.size(); ++row) REQUIRE(index.find(rows[row], text_at) == position_of_row[row]);
}
