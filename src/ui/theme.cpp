// Colours and metrics of the app's own light theme, and font loading.
#include "ui/theme.hpp"

#include <cstdio>

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
    // Latin-1 plus the punctuation and maths signs the model texts use (η of the proxy warning,
    // dashes, quotes, ellipsis, bullet, minus sign); the atlas must outlive the font, hence static.
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x03B7, 0x03B7, 0x2010, 0x2027, 0x2212, 0x2212, 0};
    return io.Fonts->AddFontFromFileTTF(path, size, nullptr, ranges);
}

ImVec4 rgb(int r, int g, int b, float a = 1.0f) {
    return ImVec4(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f, static_cast<float>(b) / 255.0f, a);
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
    c[ImGuiCol_Text] = rgb(28, 36, 44);
    c[ImGuiCol_TextDisabled] = rgb(110, 120, 130);
    c[ImGuiCol_WindowBg] = rgb(246, 247, 249);
    c[ImGuiCol_ChildBg] = rgb(255, 255, 255);
    c[ImGuiCol_PopupBg] = rgb(255, 255, 255);
    c[ImGuiCol_Border] = rgb(214, 220, 226);
    c[ImGuiCol_FrameBg] = rgb(255, 255, 255);
    c[ImGuiCol_FrameBgHovered] = rgb(240, 246, 248);
    c[ImGuiCol_FrameBgActive] = rgb(230, 240, 244);
    c[ImGuiCol_Button] = rgb(226, 236, 240);
    c[ImGuiCol_ButtonHovered] = rgb(200, 222, 230);
    c[ImGuiCol_ButtonActive] = rgb(170, 204, 216);
    c[ImGuiCol_Header] = rgb(222, 236, 242);
    c[ImGuiCol_HeaderHovered] = rgb(232, 242, 246);
    c[ImGuiCol_HeaderActive] = rgb(206, 228, 236);
    c[ImGuiCol_TableHeaderBg] = rgb(236, 241, 244);
    c[ImGuiCol_TableBorderStrong] = rgb(214, 220, 226);
    c[ImGuiCol_TableBorderLight] = rgb(232, 236, 240);
    c[ImGuiCol_TableRowBg] = rgb(255, 255, 255);
    c[ImGuiCol_TableRowBgAlt] = rgb(249, 250, 252);
    c[ImGuiCol_ScrollbarBg] = rgb(246, 247, 249);
    c[ImGuiCol_ScrollbarGrab] = rgb(196, 204, 212);
    c[ImGuiCol_CheckMark] = rgb(18, 64, 82);
    c[ImGuiCol_NavHighlight] = rgb(18, 110, 130);
    style.ScaleAllSizes(pixel_scale);
    ImGui::GetStyle() = style;
}

}  // namespace radar::ui
