// Import screen: file choice and the "memory only" privacy setting, progress with cancel, and the
// review (summary, mapping, problems, downloads of the diagnostics and rejected rows) ending in
// accept (over several frames with a progress bar, see import_work.hpp; it stores the dataset
// snapshot) or cancel.
#include "ui/import_view.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/import/import_report.hpp"
#include "platform/file_transfer.hpp"
#include "platform/platform.hpp"
#include "session/i18n.hpp"
#include "ui/described_widgets.hpp"
#include "ui/session_names.hpp"
#include "ui/view_state.hpp"
#include "ui/demo_workspace_view.hpp"
#include "ui/dictionary_view.hpp"
#include "ui/import_mapping_view.hpp"
#include "ui/text_widgets.hpp"
#include "ui/item_marks.hpp"
#include "ui/narrow_layout.hpp"
#include "ui/table_marks.hpp"

namespace radar::ui {
namespace {

constexpr const char* accepted_files = ".csv,.tsv,.txt,.json,.ndjson";

std::string megabytes(std::uint64_t bytes) { return one_decimal(static_cast<double>(bytes) / 1e6) + " MB"; }

// A message in the error colour, spoken by the accessibility layer when it appears.
void error_message(const std::string& text, const std::string& key) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::error_text);
    wrapped_text(text);
    ImGui::PopStyleColor();
    describe_last_item(Role::status, text, "import-message:" + key);
}

// A progress bar, described with its text.
void progress_bar(double progress, const std::string& overlay, const std::string& name) {
    const float width = std::min(ImGui::GetFontSize() * 30.0f, ImGui::GetContentRegionAvail().x);
    ImGui::ProgressBar(static_cast<float>(progress), ImVec2(width, 0), overlay.c_str());
    describe_last_item(Role::progressbar, name, "import-progress").value = overlay;
}

