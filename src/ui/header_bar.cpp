// Header band drawn with the window draw list so it spans the full width at any size.
#include "ui/header_bar.hpp"

#include <algorithm>
#include <string>

#include "platform/platform.hpp"
#include "session/i18n.hpp"
#include "ui/item_marks.hpp"
#include "ui/text_widgets.hpp"
#include "ui/session_names.hpp"
#include "ui/text_size.hpp"

namespace radar::ui {
namespace {

void language_switch() {
    const bool dutch = language() == Language::dutch;
    ImGui::PushStyleColor(ImGuiCol_Text, palette::header_text);
    ImGui::PushStyleColor(ImGuiCol_Border, palette::header_muted);
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(255, 255, 255, 0));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(255, 255, 255, 40));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(255, 255, 255, 70));
    for (Language option : {Language::dutch, Language::english}) {
        const bool selected = (option == Language::dutch) == dutch;
        if (selected) ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(255, 255, 255, 60));
        if (ImGui::Button(option == Language::dutch ? "NL" : "EN")) set_language(option);
        describe_last_item(Role::button, option == Language::dutch ? "Nederlands" : "English").selected = selected;
        if (selected) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(TextId::language_switch_tooltip));
        ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 0.5f);
    }
    ImGui::PopStyleColor(5);
    ImGui::NewLine();
}

// The tools' colours on the dark band: light text, a light frame, no fill until hovered.
void push_band_colours() {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::header_text);
    ImGui::PushStyleColor(ImGuiCol_Border, palette::header_muted);
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(255, 255, 255, 0));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(255, 255, 255, 40));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(255, 255, 255, 70));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(255, 255, 255, 0));
    ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, IM_COL32(255, 255, 255, 40));
    ImGui::PushStyleColor(ImGuiCol_PopupBg, palette::header_band);  // the text size's list
    ImGui::PushStyleColor(ImGuiCol_Header, IM_COL32(255, 255, 255, 60));
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, IM_COL32(255, 255, 255, 40));
}
constexpr int band_colours = 10;

// "?  Sneltoetsen" and the text size, left of the language switch.
void shortcuts_and_text_size(Session& state, ShortcutsDialog& shortcuts, float size_width) {
    push_band_colours();
    if (ImGui::Button(tr(TextId::shortcuts_button))) shortcuts.open = true;
    note_last_item("button:shortcuts", Role::button, tr(TextId::shortcuts_title));
    ImGui::PopStyleColor(band_colours);
    wrapped_tooltip(tr(TextId::shortcuts_button_tooltip));
    ImGui::SameLine();
    push_band_colours();
    ImGui::SetNextItemWidth(size_width);
    draw_text_size_choice(state);
    ImGui::PopStyleColor(band_colours);
    ImGui::SameLine();
}

// "A new version is available, reload": the service worker holds it until the user chooses.
void new_version_offer(float right, const ImVec2& origin) {
    const char* label = tr(TextId::new_version_reload);
    const float button_width = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine(right - button_width - ImGui::GetStyle().ItemSpacing.x * 2);
    ImGui::SetCursorPosY(origin.y - ImGui::GetWindowPos().y);
    ImGui::PushStyleColor(ImGuiCol_Button, palette::badge);
    ImGui::PushStyleColor(ImGuiCol_Text, palette::badge_text);
    if (ImGui::Button(label)) platform::activate_new_version();
    ImGui::PopStyleColor(2);
    note_last_item("new-version-reload", Role::button, label);
    wrapped_tooltip(tr(TextId::new_version_tooltip));
}

// Imported data name their file; all data their export date (the data age).
std::string facts_line(const Session& state) {
    const std::string origin_fact = (state.snapshot() ? state.snapshot()->source_name + "   \xC2\xB7   " : std::string()) +
                                    tr(TextId::export_date_label) + ": " + date_text(state.export_date());
    return std::string(tr(TextId::dataset_label)) + ": " + group_thousands(state.dataset().row_count()) + " " +
           tr(TextId::dossiers_unit) + "   \xC2\xB7   " + origin_fact + "   \xC2\xB7   " + tr(TextId::reference_date_label) +
           ": " + date_text(state.reference_date());
}

}  // namespace

