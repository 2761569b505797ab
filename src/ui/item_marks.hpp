// What the views tell the app and automation about the frame they drew: where each named widget
// is (window.radar.info().widgets and clickWidget), which screen is shown and which one to bring
// forward next, and a few positions of the ranking list. The app owns one ViewMarks and makes it
// the ImGui context's user data (ImGuiIO::UserData), so any widget can mark itself.
#pragma once

#include <map>
#include <optional>
#include <string>

#include <imgui.h>

namespace radar::ui {

// In the order automation names them (screen codes); the tabs have their own order.
enum class Screen { ranking, model, data, selection, screening, report, storage, evaluation, audit };
// "ranking", "model", "data", "selection", "screening", "report", "storage", "evaluation", "audit":
// the names of showScreen(), info().screen and the ?screen= link.
const char* screen_code(Screen screen);
std::optional<Screen> screen_from_code(const std::string& code);

struct WidgetBox {
    float left = 0, top = 0, right = 0, bottom = 0;
};

struct ViewMarks {
    std::map<std::string, WidgetBox> widgets;  // display pixels, by name, e.g. "weight:complaints"
    Screen screen = Screen::ranking;           // the tab drawn last
    std::optional<Screen> requested_screen;    // to bring forward in the next frame
    float first_row_y = 0.0f;                  // vertical centre of the ranking's first visible row
    float ranking_scroll_rows = 0.0f;          // how far the ranking list is scrolled, in rows
    std::string screening_refusal;             // why the coding form last refused to save ("" if not)
};

// Makes `marks` the current ImGui context's marks (at start-up, after ImGui::CreateContext).
void use_view_marks(ViewMarks& marks);
ViewMarks& view_marks();

// Records the last item's box (display pixels) under `name`.
void note_last_item(const std::string& name);
void note_widget(const std::string& name, ImVec2 min, ImVec2 max);
// Brings `screen` forward in the next frame (a "go to" button).
void request_screen(Screen screen);

}  // namespace radar::ui
