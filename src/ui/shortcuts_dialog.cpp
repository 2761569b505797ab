// The shortcut list's dialog: every key the screens react to, by screen, in the interface's
// language, described to the page's layer as a dialog with a list per screen.
#include "ui/shortcuts_dialog.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <string>
#include <vector>

#include "session/i18n.hpp"
#include "ui/item_marks.hpp"
#include "ui/session_names.hpp"
#include "ui/text_widgets.hpp"

namespace radar::ui {
namespace {

constexpr const char* popup_id = "###shortcuts";

// One shortcut: its keys and what it does. Keys with words ("Arrow keys") are a text of their
// own, `keys_text`, and `keys` is null.
struct Shortcut {
    const char* keys;
    TextId keys_text;
    TextId action;
};

struct ShortcutGroup {
    TextId title;
    const char* key;  // the layer's key of its list
    std::vector<Shortcut> shortcuts;
};

const ShortcutGroup groups[] = {
    {TextId::shortcuts_everywhere, "everywhere",
     {{"?", TextId::count, TextId::shortcut_open_list},
      {"Esc", TextId::count, TextId::shortcut_close_list},
      {"Alt+L", TextId::count, TextId::shortcut_language},
      {"Tab", TextId::count, TextId::shortcut_tab},
      {nullptr, TextId::shortcut_keys_arrows_space, TextId::shortcut_navigate}}},
    {TextId::screen_ranking, "ranking",
     {{"/", TextId::count, TextId::shortcut_search},
      {"Esc", TextId::count, TextId::shortcut_clear_search},
      {nullptr, TextId::shortcut_keys_down_up, TextId::shortcut_next_dossier},
      {"Enter", TextId::count, TextId::shortcut_open_first},
      {"Esc", TextId::count, TextId::shortcut_close_panel}}},
    {TextId::screen_screening, "screening",
     {{"1 / 2 / 3", TextId::count, TextId::shortcut_codes},
      {"N", TextId::count, TextId::shortcut_note},
      {"Enter", TextId::count, TextId::shortcut_save},
      {"C", TextId::count, TextId::shortcut_correct},
      {"F", TextId::count, TextId::shortcut_follow_up_done},
      {"O", TextId::count, TextId::shortcut_outcome},
      {"J / K", TextId::count, TextId::shortcut_queue}}},
    {TextId::screen_data, "data", {{"Esc", TextId::count, TextId::shortcut_stop_accept}}},
    {TextId::screen_audit, "audit",
     {{"1 / 2 / 3", TextId::count, TextId::shortcut_second_code},
      {"Enter", TextId::count, TextId::shortcut_save_second_code}}},
    {TextId::shortcuts_demo_tour, "demo-tour",
     {{nullptr, TextId::shortcut_keys_right_left, TextId::shortcut_tour_steps},
      {"Esc", TextId::count, TextId::shortcut_tour_close}}},
};

const char* keys_of(const Shortcut& shortcut) { return shortcut.keys ? shortcut.keys : tr(shortcut.keys_text); }

// Marks every key pressed in this frame as held since before it: IsKeyPressed then says no, and
// the press is not seen again in later frames (ImGui's navigation already had it).
void hold_pressed_keys() {
    ImGuiIO& io = ImGui::GetIO();
    for (float& duration : io.KeysDownDuration)
        if (duration == 0.0f) duration = 1e-4f;
}

// One screen's shortcuts, keys in the strong font and their action wrapped beside them (below
// them, indented, when `actions_below`); a list in the layer, its entries "keys: action".
void shortcut_group(const ShortcutGroup& group, const Fonts& fonts, float keys_width, bool actions_below,
                    const std::string& dialog_key) {
    ImGui::Spacing();
    ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted(tr(group.title));
    ImGui::PopFont();
    const std::string list_key = std::string("shortcuts:") + group.key;
    AccessibleItem& heading = describe_last_item(Role::heading, tr(group.title), list_key + ":title");
    heading.container = dialog_key;
    heading.level = 3;
    const std::size_t list_at = view_marks().accessible.size();
    describe(list_key, Role::list, tr(group.title)).container = dialog_key;
    int index = 0;
    for (const Shortcut& shortcut : group.shortcuts) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::PushFont(fonts.strong);
        ImGui::TextUnformatted(keys_of(shortcut));
        ImGui::PopFont();
        if (actions_below) ImGui::Indent();
        else ImGui::SameLine(keys_width);
        ImGui::PushTextWrapPos(0.0f);
        wrapped_text(tr(shortcut.action));
        ImGui::PopTextWrapPos();
        if (actions_below) ImGui::Unindent();
        const WidgetBox box{at.x, at.y, ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y};
        describe(list_key + ":" + std::to_string(index++), Role::listitem,
                 std::string(keys_of(shortcut)) + ": " + tr(shortcut.action), box)
            .container = list_key;
        grow_box(view_marks().accessible[list_at].box, box);
    }
}

}  // namespace

