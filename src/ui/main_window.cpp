// Fills the display with one undecorated window and applies the global keyboard shortcuts (the
// list of them on "?").
#include "ui/main_window.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "platform/platform.hpp"
#include "session/i18n.hpp"
#include "ui/audit_view.hpp"
#include "ui/demo_workspace_view.hpp"
#include "ui/described_widgets.hpp"
#include "ui/dossier_panel.hpp"
#include "ui/evaluation_view.hpp"
#include "ui/header_bar.hpp"
#include "ui/import_view.hpp"
#include "ui/item_marks.hpp"
#include "ui/model_editor_view.hpp"
#include "ui/narrow_layout.hpp"
#include "ui/ranking_view.hpp"
#include "ui/report_view.hpp"
#include "ui/screening_view.hpp"
#include "ui/selection_view.hpp"
#include "ui/session_names.hpp"
#include "ui/shortcuts_dialog.hpp"
#include "ui/storage_view.hpp"
#include "ui/text_widgets.hpp"
#include "ui/workflow_widgets.hpp"

namespace radar::ui {

namespace {

// Fewer lines of text than this fit in the window's height (about 560 CSS pixels at 100% text
// size; a 1280x800 window at 200% zoom is 400): the window is short.
constexpr float short_window_lines = 22.0f;
// The least height, in lines, a screen keeps in a short window (the ranking then shows its
// filters and a few rows).
constexpr float short_screen_lines = 15.0f;

// A stored dataset being read and accepted again (start-up): its file's name and how far, 0 to 1
// (reading or decoding its snapshot is the first half, preparing the second).
struct RestoreProgress {
    std::string source_name;
    double fraction = 0.0;
};

std::optional<RestoreProgress> restore_progress(const Session& state, const ImportSession& session) {
    if (const auto reading = state.stored_dataset_reading())
        return RestoreProgress{reading->first, reading->second * 0.5};
    const SnapshotDescriptor* restoring = session.restoring();
    if (!restoring) return std::nullopt;
    double progress = 0.5;
    if (session.phase() == ImportSession::Phase::reading) progress = 0.5 * session.progress();
    else if (const DatasetPreparation* preparation = session.preparation()) progress = 0.5 + 0.5 * preparation->progress();
    else if (session.accept_step() == ImportSession::AcceptStep::finishing) progress = 1.0;
    return RestoreProgress{restoring->source_name, progress};
}

// The restore's progress, on every screen.
void draw_restore_banner(const std::optional<RestoreProgress>& restore) {
    if (!restore) return;
    char banner[1024];
    std::snprintf(banner, sizeof banner, tr(TextId::restore_banner), restore->source_name.c_str(),
                  static_cast<int>(restore->fraction * 100.0));
    wrapped_text(banner);
    note_last_item("restore-banner", Role::status, banner);
}

// Screens that show the dataset's dossiers. While a stored dataset is restored they show the
// restore's progress instead of the data in use before it (at start-up, the synthetic demo).
bool screen_shows_dossiers(Screen screen) { return screen != Screen::data && screen != Screen::storage; }

void draw_restore_in_place_of_screen(const RestoreProgress& restore) {
    ImGui::Spacing();
    const std::string percent = std::to_string(static_cast<int>(restore.fraction * 100.0)) + "%";
    const float width = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 30.0f);
    ImGui::ProgressBar(static_cast<float>(restore.fraction), ImVec2(width, 0), percent.c_str());
    note_last_item("restore-progress", Role::progressbar, restore.source_name).value = percent;
    wrapped_text(tr(TextId::restore_waits));
    describe_paragraph(tr(TextId::restore_waits), "restore-waits");
}

// The stored dataset held back at start-up (after a crash or an unfinished start): load it after
// all, or remove it from this browser.
void draw_skipped_dataset_banner(Session& state) {
    const SnapshotDescriptor* skipped = state.skipped_dataset();
    if (!skipped) return;
    ImGui::PushStyleColor(ImGuiCol_Text, palette::error_text);
    wrapped_text(filled(TextId::skipped_dataset_banner, {skipped->source_name}));
    ImGui::PopStyleColor();
    if (ImGui::Button(tr(TextId::skipped_dataset_load))) state.load_skipped_dataset();
    note_last_item("button:load-skipped-dataset", Role::button, tr(TextId::skipped_dataset_load));
    ImGui::SameLine();
    ImGui::BeginDisabled(state.storage_mode() != StoreMode::writer);
    if (ImGui::Button(tr(TextId::skipped_dataset_remove))) state.remove_skipped_dataset();
    ImGui::EndDisabled();
    note_last_item("button:remove-skipped-dataset", Role::button, tr(TextId::skipped_dataset_remove));
}

// The stored dataset snapshot could not be read (damaged): said until another import replaces it.
void draw_damaged_snapshot_banner(const Session& state) {
    const auto& damaged = state.damaged_snapshot();
    if (!damaged) return;
    char banner[1024];
    std::snprintf(banner, sizeof banner, tr(TextId::damaged_dataset_banner), damaged->first.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, palette::error_text);
    wrapped_text(banner);
    ImGui::PopStyleColor();
    describe_last_item(Role::status, banner, "damaged-dataset");
}

// A message from before the page was reloaded (what was forgotten), until it is closed.
void draw_start_notice(Session& state) {
    if (state.start_notice().empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, palette::saved_text);
    ImGui::AlignTextToFramePadding();
    wrapped_text(state.start_notice());
    ImGui::PopStyleColor();
    describe_last_item(Role::status, state.start_notice(), "start-notice");
    if (ImGui::SmallButton(tr(TextId::close_notice))) state.dismiss_start_notice();
    note_last_item("close-notice", Role::button, tr(TextId::close_notice));
}

// What to do next, on every screen but Screening: the newest open batch and how far it is, with
// the way to go on screening it.
void draw_open_batch_banner(Session& state) {
    if (view_marks().screen == Screen::screening) return;
    const auto& batches = state.screening().batches;
    for (auto it = batches.rbegin(); it != batches.rend(); ++it) {
        const BatchState& batch = it->second;
        if (batch.status() != BatchStatus::open) continue;
        ImGui::AlignTextToFramePadding();
        ImGui::Text(tr(TextId::open_batch_banner), batch.batch_id.c_str(), group_thousands(batch.coded_count).c_str(),
                    group_thousands(batch.total()).c_str());
        same_line_if_fits(button_width(tr(TextId::continue_screening)));
        if (ImGui::Button(tr(TextId::continue_screening))) {
            state.set_screening_batch(batch.batch_id);
            request_screen(Screen::screening);
        }
        note_last_item("continue-screening", Role::button, tr(TextId::continue_screening));
        return;
    }
}

// Ranking and, when a dossier is selected, its panel beside it (the panel scrolls on its own). In
// a narrow window (zoomed in, larger text) the panel takes the whole width until it is closed.
void draw_ranking_screen(Session& state, const Fonts& fonts, RankingViewState& view, bool focus_filter) {
    if (!view.list.selected_row(state)) {
        draw_ranking_view(state, fonts, view, focus_filter);
        return;
    }
    if (ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 48.0f) {
        ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(255, 255, 255, 255));
        ImGui::BeginChild("dossier_panel", ImVec2(0, 0), true);
        draw_dossier_panel(state, fonts, view.list);
        ImGui::EndChild();
        ImGui::PopStyleColor();
        return;
    }
    const float panel_width = std::max(ImGui::GetFontSize() * 24.0f, ImGui::GetContentRegionAvail().x * 0.36f);
    ImGui::BeginChild("ranking_area", ImVec2(-panel_width - ImGui::GetStyle().ItemSpacing.x, 0));
    draw_ranking_view(state, fonts, view, focus_filter);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(255, 255, 255, 255));
    ImGui::BeginChild("dossier_panel", ImVec2(0, 0), true);
    draw_dossier_panel(state, fonts, view.list);
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