void draw_header_bar(Session& state, const Fonts& fonts, ShortcutsDialog& shortcuts, bool compact) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeight();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetWindowWidth();
    // The band runs edge to edge; what is on it stays left of the window's scrollbar, if any.
    const float right = ImGui::GetWindowContentRegionMax().x;
    // The facts line wraps when the window is narrow (zoomed in, larger text): the band grows.
    const char* badge = tr(TextId::synthetic_badge);
    const ImVec2 badge_pad(style.FramePadding.x * 0.6f, style.FramePadding.y * 0.3f);
    const float facts_x = state.is_synthetic() ? ImGui::CalcTextSize(badge).x + badge_pad.x * 3 + style.ItemSpacing.x * 1.5f : 0.0f;
    const std::string facts = facts_line(state);
    const float facts_wrap = std::max(line * 4.0f, right - style.WindowPadding.x - facts_x);
    const float facts_height = ImGui::CalcTextSize(facts.c_str(), nullptr, false, facts_wrap).y;
    ImFont* const title_font = compact ? fonts.strong : fonts.title;
    // The title's row is as high as its tools' buttons when the title is in the body's size.
    const float title_row = compact ? ImGui::GetFrameHeight() : fonts.title->FontSize;
    // Below the facts as much room as above the title (a little more; as much in a short window).
    const float height = title_row + style.ItemSpacing.y + facts_height + style.WindowPadding.y * (compact ? 2.0f : 2.5f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 band_min(ImGui::GetWindowPos().x, origin.y - style.WindowPadding.y);
    // The window clips its padding away; the band deliberately runs edge to edge.
    draw->PushClipRect(band_min, ImVec2(band_min.x + width, band_min.y + height), false);
    draw->AddRectFilled(band_min, ImVec2(band_min.x + width, band_min.y + height), palette::header_band);
    draw->PopClipRect();

    ImGui::PushFont(title_font);
    ImGui::PushStyleColor(ImGuiCol_Text, palette::header_text);
    if (compact) ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(TextId::app_title));
    ImGui::PopStyleColor();
    describe_last_item(Role::heading, tr(TextId::app_title), "app-title").level = 1;
    ImGui::PopFont();
    ImGui::SameLine();

    // Right-aligned tools on the title line (the shortcuts, the text size, the language switch),
    // left of them the offer of a new version; the tagline takes what room is left, if any.
    const float switch_width = ImGui::CalcTextSize("NLEN").x + style.FramePadding.x * 4 + style.ItemSpacing.x;
    const float size_width = ImGui::CalcTextSize((std::string(tr(TextId::text_size_label)) + " 200%").c_str()).x +
                             style.FramePadding.x * 2 + ImGui::GetFrameHeight();
    const float tools_width = ImGui::CalcTextSize(tr(TextId::shortcuts_button)).x + style.FramePadding.x * 2 + size_width +
                              style.ItemSpacing.x * 2 + switch_width;
    const float tools_x = std::max(ImGui::GetCursorPosX(), right - tools_width);
    // The tagline shows whole or not at all (zoomed in, larger text): never cut to a few letters.
    const float tagline_room = tools_x - ImGui::GetCursorPosX() - style.ItemSpacing.x * 2;
    if (tagline_room >= ImGui::CalcTextSize(tr(TextId::app_tagline)).x) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (title_font->FontSize - line) * 0.6f);
        ImGui::PushStyleColor(ImGuiCol_Text, palette::header_muted);
        ImGui::TextUnformatted(tr(TextId::app_tagline));
        ImGui::PopStyleColor();
    }
    if (platform::offline_status().update_waiting) new_version_offer(tools_x, origin);
    ImGui::SameLine(tools_x);
    ImGui::SetCursorPosY(origin.y - ImGui::GetWindowPos().y);
    shortcuts_and_text_size(state, shortcuts, size_width);
    language_switch();

    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + title_row + style.ItemSpacing.y));
    if (state.is_synthetic()) {
        const ImVec2 size = ImGui::CalcTextSize(badge);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const ImVec2& pad = badge_pad;
        draw->AddRectFilled(ImVec2(at.x, at.y - pad.y), ImVec2(at.x + size.x + pad.x * 2, at.y + size.y + pad.y),
                            palette::badge, style.FrameRounding);
        ImGui::SetCursorScreenPos(ImVec2(at.x + pad.x, at.y));
        ImGui::PushStyleColor(ImGuiCol_Text, palette::badge_text);
        ImGui::TextUnformatted(badge);
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(TextId::synthetic_tooltip));
        ImGui::SameLine(0, pad.x + style.ItemSpacing.x * 1.5f);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, palette::header_text);
    ImGui::PushTextWrapPos(right);
    ImGui::TextUnformatted(facts.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, band_min.y + height + style.ItemSpacing.y));
}

}  // namespace radar::ui