void take_shortcuts_dialog_keys(ShortcutsDialog& dialog, bool asked) {
    if (asked) dialog.open = true;
    if (!dialog.open) return;
    if (!asked && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) dialog.open = false;
    hold_pressed_keys();
}

void draw_shortcuts_dialog(ShortcutsDialog& dialog, const Fonts& fonts) {
    const std::string title = std::string(tr(TextId::shortcuts_title)) + popup_id;
    if (dialog.open && !ImGui::IsPopupOpen(popup_id)) ImGui::OpenPopup(popup_id);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    const ImVec2 size(std::min(em * 36.0f, viewport->Size.x - em * 2.0f), std::min(em * 32.0f, viewport->Size.y - em * 2.0f));
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x * 0.5f, viewport->Pos.y + viewport->Size.y * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(size, ImGuiCond_Always);
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings;
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, flags)) return;
    if (!dialog.open) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const std::string dialog_key = "shortcuts";
    const std::size_t dialog_at = view_marks().accessible.size();
    const ImVec2 window_at = ImGui::GetWindowPos(), window_size = ImGui::GetWindowSize();
    describe(dialog_key, Role::dialog, tr(TextId::shortcuts_title),
             WidgetBox{window_at.x, window_at.y, window_at.x + window_size.x, window_at.y + window_size.y});
    wrapped_muted_text(tr(TextId::shortcuts_intro));
    AccessibleItem& intro = describe_last_item(Role::heading, tr(TextId::shortcuts_intro), "shortcuts:intro");
    intro.container = dialog_key;
    intro.level = 2;
    // The widest keys of any group set where the actions begin.
    float keys_width = 0.0f;
    ImGui::PushFont(fonts.strong);
    for (const ShortcutGroup& group : groups)
        for (const Shortcut& shortcut : group.shortcuts) keys_width = std::max(keys_width, ImGui::CalcTextSize(keys_of(shortcut)).x);
    ImGui::PopFont();
    keys_width += ImGui::GetStyle().ItemSpacing.x * 2.0f + ImGui::GetStyle().WindowPadding.x;
    // A narrow window (zoomed in, larger text) has each action below its keys, not in a column
    // a word wide.
    const bool actions_below = ImGui::GetContentRegionAvail().x - keys_width < em * 12.0f;
    ImGui::BeginChild("shortcut_groups", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()), false);
    for (const ShortcutGroup& group : groups) shortcut_group(group, fonts, keys_width, actions_below, dialog_key);
    ImGui::EndChild();
    if (ImGui::Button(tr(TextId::shortcuts_close))) dialog.open = false;
    note_last_item("shortcuts-close", Role::button, tr(TextId::shortcuts_close)).container = dialog_key;
    // Its first frame is laid out unseen, before it has its place: described from the next one.
    if (GImGui->CurrentWindow->HiddenFramesCannotSkipItems > 0) view_marks().accessible.resize(dialog_at);
    if (!dialog.open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace radar::ui