// One screen's tab: its screen, its label and the ImGui id that stays the same in every language.
struct ScreenTab {
    Screen screen;
    TextId label;
    const char* id;
    std::function<void()> draw;
};

// The screens as tabs, `shown` drawn selected, in as many rows as the window's width needs (zoomed
// in or with larger text every tab stays whole and visible): each row is a tab bar of tab buttons.
// `compact` (a short window): tighter tabs, so that more of them share a row and rows are lower.
// Returns the screen to show: `shown`, or the one whose tab was clicked.
template <std::size_t count>
Screen screen_tabs(const ScreenTab (&tabs)[count], Screen shown, bool compact) {
    const ImVec2 padding = ImGui::GetStyle().FramePadding;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, compact ? ImVec2(padding.x * 0.5f, padding.y * 0.5f) : padding);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float room = ImGui::GetContentRegionAvail().x;
    std::vector<std::size_t> row_starts{0};
    float row_width = 0.0f;
    for (std::size_t i = 0; i < count; ++i) {
        const float width = ImGui::CalcTextSize(tr(tabs[i].label)).x + style.FramePadding.x * 2 + style.ItemInnerSpacing.x;
        if (row_width > 0.0f && row_width + width > room) {
            row_starts.push_back(i);
            row_width = 0.0f;
        }
        row_width += width;
    }
    row_starts.push_back(count);
    describe("screens", Role::tablist, tr(TextId::screens_label));
    const std::size_t tab_list = view_marks().accessible.size() - 1;
    Screen chosen = shown;
    for (std::size_t row = 0; row + 1 < row_starts.size(); ++row) {
        if (!ImGui::BeginTabBar(("screens" + std::to_string(row)).c_str(), ImGuiTabBarFlags_NoTooltip)) continue;
        for (std::size_t i = row_starts[row]; i < row_starts[row + 1]; ++i) {
            const ScreenTab& tab = tabs[i];
            const bool selected = tab.screen == shown;
            if (selected) ImGui::PushStyleColor(ImGuiCol_Tab, ImGui::GetStyleColorVec4(ImGuiCol_TabActive));
            if (ImGui::TabItemButton((std::string(tr(tab.label)) + tab.id).c_str())) chosen = tab.screen;
            if (selected) ImGui::PopStyleColor();
            AccessibleItem& described = describe_last_item(Role::tab, tr(tab.label), std::string("screen:") + screen_code(tab.screen));
            described.container = "screens";
            described.selected = selected;
            grow_box(view_marks().accessible[tab_list].box, described.box);
        }
        ImGui::EndTabBar();
    }
    ImGui::PopStyleVar();
    return chosen;
}

}  // namespace

