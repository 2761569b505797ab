// The demo band, the way into the demo and the guided tour (see the header).
#include "ui/demo_workspace_view.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <iterator>
#include <optional>
#include <string>

#include "platform/platform.hpp"
#include "session/i18n.hpp"
#include "ui/item_marks.hpp"
#include "ui/text_field_focus.hpp"
#include "ui/text_widgets.hpp"

namespace radar::ui {
namespace {

struct TourStep {
    Screen screen;
    TextId title;
    TextId text;
};

constexpr TourStep tour_steps[] = {
    {Screen::ranking, TextId::demo_tour_ranking_title, TextId::demo_tour_ranking_text},
    {Screen::model, TextId::demo_tour_model_title, TextId::demo_tour_model_text},
    {Screen::selection, TextId::demo_tour_selection_title, TextId::demo_tour_selection_text},
    {Screen::screening, TextId::demo_tour_screening_title, TextId::demo_tour_screening_text},
    {Screen::report, TextId::demo_tour_report_title, TextId::demo_tour_report_text},
    {Screen::audit, TextId::demo_tour_audit_title, TextId::demo_tour_audit_text},
    {Screen::storage, TextId::demo_tour_storage_title, TextId::demo_tour_storage_text},
};
constexpr int step_count = static_cast<int>(sizeof tour_steps / sizeof tour_steps[0]);

void go_to_step(DemoTourState& tour, int step) {
    tour.step = step;
    request_screen(tour_steps[step].screen);
}

// "2025-12" as the month's name in the interface language ("december 2025").
std::string month_name(const std::string& month) {
    const std::optional<DayNumber> day = parse_iso_date(month + "-01");
    return day ? month_text(*day) : month;
}

// What the band says: the simulated year, that it is being made, or why it failed.
std::string demo_band_message(const Session& state) {
    const auto& [first_month, months] = state.demo_year_span();
    if (!state.demo_year_problem().empty()) return filled(TextId::demo_year_failed, {state.demo_year_problem()});
    if (months == 0) return tr(TextId::demo_workspace_preparing);
    const std::optional<DayNumber> first = parse_iso_date(first_month + "-01");
    const std::string last = first ? month_text(add_months(*first, months - 1)) : std::string();
    char banner[640];
    std::snprintf(banner, sizeof banner, tr(TextId::demo_workspace_banner),
                  counted_text(CountedText::months, static_cast<std::uint64_t>(months)).c_str(), month_name(first_month).c_str(),
                  last.c_str());
    return banner;
}

// The band's buttons, in their order.
constexpr TextId demo_band_buttons[] = {TextId::demo_tour_button, TextId::demo_restart_button, TextId::demo_leave_button};

float button_width(TextId label) { return ImGui::CalcTextSize(tr(label)).x + ImGui::GetStyle().FramePadding.x * 2; }

// For each button, whether it starts a row in `room` (they wrap in a narrow window: zoomed in,
// larger text); the first always does.
std::array<bool, std::size(demo_band_buttons)> row_starts(float room) {
    std::array<bool, std::size(demo_band_buttons)> starts{};
    float used = 0.0f;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const float width = button_width(demo_band_buttons[i]);
        starts[i] = used == 0.0f || used + width > room;
        used = (starts[i] ? 0.0f : used) + width + ImGui::GetStyle().ItemSpacing.x;
    }
    return starts;
}

}  // namespace

