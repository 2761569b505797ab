// The app's fonts hold every character an import can bring and every character of the shipped
// texts: ImGui draws a character missing from the baked ranges as "?", so a header such as
// "Subsidie per jaar (€)" or a name such as "Ayşe Yılmaz" would show wrongly.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/import/text_encoding.hpp"
#include "ui/font_glyphs.hpp"

using namespace radar;

namespace {

// The code points of well-formed UTF-8 text.
std::vector<char32_t> code_points(std::string_view text) {
    std::vector<char32_t> points;
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const std::size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
        char32_t point = length == 1 ? byte : byte & (0x7F >> length);
        for (std::size_t k = 1; k < length; ++k)
            point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        points.push_back(point);
        i += length;
    }
    return points;
}

void check_drawable(std::string_view text) {
    for (const char32_t point : code_points(text)) {
        if (point == '\n' || point == '\r' || point == '\t') continue;
        CAPTURE(static_cast<unsigned>(point));
        CHECK(ui::font_has_glyph(point));
    }
}

}  // namespace

TEST_CASE("fonts: every printable character of a Windows-1252 export has a glyph") {
    TextDecoder decoder(EncodingChoice::windows_1252);
    for (unsigned byte = 0x20; byte <= 0xFF; ++byte) {
        // Control characters, and the five bytes Windows-1252 leaves undefined (read as C1 controls).
        if (byte == 0x7F || byte == 0x81 || byte == 0x8D || byte == 0x8F || byte == 0x90 || byte == 0x9D) continue;
        std::string scratch;
        const std::string text(1, static_cast<char>(byte));
        CAPTURE(byte);
        check_drawable(decoder.decode(text, scratch));
    }
}

TEST_CASE("fonts: names, amounts and the replacement character have glyphs") {
    check_drawable(
        "Ayşe Yılmaz, Doğan Çelik, Łukasz Wójcik, Miloš Đorđević, Ștefan Țurcanu, Zoë Dubois, "
        "Őrs Kovács, Œuvre, Žaneta Černá");
    check_drawable("Subsidie per jaar (€) 1.500,00 € · 3 ‰ · − 2 · “quoted” ‘quoted’ – … •");
    check_drawable("\xEF\xBF\xBD");              // U+FFFD
    CHECK_FALSE(ui::font_has_glyph(U'\u4E2D'));  // not every character: no CJK
}

TEST_CASE("fonts: every character of the shipped field dictionary and models has a glyph") {
    std::vector<std::filesystem::path> files = {std::filesystem::path(RADAR_ASSETS_DIR) / "fields.json"};
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(RADAR_ASSETS_DIR) / "models"))
        files.push_back(entry.path());
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        CAPTURE(file.string());
        REQUIRE(!text.str().empty());
        check_drawable(text.str());
    }
}
