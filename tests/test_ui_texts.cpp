// The interface's texts (src/session/texts.inc, counted_texts.inc), read without the UI: every row has
// both languages, Dutch addresses the reader as "u" (never "je/jij/jouw"), no count is glued to a
// plural noun outside counted texts ("1 opvolgingen"), and each counted text's forms take the
// same arguments (issue #22).
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

namespace {

struct Text {
    const char* id;
    const char* dutch;
    const char* english;
};

const std::vector<Text>& texts() {
    static const std::vector<Text> rows{
#define RADAR_TEXT(id, dutch, english) {#id, dutch, english},
#include "session/texts.inc"
#undef RADAR_TEXT
    };
    return rows;
}

struct CountedText {
    const char* id;
    const char* forms[4];  // Dutch one, Dutch other, English one, English other
};

const std::vector<CountedText>& counted_texts() {
    static const std::vector<CountedText> rows{
#define RADAR_COUNTED(id, dutch_one, dutch_other, english_one, english_other) \
    {#id, {dutch_one, dutch_other, english_one, english_other}},
#include "session/counted_texts.inc"
#undef RADAR_COUNTED
    };
    return rows;
}

std::vector<std::string> format_arguments(const std::string& text) {
    static const std::regex argument("%[-+ #0-9.]*(zu|d|u|s|f|c|%)");
    std::vector<std::string> found;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), argument); it != std::sregex_iterator(); ++it)
        found.push_back(it->str());
    return found;
}

}  // namespace

TEST_CASE("every text has a Dutch and an English form") {
    CHECK(texts().size() > 300);
    for (const Text& text : texts()) {
        INFO(std::string(text.id));
        CHECK(std::string(text.dutch).size() > 0);
        CHECK(std::string(text.english).size() > 0);
        CHECK(format_arguments(text.dutch) == format_arguments(text.english));
    }
}

TEST_CASE("Dutch texts address the reader as u") {
    const std::regex informal("\\b(je|jij|jou|jouw|jouwe|jullie)\\b", std::regex::icase);
    for (const Text& text : texts()) {
        INFO(std::string(text.id) << ": " << text.dutch);
        CHECK_FALSE(std::regex_search(std::string(text.dutch), informal));
    }
    for (const CountedText& text : counted_texts())
        for (int form = 0; form < 2; ++form) {
            INFO(std::string(text.id) << ": " << text.forms[form]);
            CHECK_FALSE(std::regex_search(std::string(text.forms[form]), informal));
        }
}

TEST_CASE("counts reach nouns only through counted texts") {
    const std::regex glued("%[-+ #0-9.]*(zu|d|u|s) (dossiers|dagen|maanden|opvolgingen|screenings|rijen|batches|versies|"
                           "days|months|follow-ups|rows|versions|records)\\b");
    for (const Text& text : texts()) {
        INFO(std::string(text.id));
        CHECK_FALSE(std::regex_search(std::string(text.dutch), glued));
        CHECK_FALSE(std::regex_search(std::string(text.english), glued));
    }
    for (const CountedText& text : counted_texts()) {
        INFO(std::string(text.id));
        CHECK(std::string(text.forms[0]) != text.forms[1]);
        CHECK(std::string(text.forms[2]) != text.forms[3]);
        // The "one" form may leave the number out ("Dit dossier ..."), never add one.
        CHECK(format_arguments(text.forms[0]).size() <= format_arguments(text.forms[1]).size());
        CHECK(format_arguments(text.forms[2]).size() <= format_arguments(text.forms[3]).size());
        CHECK(format_arguments(text.forms[1]) == format_arguments(text.forms[3]));
    }
}

TEST_CASE("what a blind screener reads does not name the control sample, a rank or a score") {
    const std::regex revealing("steekproef|control|rang|rank|score", std::regex::icase);
    int blind_texts = 0;
    for (const Text& text : texts()) {
        if (std::string(text.id).rfind("blind_", 0) != 0) continue;
        ++blind_texts;
        INFO(std::string(text.id));
        CHECK_FALSE(std::regex_search(std::string(text.dutch), revealing));
        CHECK_FALSE(std::regex_search(std::string(text.english), revealing));
    }
    CHECK(blind_texts == 2);
}
