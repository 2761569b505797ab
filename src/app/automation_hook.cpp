// Exported C functions called from index.html's window.radar object via ccall.
#include "app/automation_hook.hpp"

#include <emscripten/emscripten.h>

#include <nlohmann/json.hpp>
#include <string>

#include "ui/i18n.hpp"

namespace radar::app {
namespace {
ui::AppState* attached_state = nullptr;
const ui::Fonts* attached_fonts = nullptr;
}  // namespace

void attach_automation_hook(ui::AppState* state, const ui::Fonts* fonts) {
    attached_state = state;
    attached_fonts = fonts;
}

}  // namespace radar::app

extern "C" {

// A JSON snapshot: language, dataset size, visible rows and the first visible ones.
EMSCRIPTEN_KEEPALIVE const char* radar_info() {
    using radar::app::attached_state;
    static std::string text;
    nlohmann::json info;
    info["language"] = radar::ui::language_code();
    info["fontEmbedded"] = radar::app::attached_fonts && radar::app::attached_fonts->embedded;
    if (attached_state) {
        const auto& state = *attached_state;
        info["dossiers"] = state.dataset().row_count();
        info["visible"] = state.visible_rows().size();
        info["synthetic"] = state.is_synthetic();
        info["exportDate"] = radar::format_iso_date(state.export_date());
        info["referenceDate"] = radar::format_iso_date(state.reference_date());
        info["filter"] = state.filter().text;
        if (state.selected_row()) info["selected"] = state.id(*state.selected_row());
        nlohmann::json top = nlohmann::json::array();
        for (std::size_t i = 0; i < state.visible_rows().size() && i < 10; ++i) {
            const std::size_t row = state.visible_rows()[i];
            top.push_back({{"rank", state.rank_of(row)}, {"id", state.id(row)}, {"name", state.name(row)},
                           {"score", state.scores()[row].points}});
        }
        info["top"] = top;
    }
    text = info.dump();
    return text.c_str();
}

EMSCRIPTEN_KEEPALIVE void radar_set_filter(const char* text) {
    if (radar::app::attached_state) radar::app::attached_state->set_text_filter(text ? text : "");
}

// Accepts "nl" or "en"; anything else is ignored and returns 0.
EMSCRIPTEN_KEEPALIVE int radar_set_language(const char* code) {
    const std::string value = code ? code : "";
    if (value == "nl") radar::ui::set_language(radar::ui::Language::dutch);
    else if (value == "en") radar::ui::set_language(radar::ui::Language::english);
    else return 0;
    return 1;
}

}
