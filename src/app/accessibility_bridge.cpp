// The described widgets as JSON for web/accessibility_layer.js, through exported C functions.
// A frame's widgets are compared with the published ones field by field; the JSON text is built
// only when the page asks for it, once per change (the page reads it at most every so often
// while a list scrolls).
#include "app/accessibility_bridge.hpp"

#include <emscripten/emscripten.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ui/text_field_focus.hpp"

namespace radar::app {
namespace {

// What assistive technology must hear of at once: where ImGui's keyboard focus is, which dialog
// is open, and what the statuses and announced widgets say.
struct Signals {
    std::string focused_key;
    std::string dialog_key;
    std::vector<std::string> spoken;  // key and text of each status and announced widget

    bool operator==(const Signals& other) const {
        return focused_key == other.focused_key && dialog_key == other.dialog_key && spoken == other.spoken;
    }
};

std::vector<ui::AccessibleItem> published;
int published_version = 0;
Signals published_signals;
int signals_version = 0;
std::string items_text = "[]";
int text_version = 0;

bool same_box(const ui::WidgetBox& a, const ui::WidgetBox& b) {
    return a.left == b.left && a.top == b.top && a.right == b.right && a.bottom == b.bottom;
}

bool same_item(const ui::AccessibleItem& a, const ui::AccessibleItem& b) {
    return a.key == b.key && a.role == b.role && a.name == b.name && a.value == b.value && a.container == b.container &&
           same_box(a.box, b.box) && a.checked == b.checked && a.selected == b.selected && a.disabled == b.disabled &&
           a.announced == b.announced && a.level == b.level && a.row_index == b.row_index && a.row_count == b.row_count &&
           a.has_range == b.has_range && a.value_now == b.value_now && a.value_min == b.value_min &&
           a.value_max == b.value_max && a.value_step == b.value_step && a.expanded == b.expanded &&
           a.expandable == b.expandable && a.modeless == b.modeless && a.focused == b.focused && a.activatable == b.activatable;
}

bool same_items(const std::vector<ui::AccessibleItem>& a, const std::vector<ui::AccessibleItem>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!same_item(a[i], b[i])) return false;
    return true;
}

Signals signals_of(const std::vector<ui::AccessibleItem>& items) {
    Signals signals;
    for (const ui::AccessibleItem& item : items) {
        if (item.focused && signals.focused_key.empty()) signals.focused_key = item.key;
        if (item.role == ui::Role::dialog && !item.modeless && signals.dialog_key.empty()) signals.dialog_key = item.key;
        if (item.role == ui::Role::status || item.announced) {
            signals.spoken.push_back(item.key);
            signals.spoken.push_back(item.name);
        }
    }
    return signals;
}

// One widget; fields at their default are left out to keep the text short.
nlohmann::json item_json(const ui::AccessibleItem& item) {
    nlohmann::json json = {{"key", item.key},
                           {"role", ui::role_code(item.role)},
                           {"name", item.name},
                           {"box", {item.box.left, item.box.top, item.box.right, item.box.bottom}}};
    if (!item.value.empty()) json["value"] = item.value;
    if (!item.container.empty()) json["container"] = item.container;
    if (item.checked) json["checked"] = true;
    if (item.selected) json["selected"] = true;
    if (item.disabled) json["disabled"] = true;
    if (item.announced) json["announced"] = true;
    if (item.level) json["level"] = item.level;
    if (item.row_index) json["rowIndex"] = item.row_index;
    if (item.row_count) json["rowCount"] = item.row_count;
    if (item.has_range) json["range"] = {item.value_now, item.value_min, item.value_max, item.value_step};
    if (item.expanded) json["expanded"] = true;
    if (item.expandable) json["expandable"] = true;
    if (item.modeless) json["modeless"] = true;
    if (item.focused) json["focused"] = true;
    if (item.activatable) json["activatable"] = true;
    return json;
}

const std::string& published_text() {
    if (text_version == published_version) return items_text;
    nlohmann::json items = nlohmann::json::array();
    for (const ui::AccessibleItem& item : published) items.push_back(item_json(item));
    // Texts cut by a frame (a hostile file's header) may end inside a UTF-8 character: replaced.
    items_text = items.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    text_version = published_version;
    return items_text;
}

}  // namespace

void publish_accessible_items(const ui::ViewMarks& marks) {
    if (same_items(marks.accessible, published)) return;
    published = marks.accessible;
    ++published_version;
    Signals signals = signals_of(published);
    if (signals == published_signals) return;
    published_signals = std::move(signals);
    ++signals_version;
}

}  // namespace radar::app

extern "C" {

// Changes whenever the described widgets do.
EMSCRIPTEN_KEEPALIVE int radar_accessibility_version() { return radar::app::published_version; }

// Changes whenever ImGui's keyboard focus moves, a dialog opens or closes, or a status or an
// announced widget says something else: changes the page applies at once.
EMSCRIPTEN_KEEPALIVE int radar_accessibility_signals_version() { return radar::app::signals_version; }

// The described widgets of the last frame, in drawing order (JSON array).
EMSCRIPTEN_KEEPALIVE const char* radar_accessibility_items() { return radar::app::published_text().c_str(); }

// A value for the slider or number field described under `key`, applied when it is drawn next.
EMSCRIPTEN_KEEPALIVE void radar_set_accessible_value(const char* key, double value) {
    radar::ui::view_marks().requested_value = radar::ui::RequestedValue{key, value};
}

// Scrolls the widget described under `key` into sight when it is drawn next (the layer before it
// clicks a widget, and when one of its elements takes the focus).
EMSCRIPTEN_KEEPALIVE void radar_bring_into_view(const char* key) { radar::ui::view_marks().bring_into_view = key; }

// ImGui's keyboard navigation goes to the widget described under `key` when it is drawn next:
// its element took the page's focus ("" when the focus left the layer: no move is pending).
EMSCRIPTEN_KEEPALIVE void radar_focus_from_page(const char* key) { radar::ui::view_marks().page_focus = key; }

// Whether the navigation has yet to go where the page's focus went (its widget not drawn since).
EMSCRIPTEN_KEEPALIVE int radar_page_focus_pending() { return radar::ui::view_marks().page_focus.empty() ? 0 : 1; }

// Whether a text field of the app is editing now (then Tab stays in the app). Not ImGui's
// WantTextInput, which says so for one frame more after an edit ended.
EMSCRIPTEN_KEEPALIVE int radar_wants_text_input() { return radar::ui::text_field_is_editing() ? 1 : 0; }

}  // extern "C"
