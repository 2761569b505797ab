// Selection screen: the reference date and batch settings, the preview of the reference date's
// month with a reason per dossier, the dossiers held back by the cooldown, committing the batch,
// and the list of batches.
#include "ui/selection_view.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

#include "core/selection/selection_reasons.hpp"
#include "ui/batch_list_view.hpp"
#include "ui/described_widgets.hpp"
#include "session/i18n.hpp"
#include "session/screening_work.hpp"
#include "ui/session_names.hpp"
#include "ui/view_state.hpp"
#include "ui/item_marks.hpp"
#include "ui/narrow_layout.hpp"
#include "ui/table_marks.hpp"
#include "ui/text_widgets.hpp"
#include "ui/workflow_widgets.hpp"

namespace radar::ui {
namespace {

// The label right of a number field drawn without its own ("##id"), as ImGui places one, wrapping
// at the window's edge (a narrow window) instead of running past it.
void field_label(const char* text) {
    ImGui::SameLine(0.0f, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::PushTextWrapPos(0.0f);
    wrapped_text(text);
    ImGui::PopTextWrapPos();
}

// The number fields of the settings: spin buttons, each clamped to its range.
void number_fields(SelectionSettings& settings) {
    const float width = ImGui::GetFontSize() * 7.0f;
    int capacity = static_cast<int>(settings.capacity);
    ImGui::SetNextItemWidth(width);
    if (described_input_int("##capacity", "selection-capacity", tr(TextId::selection_capacity), capacity, 1, 1000))
        settings.capacity = static_cast<std::uint32_t>(std::clamp(capacity, 1, 1000));
    field_label(tr(TextId::selection_capacity));
    int cooldown = settings.cooldown_months;
    ImGui::SetNextItemWidth(width);
    if (described_input_int("##cooldown", "selection-cooldown", tr(TextId::selection_cooldown), cooldown, 0, 24))
        settings.cooldown_months = std::clamp(cooldown, 0, 24);
    field_label(tr(TextId::selection_cooldown));
    int control = static_cast<int>(settings.control_size);
    ImGui::SetNextItemWidth(width);
    if (described_input_int("##control", "control-size", tr(TextId::selection_control), control, 0, 100))
        settings.control_size = static_cast<std::uint32_t>(std::clamp(control, 0, 100));
    wrapped_tooltip(tr(TextId::selection_control_tooltip));
    field_label(tr(TextId::selection_control));
}

// The coverage floor's months without inspection and its most dossiers.
void coverage_floor_fields(SelectionSettings& settings) {
    const float width = ImGui::GetFontSize() * 7.0f;
    int months = settings.coverage_floor_months;
    ImGui::SetNextItemWidth(width);
    if (described_input_int("##floor_months", "coverage-floor-months", tr(TextId::selection_floor_months), months, 1, 120))
        settings.coverage_floor_months = std::clamp(months, 1, 120);
    field_label(tr(TextId::selection_floor_months));
    int limit = static_cast<int>(settings.coverage_floor_limit);
    ImGui::SetNextItemWidth(width);
    if (described_input_int("##floor_limit", "coverage-floor-limit", tr(TextId::selection_floor_limit), limit, 1, 100))
        settings.coverage_floor_limit = static_cast<std::uint32_t>(std::clamp(limit, 1, 100));
    field_label(tr(TextId::selection_floor_limit));
}

// The double-coding share as whole percents (0-100) and its minimum in dossiers.
void double_coding_fields(DoubleCodingSettings& settings) {
    const float width = ImGui::GetFontSize() * 7.0f;
    int percent = static_cast<int>(std::lround(settings.share * 100.0));
    ImGui::SetNextItemWidth(width);
    if (described_input_int("##double_share", "double-coding-share", tr(TextId::selection_double_coding_share), percent, 0, 100))
        settings.share = std::clamp(percent, 0, 100) / 100.0;
    wrapped_tooltip(tr(TextId::selection_double_coding_tooltip));
    field_label(tr(TextId::selection_double_coding_share));
    int minimum = static_cast<int>(settings.minimum);
    ImGui::SetNextItemWidth(width);
    if (described_input_int("##double_minimum", "double-coding-minimum", tr(TextId::selection_double_coding_minimum),
                            minimum, 0, 1000))
        settings.minimum = static_cast<std::size_t>(std::clamp(minimum, 0, 1000));
    field_label(tr(TextId::selection_double_coding_minimum));
}

// The selection's reference date, shown and typed as people write dates, with a "today" button. An invalid entry is refused
// with a message and the last valid date stays in use.
void selection_date_field(Session& state, SelectionDateBox& box) {
    auto& [buffer, shown, editing, invalid] = box;
    if (!editing && shown != state.selection_date()) {
        // Set by "today" or by automation: mirror it in the box, replacing a refused entry.
        shown = state.selection_date();
        invalid = false;
        const std::string text = date_text(*shown);
        std::snprintf(buffer.data(), buffer.size(), "%s", text.c_str());
    }
    ImGui::TextUnformatted(tr(TextId::selection_date_label));
    wrapped_tooltip(tr(TextId::selection_date_tooltip));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
    const bool entered = ImGui::InputTextWithHint("##selection_date", tr(TextId::date_hint), buffer.data(), buffer.size(),
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    editing = ImGui::IsItemActive();
    note_last_item("selection-date", Role::textbox, tr(TextId::selection_date_label)).value = buffer.data();
    if (entered || ImGui::IsItemDeactivatedAfterEdit()) {
        const std::optional<DayNumber> day = parse_date_text(buffer.data());
        invalid = !day;
        if (day) {
            shown = *day;
            state.set_selection_date(*day);
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(TextId::selection_date_today))) {
        state.reset_selection_date();
        shown.reset();  // mirror the date in the box even when it did not change
    }
    note_last_item("selection-date-today", Role::button, tr(TextId::selection_date_today));
    if (invalid) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(ImColor(palette::error_text), "%s", tr(TextId::selection_date_invalid));
        ImGui::PopTextWrapPos();
        describe_last_item(Role::status, tr(TextId::selection_date_invalid), "selection-date-invalid");
    }
}

void settings_panel(Session& state, SelectionDateBox& date_box) {
    SelectionSettings& settings = state.selection_settings();
    selection_date_field(state, date_box);
    ImGui::Spacing();
    number_fields(settings);
    ImGui::Checkbox(tr(TextId::selection_signal_override), &settings.signal_override);
    describe_last_item(Role::checkbox, tr(TextId::selection_signal_override)).checked = settings.signal_override;
    wrapped_tooltip(tr(TextId::selection_signal_tooltip));
    ImGui::Checkbox(tr(TextId::selection_floor), &settings.coverage_floor);
    describe_last_item(Role::checkbox, tr(TextId::selection_floor)).checked = settings.coverage_floor;
    wrapped_tooltip(tr(TextId::selection_floor_tooltip));
    if (settings.coverage_floor) {
        ImGui::Indent();
        coverage_floor_fields(settings);
        ImGui::Unindent();
    }
    ImGui::Checkbox(tr(TextId::selection_exclude_closed), &settings.exclude_closed);
    describe_last_item(Role::checkbox, tr(TextId::selection_exclude_closed)).checked = settings.exclude_closed;
    ImGui::Checkbox(tr(TextId::selection_exclude_enforcement), &settings.exclude_active_enforcement);
    describe_last_item(Role::checkbox, tr(TextId::selection_exclude_enforcement)).checked = settings.exclude_active_enforcement;
    double_coding_fields(settings.double_coding);
}

// A title in the strong font, described as a heading of level 2.
void strong(const Fonts& fonts, const std::string& text, const std::string& key) {
    ImGui::PushFont(fonts.strong);
    wrapped_text(text);
    ImGui::PopFont();
    describe_heading(text, 2, key);
}

// An explanation in the muted colour, wrapped, described as a paragraph.
void explanation(const std::string& text, const std::string& key) {
    wrapped_muted_text(text);
    describe_paragraph(text, key);
}

constexpr ImGuiTableFlags list_flags =
    ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;

// The reason column says what differs between rows: for a top-N dossier only its place among the
// eligible when that is not its rank (the explanation above the table says why it is there).
std::string row_reason(const SelectionOutcome& outcome, const DossierDecision& decision) {
    if (decision.decision != Decision::top_n) return describe_decision(outcome, decision, language());
    if (decision.eligible_position == decision.rank) return {};
    char text[128];
    std::snprintf(text, sizeof text, tr(TextId::eligible_place), group_thousands(decision.eligible_position).c_str());
    return text;
}

// One dossier of a list, the `index`th: rank, id, name, (kind,) reason; the full reason on hover.
void decision_row(DescribedTable& table, int index, const Session& state, const SelectionOutcome& outcome,
                  const DossierDecision& decision, bool with_kind) {
    table.next_row(index);
    const std::string rank = std::to_string(decision.rank);
    table.next_cell(rank);
    // A row-wide selectable for the hover: the full reason is one tooltip away.
    ImGui::Selectable((rank + "##" + decision.dossier_id).c_str(), false, ImGuiSelectableFlags_SpanAllColumns);
    const bool hovered = ImGui::IsItemHovered();
    table.text_cell(decision.dossier_id);
    table.text_cell(state.name(decision.row));
    if (with_kind) table.text_cell(decision_label(decision.decision, language()));
    table.text_cell(row_reason(outcome, decision));
    if (hovered) show_wrapped_tooltip(describe_decision(outcome, decision, language()).c_str());
}

// A list of dossiers through the list clipper: the page's layer gets the drawn rows and the count.
void decision_table(const char* id, const std::string& name, const Session& state, const SelectionOutcome& outcome,
                    const std::vector<std::size_t>& rows, bool with_kind) {
    const float height = std::max(ImGui::GetContentRegionAvail().y, ImGui::GetFrameHeightWithSpacing() * 8.0f);
    if (!ImGui::BeginTable(id, with_kind ? 5 : 4, list_flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(TextId::column_rank));
    ImGui::TableSetupColumn(tr(TextId::column_dossier));
    ImGui::TableSetupColumn(tr(TextId::column_name));
    if (with_kind) ImGui::TableSetupColumn(tr(TextId::column_kind));
    ImGui::TableSetupColumn(tr(TextId::column_reason), ImGuiTableColumnFlags_WidthStretch);
    DescribedTable table(std::string("selection-") + id, name, static_cast<int>(rows.size()) + 1);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
            decision_row(table, i, state, outcome, outcome.decisions[rows[static_cast<std::size_t>(i)]], with_kind);
    table.end();
}

// Where the month stands: its batch is committed (with the way to Screening), or not yet.
void month_status(Session& state, const BatchPreview& preview) {
    const std::string month = preview.batch_id.substr(0, 7);
    const auto& batches = state.screening().batches;
    const auto found = batches.find(month);
    if (found == batches.end()) return;
    const BatchState& batch = found->second;
    ImGui::PushStyleColor(ImGuiCol_Text, palette::saved_text);
    ImGui::AlignTextToFramePadding();
    char committed[300];
    std::snprintf(committed, sizeof committed, tr(TextId::month_committed), batch.batch_id.c_str(),
                  counted_text(CountedText::dossiers, batch.total()).c_str(), group_thousands(batch.coded_count).c_str());
    wrapped_text(committed);
    ImGui::PopStyleColor();
    describe_last_item(Role::status, committed, "month-committed");
    same_line_if_fits(button_width(tr(TextId::go_to_screening)));
    if (ImGui::Button(tr(TextId::go_to_screening))) {
        state.set_screening_batch(batch.batch_id);
        request_screen(Screen::screening);
    }
    note_last_item("go-to-screening", Role::button, tr(TextId::go_to_screening));
}

// The model and data the preview rests on, in words; the version id and dataset hash one click away.
void provenance(const Session& state, const BatchPreview& preview) {
    const auto active = state.model_registry().active_version();
    const std::string model = state.engine() ? text_in(state.engine()->spec().name, language()) : std::string();
    char line[512];
    std::snprintf(line, sizeof line, tr(TextId::preview_provenance), model.c_str(), active ? *active : 0,
                  counted_text(CountedText::dossiers, preview.outcome.eligible_count).c_str());
    explanation(line, "selection-provenance");
    const bool open = ImGui::TreeNode(tr(TextId::technical_details));
    describe_disclosure(tr(TextId::technical_details), "selection-technical-details", open);
    if (!open) return;
    const std::string versions = std::string(tr(TextId::technical_model_versions)) + " " + preview.model_version_id;
    ImGui::TextDisabled("%s", tr(TextId::technical_model_versions));
    wrapped_bullet(preview.model_version_id);
    describe_paragraph(versions, "selection-technical-version");
    const std::string datasets = std::string(tr(TextId::technical_datasets)) + " " + preview.dataset_hash;
    ImGui::TextDisabled("%s", tr(TextId::technical_datasets));
    wrapped_bullet(preview.dataset_hash);
    describe_paragraph(datasets, "selection-technical-dataset");
    ImGui::TreePop();
}

// The month's batch is committed with one button; a supplementary batch (the month has one
// already) only after a confirmation, so a double click never commits two.
void commit_section(Session& state, const BatchPreview& preview) {
    const char* blocker = commit_blocker(state, preview);
    const std::string subject = "batch:" + preview.batch_id;
    ImGui::BeginDisabled(*blocker != '\0');
    const std::string popup_id = std::string(tr(TextId::commit_supplementary_title)) + "###confirm-supplementary";
    if (!preview.supplementary) {
        if (ImGui::Button(tr(TextId::commit_batch))) commit_preview(state, preview);
        note_last_item("commit-batch", Role::button, tr(TextId::commit_batch));
    } else {
        if (ImGui::Button(tr(TextId::commit_supplementary))) ImGui::OpenPopup(popup_id.c_str());
        note_last_item("commit-supplementary", Role::button, tr(TextId::commit_supplementary));
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (*blocker != '\0') {
        ImGui::TextColored(ImColor(palette::error_text), "%s", blocker);
        describe_last_item(Role::status, blocker, "commit-blocker");
    } else {
        draw_save_status(state, subject);
    }
    if (!ImGui::BeginPopupModal(popup_id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    constexpr const char* dialog = "dialog:confirm-supplementary";
    const ImVec2 at = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    describe(dialog, Role::dialog, tr(TextId::commit_supplementary_title), WidgetBox{at.x, at.y, at.x + size.x, at.y + size.y});
    char question[600];
    std::snprintf(question, sizeof question, tr(TextId::commit_supplementary_text), preview.batch_id.substr(0, 7).c_str(),
                  counted_text(CountedText::dossiers, preview.outcome.selected.size()).c_str());
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    wrapped_text(question);
    ImGui::PopTextWrapPos();
    describe_last_item(Role::status, question, "supplementary-question").container = dialog;
    if (ImGui::Button(tr(TextId::commit_supplementary_confirm))) {
        commit_preview(state, preview);
        ImGui::CloseCurrentPopup();
    }
    note_last_item("confirm-supplementary", Role::button, tr(TextId::commit_supplementary_confirm)).container = dialog;
    ImGui::SameLine();
    if (ImGui::Button(tr(TextId::cancel)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
        ImGui::CloseCurrentPopup();
    note_last_item("cancel-supplementary", Role::button, tr(TextId::cancel)).container = dialog;
    ImGui::EndPopup();
}

// The preview, the dossiers held back and the batches, each a tab that uses the whole height.
void lists(Session& state, const BatchPreview& preview, CloseDialog& close_dialog) {
    const SelectionOutcome& outcome = preview.outcome;
    std::vector<std::size_t> held_back = outcome.held_back;
    held_back.insert(held_back.end(), outcome.waiting.begin(), outcome.waiting.end());
    std::sort(held_back.begin(), held_back.end());
    if (!ImGui::BeginTabBar("selection_lists")) return;
    const std::size_t tab_list = view_marks().accessible.size();
    describe("selection-lists", Role::tablist, tr(TextId::screen_selection));
    // A tab of the lists as the page's layer shows it: in the tab list, named without ImGui's id.
    auto tab_name = [](const std::string& label) { return label.substr(0, label.find("###")); };
    auto in_tab_list = [tab_list](AccessibleItem& tab, bool open) {
        tab.container = "selection-lists";
        tab.selected = open;
        grow_box(view_marks().accessible[tab_list].box, tab.box);
    };
    const std::string proposed = std::string(tr(TextId::tab_proposed)) + " (" + group_thousands(outcome.selected.size()) + ")###proposed";
    const bool proposed_open = ImGui::BeginTabItem(proposed.c_str());
    in_tab_list(note_last_item("tab:proposed", Role::tab, tab_name(proposed)), proposed_open);
    if (proposed_open) {
        char proposed_text[512];
        std::snprintf(proposed_text, sizeof proposed_text, tr(TextId::proposed_explanation),
                      group_thousands(outcome.settings.capacity).c_str());
        explanation(proposed_text, "selection-proposed-explanation");
        decision_table("preview", tab_name(proposed), state, outcome, outcome.selected, true);
        ImGui::EndTabItem();
    }
    const std::string held = std::string(tr(TextId::tab_held_back)) + " (" + group_thousands(held_back.size()) + ")###held";
    const bool held_open = ImGui::BeginTabItem(held.c_str());
    in_tab_list(note_last_item("tab:held-back", Role::tab, tab_name(held)), held_open);
    if (held_open) {
        explanation(tr(TextId::held_back_explanation), "selection-held-back-explanation");
        if (held_back.empty()) {
            ImGui::TextDisabled("%s", tr(TextId::selection_none_held_back));
            describe_last_item(Role::status, tr(TextId::selection_none_held_back), "selection-none-held-back");
        } else {
            decision_table("held-back", tab_name(held), state, outcome, held_back, false);
        }
        ImGui::EndTabItem();
    }
    const std::string batches = std::string(tr(TextId::batches_title)) + " (" +
                                group_thousands(state.screening().batches.size()) + ")###batches";
    const bool batches_open = ImGui::BeginTabItem(batches.c_str());
    in_tab_list(note_last_item("tab:batches", Role::tab, tab_name(batches)), batches_open);
    if (batches_open) {
        draw_batch_list(state, close_dialog);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

// The preview of the month: where it stands, its title, provenance, the commit and the lists.
void preview_column(Session& state, const Fonts& fonts, CloseDialog& close_dialog) {
    const Checked<BatchPreview>* preview = state.batch_preview();
    if (!preview) {
        ImGui::TextDisabled("%s", tr(TextId::selection_no_model));
        describe_last_item(Role::status, tr(TextId::selection_no_model), "selection-no-preview");
        draw_batch_list(state, close_dialog);
        return;
    }
    if (!preview->ok()) {
        char refused[600];
        std::snprintf(refused, sizeof refused, tr(TextId::selection_refused), preview->error().c_str());
        ImGui::TextColored(ImColor(palette::error_text), "%s", refused);
        describe_last_item(Role::status, refused, "selection-no-preview");
        draw_batch_list(state, close_dialog);
        return;
    }
    const BatchPreview& batch = preview->value();
    month_status(state, batch);
    char title[300];
    std::snprintf(title, sizeof title, batch.supplementary ? tr(TextId::preview_title_supplementary) : tr(TextId::preview_title),
                  batch.batch_id.c_str(), counted_text(CountedText::dossiers, batch.outcome.selected.size()).c_str());
    strong(fonts, title, "selection-preview-title");
    provenance(state, batch);
    commit_section(state, batch);
    ImGui::Spacing();
    lists(state, batch, close_dialog);
}

}  // namespace

void draw_selection_view(Session& state, const Fonts& fonts, ViewState& views) {
    const float em = ImGui::GetFontSize();
    const float settings_width = em * 21.0f;
    // Side by side when the preview keeps room for its lists; stacked, in one scrolling column,
    // in a narrow window (zoomed in, larger text).
    const bool stacked = ImGui::GetContentRegionAvail().x < settings_width + em * 30.0f;
    if (stacked) ImGui::BeginChild("selection_stacked", ImVec2(0, 0), false);
    else ImGui::BeginChild("selection_settings", ImVec2(settings_width, 0), false);
    strong(fonts, tr(TextId::selection_settings), "selection-settings-title");
    settings_panel(state, views.selection_date);
    ImGui::Spacing();
    draw_screener_field(state, views.screener_name);
    if (stacked) {
        ImGui::Separator();
        preview_column(state, fonts, views.close_dialog);
        ImGui::EndChild();
        return;
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("selection_preview", ImVec2(0, 0), false);
    preview_column(state, fonts, views.close_dialog);
    ImGui::EndChild();
}

}  // namespace radar::ui
