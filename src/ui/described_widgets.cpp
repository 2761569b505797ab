// Self-describing widgets (see described_widgets.hpp).
#include "ui/described_widgets.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include <imgui_internal.h>

#include "ui/narrow_layout.hpp"
#include "ui/text_widgets.hpp"

namespace radar::ui {

void section_heading(const char* title, const Fonts& fonts) {
    ImGui::Spacing();
    ImGui::PushFont(fonts.strong);
    wrapped_text(title);
    ImGui::PopFont();
    describe_heading(title, 2, std::string("section:") + title);
    ImGui::Separator();
}

void describe_heading(const std::string& text, int level, const std::string& key) {
    describe_last_item(Role::heading, text, key).level = level;
}

void describe_paragraph(const std::string& text, const std::string& key) {
    describe_last_item(Role::paragraph, text, key);
}

bool begin_described_combo(const char* id, const std::string& key, const std::string& name, const char* preview) {
    // The combo's frame, known before it is drawn: an open combo's popup becomes the last item.
    fit_next_item_width();
    const WidgetBox box = next_frame_box();
    const ImGuiID widget_id = ImGui::GetID(id);
    follow_page_focus(key, widget_id);
    const bool open = ImGui::BeginCombo(id, preview);
    note_widget(key, ImVec2(box.left, box.top), ImVec2(box.right, box.bottom));
    AccessibleItem& combo = describe(key, Role::combobox, name, box);
    combo.value = preview;
    combo.expanded = open;
    combo.focused = has_keyboard_focus(widget_id);
    if (open) describe_current_window(key + ":list", Role::listbox, name);
    return open;
}

bool described_option(const std::string& combo_key, const char* label, bool selected) {
    const bool chosen = ImGui::Selectable(label, selected);
    AccessibleItem& option = describe_last_item(Role::option, label, combo_key + ":" + label);
    option.selected = selected;
    option.container = combo_key + ":list";
    return chosen;
}

void describe_disclosure(const std::string& name, const std::string& key, bool open) {
    AccessibleItem& item = describe_last_item(Role::button, name, key);
    item.expandable = true;
    item.expanded = open;
}

bool described_radio(const char* label, bool active, const std::string& key) {
    const bool clicked = ImGui::RadioButton(label, active);
    note_last_item(key);
    describe_last_item(Role::button, label, key).selected = active;
    return clicked;
}

bool described_checkbox(const char* label, bool& value, const std::string& key) {
    ImGui::PushID(key.c_str());
    bool changed = ImGui::Checkbox("##box", &value);
    note_last_item(key);
    AccessibleItem& described = describe_last_item(Role::checkbox, label, key);
    ImGui::SameLine(0.0f, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(0.0f);
    wrapped_text(label);
    ImGui::PopTextWrapPos();
    if (ImGui::IsItemClicked()) {
        value = !value;
        changed = true;
    }
    described.checked = value;
    ImGui::PopID();
    return changed;
}

bool described_input_int(const char* id, const std::string& key, const std::string& name, int& value, int min, int max) {
    bool changed = ImGui::InputInt(id, &value);
    note_last_item(key);
    describe_last_range(Role::spinbutton, name, value, min, max, 1, key).value = std::to_string(value);
    if (const std::optional<double> asked = take_requested_value(key)) {
        value = std::clamp(static_cast<int>(std::lround(*asked)), min, max);
        changed = true;
    }
    return changed;
}

MirroredTable::MirroredTable(std::string key, std::string name)
    : key_(std::move(key)), table_at_(view_marks().accessible.size()) {
    describe(key_, Role::table, std::move(name));
}

void MirroredTable::headers_row() {
    const float top = ImGui::GetCursorScreenPos().y;
    ImGui::TableHeadersRow();
    const float bottom = top + ImGui::TableGetHeaderRowHeight();
    start_header_row();
    const ImGuiTable* table = ImGui::GetCurrentTable();
    for (int column = 0; column < ImGui::TableGetColumnCount(); ++column) {
        const ImGuiTableColumn& edges = table->Columns[column];
        describe(row_key_ + ":" + std::to_string(column), Role::columnheader, ImGui::TableGetColumnName(column),
                 WidgetBox{edges.MinX, top, edges.MaxX, bottom})
            .container = row_key_;
    }
}

void MirroredTable::wrapped_headers_row() {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    start_header_row();
    for (int column = 0; column < ImGui::TableGetColumnCount(); ++column) {
        ImGui::TableSetColumnIndex(column);
        const char* name = ImGui::TableGetColumnName(column);
        header(name);
        wrapped_cell_text(name);
    }
}

void MirroredTable::start_header_row() {
    row_key_ = key_ + ":header";
    rows_at_.push_back(view_marks().accessible.size());
    AccessibleItem& row = describe(row_key_, Role::row, "");
    row.container = key_;
    row.row_index = ++rows_;
}

void MirroredTable::header(const std::string& text) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    describe(row_key_ + ":" + std::to_string(ImGui::TableGetColumnIndex()), Role::columnheader, text,
             WidgetBox{at.x, at.y, at.x + ImGui::GetContentRegionAvail().x, at.y + ImGui::GetTextLineHeight()})
        .container = row_key_;
}

void MirroredTable::next_row() {
    ImGui::TableNextRow();
    row_key_ = key_ + ":" + std::to_string(rows_ + 1);
    rows_at_.push_back(view_marks().accessible.size());
    AccessibleItem& row = describe(row_key_, Role::row, "");
    row.container = key_;
    row.row_index = ++rows_;
}

void MirroredTable::describe_cell(const std::string& text) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    describe(row_key_ + ":" + std::to_string(ImGui::TableGetColumnIndex()), Role::cell, text,
             WidgetBox{at.x, at.y, at.x + ImGui::GetContentRegionAvail().x, at.y + ImGui::GetTextLineHeight()})
        .container = row_key_;
}

void MirroredTable::cell(const std::string& text) {
    ImGui::TableNextColumn();
    describe_cell(text);
    ImGui::TextUnformatted(text.c_str());
}

void MirroredTable::wrapped_cell(const std::string& text) {
    ImGui::TableNextColumn();
    describe_cell(text);
    wrapped_cell_text(text);
}

void MirroredTable::finish() {
    std::vector<AccessibleItem>& items = view_marks().accessible;
    std::map<std::string, std::size_t> row_of;
    for (std::size_t at : rows_at_) row_of[items[at].key] = at;
    for (std::size_t i = table_at_ + 1; i < items.size(); ++i) {
        const auto row = row_of.find(items[i].container);
        if (row != row_of.end()) grow_box(items[row->second].box, items[i].box);
    }
    for (std::size_t at : rows_at_) grow_box(items[table_at_].box, items[at].box);
    items[table_at_].row_count = rows_;
}

}  // namespace radar::ui
