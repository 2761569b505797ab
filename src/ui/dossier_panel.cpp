// Dossier panel: reasons as proportional bars (largest first) and a two-column field table.
#include "ui/dossier_panel.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <imgui_internal.h>

#include "core/model/explanation.hpp"
#include "core/model/model_output.hpp"
#include "session/double_coding_work.hpp"
#include "session/i18n.hpp"
#include "ui/theme.hpp"
#include "session/value_labels.hpp"
#include "ui/item_marks.hpp"
#include "ui/narrow_layout.hpp"
#include "ui/session_names.hpp"
#include "ui/text_widgets.hpp"

namespace radar::ui {
namespace {

const std::string& local(const LocalText& text) { return language() == Language::dutch ? text.nl : text.en; }

}  // namespace

// Parameters that add points, largest first, as proportional bars with value and rationale.
void draw_score_reasons(const Dataset& dataset, const ModelSpec& spec, std::size_t row, const Explanation& explanation) {
    std::vector<const ParameterExplanation*> contributing;
    for (const auto& parameter : explanation.parameters)
        if (parameter.points != 0.0) contributing.push_back(&parameter);
    std::stable_sort(contributing.begin(), contributing.end(),
                     [](const auto* a, const auto* b) { return std::abs(a->points) > std::abs(b->points); });
    if (contributing.empty()) {
        wrapped_text(tr(TextId::dossier_no_reasons));
        return;
    }
    // One scale for every dossier (the most points one parameter can give), so that equal bars
    // mean equal points; the dossier's own largest when the model is unbounded.
    const double largest = largest_parameter_points(spec).value_or(std::abs(contributing.front()->points));
    const float em = ImGui::GetFontSize();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const std::size_t list_at = view_marks().accessible.size();
    describe("score-reasons", Role::list, tr(TextId::dossier_reasons));
    for (const ParameterExplanation* parameter : contributing) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float width = static_cast<float>(em * 5.0 * std::abs(parameter->points) / largest);
        draw->AddRectFilled(ImVec2(at.x, at.y + em * 0.2f), ImVec2(at.x + width, at.y + em * 0.9f),
                            parameter->points > 0 ? palette::score_bar : palette::relief_bar, em * 0.15f);
        ImGui::SetCursorScreenPos(ImVec2(at.x + em * 5.5f, at.y));
        const std::optional<std::size_t> column = dataset.index_of(parameter->field);
        const std::string value = parameter->missing || !column ? tr(TextId::missing_value) : cell_label(dataset, *column, row);
        ImGui::PushTextWrapPos(0.0f);  // a narrow panel (zoomed in, larger text) wraps the reason
        ImGui::Text("%5s  %s: %s", one_decimal(parameter->points).c_str(), local(parameter->label).c_str(), value.c_str());
        ImGui::PopTextWrapPos();
        AccessibleItem& reason = describe_last_item(Role::listitem,
                                                    one_decimal(parameter->points) + "  " + local(parameter->label) + ": " + value,
                                                    "score-reason:" + parameter->id);
        reason.container = "score-reasons";
        reason.box.left = at.x;
        grow_box(view_marks().accessible[list_at].box, reason.box);
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            push_tooltip_wrap(28.0f);
            ImGui::TextUnformatted(local(parameter->rationale).c_str());
            ImGui::TextDisabled(tr(TextId::share_line), one_decimal(parameter->share * 100.0).c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
}

// How much of the model's input is known, and how old the dated inputs are.
void draw_completeness(const Completeness& info) {
    const std::size_t list_at = view_marks().accessible.size();
    describe("completeness", Role::list, tr(TextId::dossier_completeness));
    const auto entry = [&](const std::string& text, const std::string& key) {
        AccessibleItem& item = describe_last_item(Role::listitem, text, key);
        item.container = "completeness";
        grow_box(view_marks().accessible[list_at].box, item.box);
    };
    wrapped_text(local(info.summary));
    entry(local(info.summary), "completeness:summary");
    for (std::size_t i = 0; i < info.dated.size(); ++i) {
        wrapped_bullet(local(info.dated[i].text));
        entry(local(info.dated[i].text), "completeness:" + std::to_string(i));
    }
}

namespace {

// A cell of the dossier's field table for the page's layer: the cell's width, the drawn text's height.
void describe_field_cell(const std::string& row_key, const char* column, std::string text, float left, float right) {
    AccessibleItem& cell = describe_last_item(Role::cell, std::move(text), row_key + ":" + column);
    cell.box.left = left;
    cell.box.right = right;
    cell.container = row_key;
}

}  // namespace

void draw_dossier_fields(const Session& state, std::size_t row) {
    const Dataset& dataset = state.dataset();
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("fields", 2, flags)) return;
    ImGui::TableSetupColumn(tr(TextId::field_column), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(TextId::value_column), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    // In the page's layer a table with a header row and a row per field, as drawn.
    const ImVec2 table_at = ImGui::GetCursorScreenPos();
    const std::size_t table_index = view_marks().accessible.size();
    describe("dossier-fields", Role::table, tr(TextId::dossier_fields));
    view_marks().accessible[table_index].row_count = static_cast<int>(dataset.columns().size()) + 1;
    const float header_top = ImGui::GetCursorScreenPos().y;
    ImGui::TableHeadersRow();
    const std::size_t header_at = view_marks().accessible.size();
    describe("dossier-fields:header", Role::row, "").container = "dossier-fields";
    view_marks().accessible[header_at].row_index = 1;
    const ImGuiTable* table = ImGui::GetCurrentTable();
    for (int column = 0; column < 2; ++column) {
        const WidgetBox box{table->Columns[column].MinX, header_top, table->Columns[column].MaxX,
                            header_top + ImGui::TableGetHeaderRowHeight()};
        describe("dossier-fields:header:" + std::to_string(column), Role::columnheader, ImGui::TableGetColumnName(column), box)
            .container = "dossier-fields:header";
        grow_box(view_marks().accessible[header_at].box, box);
    }
    for (std::size_t column = 0; column < dataset.columns().size(); ++column) {
        ImGui::TableNextRow();
        const std::string row_key = "dossier-fields:" + dataset.columns()[column].name;
        const std::size_t row_at = view_marks().accessible.size();
        describe(row_key, Role::row, "").container = "dossier-fields";
        view_marks().accessible[row_at].row_index = static_cast<int>(column) + 2;
        ImGui::TableNextColumn();
        const std::string field = field_label(state.field_dictionary(), dataset.columns()[column].name);
        ImGui::TextDisabled("%s", field.c_str());
        describe_field_cell(row_key, "field", field, table->Columns[0].MinX, table->Columns[0].MaxX);
        grow_box(view_marks().accessible[row_at].box, view_marks().accessible.back().box);
        ImGui::TableNextColumn();
        const bool missing = dataset.columns()[column].is_missing(row);
        const std::string value = missing ? tr(TextId::missing_value) : cell_label(dataset, column, row);
        if (missing) ImGui::TextDisabled("%s", value.c_str());
        else wrapped_text(value);
        describe_field_cell(row_key, "value", value, table->Columns[1].MinX, table->Columns[1].MaxX);
        grow_box(view_marks().accessible[row_at].box, view_marks().accessible.back().box);
        grow_box(view_marks().accessible[table_index].box, view_marks().accessible[row_at].box);
    }
    grow_box(view_marks().accessible[table_index].box, view_marks().accessible[header_at].box);
    view_marks().accessible[table_index].box.top = table_at.y;
    ImGui::EndTable();
}

// The dossier's risk label: current (until when), expiring soon, or expired and no longer current.
void draw_risk_label(const Session& state, const std::string& dossier_id) {
    if (awaiting_second_code(state, dossier_id)) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", tr(TextId::hidden_until_second_code));
        ImGui::PopTextWrapPos();
        return;
    }
    const std::optional<RiskLabel> label =
        risk_label(state.screening(), dossier_id, state.reference_date(), state.risk_label_settings());
    if (!label) return;
    const TextId id = label->status == RiskLabelStatus::current    ? TextId::risk_label_current
                      : label->status == RiskLabelStatus::expiring ? TextId::risk_label_expiring
                                                                   : TextId::risk_label_expired;
    char line[256];
    std::snprintf(line, sizeof line, tr(id), code_label(label->code, language()), date_text(label->labelled_on).c_str(),
                  date_text(label->valid_until).c_str());
    const bool lapsed = label->status == RiskLabelStatus::expired;
    ImGui::PushStyleColor(ImGuiCol_Text, lapsed ? palette::muted_text : palette::error_text);
    wrapped_text(line);
    ImGui::PopStyleColor();
}

void draw_dossier_panel(Session& state, const Fonts& fonts, RankingList& list) {
    const std::optional<std::size_t> selected = list.selected_row(state);
    if (!selected) {
        wrapped_text(tr(TextId::dossier_panel_hint));
        return;
    }
    const std::size_t row = *selected;
    ImGui::PushFont(fonts.strong);
    wrapped_text(state.name(row));
    ImGui::PopFont();
    const float close_width = ImGui::CalcTextSize(tr(TextId::close_panel)).x + ImGui::GetStyle().FramePadding.x * 2;
    const std::string where = state.id(row) + "  \xC2\xB7  " + state.municipality(row);
    // The close button at the line's right end, or below the line in a narrow panel.
    const bool beside =
        ImGui::CalcTextSize(where.c_str()).x + ImGui::GetStyle().ItemSpacing.x + close_width <= ImGui::GetContentRegionAvail().x;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", where.c_str());
    ImGui::PopTextWrapPos();
    if (beside) ImGui::SameLine(ImGui::GetContentRegionMax().x - close_width);
    if (ImGui::SmallButton(tr(TextId::close_panel)) ||
        (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))))
        list.select_row(state, std::nullopt);
    if (!state.engine()) return;
    const Explanation explanation = explain_row(*state.engine(), row);
    state.note_reasons_shown(state.id(row));  // recorded on its coding event (blind screening)
    ImGui::Text(tr(TextId::dossier_rank_line), static_cast<std::size_t>(explanation.rank),
                group_thousands(state.dataset().row_count()).c_str(), one_decimal(explanation.display_score).c_str());
    draw_risk_label(state, state.id(row));
    ImGui::Spacing();
    ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted(tr(TextId::dossier_reasons));
    ImGui::PopFont();
    draw_score_reasons(state.dataset(), state.engine()->spec(), row, explanation);
    ImGui::Spacing();
    ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted(tr(TextId::dossier_completeness));
    ImGui::PopFont();
    draw_completeness(explanation.completeness);
    ImGui::Spacing();
    ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted(tr(TextId::dossier_fields));
    ImGui::PopFont();
    draw_dossier_fields(state, row);
}

}  // namespace radar::ui
