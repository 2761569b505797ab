// Header band drawn with the window draw list so it spans the full width at any size.
#include "ui/header_bar.hpp"

#include <algorithm>
#include <cfloat>
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
        wrapped_tooltip(tr(TextId::language_switch_tooltip));
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

// The title line's tools: "?  Sneltoetsen", the text size and the language switch.
struct HeaderTools {
    float shortcuts_width = 0;
    float size_width = 0;
    float switch_width = 0;

    HeaderTools() {
        const ImGuiStyle& style = ImGui::GetStyle();
        shortcuts_width = ImGui::CalcTextSize(tr(TextId::shortcuts_button)).x + style.FramePadding.x * 2;
        size_width = ImGui::CalcTextSize((std::string(tr(TextId::text_size_label)) + " 200%").c_str()).x +
                     style.FramePadding.x * 2 + ImGui::GetFrameHeight();
        switch_width = ImGui::CalcTextSize("NLEN").x + style.FramePadding.x * 4 + style.ItemSpacing.x;
    }
    float width() const { return shortcuts_width + size_width + switch_width + ImGui::GetStyle().ItemSpacing.x * 2; }
    // Rows they take in `room` when each goes to the next row where it does not fit (a narrow
    // window: zoomed in to 400%, the larger text).
    int rows_in(float room) const {
        int rows = 1;
        float used = 0;
        for (const float tool : {shortcuts_width, size_width, switch_width}) {
            if (used > 0 && used + ImGui::GetStyle().ItemSpacing.x + tool > room) {
                ++rows;
                used = 0;
            }
            used += (used > 0 ? ImGui::GetStyle().ItemSpacing.x : 0) + tool;
        }
        return rows;
    }
};

// The next tool on the same row if it fits left of `right`, else on the next row at `left`.
void next_tool(float tool_width, float left, float right) {
    ImGui::SameLine();
    if (ImGui::GetCursorPosX() + tool_width <= right) return;
    ImGui::NewLine();
    ImGui::SetCursorPosX(left);
}

void draw_header_tools(Session& state, ShortcutsDialog& shortcuts, const HeaderTools& tools, float left, float right) {
    push_band_colours();
    if (ImGui::Button(tr(TextId::shortcuts_button))) shortcuts.open = true;
    note_last_item("button:shortcuts", Role::button, tr(TextId::shortcuts_title));
    ImGui::PopStyleColor(band_colours);
    wrapped_tooltip(tr(TextId::shortcuts_button_tooltip));
    next_tool(tools.size_width, left, right);
    push_band_colours();
    ImGui::SetNextItemWidth(tools.size_width);
    draw_text_size_choice(state);
    ImGui::PopStyleColor(band_colours);
    next_tool(tools.switch_width, left, right);
    language_switch();
}

// "A new version is available, reload": the service worker holds it until the user chooses.
// Left of the tools on the title line, or (`right` 0: the tools in rows below the title) in a row
// of its own under them.
void new_version_offer(float right, const ImVec2& origin) {
    const char* label = tr(TextId::new_version_reload);
    const float button_width = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
    if (right > 0) {
        ImGui::SameLine(right - button_width - ImGui::GetStyle().ItemSpacing.x * 2);
        ImGui::SetCursorPosY(origin.y - ImGui::GetWindowPos().y);
    }
    ImGui::PushStyleColor(ImGuiCol_Button, palette::badge);
    ImGui::PushStyleColor(ImGuiCol_Text, palette::badge_text);
    if (ImGui::Button(label)) platform::activate_new_version();
    ImGui::PopStyleColor(2);
    note_last_item("new-version-reload", Role::button, label);
    wrapped_tooltip(tr(TextId::new_version_tooltip));
}

// Imported data name their file; all data their export date (the data age). A stored dataset
// being loaded (`loading`) is named in place of the data still in use.
std::string facts_line(const Session& state, const std::string* loading) {
    const std::string separator = "   \xC2\xB7   ";
    const std::string reference =
        std::string(tr(TextId::reference_date_label)) + ": " + date_text(state.reference_date());
    if (loading)
        return std::string(tr(TextId::dataset_label)) + ": " + *loading + " (" + tr(TextId::dataset_loading) + ")" +
               separator + reference;
    const std::string origin_fact = (state.snapshot() ? state.snapshot()->source_name + separator : std::string()) +
                                    tr(TextId::export_date_label) + ": " + date_text(state.export_date());
    return std::string(tr(TextId::dataset_label)) + ": " + group_thousands(state.dataset().row_count()) + " " +
           tr(TextId::dossiers_unit) + separator + origin_fact + separator + reference;
}

}  // namespace