// The imported dataset in use, and the way back to the demo dossiers (after a confirmation).
void current_dataset(Session& state) {
    if (state.is_synthetic() || !state.snapshot()) return;
    const std::string& file = state.snapshot()->source_name;
    const std::string current =
        filled(TextId::import_current_dataset, {file, counted_text(CountedText::dossiers, state.dataset().row_count())});
    wrapped_text(current);
    describe_last_item(Role::status, current, "import-current-dataset");
    same_line_if_fits(button_width(tr(TextId::import_use_demo)));
    const std::string popup_id = std::string(tr(TextId::import_use_demo_confirm_title)) + "###confirm-use-demo";
    if (ImGui::Button(tr(TextId::import_use_demo))) ImGui::OpenPopup(popup_id.c_str());
    note_last_item("button:use-demo", Role::button, tr(TextId::import_use_demo));
    if (!ImGui::BeginPopupModal(popup_id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const ImVec2 dialog = ImGui::GetWindowPos(), dialog_size = ImGui::GetWindowSize();
    describe("dialog:use-demo", Role::dialog, tr(TextId::import_use_demo_confirm_title),
             WidgetBox{dialog.x, dialog.y, dialog.x + dialog_size.x, dialog.y + dialog_size.y});
    const std::string question = filled(TextId::import_use_demo_confirm_text, {file});
    ImGui::TextUnformatted(question.c_str());
    describe_last_item(Role::status, question, "use-demo-question").container = "dialog:use-demo";
    if (ImGui::Button(tr(TextId::import_use_demo_confirm))) {
        const std::string refusal = state.return_to_demo();
        if (!refusal.empty()) {
            char line[1024];
            std::snprintf(line, sizeof line, tr(TextId::import_use_demo_refused), refusal.c_str());
            state.set_import_refusal(line);
        }
        ImGui::CloseCurrentPopup();
    }
    note_last_item("button:confirm-use-demo", Role::button, tr(TextId::import_use_demo_confirm)).container =
        "dialog:use-demo";
    ImGui::SameLine();
    if (ImGui::Button(tr(TextId::import_memory_only_keep))) ImGui::CloseCurrentPopup();
    describe_last_item(Role::button, tr(TextId::import_memory_only_keep), "use-demo-keep").container = "dialog:use-demo";
    ImGui::EndPopup();
}

void choose_file(Session& state, ImportSession& session, DictionaryState& dictionary) {
    wrapped_text(tr(TextId::import_intro));
    describe_paragraph(tr(TextId::import_intro), "import-intro");
    // The demo's simulated year never meets a real export: importing starts in one's own workspace.
    if (state.demo_workspace()) {
        wrapped_text(tr(TextId::demo_refuses_files));
        if (ImGui::Button(tr(TextId::demo_leave_button))) platform::open_workspace(platform::Workspace::own, false);
        note_last_item("button:demo-leave-data", Role::button, tr(TextId::demo_leave_button));
        return;
    }
    // Dropped files come here while this screen is idle (the model screen may have claimed them),
    // unless a field dictionary was asked for and has not arrived yet.
    if (platform::file_sink() != &session && platform::file_sink() != &dictionary.sink)
        platform::set_file_sink(&session);
    if (ImGui::Button(tr(TextId::import_choose_file))) {
        platform::set_file_sink(&session);
        platform::request_file_open(accepted_files);
    }
    note_last_item("button:choose-file", Role::button, tr(TextId::import_choose_file));
    same_line_if_fits(ImGui::CalcTextSize(tr(TextId::import_drop_hint)).x);
    ImGui::PushTextWrapPos(0.0f);
    wrapped_muted_text(tr(TextId::import_drop_hint));
    ImGui::PopTextWrapPos();
    describe_paragraph(tr(TextId::import_drop_hint), "import-drop-hint");
    if (session.reading_stopped()) {
        const std::string stopped = filled(TextId::import_reading_stopped, {session.file_name()});
        wrapped_text(stopped);
        describe_last_item(Role::status, stopped, "import-message:stopped");
    } else if (!session.read_error().empty()) {
        error_message(filled(TextId::import_read_failed, {session.file_name(), session.read_error()}), "read");
    }
    if (session.result() == nullptr && !state.import_refusal().empty()) error_message(state.import_refusal(), "refusal");
    ImGui::Spacing();
    draw_dictionary_bar(state, dictionary);
    current_dataset(state);
    draw_demo_offer(state);
    const char* kept = state.dataset_memory_only() ? tr(TextId::import_kept_in_memory) : tr(TextId::import_kept_in_browser);
    ImGui::PushTextWrapPos(0.0f);
    wrapped_muted_text(kept);
    ImGui::PopTextWrapPos();
    describe_paragraph(kept, "import-kept");
}

void reading(ImportSession& session) {
    if (session.restoring()) wrapped_text(tr(TextId::import_restoring));
    else if (session.rereading()) wrapped_text(tr(TextId::import_rereading));
    const std::string reading_line = filled(TextId::data_import_reading, {session.file_name()});
    wrapped_text(reading_line);
    describe_last_item(Role::status, reading_line, "import-reading");
    const std::string overlay = megabytes(session.bytes_read()) + " / " + megabytes(session.file_size());
    progress_bar(session.progress(), overlay, reading_line);
    same_line_if_fits(button_width(tr(TextId::import_cancel_reading)));
    const bool cancel = ImGui::Button(tr(TextId::import_cancel_reading));
    note_last_item("button:cancel-reading", Role::button, tr(TextId::import_cancel_reading));
    if (cancel) session.cancel();
}

void summary(const ImportResult& result) {
    const ImportSummary& s = result.summary;
    char rows[512];
    std::snprintf(rows, sizeof rows, tr(TextId::import_summary_rows), group_thousands(s.rows_read).c_str(),
                  group_thousands(s.rows_imported).c_str(), group_thousands(s.rows_with_warnings).c_str(),
                  group_thousands(s.rows_rejected).c_str());
    wrapped_text(rows);
    describe_last_item(Role::status, rows, "import-summary");
    std::string delimiter = result.delimiter == '\t' ? "tab" : std::string(1, result.delimiter);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled(tr(TextId::import_summary_format), format_code(result.format), encoding_name(result.encoding),
                        result.format == SourceFormat::csv ? delimiter.c_str() : "-", megabytes(result.byte_count).c_str());
    ImGui::PopTextWrapPos();
}

// `title` names the table for the accessibility layer.
void diagnostics_table(const ImportResult& result, float height, const std::string& title) {
    if (result.diagnostics.empty()) {
        ImGui::TextUnformatted(tr(TextId::import_no_problems));
        describe_last_item(Role::status, tr(TextId::import_no_problems), "import-no-problems");
        return;
    }
    // In a narrow window the columns keep a readable width and the table scrolls sideways.
    const float em = ImGui::GetFontSize();
    const bool narrow = narrow_room();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp | (narrow ? ImGuiTableFlags_ScrollX : 0);
    if (!ImGui::BeginTable("diagnostics", 4, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(TextId::import_column_row), ImGuiTableColumnFlags_WidthFixed, em * 4.0f);
    if (narrow) {
        ImGui::TableSetupColumn(tr(TextId::import_column_header), ImGuiTableColumnFlags_WidthFixed, em * 9.0f);
        ImGui::TableSetupColumn(tr(TextId::import_column_value), ImGuiTableColumnFlags_WidthFixed, em * 8.0f);
        ImGui::TableSetupColumn(tr(TextId::import_column_reason), ImGuiTableColumnFlags_WidthFixed, em * 24.0f);
    } else {
        ImGui::TableSetupColumn(tr(TextId::import_column_header));
        ImGui::TableSetupColumn(tr(TextId::import_column_value));
        ImGui::TableSetupColumn(tr(TextId::import_column_reason), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    }
    DescribedTable table("import-problems", title,
                         static_cast<int>(result.diagnostics.size()) + 1);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(result.diagnostics.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Diagnostic& d = result.diagnostics[static_cast<std::size_t>(i)];
            table.next_row(i);
            // "—": a problem of the whole file.
            table.text_cell(d.row > 0 ? std::to_string(d.row) : "\xE2\x80\x94");
            table.next_cell(d.column);
            fitted_text(d.column);
            table.next_cell(d.value);
            fitted_text(d.value);
            const std::string& detail = d.detail_in(language_code());
            // Cut with "…" where the column ends (all of it on hover), as the column and value are.
            const std::string problem =
                reason_label(d.reason, language_code()) + std::string(detail.empty() ? "" : ": ") + detail;
            table.next_cell(problem);
            fitted_text(problem);
        }
    }
    table.end();
}

// A step's progress bar with "Overnemen stoppen" (Esc), which leaves everything unchanged (no
// button while a stored dataset is read again).
void draw_accept_step_progress(ImportSession& session, double progress) {
    const std::string percent = std::to_string(static_cast<int>(progress * 100.0)) + "%";
    progress_bar(progress, percent, tr(TextId::import_accept));
    if (session.restoring()) return;
    same_line_if_fits(button_width(tr(TextId::import_accept_stop)));
    if (ImGui::Button(tr(TextId::import_accept_stop)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        session.withdraw_accept();
        return;
    }
    note_last_item("button:stop-accept", Role::button, tr(TextId::import_accept_stop));
    ImGui::PushTextWrapPos(0.0f);
    wrapped_muted_text(tr(TextId::import_accept_unchanged));
    ImGui::PopTextWrapPos();
}

// Where accepting is (the work is done by advance_import_work): a notice per step, and the
// progress of the model's trial and of the preparation.
void draw_accept_progress(ImportSession& session, const ImportResult& result) {
    const std::string dossiers = counted_text(CountedText::dossiers, result.summary.rows_imported);
    switch (session.accept_step()) {
    case ImportSession::AcceptStep::none: return;
    case ImportSession::AcceptStep::checking:
        wrapped_text(filled(TextId::import_accept_checking, {dossiers}));
        draw_accept_step_progress(session, session.trial() ? session.trial()->progress() : 0.0);
        return;
    case ImportSession::AcceptStep::preparing:
        wrapped_text(filled(TextId::import_accept_preparing, {dossiers}));
        draw_accept_step_progress(session, session.preparation()->progress());
        return;
    case ImportSession::AcceptStep::finishing:
        wrapped_text(filled(TextId::import_accepting, {dossiers}));
        return;
    }
}

// The day the data describes: from the export's own export-date column, or stated here (the
// file's last change by default). It is the data age shown in Screening and the header.
void export_date_field(ImportSession& session, const ImportResult& result) {
    if (const std::optional<DayNumber> in_data = export_date_in_data(result.dataset)) {
        ImGui::AlignTextToFramePadding();
        wrapped_text(filled(TextId::export_date_from_column, {date_text(*in_data)}));
        return;
    }
    ImGui::AlignTextToFramePadding();
    wrapped_text(tr(TextId::export_date_question));
    wrapped_tooltip(tr(TextId::export_date_tooltip));
    const float field_width = ImGui::GetFontSize() * 10.0f;
    same_line_if_fits(field_width);
    ImGui::SetNextItemWidth(field_width);
    fit_next_item_width();
    std::array<char, 48>& text = session.export_date_text();
    ImGui::InputTextWithHint("##export_date", tr(TextId::date_hint), text.data(), text.size());
    note_last_item("import-export-date", Role::textbox, std::string(tr(TextId::export_date_question)) + " (" +
                                                            tr(TextId::date_hint) + ")")
        .value = text.data();
}

void review(Session& state, ImportSession& session, const Fonts& fonts, std::array<char, 64>& profile_name) {
    ImportResult& result = *session.result();
    ImGui::PushFont(fonts.strong);
    const std::string title = filled(TextId::import_review_title, {result.source_name});
    wrapped_text(title);
    describe_last_item(Role::heading, title, "import-review-title").level = 2;
    ImGui::PopFont();
    if (session.accept_step() != ImportSession::AcceptStep::none || session.restoring()) {
        draw_accept_progress(session, result);
        return;
    }
    if (!result.ok()) error_message(filled(TextId::data_import_failed, {result.failure_in(language_code())}), "failed");
    summary(result);
    const float em = ImGui::GetFontSize();
    ImGui::PushFont(fonts.strong);
    wrapped_text(tr(TextId::import_mapping_title));
    describe_last_item(Role::heading, tr(TextId::import_mapping_title), "import-mapping-title").level = 3;
    ImGui::PopFont();
    draw_mapping_profile_bar(state, session, profile_name);
    if (!session.result()) return;
    // Below the tables: the problems title, the download buttons, the separator and accept/cancel
    // (in a narrow window the buttons, the export date's question and its field each on a line),
    // and the reason an accept was refused, all of it in view without scrolling.
    const float control_rows = narrow_room() ? 7.0f : 2.0f;
    const std::string& refusal = state.import_refusal();
    const float refusal_height =
        refusal.empty() ? 0.0f
                        : wrapped_text_height(refusal, ImGui::GetContentRegionAvail().x) + ImGui::GetStyle().ItemSpacing.y;
    const float space_below =
        ImGui::GetFrameHeightWithSpacing() * control_rows + ImGui::GetTextLineHeightWithSpacing() + em * 1.5f + refusal_height;
    draw_mapping_table(session, space_below);
    if (!session.result()) return;  // a mapping change: the file is being read again
    ImGui::PushFont(fonts.strong);
    const std::string problems_title =
        filled(TextId::import_problems_title, {group_thousands(result.summary.diagnostics_total)});
    wrapped_text(problems_title);
    describe_last_item(Role::heading, problems_title, "import-problems-title").level = 3;
    ImGui::PopFont();
    diagnostics_table(result,
                      std::max(em * 8.0f, ImGui::GetContentRegionAvail().y - space_below + ImGui::GetTextLineHeightWithSpacing()),
                      problems_title);

    if (ImGui::Button(tr(TextId::import_download_diagnostics)))
        platform::download_file("import-diagnostics.csv", "text/csv", write_diagnostics_csv(result));
    describe_last_item(Role::button, tr(TextId::import_download_diagnostics), "import-download-diagnostics");
    if (!result.rejected_rows.empty()) {
        same_line_if_fits(button_width(tr(TextId::import_download_rejected)));
        if (ImGui::Button(tr(TextId::import_download_rejected)))
            platform::download_file("import-rejected-rows.csv", "text/csv", write_rejected_rows_csv(result));
        describe_last_item(Role::button, tr(TextId::import_download_rejected), "import-download-rejected");
    }
    ImGui::Separator();
    if (result.ok()) {
        export_date_field(session, result);
        same_line_if_fits(button_width(tr(TextId::import_accept)));
        if (ImGui::Button(tr(TextId::import_accept))) {
            const std::optional<DayNumber> stated = session.stated_export_date();
            const bool from_data = export_date_in_data(result.dataset).has_value();
            if (!from_data && (!stated || *stated > platform::today())) {
                state.set_import_refusal(tr(TextId::export_date_invalid));
            } else {
                state.set_import_refusal({});
                session.request_accept();
            }
        }
        note_last_item("button:accept-import", Role::button, tr(TextId::import_accept));
        same_line_if_fits(button_width(tr(TextId::import_discard)));
    }
    if (ImGui::Button(tr(TextId::import_discard))) {
        state.set_import_refusal({});
        session.close_review();
    }
    note_last_item("button:discard-import", Role::button, tr(TextId::import_discard));
    if (!state.import_refusal().empty()) error_message(state.import_refusal(), "refusal");
}

}  // namespace

void draw_import_view(Session& state, ImportSession& session, const Fonts& fonts, ViewState& views) {
    switch (session.phase()) {
    case ImportSession::Phase::idle: choose_file(state, session, views.dictionary); break;
    case ImportSession::Phase::reading: reading(session); break;
    case ImportSession::Phase::reviewing: review(state, session, fonts, views.profile_name); break;
    }
}

}  // namespace radar::ui
