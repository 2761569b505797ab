// The described widgets as JSON for web/accessibility_layer.js, through exported C functions.
#include "app/accessibility_bridge.hpp"

#include <emscripten/emscripten.h>
#include <imgui.h>

#include <nlohmann/json.hpp>
#include <string>

namespace radar::app {
namespace {

std::string published_items = "[]";
int published_version = 0;

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
    if (item.focused) json["focused"] = true;
    if (item.activatable) json["activatable"] = true;
    return json;
}

}  // namespace

void publish_accessible_items(const ui::ViewMarks& marks) {
    nlohmann::json items = nlohmann::json::array();
    for (const ui::AccessibleItem& item : marks.accessible) items.push_back(item_json(item));
    // Texts cut by a frame (a hostile file's header) may end inside a UTF-8 character: replaced.
    std::string text = items.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (text == published_items) return;
    published_items = std::move(text);
    ++published_version;
}

}  // namespace radar::app

extern "C" {

// Changes whenever the described widgets do.
EMSCRIPTEN_KEEPALIVE int radar_accessibility_version() { return radar::app::published_version; }

// The described widgets of the last frame, in drawing order (JSON array).
EMSCRIPTEN_KEEPALIVE const char* radar_accessibility_items() { return radar::app::published_items.c_str(); }

// A value for the slider or number field described under `key`, applied when it is drawn next.
EMSCRIPTEN_KEEPALIVE void radar_set_accessible_value(const char* key, double value) {
    radar::ui::view_marks().requested_value = radar::ui::RequestedValue{key, value};
}

// Scrolls the widget described under `key` into sight when it is drawn next (the layer before it
// clicks a widget, and when one of its elements takes the focus).
EMSCRIPTEN_KEEPALIVE void radar_bring_into_view(const char* key) { radar::ui::view_marks().bring_into_view = key; }

// Whether a text field of the app has the keyboard (then Tab stays in the app).
EMSCRIPTEN_KEEPALIVE int radar_wants_text_input() { return ImGui::GetIO().WantTextInput ? 1 : 0; }

}  // extern "C"
