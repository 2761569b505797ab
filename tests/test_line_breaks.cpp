// Line breaking at spaces (core/base/line_breaks.hpp), measured in characters: numbers with a
// decimal mark or a thousands separator stay whole, existing breaks stay, long words stay whole.
#include <doctest/doctest.h>

#include "core/base/line_breaks.hpp"

using namespace radar;

namespace {

// One unit per byte: the widths below are counts of characters.
float characters(std::string_view text) { return static_cast<float>(text.size()); }

std::string broken(std::string_view text, float width) { return broken_at_spaces(text, width, characters); }

}  // namespace

TEST_CASE("a line that fits is left as it is") {
    CHECK(broken("", 10) == "");
    CHECK(broken("Risico", 10) == "Risico");
    CHECK(broken("een twee", 8) == "een twee");
}

TEST_CASE("lines break at the last space that keeps them within the width") {
    CHECK(broken("een twee drie vier", 9) == "een twee\ndrie vier");
    CHECK(broken("een twee drie vier", 13) == "een twee drie\nvier");
    CHECK(broken("een twee drie vier", 3) == "een\ntwee\ndrie\nvier");
}

TEST_CASE("a number is never split at its decimal mark or thousands separator") {
    // ImGui 1.86 would break after "5," here: "(5," fits in 12 with "selectie", "3%)" does not.
    CHECK(broken("selectie (5,3%)", 12) == "selectie\n(5,3%)");
    CHECK(broken("1.250 dossiers, 1.22 ratio", 14) == "1.250\ndossiers, 1.22\nratio");
    CHECK(broken("1,83 (1,26 - 2,63) buiten de band", 18) == "1,83 (1,26 - 2,63)\nbuiten de band");
}

TEST_CASE("a word wider than the line stays whole on its own line") {
    CHECK(broken("a onbegrijpelijk b", 5) == "a\nonbegrijpelijk\nb");
    CHECK(broken("onbegrijpelijk", 5) == "onbegrijpelijk");
}

TEST_CASE("existing line breaks stay and each line is broken on its own") {
    CHECK(broken("een twee\ndrie vier vijf", 9) == "een twee\ndrie vier\nvijf");
    CHECK(broken("een\n\ntwee", 9) == "een\n\ntwee");
    CHECK(broken("einde\n", 9) == "einde\n");
}

TEST_CASE("spaces: a run between words is kept inside a line, dropped at a break, kept at the end") {
    CHECK(broken("Antwerpen  (referentie)", 30) == "Antwerpen  (referentie)");
    CHECK(broken("Antwerpen  (referentie)", 12) == "Antwerpen\n(referentie)");
    CHECK(broken("  ingesprongen tekst", 14) == "  ingesprongen\ntekst");
    CHECK(broken("een twee   ", 5) == "een\ntwee   ");  // spaces ending a line are not drawn
}
