// The audit a batch recorded at its commit (see batch_audit_view.hpp): a batch chooser, the band
// of that day, and per grouping a table of groups with their selection rate and disparity.
#include "ui/batch_audit_view.hpp"

#include <cstdio>
#include <string>
#include <vector>

#include "core/reporting/report_summary.hpp"
#include "session/i18n.hpp"
#include "session/value_labels.hpp"
#include "ui/collapsing_section.hpp"
#include "ui/described_combo.hpp"
#include "ui/described_widgets.hpp"
#include "ui/item_marks.hpp"
#include "ui/text_widgets.hpp"

namespace radar::ui {
namespace {

constexpr const char* dash = "\xE2\x80\x93";

std::string ratio_text(const RecordedGroup& group) {
    if (group.reference) return decimal_text(1.0, 2);
    if (!group.ratio) return dash;
    std::string text = decimal_text(*group.ratio, 2);
    if (group.ratio_low && group.ratio_high)
        text += " (" + decimal_text(*group.ratio_low, 2) + " " + dash + " " + decimal_text(*group.ratio_high, 2) + ")";
    if (group.in_band == false) text += std::string("  ") + tr(TextId::audit_outside_band);
    return text;
}

void recorded_table(const RecordedGrouping& grouping, std::size_t index, const std::string& name) {
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(("commit_table" + std::to_string(index)).c_str(), 6, flags)) return;
    ImGui::TableSetupColumn(tr(TextId::audit_column_group), ImGuiTableColumnFlags_WidthStretch, 1.8f);
    ImGui::TableSetupColumn(tr(TextId::audit_column_dossiers), ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn(tr(TextId::audit_column_selected), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn(tr(TextId::audit_column_control), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn(tr(TextId::audit_column_selection_rate), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(TextId::audit_column_disparity), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    MirroredTable table("commit-table:" + std::to_string(index), name);
    table.wrapped_headers_row();
    for (const RecordedGroup& group : grouping.groups) {
        table.next_row();
        std::string group_name = group.group.empty() ? tr(TextId::audit_empty_group) : group.group;
        if (group.reference) group_name += std::string("  ") + tr(TextId::audit_reference_mark);
        if (group.too_few) group_name += std::string("  ") + tr(TextId::audit_too_few);
        table.wrapped_cell(group_name);
        table.wrapped_cell(std::to_string(group.dossiers));
        table.wrapped_cell(std::to_string(group.selected));
        table.wrapped_cell(std::to_string(group.control));
        table.wrapped_cell(group.selection_rate ? format_percent(*group.selection_rate, language()) : dash);
        table.wrapped_cell(ratio_text(group));
    }
    table.finish();
    ImGui::EndTable();
}

}  // namespace

void draw_audits_at_commit(const Session& state, const Fonts& fonts, std::string& shown_batch) {
    section_title(tr(TextId::audit_at_commit_title), fonts);
    ImGui::PushTextWrapPos(0.0f);
    wrapped_muted_text(tr(TextId::audit_at_commit_intro));
    ImGui::PopTextWrapPos();
    const std::vector<FrozenBatch>& batches = state.frozen_batches();
    if (batches.empty()) {
        ImGui::TextUnformatted(tr(TextId::audit_at_commit_none));
        describe_last_item(Role::status, tr(TextId::audit_at_commit_none), "audit-at-commit");
        return;
    }
    const FrozenBatch* shown = &batches.back();
    for (const FrozenBatch& batch : batches)
        if (batch.batch_id == shown_batch) shown = &batch;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(TextId::audit_at_commit_batch));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
    DescribedCombo combo("##audit_commit_batch", tr(TextId::audit_at_commit_batch), shown->batch_id);
    if (combo.open())
        for (auto batch = batches.rbegin(); batch != batches.rend(); ++batch)
            if (combo.option(batch->batch_id, &*batch == shown)) shown_batch = batch->batch_id;
    combo.end();
    note_last_item("audit-commit-batch");
    if (!shown->audit_at_commit) {
        ImGui::TextUnformatted(tr(TextId::audit_at_commit_missing));
        describe_last_item(Role::status, tr(TextId::audit_at_commit_missing), "audit-at-commit");
        return;
    }
    const BatchAuditRecord& record = *shown->audit_at_commit;
    char line[1024];
    std::snprintf(line, sizeof line, tr(TextId::audit_at_commit_line), date_time_text(shown->created_at).c_str(),
                  shown->created_by.c_str(), decimal_text(record.band_low, 2).c_str(),
                  decimal_text(record.band_high, 2).c_str(),
                  counted_text(CountedText::dossiers, record.min_group_size).c_str());
    wrapped_text(line);
    describe_last_item(Role::status, line, "audit-at-commit");
    for (std::size_t i = 0; i < record.groupings.size(); ++i) {
        const RecordedGrouping& grouping = record.groupings[i];
        std::string header = grouping_label(state.field_dictionary(), grouping.grouping);
        if (grouping.protected_attribute) header += std::string("  ") + tr(TextId::audit_protected_mark);
        if (!collapsing_section(header, "commit_grouping" + std::to_string(i), i == 0)) continue;
        std::snprintf(line, sizeof line, tr(TextId::audit_at_commit_reference), grouping.reference_group.c_str(),
                      grouping.reference_chosen ? tr(TextId::audit_reference_chosen) : tr(TextId::audit_reference_largest));
        ImGui::TextUnformatted(line);
        describe_last_item(Role::status, line, "audit-at-commit-reference:" + std::to_string(i));
        recorded_table(grouping, i, header);
    }
}

}  // namespace radar::ui
