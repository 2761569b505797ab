// What the views tell the app and automation about the frame they drew: where each named widget
// is (window.radar.info().widgets and clickWidget), what each described widget is to assistive
// technology (the page mirrors it as ARIA elements over the canvas), which screen is shown and
// which one to bring forward next, and a few positions of the ranking list. The app owns one
// ViewMarks and makes it the ImGui context's user data (ImGuiIO::UserData), so any widget can
// mark itself.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

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

// The ARIA role a described widget has in the page's layer (web/accessibility_layer.js).
enum class Role {
    heading, tablist, tab, button, checkbox, textbox, progressbar, table, row, cell, columnheader, status, list, listitem,
    slider, spinbutton, combobox, listbox, option, dialog, img, group, paragraph
};
// "heading", "tablist", "tab", "button", ...: the ARIA role's name.
const char* role_code(Role role);

// One widget as a screen reader should know it, in the frame it was drawn.
struct AccessibleItem {
    std::string key;          // the same in every frame that draws it: its widget name or an own key
    Role role = Role::button;
    std::string name;         // its label, or a cell's or status's text
    std::string value;        // a text box's text; a progress bar's value as text
    std::string container;    // the key of the item it belongs to: a tab's tab list, a cell's row
    WidgetBox box;            // display pixels
    bool checked = false;     // a checkbox
    bool selected = false;    // the shown tab, the open row, a chosen code button (pressed)
    bool disabled = false;
    bool announced = false;   // its text is spoken when it changes (a status is, always)
    int level = 0;            // a heading's level
    int row_index = 0;        // a table row's place (1 = the header row), aria-rowindex
    int row_count = 0;        // a table's rows, header included, aria-rowcount
    bool has_range = false;   // a slider or number field: its value and bounds below
    double value_now = 0, value_min = 0, value_max = 0, value_step = 1;  // aria-valuenow/min/max; a key's step
    bool expanded = false;    // a combo box whose list is open, an expandable button's section
    bool expandable = false;  // a button that opens and closes a section (aria-expanded, not pressed)
    bool modeless = false;    // a dialog that leaves the rest of the app usable (the demo's tour)
    bool focused = false;     // ImGui's keyboard navigation is on it (the page's focus follows)
    bool activatable = false; // a row that opens something (the ranking's): focusable in the page
};

// A value asked for by assistive technology for a slider or number field (web/accessibility_layer.js,
// radar_set_accessible_value), taken by the widget that is described under `key` when it is drawn
// next.
struct RequestedValue {
    std::string key;
    double value = 0;
};

// A described widget found in the frame being drawn: its place among the described widgets and
// the window it was drawn in.
struct DescribedInWindow {
    std::size_t item = 0;
    ImGuiID window = 0;
};

struct ViewMarks {
    std::map<std::string, WidgetBox> widgets;  // display pixels, by name, e.g. "weight:complaints"
    std::vector<AccessibleItem> accessible;    // this frame's described widgets, in drawing order
    Screen screen = Screen::ranking;           // the tab drawn last
    std::optional<Screen> requested_screen;    // to bring forward in the next frame
    float first_row_y = 0.0f;                  // vertical centre of the ranking's first visible row
    float ranking_scroll_rows = 0.0f;          // how far the ranking list is scrolled, in rows
    float ranking_scroll_max_rows = 0.0f;      // how far it scrolls at most, in rows
    float window_scroll = 0.0f;                // how far the main window is scrolled (a short window), pixels
    float window_scroll_max = 0.0f;            // how far it scrolls at most, pixels
    std::string screening_refusal;             // why the coding form last refused to save ("" if not)
    std::optional<RequestedValue> requested_value;  // for one slider or number field, until it is drawn
    std::string bring_into_view;               // the described widget to scroll into sight when drawn next
    std::optional<DescribedInWindow> coming_into_view;  // that widget, found in this frame
    std::string page_focus;                    // the described widget whose element took the page's focus:
                                               // keyboard navigation moves to it when it is drawn next
};

// Makes `marks` the current ImGui context's marks (at start-up, after ImGui::CreateContext).
void use_view_marks(ViewMarks& marks);
ViewMarks& view_marks();

// Records the last item's box (display pixels) under `name`.
void note_last_item(const std::string& name);
void note_widget(const std::string& name, ImVec2 min, ImVec2 max);

// Widens `box` to take in `other` too (a tab list around its tabs); an empty box becomes `other`.
void grow_box(WidgetBox& box, const WidgetBox& other);

// Forgets the described widgets of the previous frame (at the start of a frame).
void start_describing_frame();
// After the views drew: the widget asked for with bring_into_view, if drawn, is scrolled into
// sight (in the next frame) by its final box: some are boxed after they are described (a row
// around its cells).
void finish_describing_frame();
// Adds an item to this frame's described widgets. The reference returned stays valid until the
// next item is described.
AccessibleItem& describe(std::string key, Role role, std::string name, WidgetBox box = {});
// Describes the last item: its box, disabled when drawn disabled, focused when keyboard
// navigation is on it. `key` defaults to the item's ImGui id.
AccessibleItem& describe_last_item(Role role, std::string name, std::string key = {});
// Both at once for a widget automation knows: its box under `widget`, and its description keyed
// by that name.
AccessibleItem& note_last_item(const std::string& widget, Role role, std::string name);
// Whether ImGui's keyboard navigation is on the widget `id` (and shown: not after a mouse click).
bool has_keyboard_focus(ImGuiID id);
// When the page's focus moved to the element of the widget described under `key` (ViewMarks::
// page_focus), moves ImGui's keyboard navigation to that widget, `id`, shown as with a key. Call
// in the widget's window, before or after drawing it.
void follow_page_focus(const std::string& key, ImGuiID id);
// The box of a frame-high widget about to be drawn at the cursor with the next item's width: a
// combo box's, measured before BeginCombo (whose open list then becomes the last item).
WidgetBox next_frame_box();
// Describes the window being drawn (an open combo box's list) under `key`.
AccessibleItem& describe_current_window(std::string key, Role role, std::string name);

// Describes the last item as a slider or number field with its value and bounds.
AccessibleItem& describe_last_range(Role role, std::string name, double value, double min, double max, double step,
                                    std::string key = {});
// The value assistive technology asked for the widget described under `key` (once), clamped by
// the caller; the widget applies it as if the user had typed it.
std::optional<double> take_requested_value(const std::string& key);

// Brings `screen` forward in the next frame (a "go to" button).
void request_screen(Screen screen);

}  // namespace radar::ui
