// Colours and metrics of the app's own light theme, and font loading.
#include "ui/theme.hpp"

#include <cstdio>

#include "ui/font_glyphs.hpp"

namespace radar::ui {
namespace {

constexpr float body_size = 15.0f;  // CSS pixels
constexpr const char* regular_font = "/fonts/DejaVuSans.ttf";
constexpr const char* bold_font = "/fonts/DejaVuSans-Bold.ttf";

bool file_exists(const char* path) {
    if (std::FILE* file = std::fopen(path, "rb")) {
        std::fclose(file);
        return true;
    }
    return false;
}

ImFont* add_font(const char* path, float size) {
    ImGuiIO& io = ImGui::GetIO();
    if (!file_exists(path)) {
        ImFontConfig config;
        config.SizePixels = size;
        return io.Fonts->AddFontDefault(&config);
    }
    // The ranges outlive the font, as the atlas requires (a static array).
    static_assert(sizeof(ImWchar) == sizeof(font_glyph_ranges[0]), "ImWchar is 16 bits");
    return io.Fonts->AddFontFromFileTTF(path, size, nullptr, font_glyph_ranges);
}

ImVec4 rgb(colours::Rgb colour) {
    return ImVec4(static_cast<float>(colour.r) / 255.0f, static_cast<float>(colour.g) / 255.0f,
                  static_cast<float>(colour.b) / 255.0f, 1.0f);
}

}  // namespace

Fonts load_fonts(float pixel_scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    Fonts fonts;
    fonts.body = add_font(regular_font, body_size * pixel_scale);
    fonts.strong = add_font(bold_font, body_size * pixel_scale);
    fonts.title = add_font(bold_font, body_size * 1.6f * pixel_scale);
    io.FontDefault = fonts.body;
    fonts.embedded = file_exists(regular_font) && file_exists(bold_font);
    return fonts;
}

void apply_theme(float pixel_scale) {
    ImGuiStyle style;
    style.WindowPadding = ImVec2(16, 12);
    style.FramePadding = ImVec2(10, 6);
    style.CellPadding = ImVec2(10, 5);
    style.ItemSpacing = ImVec2(10, 8);
    style.ScrollbarSize = 14;
    style.WindowRounding = 0;
    style.FrameRounding = 6;
    style.GrabRounding = 6;
    style.ScrollbarRounding = 6;
    style.PopupRounding = 6;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = 1;

    ImVec4* c = style.Colors;
    ImGui::StyleColorsLight(&style);
    c[ImGuiCol_Text] = rgb(colours::text);
    c[ImGuiCol_TextDisabled] = rgb(colours::text_disabled);
    c[ImGuiCol_WindowBg] = rgb(colours::window);
    c[ImGuiCol_ChildBg] = rgb(colours::white);
    c[ImGuiCol_PopupBg] = rgb(colours::white);
    c[ImGuiCol_Border] = rgb(colours::border);
    c[ImGuiCol_FrameBg] = rgb(colours::white);
    c[ImGuiCol_FrameBgHovered] = rgb(colours::frame_hovered);
    c[ImGuiCol_FrameBgActive] = rgb(colours::frame_active);
    c[ImGuiCol_Button] = rgb(colours::button);
    c[ImGuiCol_ButtonHovered] = rgb(colours::button_hovered);
    c[ImGuiCol_ButtonActive] = rgb(colours::button_active);
    c[ImGuiCol_Header] = rgb(colours::header);
    c[ImGuiCol_HeaderHovered] = rgb(colours::header_hovered);
    c[ImGuiCol_HeaderActive] = rgb(colours::header_active);
    c[ImGuiCol_TableHeaderBg] = rgb(colours::table_header);
    c[ImGuiCol_TableBorderStrong] = rgb(colours::border);
    c[ImGuiCol_TableBorderLight] = rgb(colours::table_border_light);
    c[ImGuiCol_TableRowBg] = rgb(colours::white);
    c[ImGuiCol_TableRowBgAlt] = rgb(colours::row_alternate);
    c[ImGuiCol_ScrollbarBg] = rgb(colours::window);
    c[ImGuiCol_ScrollbarGrab] = rgb(colours::scrollbar_grab);
    c[ImGuiCol_CheckMark] = rgb(colours::check_mark);
    c[ImGuiCol_PlotHistogram] = rgb(colours::progress_fill);
    c[ImGuiCol_NavHighlight] = rgb(colours::nav_highlight);
    style.ScaleAllSizes(pixel_scale);
    ImGui::GetStyle() = style;
}

}  // namespace radar::ui
