// Mapping editor in the import review. A change reads the kept file again (ImportSession::assign)
// so the summary and problems always describe the mapping shown.
#include "ui/import_mapping_view.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "session/i18n.hpp"
#include "ui/session_names.hpp"
#include "ui/described_combo.hpp"
#include "ui/item_marks.hpp"
#include "ui/narrow_layout.hpp"
#include "ui/table_marks.hpp"
#include "ui/text_widgets.hpp"
#include "ui/theme.hpp"

namespace radar::ui {
namespace {

std::string field_label(const FieldSpec& field) {
    std::string label = language() == Language::dutch ? field.label_nl : field.label_en;
    if (label.empty()) label = field.name;
    if (field.protected_attribute) label += tr(TextId::import_protected_mark);
    return label;
}

// The combo of one file column: "extra attribute" or one of the dictionary's fields.
void column_combo(ImportSession& session, std::size_t index, const ImportedColumn& column) {
    const FieldDictionary& dictionary = session.dictionary();
    const FieldSpec* current = column.field.empty() ? nullptr : dictionary.find(column.field);
    const std::string preview = current ? field_label(*current) : tr(TextId::import_extra_attribute);
    ImGui::PushID(static_cast<int>(index));
    ImGui::SetNextItemWidth(-1.0f);
    DescribedCombo combo("##field", column.header + ": " + tr(TextId::import_column_field), preview);
    if (combo.open()) {
        if (combo.option(tr(TextId::import_extra_attribute), !current) && current) session.assign(index, "");
        for (const FieldSpec& field : dictionary.fields) {
            const bool selected = current == &field;
            if (combo.option(field_label(field), selected) && !selected) session.assign(index, field.name);
        }
    }
    combo.end();
    ImGui::PopID();
}

constexpr ValueKind all_kinds[] = {ValueKind::whole_number, ValueKind::number, ValueKind::date,
                                   ValueKind::boolean,      ValueKind::category, ValueKind::text};

// The type of one file column: a field's own type, or for an extra attribute the inferred or
// chosen type with a combo to choose another ("kind:<header>" for automation).
void kind_cell(ImportSession& session, std::size_t index, const ImportedColumn& column) {
    ImGui::AlignTextToFramePadding();
    if (!column.extra) {
        ImGui::TextDisabled("%s", kind_label(column.kind));
        return;
    }
    const std::string preview =
        std::string(kind_label(column.kind)) + tr(column.kind_chosen ? TextId::kind_chosen_mark : TextId::kind_inferred_mark);
    ImGui::PushID(static_cast<int>(index));
    ImGui::SetNextItemWidth(-1.0f);
    DescribedCombo combo("##kind", column.header + ": " + tr(TextId::import_column_type), preview);
    if (combo.open()) {
        if (combo.option(tr(TextId::kind_infer_again), !column.kind_chosen) && column.kind_chosen)
            session.choose_kind(index, std::nullopt);
        for (ValueKind kind : all_kinds) {
            const bool selected = column.kind_chosen && column.kind == kind;
            if (combo.option(kind_label(kind), selected) && !selected) session.choose_kind(index, kind);
        }
    }
    combo.end();
    note_last_item("kind:" + column.header);
    if (ImGui::IsItemHovered()) {
        // Wrapped at a readable width.
        ImGui::BeginTooltip();
        push_tooltip_wrap(28.0f);
        ImGui::TextUnformatted(tr(TextId::kind_tooltip));
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    ImGui::PopID();
}

}  // namespace

const char* kind_label(ValueKind kind) {
    switch (kind) {
    case ValueKind::text: return tr(TextId::kind_text);
    case ValueKind::category: return tr(TextId::kind_category);
    case ValueKind::whole_number: return tr(TextId::kind_whole_number);
    case ValueKind::number: return tr(TextId::kind_number);
    case ValueKind::date: return tr(TextId::kind_date);
    case ValueKind::boolean: return tr(TextId::kind_boolean);
    }
    return "";
}

void draw_store_save_status(const Session& state, const SaveStatus& status) {
    if (status.phase == SavePhase::saving) {
        ImGui::TextDisabled("%s", tr(TextId::saving));
    } else if (status.phase == SavePhase::saved) {
        ImGui::TextColored(ImColor(palette::saved_text), "%s",
                           state.storage_mode() == StoreMode::memory_only ? tr(TextId::saved_in_memory) : tr(TextId::saved));
    } else {
        ImGui::TextColored(ImColor(palette::error_text), tr(TextId::save_error), status.error_name.c_str());
    }
}

void draw_mapping_profile_bar(Session& state, ImportSession& session, std::array<char, 64>& name) {
    const ImportResult& result = *session.result();
    const float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(TextId::import_profile_label));
    same_line_if_fits(em * 14.0f);
    ImGui::SetNextItemWidth(em * 14.0f);
    bool edited = false;
    for (const ImportedColumn& column : result.columns)
        edited = edited || column.origin == MappingOrigin::profile || column.origin == MappingOrigin::profile_extra;
    const std::string shown = !result.mapping_profile.empty() ? result.mapping_profile
                              : tr(edited ? TextId::import_profile_edited : TextId::import_profile_automatic);
    DescribedCombo combo("##profile", tr(TextId::import_profile_label), shown);
    if (combo.open()) {
        if (combo.option(tr(TextId::import_profile_automatic), false)) session.apply_profile(std::nullopt);
        for (const MappingProfile& profile : state.mapping_profiles())
            if (combo.option(profile.name, profile.name == result.mapping_profile)) session.apply_profile(profile);
    }
    combo.end();
    note_last_item("combo:profile");
    if (!session.result()) return;  // a profile was chosen: the file is being read again
    same_line_if_fits(em * 14.0f);
    ImGui::SetNextItemWidth(em * 12.0f);
    fit_next_item_width();
    ImGui::InputTextWithHint("##profile-name", tr(TextId::import_profile_name_hint), name.data(), name.size());
    describe_last_item(Role::textbox, tr(TextId::import_profile_name_hint), "import-profile-name").value = name.data();
    same_line_if_fits(button_width(tr(TextId::import_profile_save)));
    ImGui::BeginDisabled(name[0] == '\0');
    if (ImGui::Button(tr(TextId::import_profile_save)))
        state.save_mapping_profile(profile_from_mappings(name.data(), result.mappings()));
    ImGui::EndDisabled();
    note_last_item("button:save-profile", Role::button, tr(TextId::import_profile_save));
    if (state.profile_save()) {
        same_line_if_fits(ImGui::GetFontSize() * 8.0f);
        draw_store_save_status(state, *state.profile_save());
    }
    if (!session.matched_profile().empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(ImColor(palette::saved_text), tr(TextId::import_profile_matched), session.matched_profile().c_str());
        ImGui::PopTextWrapPos();
    }
}

void draw_mapping_table(ImportSession& session, float space_below) {
    const ImportResult& result = *session.result();
    if (!result.fields_not_found.empty()) {
        std::string fields;
        for (const std::string& name : result.fields_not_found) {
            const FieldSpec* field = session.dictionary().find(name);
            fields += (fields.empty() ? "" : ", ") + (field ? field_label(*field) : name);
        }
        wrapped_text(filled(TextId::import_unmapped_fields, {fields}));
    }
    // Half of what is left when the problems table below gets the rest; all of it but the line
    // that says there are no problems when there are none; at least four rows (a short window
    // scrolls as a whole).
    const float em = ImGui::GetFontSize();
    const float left = ImGui::GetContentRegionAvail().y - space_below;
    const float height = std::max(em * 11.0f, result.diagnostics.empty() ? left - ImGui::GetTextLineHeightWithSpacing() : left * 0.5f);
    // In a narrow window the columns keep a readable width and the table scrolls sideways.
    const bool narrow = narrow_room();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp | (narrow ? ImGuiTableFlags_ScrollX : 0);
    if (!ImGui::BeginTable("mapping", 4, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(narrow ? 1 : 0, 1);
    if (narrow) {
        ImGui::TableSetupColumn(tr(TextId::import_column_header), ImGuiTableColumnFlags_WidthFixed, em * 8.0f);
        ImGui::TableSetupColumn(tr(TextId::import_column_field), ImGuiTableColumnFlags_WidthFixed, em * 12.0f);
        ImGui::TableSetupColumn(tr(TextId::import_column_type), ImGuiTableColumnFlags_WidthFixed, em * 8.0f);
        ImGui::TableSetupColumn(tr(TextId::import_column_role), ImGuiTableColumnFlags_WidthFixed, em * 10.0f);
    } else {
        ImGui::TableSetupColumn(tr(TextId::import_column_header));
        ImGui::TableSetupColumn(tr(TextId::import_column_field), ImGuiTableColumnFlags_WidthStretch, 1.5f);
        ImGui::TableSetupColumn(tr(TextId::import_column_type), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(tr(TextId::import_column_role));
    }
    DescribedTable table("import-mapping", tr(TextId::import_mapping_title));
    // The combo may start a new read, which drops the result: draw from a copy of the columns.
    const std::vector<ImportedColumn> columns = result.columns;
    for (std::size_t index = 0; index < columns.size(); ++index) {
        const ImportedColumn& column = columns[index];
        table.next_row();
        table.next_cell(column.header);
        ImGui::AlignTextToFramePadding();
        fitted_text(column.header);
        table.next_cell("");
        column_combo(session, index, column);
        table.next_cell(column.extra ? "" : kind_label(column.kind));
        kind_cell(session, index, column);
        const char* role = tr(column.protected_attribute ? TextId::import_role_protected
                              : column.extra              ? TextId::import_role_extra
                                                          : TextId::import_role_field);
        table.next_cell(role);
        ImGui::AlignTextToFramePadding();
        if (column.protected_attribute) ImGui::PushStyleColor(ImGuiCol_Text, palette::error_text);
        ImGui::TextUnformatted(role);
        if (column.protected_attribute) ImGui::PopStyleColor();
    }
    table.end();
}

}  // namespace radar::ui