void draw_header_bar(Session& state, const Fonts& fonts, ShortcutsDialog& shortcuts, bool compact,
                     const std::string* loading) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeight();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetWindowWidth();
    // The band runs edge to edge; what is on it stays left of the window's scrollbar, if any.
    const float right = ImGui::GetWindowContentRegionMax().x;
    // The facts line wraps when the window is narrow (zoomed in, larger text): the band grows.
    const char* badge = tr(TextId::synthetic_badge);
    const ImVec2 badge_pad(style.FramePadding.x * 0.6f, style.FramePadding.y * 0.3f);
    const bool synthetic_badge = state.is_synthetic() && !loading;
    const float badge_room =
        synthetic_badge ? ImGui::CalcTextSize(badge).x + badge_pad.x * 3 + style.ItemSpacing.x * 1.5f : 0.0f;
    // Beside the badge while at least a dozen lines' width is left there, else below it.
    const bool facts_below_badge = badge_room > 0 && right - style.WindowPadding.x - badge_room < line * 12.0f;
    const float facts_x = facts_below_badge ? 0.0f : badge_room;
    const std::string facts = facts_line(state, loading);
    const float facts_wrap = std::max(line * 4.0f, right - style.WindowPadding.x - facts_x);
    const float facts_height = wrapped_text_height(facts, facts_wrap) +
                               (facts_below_badge ? line + style.ItemSpacing.y + badge_pad.y * 2 : 0.0f);
    ImFont* const title_font = compact ? fonts.strong : fonts.title;
    // The title's row is as high as its tools' buttons when the title is in the body's size.
    const float title_row = compact ? ImGui::GetFrameHeight() : fonts.title->FontSize;
    // The tools right of the title where they fit, else in rows of their own below it.
    const HeaderTools tools;
    const float title_width = title_font->CalcTextSizeA(title_font->FontSize, FLT_MAX, 0.0f, tr(TextId::app_title)).x;
    const float tools_left = ImGui::GetCursorPosX();
    const bool tools_below = tools_left + title_width + style.ItemSpacing.x + tools.width() > right;
    const bool offer_new_version = platform::offline_status().update_waiting;
    const int tool_rows = tools_below ? tools.rows_in(right - tools_left) + (offer_new_version ? 1 : 0) : 0;
    const float tools_height = static_cast<float>(tool_rows) * (ImGui::GetFrameHeight() + style.ItemSpacing.y);
    // Below the facts as much room as above the title (a little more; as much in a short window).
    const float height = title_row + style.ItemSpacing.y + tools_height + facts_height +
                         style.WindowPadding.y * (compact ? 2.0f : 2.5f);
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
    const float tools_x = tools_below ? right : std::max(ImGui::GetCursorPosX(), right - tools.width());
    // The tagline shows whole or not at all (zoomed in, larger text): never cut to a few letters.
    const float tagline_room = tools_x - ImGui::GetCursorPosX() - style.ItemSpacing.x * 2;
    if (tagline_room >= ImGui::CalcTextSize(tr(TextId::app_tagline)).x) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (title_font->FontSize - line) * 0.6f);
        ImGui::PushStyleColor(ImGuiCol_Text, palette::header_muted);
        ImGui::TextUnformatted(tr(TextId::app_tagline));
        ImGui::PopStyleColor();
    }
    if (offer_new_version && !tools_below) new_version_offer(tools_x, origin);
    if (tools_below) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + title_row + style.ItemSpacing.y));
    } else {
        ImGui::SameLine(tools_x);
        ImGui::SetCursorPosY(origin.y - ImGui::GetWindowPos().y);
    }
    draw_header_tools(state, shortcuts, tools, tools_left, right);
    if (offer_new_version && tools_below) new_version_offer(0.0f, origin);

    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + title_row + style.ItemSpacing.y + tools_height));
    if (synthetic_badge) {
        const ImVec2 size = ImGui::CalcTextSize(badge);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const ImVec2& pad = badge_pad;
        draw->AddRectFilled(ImVec2(at.x, at.y - pad.y), ImVec2(at.x + size.x + pad.x * 2, at.y + size.y + pad.y),
                            palette::badge, style.FrameRounding);
        ImGui::SetCursorScreenPos(ImVec2(at.x + pad.x, at.y));
        ImGui::PushStyleColor(ImGuiCol_Text, palette::badge_text);
        ImGui::TextUnformatted(badge);
        ImGui::PopStyleColor();
        wrapped_tooltip(tr(TextId::synthetic_tooltip));
        if (facts_below_badge) ImGui::SetCursorScreenPos(ImVec2(origin.x, ImGui::GetCursorScreenPos().y + pad.y * 2));
        else ImGui::SameLine(0, pad.x + style.ItemSpacing.x * 1.5f);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, palette::header_text);
    ImGui::PushTextWrapPos(right);
    wrapped_text(facts);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, band_min.y + height + style.ItemSpacing.y));
}

}  // namespace radar::ui
