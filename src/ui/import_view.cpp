// Import screen: file choice, progress with cancel, and the review (summary, mapping, problems,
// downloads of the diagnostics and rejected rows) ending in accept or cancel.
#include "ui/import_view.hpp"

#include <algorithm>
#include <string>

#include "import/import_report.hpp"
#include "platform/file_transfer.hpp"
#include "platform/platform.hpp"
#include "ui/i18n.hpp"

namespace radar::ui {
namespace {

constexpr const char* accepted_files = ".csv,.tsv,.txt,.json,.ndjson";

// Records the last item's box for automation under `name`.
void note_last_item(AppState& state, const std::string& name) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    state.note_widget(name, {min.x, min.y, max.x, max.y});
}

std::string megabytes(std::uint64_t bytes) { return one_decimal(static_cast<double>(bytes) / 1e6) + " MB"; }

void choose_file(AppState& state, ImportSession& session) {
    ImGui::TextWrapped("%s", tr(TextId::import_intro));
    // Dropped files come here while this screen is idle (the model screen may have claimed them).
    if (platform::file_sink() != &session) platform::set_file_sink(&session);
    if (ImGui::Button(tr(TextId::import_choose_file))) platform::request_file_open(accepted_files);
    note_last_item(state, "button:choose-file");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(TextId::import_drop_hint));
    if (!session.read_error().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette::error_text);
        ImGui::TextWrapped(tr(TextId::import_read_failed), session.file_name().c_str(), session.read_error().c_str());
        ImGui::PopStyleColor();
    }
}

void reading(ImportSession& session) {
    ImGui::Text(tr(TextId::data_import_reading), session.file_name().c_str());
    const std::string overlay = megabytes(session.bytes_read()) + " / " + megabytes(session.file_size());
    ImGui::ProgressBar(static_cast<float>(session.progress()), ImVec2(ImGui::GetFontSize() * 30.0f, 0), overlay.c_str());
    ImGui::SameLine();
    if (ImGui::Button(tr(TextId::import_cancel_reading))) session.cancel();
}

void summary(const ImportResult& result) {
    const ImportSummary& s = result.summary;
    ImGui::Text(tr(TextId::import_summary_rows), group_thousands(s.rows_read).c_str(),
                group_thousands(s.rows_imported).c_str(), group_thousands(s.rows_with_warnings).c_str(),
                group_thousands(s.rows_rejected).c_str());
    std::string delimiter = result.delimiter == '\t' ? "tab" : std::string(1, result.delimiter);
    ImGui::TextDisabled(tr(TextId::import_summary_format), format_code(result.format), encoding_name(result.encoding),
                        result.format == SourceFormat::csv ? delimiter.c_str() : "-", megabytes(result.byte_count).c_str());
}

void mapping_table(const ImportResult& result, float height) {
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                                      ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("mapping", 3, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(TextId::import_column_header));
    ImGui::TableSetupColumn(tr(TextId::import_column_field));
    ImGui::TableSetupColumn(tr(TextId::import_column_role));
    ImGui::TableHeadersRow();
    for (const ImportedColumn& column : result.columns) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(column.header.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(column.extra ? "-" : column.field.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(column.protected_attribute ? TextId::import_role_protected
                                  : column.extra              ? TextId::import_role_extra
                                                              : TextId::import_role_field));
    }
    for (const std::string& field : result.fields_not_found) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("-");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(field.c_str());
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", tr(TextId::import_role_not_found));
    }
    ImGui::EndTable();
}

void diagnostics_table(const ImportResult& result, float height) {
    if (result.diagnostics.empty()) {
        ImGui::TextUnformatted(tr(TextId::import_no_problems));
        return;
    }
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                                      ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("diagnostics", 4, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(TextId::import_column_row), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4.0f);
    ImGui::TableSetupColumn(tr(TextId::import_column_header));
    ImGui::TableSetupColumn(tr(TextId::import_column_value));
    ImGui::TableSetupColumn(tr(TextId::import_column_reason), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(result.diagnostics.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Diagnostic& d = result.diagnostics[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%u", d.row);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(d.column.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(d.value.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%s%s%s", reason_label(d.reason, language_code()), d.detail.empty() ? "" : ": ", d.detail.c_str());
        }
    }
    ImGui::EndTable();
}

void review(AppState& state, ImportSession& session, const Fonts& fonts) {
    ImportResult& result = *session.result();
    ImGui::PushFont(fonts.strong);
    ImGui::Text(tr(TextId::import_review_title), result.source_name.c_str());
    ImGui::PopFont();
    if (!result.ok()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette::error_text);
        ImGui::TextWrapped(tr(TextId::data_import_failed), result.failure.c_str());
        ImGui::PopStyleColor();
    }
    summary(result);
    const float em = ImGui::GetFontSize();
    const float table_height = std::max(em * 6.0f, (ImGui::GetContentRegionAvail().y - em * 9.0f) * 0.5f);
    ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted(tr(TextId::import_mapping_title));
    ImGui::PopFont();
    mapping_table(result, table_height);
    ImGui::PushFont(fonts.strong);
    ImGui::Text(tr(TextId::import_problems_title), group_thousands(result.summary.diagnostics_total).c_str());
    ImGui::PopFont();
    diagnostics_table(result, table_height);

    if (ImGui::Button(tr(TextId::import_download_diagnostics)))
        platform::download_file("import-diagnostics.csv", "text/csv", write_diagnostics_csv(result));
    ImGui::SameLine();
    if (!result.rejected_rows.empty() && ImGui::Button(tr(TextId::import_download_rejected)))
        platform::download_file("import-rejected-rows.csv", "text/csv", write_rejected_rows_csv(result));
    ImGui::Separator();
    if (result.ok()) {
        const bool accept = ImGui::Button(tr(TextId::import_accept));
        note_last_item(state, "button:accept-import");
        if (accept) {
            const std::string refusal = state.accept_import(result, platform::now_iso());
            if (refusal.empty()) session.close_review();
            else state.set_import_refusal(refusal);
        }
        ImGui::SameLine();
    }
    if (ImGui::Button(tr(TextId::import_discard))) {
        state.set_import_refusal({});
        session.close_review();
    }
    note_last_item(state, "button:discard-import");
    if (!state.import_refusal().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette::error_text);
        ImGui::TextWrapped("%s", state.import_refusal().c_str());
        ImGui::PopStyleColor();
    }
}

}  // namespace

void draw_import_view(AppState& state, ImportSession& session, const Fonts& fonts) {
    switch (session.phase()) {
    case ImportSession::Phase::idle: choose_file(state, session); break;
    case ImportSession::Phase::reading: reading(session); break;
    case ImportSession::Phase::reviewing: review(state, session, fonts); break;
    }
}

}  // namespace radar::ui