void draw_demo_band(Session& state, DemoTourState& tour) {
    if (!state.demo_workspace()) return;
    const ImGuiStyle& style = ImGui::GetStyle();
    const std::string message = demo_band_message(state);
    // As high as its wrapped message and its rows of buttons.
    const float room = ImGui::GetContentRegionAvail().x;
    const auto starts = row_starts(room);
    const auto rows = std::count(starts.begin(), starts.end(), true);
    const float height = style.WindowPadding.y + wrapped_text_height(message, room) +
                         ImGui::GetFrameHeightWithSpacing() * static_cast<float>(rows);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette::warning_band);
    ImGui::BeginChild("demo_band", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::SetCursorPosY(style.WindowPadding.y * 0.5f);
    ImGui::PushStyleColor(ImGuiCol_Text, state.demo_year_problem().empty() ? palette::badge_text : palette::error_text);
    wrapped_text(message);
    ImGui::PopStyleColor();
    describe_last_item(Role::status, message, "demo-band");
    std::size_t placed = 0;
    // The next button, on the row so far unless it starts one.
    auto band_button = [&](TextId label) {
        if (!starts[placed++]) ImGui::SameLine();
        return ImGui::Button(tr(label));
    };
    if (band_button(TextId::demo_tour_button)) {
        tour.open = true;
        go_to_step(tour, 0);
    }
    note_last_item("button:demo-tour", Role::button, tr(TextId::demo_tour_button));
    if (band_button(TextId::demo_restart_button)) platform::open_workspace(platform::Workspace::demo, true);
    wrapped_tooltip(tr(TextId::demo_restart_tooltip));
    note_last_item("button:demo-restart", Role::button, tr(TextId::demo_restart_button));
    if (band_button(TextId::demo_leave_button)) platform::open_workspace(platform::Workspace::own, false);
    wrapped_tooltip(tr(TextId::demo_leave_tooltip));
    note_last_item("button:demo-leave", Role::button, tr(TextId::demo_leave_button));
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void draw_demo_offer(const Session& state) {
    if (state.demo_workspace()) return;
    if (ImGui::Button(tr(TextId::demo_open_button))) platform::open_workspace(platform::Workspace::demo, false);
    wrapped_tooltip(tr(TextId::demo_open_tooltip));
    note_last_item("button:demo-open", Role::button, tr(TextId::demo_open_button));
}

void draw_demo_tour(DemoTourState& tour, const Fonts& fonts) {
    if (!tour.open) return;
    if (!text_field_is_editing()) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) tour.open = false;
        else if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow), false) && tour.step + 1 < step_count)
            go_to_step(tour, tour.step + 1);
        else if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow), false) && tour.step > 0)
            go_to_step(tour, tour.step - 1);
    }
    if (!tour.open) return;
    const TourStep& step = tour_steps[tour.step];
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    const float width = std::min(em * 28.0f, viewport->Size.x - em * 2.0f);
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x - em, viewport->Pos.y + viewport->Size.y - em),
                            ImGuiCond_Always, ImVec2(1.0f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
    char title[128];
    std::snprintf(title, sizeof title, tr(TextId::demo_tour_title), tour.step + 1, step_count);
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize |
                                       ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_AlwaysAutoResize;
    bool keep_open = true;
    if (ImGui::Begin((std::string(title) + "###demo-tour").c_str(), &keep_open, flags)) {
        const ImVec2 at = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
        note_widget("demo-tour", at, ImVec2(at.x + size.x, at.y + size.y));
        // A dialog for assistive technology, but not a modal one: the tour points at the screens
        // the user goes on working in.
        const std::string dialog_key = "demo-tour";
        describe(dialog_key, Role::dialog, title, WidgetBox{at.x, at.y, at.x + size.x, at.y + size.y}).modeless = true;
        ImGui::PushFont(fonts.strong);
        wrapped_text(tr(step.title));
        ImGui::PopFont();
        AccessibleItem& heading = describe_last_item(Role::heading, std::string(title) + ": " + tr(step.title), "demo-tour-title");
        heading.level = 2;
        heading.container = dialog_key;
        wrapped_text(tr(step.text));
        describe_last_item(Role::status, tr(step.text), "demo-tour-text").container = dialog_key;
        ImGui::Spacing();
        ImGui::BeginDisabled(tour.step == 0);
        if (ImGui::Button(tr(TextId::demo_tour_previous))) go_to_step(tour, tour.step - 1);
        note_last_item("button:demo-tour-previous", Role::button, tr(TextId::demo_tour_previous)).container = dialog_key;
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (tour.step + 1 < step_count) {
            if (ImGui::Button(tr(TextId::demo_tour_next))) go_to_step(tour, tour.step + 1);
            note_last_item("button:demo-tour-next", Role::button, tr(TextId::demo_tour_next)).container = dialog_key;
        } else {
            if (ImGui::Button(tr(TextId::demo_tour_close))) keep_open = false;
            note_last_item("button:demo-tour-close", Role::button, tr(TextId::demo_tour_close)).container = dialog_key;
        }
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr(TextId::demo_tour_keys));
    }
    ImGui::End();
    if (!keep_open) tour.open = false;
}

}  // namespace radar::ui
