// Section titles, text wrapped at spaces, ellipsis cutting by measured width, and the code chips' colours (dark
// text on a light tint: at least 4.5:1 contrast).
#include "ui/text_widgets.hpp"

#include <algorithm>

#include <imgui_internal.h>

#include "core/base/line_breaks.hpp"

#include "session/i18n.hpp"
#include "ui/item_marks.hpp"
#include "ui/narrow_layout.hpp"
#include "ui/session_names.hpp"

namespace radar::ui {

void section_title(const char* title, const Fonts& fonts) {
    ImGui::Spacing();
    ImGui::PushFont(fonts.strong);
    wrapped_text(title);
    describe_last_item(Role::heading, title, std::string("heading:") + title).level = 3;
    ImGui::PopFont();
    ImGui::Separator();
}

namespace {

// `text` broken at spaces into lines of at most `width` pixels in the current font. CalcTextSize
// rounds up, so a line measured to fit is never wrapped again by ImGui.
std::string broken_to_width(std::string_view text, float width) {
    return broken_at_spaces(text, width, [](std::string_view piece) {
        return ImGui::CalcTextSize(piece.data(), piece.data() + piece.size()).x;
    });
}

}  // namespace

void wrapped_text(std::string_view text) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const bool wrap_pushed = window->DC.TextWrapPos >= 0.0f;
    if (!wrap_pushed) ImGui::PushTextWrapPos(0.0f);
    const std::string lines =
        broken_to_width(text, ImGui::CalcWrapWidthForPos(window->DC.CursorPos, window->DC.TextWrapPos));
    ImGui::TextUnformatted(lines.data(), lines.data() + lines.size());
    if (!wrap_pushed) ImGui::PopTextWrapPos();
}

float wrapped_text_height(std::string_view text, float width) {
    return ImGui::CalcTextSize(broken_to_width(text, width).c_str()).y;
}

void wrapped_muted_text(std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    wrapped_text(text);
    ImGui::PopStyleColor();
}

void wrapped_cell_text(const std::string& text) {
    const float width = ImGui::GetContentRegionAvail().x;
    const std::string lines = broken_to_width(text, width);
    std::size_t begin = 0;
    while (true) {
        const std::size_t end = lines.find('\n', begin);
        fitted_text(lines.substr(begin, end == std::string::npos ? std::string::npos : end - begin), width);
        if (end == std::string::npos) return;
        begin = end + 1;
    }
}

void wrapped_bullet(const std::string& text) {
    ImGui::Bullet();
    wrapped_text(text);
}

void wrapped_tooltip(const char* text) {
    if (ImGui::IsItemHovered()) show_wrapped_tooltip(text);
}

void show_wrapped_tooltip(const char* text) {
    ImGui::BeginTooltip();
    push_tooltip_wrap(35.0f);
    wrapped_text(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

namespace {

struct ChipColours {
    ImU32 background;
    ImU32 text;
};

ChipColours chip_colours(ScreeningCode code) {
    using palette::packed;
    switch (code) {
        case ScreeningCode::risico: return {packed(colours::risico_chip), packed(colours::risico_chip_text)};
        case ScreeningCode::geen_risico: return {packed(colours::geen_risico_chip), packed(colours::geen_risico_chip_text)};
        case ScreeningCode::verder_onderzoek_nodig:
            return {packed(colours::verder_onderzoek_chip), packed(colours::verder_onderzoek_chip_text)};
    }
    return {packed(colours::unknown_chip), packed(colours::unknown_chip_text)};
}

// A hostile file's header can be a megabyte: only its start is ever measured or shown.
constexpr std::size_t longest_shown = 1024;

// `text` cut to at most `max_bytes` without splitting a UTF-8 character.
std::string whole_characters(const std::string& text, std::size_t max_bytes) {
    std::size_t end = std::min(text.size(), max_bytes);
    while (end > 0 && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

// The longest prefix of `text` (whole characters) that fits in `width` with an ellipsis after it.
std::size_t fitting_prefix(const std::string& text, float width) {
    const float ellipsis = ImGui::CalcTextSize("\xE2\x80\xA6").x;
    std::size_t low = 0, high = text.size();
    while (low < high) {
        std::size_t middle = (low + high + 1) / 2;
        while (middle > 0 && middle < text.size() && (static_cast<unsigned char>(text[middle]) & 0xC0) == 0x80) --middle;
        if (middle <= low) break;
        if (ImGui::CalcTextSize(text.data(), text.data() + middle).x + ellipsis <= width) low = middle;
        else high = middle - 1;
    }
    while (low > 0 && low < text.size() && (static_cast<unsigned char>(text[low]) & 0xC0) == 0x80) --low;
    return low;
}

}  // namespace

std::string cut_to_width(const std::string& text, float width) {
    if (text.size() <= longest_shown && ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    const std::string start = whole_characters(text, longest_shown);
    return start.substr(0, fitting_prefix(start, width)) + "\xE2\x80\xA6";
}

void fitted_text(const std::string& text, float width) {
    if (width <= 0.0f) width = ImGui::GetContentRegionAvail().x;
    if (text.size() <= longest_shown && ImGui::CalcTextSize(text.c_str()).x <= width) {
        ImGui::TextUnformatted(text.c_str());
        return;
    }
    std::string start = whole_characters(text, longest_shown);
    ImGui::TextUnformatted(cut_to_width(text, width).c_str());
    if (start.size() < text.size()) start += "\xE2\x80\xA6";
    wrapped_tooltip(start.c_str());
}

const char* short_code_label(ScreeningCode code) {
    const bool dutch = language() == Language::dutch;
    switch (code) {
        case ScreeningCode::risico: return dutch ? "Risico" : "Risk";
        case ScreeningCode::geen_risico: return dutch ? "Geen risico" : "No risk";
        case ScreeningCode::verder_onderzoek_nodig: return dutch ? "Onderzoek" : "Investigate";
    }
    return "";
}

void code_chip(ScreeningCode code, bool short_label) {
    const char* label = short_label ? short_code_label(code) : code_label(code, language());
    const ChipColours colours = chip_colours(code);
    const ImVec2 size = ImGui::CalcTextSize(label);
    const ImVec2 padding(ImGui::GetFontSize() * 0.4f, ImGui::GetFontSize() * 0.05f);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + size.x + padding.x * 2, at.y + size.y + padding.y * 2), colours.background,
                        ImGui::GetFontSize() * 0.3f);
    draw->AddText(ImVec2(at.x + padding.x, at.y + padding.y), colours.text, label);
    ImGui::Dummy(ImVec2(size.x + padding.x * 2, size.y + padding.y * 2));
}

}  // namespace radar::ui
