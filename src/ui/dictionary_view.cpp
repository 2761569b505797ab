// Loading a custom field dictionary in the app: the file is read whole, checked with the same code
// as `radar --fields` (Session::load_custom_dictionary), and stored; a refused file changes nothing.
#include "ui/dictionary_view.hpp"

#include <cstdio>
#include <optional>
#include <string>

#include "platform/platform.hpp"
#include "session/i18n.hpp"
#include "ui/import_mapping_view.hpp"
#include "ui/item_marks.hpp"
#include "ui/narrow_layout.hpp"
#include "ui/theme.hpp"
#include "session/whole_file_sink.hpp"
#include "ui/session_names.hpp"
#include "ui/text_widgets.hpp"

namespace radar::ui {
namespace {

void take_picked_file(Session& state, DictionaryState& dictionary) {
    std::optional<PickedFile> file = dictionary.sink.take_finished();
    if (!file) return;
    dictionary.refusal.reset();
    dictionary.loaded_file.clear();
    const std::string refusal = file->error.empty() ? state.load_custom_dictionary(file->bytes, file->name) : file->error;
    if (refusal.empty()) dictionary.loaded_file = file->name;
    else dictionary.refusal = refusal;
}

}  // namespace

void draw_dictionary_bar(Session& state, DictionaryState& dictionary) {
    take_picked_file(state, dictionary);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(TextId::dictionary_label));
    ImGui::SameLine();
    const std::string& custom = state.custom_dictionary_name();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(custom.empty() ? tr(TextId::dictionary_built_in) : custom.c_str());
    same_line_if_fits(button_width(tr(TextId::dictionary_load)));
    ImGui::BeginDisabled(dictionary.sink.reading());
    const bool load_clicked = ImGui::Button(tr(TextId::dictionary_load));
    note_last_item("button:load-dictionary", Role::button,
                   std::string(tr(TextId::dictionary_label)) + " " +
                       (custom.empty() ? tr(TextId::dictionary_built_in) : custom) + ": " + tr(TextId::dictionary_load));
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        // Wrapped at a readable width.
        ImGui::BeginTooltip();
        push_tooltip_wrap(28.0f);
        ImGui::TextUnformatted(tr(TextId::dictionary_tooltip));
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    if (load_clicked) {
        platform::set_file_sink(&dictionary.sink);
        platform::request_file_open(".json,application/json");
    }
    if (!custom.empty()) {
        same_line_if_fits(button_width(tr(TextId::dictionary_use_built_in)));
        if (ImGui::Button(tr(TextId::dictionary_use_built_in))) {
            state.use_built_in_dictionary();
            dictionary.refusal.reset();
            dictionary.loaded_file.clear();
        }
        note_last_item("button:built-in-dictionary", Role::button, tr(TextId::dictionary_use_built_in));
    }
    if (state.dictionary_save()) {
        ImGui::SameLine();
        draw_store_save_status(state, *state.dictionary_save());
    }
    if (dictionary.refusal) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette::error_text);
        wrapped_text(filled(TextId::dictionary_refused, {*dictionary.refusal}));
        describe_last_item(Role::status, filled(TextId::dictionary_refused, {*dictionary.refusal}), "dictionary-message");
        ImGui::PopStyleColor();
    } else if (!dictionary.loaded_file.empty() && dictionary.loaded_file == custom) {
        ImGui::TextColored(ImColor(palette::saved_text), tr(TextId::dictionary_loaded), dictionary.loaded_file.c_str());
        describe_last_item(Role::status, filled(TextId::dictionary_loaded, {dictionary.loaded_file}), "dictionary-message");
    }
}

}  // namespace radar::ui