void draw_main_window(Session& state, ImportSession& import_session, BackupSession& backup, AuditWork& audit, ViewState& views,
                      const Fonts& fonts, Shortcuts shortcuts) {
    if (shortcuts.toggle_language) set_language(language() == Language::dutch ? Language::english : Language::dutch);
    start_describing_frame();

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    // A short window (zoomed in, larger text, a small screen) keeps the header and tabs low and
    // scrolls as a whole when the screen below them needs more room.
    const bool short_window = viewport->Size.y < ImGui::GetTextLineHeightWithSpacing() * short_window_lines;
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   (short_window ? 0 : ImGuiWindowFlags_NoScrollbar) | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("Dossier Radar", nullptr, flags);
    take_shortcuts_dialog_keys(views.shortcuts, shortcuts.show_shortcuts);
    if (views.shortcuts.open) shortcuts.focus_search = false;
    const auto restore = restore_progress(state, import_session);
    draw_header_bar(state, fonts, views.shortcuts, short_window, restore ? &restore->source_name : nullptr);
    draw_demo_band(state, views.demo_tour);
    if (!state.model_problems().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette::error_text);
        ImGui::TextUnformatted(tr(TextId::model_refused));
        for (const auto& problem : state.model_problems()) wrapped_bullet(problem.message_in(language_code()));
        ImGui::PopStyleColor();
    }
    draw_storage_banner(state);
    draw_restore_banner(restore);
    draw_skipped_dataset_banner(state);
    draw_damaged_snapshot_banner(state);
    draw_open_batch_banner(state);
    draw_start_notice(state);
    // One tab per screen, in this order; automation can bring any of them forward.
    const ScreenTab tabs[] = {
        {Screen::ranking, TextId::screen_ranking, "###ranking", [&] { draw_ranking_screen(state, fonts, views.ranking, shortcuts.focus_search); }},
        {Screen::model, TextId::screen_model, "###model", [&] { draw_model_editor_view(state, fonts, views.model_editor); }},
        {Screen::data, TextId::screen_data, "###data", [&] { draw_import_view(state, import_session, fonts, views); }},
        {Screen::selection, TextId::screen_selection, "###selection", [&] { draw_selection_view(state, fonts, views); }},
        {Screen::screening, TextId::screen_screening, "###screening", [&] { draw_screening_view(state, fonts, views); }},
        {Screen::report, TextId::screen_report, "###report", [&] { draw_report_view(state, audit, fonts, views.report); }},
        {Screen::evaluation, TextId::screen_evaluation, "###evaluation", [&] { draw_evaluation_view(state, fonts); }},
        {Screen::audit, TextId::screen_audit, "###audit", [&] { draw_audit_view(state, audit, fonts, views.audit); }},
        {Screen::storage, TextId::screen_storage, "###storage", [&] { draw_storage_view(state, backup, fonts, views.storage); }},
    };
    const std::optional<Screen> requested = std::exchange(views.marks.requested_screen, std::nullopt);
    const Screen shown = screen_tabs(tabs, requested.value_or(views.marks.screen), short_window);
    views.marks.screen = shown;
    // The screen fills the rest of the window; in a short window it keeps a useful height and the
    // window scrolls instead (wheel over anything that does not scroll itself, or the scrollbar).
    const float screen_height = std::max(ImGui::GetContentRegionAvail().y,
                                         short_window ? ImGui::GetTextLineHeightWithSpacing() * short_screen_lines : 0.0f);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));  // the window's own background
    ImGui::BeginChild("screen", ImVec2(0, screen_height), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleColor();
    for (const ScreenTab& tab : tabs) {
        if (tab.screen != shown) continue;
        if (restore && screen_shows_dossiers(shown))
            draw_restore_in_place_of_screen(*restore);
        else
            tab.draw();
    }
    ImGui::EndChild();
    draw_shortcuts_dialog(views.shortcuts, fonts);
    views.marks.window_scroll = ImGui::GetScrollY();
    views.marks.window_scroll_max = ImGui::GetScrollMaxY();
    ImGui::End();
    draw_demo_tour(views.demo_tour, fonts);
}

}  // namespace radar::ui
