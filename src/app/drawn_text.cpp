// Recovering text from glyph quads: a map from each glyph's texture rectangle to its code point.
#include "app/drawn_text.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace radar::app {
namespace {

using UvRectangle = std::tuple<float, float, float, float>;  // U0, V0, U1, V1

std::map<UvRectangle, unsigned> glyphs_by_uv(const ImFontAtlas& atlas) {
    std::map<UvRectangle, unsigned> glyphs;
    for (const ImFont* font : atlas.Fonts)
        for (const ImFontGlyph& glyph : font->Glyphs)
            if (glyph.Visible) glyphs.emplace(UvRectangle{glyph.U0, glyph.V0, glyph.U1, glyph.V1}, glyph.Codepoint);
    return glyphs;
}

void append_utf8(std::string& out, unsigned code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

// A glyph quad as ImFont::RenderText writes it: top-left, top-right, bottom-right, bottom-left.
bool is_glyph_quad(const ImDrawVert* v) {
    return v[1].uv.x == v[2].uv.x && v[1].uv.y == v[0].uv.y && v[3].uv.x == v[0].uv.x && v[3].uv.y == v[2].uv.y &&
           v[1].pos.y == v[0].pos.y && v[3].pos.x == v[0].pos.x;
}

}  // namespace

std::string drawn_text(const ImDrawData& frame, const ImFontAtlas& atlas) {
    const std::map<UvRectangle, unsigned> glyphs = glyphs_by_uv(atlas);
    std::string text;
    bool first = true;
    float last_left = 0.0f, last_right = 0.0f, line_top = 0.0f, line_bottom = 0.0f;
    for (int list = 0; list < frame.CmdListsCount; ++list) {
        const ImVector<ImDrawVert>& vertices = frame.CmdLists[list]->VtxBuffer;
        for (int i = 0; i + 3 < vertices.Size;) {
            const ImDrawVert* quad = &vertices[i];
            const auto found = glyphs.find(UvRectangle{quad[0].uv.x, quad[0].uv.y, quad[2].uv.x, quad[2].uv.y});
            if (found == glyphs.end() || !is_glyph_quad(quad)) {
                ++i;
                continue;
            }
            i += 4;
            const float left = quad[0].pos.x, right = quad[2].pos.x, top = quad[0].pos.y, bottom = quad[2].pos.y;
            const float middle = (top + bottom) * 0.5f;
            // Glyphs of one line overlap vertically ("." and "g" sit lower than "T", not apart).
            const bool same_line = !first && middle >= line_top && middle <= line_bottom && left >= last_left;
            if (!first && !same_line) {
                text += '\n';
                line_top = top;
                line_bottom = bottom;
            } else if (first) {
                line_top = top;
                line_bottom = bottom;
            } else {
                if (left - last_right > (line_bottom - line_top) * 0.17f) text += ' ';
                line_top = std::min(line_top, top);
                line_bottom = std::max(line_bottom, bottom);
            }
            append_utf8(text, found->second);
            first = false;
            last_left = left;
            last_right = right;
        }
    }
    return text;
}

}  // namespace radar::app
