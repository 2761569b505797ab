// Ranking table: sortable columns (re-sorted only when the sort specs change), list clipping for
// 100,000 rows, a score bar per row and a tooltip with the score's breakdown.
#include "ui/ranking_view.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include <imgui_internal.h>

#include "core/model/model_output.hpp"
#include "session/i18n.hpp"
#include "ui/text_field_focus.hpp"
#include "ui/text_widgets.hpp"
#include "session/value_labels.hpp"
#include "ui/choice_box.hpp"
#include "ui/item_marks.hpp"
#include "ui/narrow_layout.hpp"
#include "ui/session_names.hpp"

namespace radar::ui {
namespace {

// A combo over `values` with an "all" entry, named `name` in the page's layer; returns true when
// the choice changed.
bool value_combo(const char* id, const std::string& key, const char* name, const char* all_label,
                 const std::vector<std::string>& values, std::string& chosen, std::string (*label)(std::string_view)) {
    bool changed = false;
    ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 11.0f, ImGui::GetContentRegionAvail().x));
    const std::string shown = chosen.empty() ? all_label : label(chosen);
    if (begin_choice_box(id, key, name, shown.c_str())) {
        if (choice_option(key, all_label, chosen.empty())) {
            chosen.clear();
            changed = true;
        }
        for (const auto& value : values)
            if (choice_option(key, label(value).c_str(), chosen == value)) {
                chosen = value;
                changed = true;
            }
        end_choice_box();
    }
    return changed;
}

std::string as_is(std::string_view value) { return std::string(value); }

void filter_bar(const Session& state, RankingViewState& view, bool focus_filter) {
    std::array<char, 256>& buffer = view.search_box;
    RankingFilter filter = view.list.filter();
    if (filter.text != buffer.data()) {
        // The filter was changed elsewhere (automation hook): mirror it in the box.
        const std::size_t size = std::min(filter.text.size(), buffer.size() - 1);
        std::copy_n(filter.text.begin(), size, buffer.begin());
        buffer[size] = '\0';
    }
    if (focus_filter) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 24.0f, ImGui::GetContentRegionAvail().x));
    if (ImGui::InputTextWithHint("##filter", tr(TextId::filter_hint), buffer.data(), buffer.size()))
        filter.text = buffer.data();
    describe_last_item(Role::textbox, tr(TextId::filter_hint), "ranking-filter").value = buffer.data();
    if (ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        buffer[0] = '\0';
        filter.text.clear();
    }
    wrapped_tooltip(tr(TextId::filter_shortcut_hint));
    // The three other filters need ~33 em; they move to their own line when space is short, and
    // one below the other in a narrow window.
    const float em = ImGui::GetFontSize();
    if (ImGui::GetContentRegionAvail().x > em * 58.0f) ImGui::SameLine();
    value_combo("##province", "province-filter", tr(TextId::province_label), tr(TextId::all_provinces), state.provinces(),
                filter.province, as_is);
    same_line_if_fits(em * 11.0f);
    value_combo("##care_type", "care-type-filter", tr(TextId::care_type_label), tr(TextId::all_care_types),
                state.care_types(), filter.care_type, category_label);
    same_line_if_fits(em * 10.0f);
    float min_score = static_cast<float>(filter.min_score);
    // A value asked for by assistive technology (the layer's arrow keys) counts as dragged there.
    if (const std::optional<double> asked = take_requested_value("min-score"))
        filter.min_score = min_score = static_cast<float>(std::clamp(*asked, 0.0, 100.0));
    ImGui::SetNextItemWidth(std::min(em * 10.0f, ImGui::GetContentRegionAvail().x));
    if (ImGui::SliderFloat("##min_score", &min_score, 0.0f, 100.0f,
                           (std::string(tr(TextId::min_score_label)) + " %.0f").c_str()))
        filter.min_score = min_score;
    describe_last_range(Role::slider, tr(TextId::min_score_label), min_score, 0.0, 100.0, 1.0, "min-score").value =
        std::to_string(static_cast<int>(min_score + 0.5f));
    view.list.set_filter(filter);
}

SortColumn column_of(ImGuiID user_id) { return static_cast<SortColumn>(user_id); }

void apply_sort_specs(RankingList& list) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || !specs->SpecsDirty) return;
    if (specs->SpecsCount > 0) {
        const ImGuiTableColumnSortSpecs& first = specs->Specs[0];
        list.set_sort({column_of(first.ColumnUserID), first.SortDirection == ImGuiSortDirection_Ascending});
    }
    specs->SpecsDirty = false;
}

void score_tooltip(const ScoringEngine& engine, std::size_t row) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(tr(TextId::score_breakdown_title));
    ImGui::Separator();
    const bool dutch = language() == Language::dutch;
    for (std::size_t p = 0; p < engine.parameter_count(); ++p) {
        const double points = engine.points(row, p);
        if (points == 0.0) continue;
        const LocalText& label = engine.spec().parameters[p].label;
        ImGui::Text("%6s  %s", one_decimal(points).c_str(), dutch ? label.nl.c_str() : label.en.c_str());
    }
    ImGui::Separator();
    // The sum, so the tooltip adds up: "60,0 of at most 92 points -> score 65,2".
    const std::string raw = one_decimal(engine.raw_score(row));
    const std::string shown = one_decimal(engine.display_score(row));
    if (const auto range = possible_score_range(engine.spec()))
        ImGui::Text(tr(TextId::score_sum_of_maximum), raw.c_str(), one_decimal(range->max).c_str(), shown.c_str());
    else
        ImGui::Text(tr(TextId::score_sum), raw.c_str(), shown.c_str());
    ImGui::Separator();
    const LocalText definition = display_definition(engine.spec());
    push_readable_wrap(30.0f);
    ImGui::TextDisabled("%s", dutch ? definition.nl.c_str() : definition.en.c_str());
    ImGui::TextDisabled("%s", tr(TextId::tie_rule));
    ImGui::TextDisabled("%s", tr(TextId::score_disclaimer));
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void score_cell(Session& state, std::size_t row) {
    const double score = state.display_score(row);
    const std::string text = one_decimal(score);
    const float text_width = ImGui::CalcTextSize("000,0").x;
    const float bar_width = std::max(0.0f, ImGui::GetContentRegionAvail().x - text_width - ImGui::GetStyle().ItemSpacing.x);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float line = ImGui::GetTextLineHeight();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float fraction = static_cast<float>(score / 100.0);
    const ImVec2 bar_min(at.x, at.y + line * 0.3f), bar_max(at.x + bar_width, at.y + line * 0.75f);
    draw->AddRectFilled(bar_min, bar_max, palette::score_bar_track, line * 0.2f);
    draw->AddRectFilled(bar_min, ImVec2(at.x + bar_width * fraction, bar_max.y), palette::score_bar, line * 0.2f);
    ImGui::SetCursorScreenPos(ImVec2(at.x + bar_width + ImGui::GetStyle().ItemSpacing.x + text_width -
                                         ImGui::CalcTextSize(text.c_str()).x, at.y));
    ImGui::TextUnformatted(text.c_str());
    if (state.engine() && (ImGui::IsItemHovered() || (ImGui::IsMouseHoveringRect(bar_min, bar_max) && ImGui::IsWindowHovered()))) {
        score_tooltip(*state.engine(), row);
        state.note_reasons_shown(state.id(row));  // recorded on its coding event (blind screening)
    }
}

// Arrow keys move the open dossier through the visible list (Enter opens the first); returns the
// list position to bring into view, if the keys moved it.
std::optional<std::size_t> keyboard_selection(const Session& state, RankingList& list) {
    const auto& rows = list.rows(state);
    if (text_field_is_editing() || rows.empty()) return std::nullopt;
    // No key repeat: on a slow frame a short press would otherwise count twice.
    const bool down = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow), false);
    const bool up = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow), false);
    const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
    if (!down && !up && !enter) return std::nullopt;
    std::optional<std::size_t> position;
    if (const auto selected = list.selected_row(state))
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (rows[i] == *selected) position = i;
    std::size_t next = 0;
    if (position && down) next = std::min(*position + 1, rows.size() - 1);
    else if (position && up) next = *position == 0 ? 0 : *position - 1;
    else if (position) return std::nullopt;  // Enter with a dossier open: nothing to do
    list.select_row(state, rows[next]);
    return next;
}

// A cell of the ranking as the page's accessibility layer shows it: its text, its column's width
// and a line high. Called after TableNextColumn, before the cell is drawn.
void describe_cell(const std::string& row_key, const char* column, std::string text) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const WidgetBox box{at.x, at.y, at.x + ImGui::GetContentRegionAvail().x, at.y + ImGui::GetTextLineHeight()};
    describe(row_key + ":" + column, Role::cell, std::move(text), box).container = row_key;
}

// The header row, drawn by TableHeadersRow and described column by column (ImGui's table keeps
// each column's edges).
void header_row(const Fonts& fonts) {
    const float top = ImGui::GetCursorScreenPos().y;
    ImGui::PushFont(fonts.strong);
    ImGui::TableHeadersRow();
    const float bottom = top + ImGui::TableGetHeaderRowHeight();
    ImGui::PopFont();
    const ImGuiTable* table = ImGui::GetCurrentTable();
    const std::size_t row_at = view_marks().accessible.size();
    describe("ranking-header", Role::row, "").container = "ranking";
    view_marks().accessible[row_at].row_index = 1;
    WidgetBox row_box;
    for (int column = 0; column < ImGui::TableGetColumnCount(); ++column) {
        const ImGuiTableColumn& edges = table->Columns[column];
        const WidgetBox box{edges.MinX, top, edges.MaxX, bottom};
        describe("ranking-header:" + std::to_string(column), Role::columnheader, ImGui::TableGetColumnName(column), box)
            .container = "ranking-header";
        grow_box(row_box, box);
    }
    view_marks().accessible[row_at].box = row_box;
}

void ranking_table(Session& state, const Fonts& fonts, RankingList& list, float height) {
    const ImVec2 table_at = ImGui::GetCursorScreenPos();
    const float table_width = ImGui::GetContentRegionAvail().x;
    const float em = ImGui::GetFontSize();
    // In a narrow window (zoomed in, large text) the table keeps a readable width and scrolls
    // sideways, rather than cutting municipality and type to a letter.
    const float readable_width = em * 52.0f;
    const bool scroll_sideways = table_width < readable_width;
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingStretchProp | (scroll_sideways ? ImGuiTableFlags_ScrollX : 0);
    if (!ImGui::BeginTable("ranking", 6, flags, ImVec2(0, height), scroll_sideways ? readable_width : 0.0f)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(TextId::column_rank), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort |
                            ImGuiTableColumnFlags_PreferSortAscending, em * 4.0f, static_cast<ImGuiID>(SortColumn::rank));
    ImGui::TableSetupColumn(tr(TextId::column_dossier), ImGuiTableColumnFlags_WidthFixed, em * 7.0f,
                            static_cast<ImGuiID>(SortColumn::dossier));
    ImGui::TableSetupColumn(tr(TextId::column_name), ImGuiTableColumnFlags_WidthStretch, 3.0f,
                            static_cast<ImGuiID>(SortColumn::name));
    ImGui::TableSetupColumn(tr(TextId::column_municipality), ImGuiTableColumnFlags_WidthStretch, 1.4f,
                            static_cast<ImGuiID>(SortColumn::municipality));
    ImGui::TableSetupColumn(tr(TextId::column_care_type), ImGuiTableColumnFlags_WidthStretch, 1.6f,
                            static_cast<ImGuiID>(SortColumn::care_type));
    // The score's bar is shorter in a narrow window (zoomed in, larger text), leaving room for names.
    const float score_width = table_width < em * 60.0f ? em * 6.5f : em * 11.0f;
    ImGui::TableSetupColumn(tr(TextId::column_score), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending,
                            score_width, static_cast<ImGuiID>(SortColumn::score));
    // The page's layer gets the rows the clipper draws, with the whole list's row count.
    const std::size_t table_index = view_marks().accessible.size();
    describe("ranking", Role::table, tr(TextId::screen_ranking),
             WidgetBox{table_at.x, table_at.y, table_at.x + table_width, table_at.y + height});
    header_row(fonts);
    apply_sort_specs(list);

    const std::optional<std::size_t> moved_to = keyboard_selection(state, list);
    const auto& rows = list.rows(state);
    view_marks().accessible[table_index].row_count = static_cast<int>(rows.size()) + 1;
    const std::optional<std::size_t> selected_row = list.selected_row(state);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    if (moved_to) clipper.ForceDisplayRangeByIndices(static_cast<int>(*moved_to), static_cast<int>(*moved_to) + 1);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const std::size_t row = rows[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string rank = std::to_string(state.rank_of(row));
            const bool selected = selected_row == row;
            const std::string row_key = "ranking-row:" + state.id(row);
            if (i == 0) view_marks().first_row_y = ImGui::GetCursorScreenPos().y + ImGui::GetTextLineHeight() * 0.5f;
            const std::size_t row_at = view_marks().accessible.size();
            describe(row_key, Role::row, "");
            describe_cell(row_key, "rank", rank);
            if (ImGui::Selectable(rank.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns))
                list.select_row(state, selected ? std::nullopt : std::optional<std::size_t>(row));
            AccessibleItem& described_row = view_marks().accessible[row_at];
            described_row.box = WidgetBox{ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                                          ImGui::GetItemRectMax().y};
            described_row.container = "ranking";
            described_row.selected = selected;
            described_row.row_index = i + 2;
            follow_page_focus(row_key, ImGui::GetItemID());
            described_row.focused = has_keyboard_focus(ImGui::GetItemID());
            described_row.activatable = true;
            if (moved_to && *moved_to == static_cast<std::size_t>(i)) ImGui::SetScrollHereY();
            ImGui::TableNextColumn();
            describe_cell(row_key, "dossier", state.id(row));
            fitted_text(state.id(row));
            ImGui::TableNextColumn();
            describe_cell(row_key, "name", state.name(row));
            fitted_text(state.name(row));
            ImGui::TableNextColumn();
            describe_cell(row_key, "municipality", state.municipality(row));
            fitted_text(state.municipality(row));
            ImGui::TableNextColumn();
            describe_cell(row_key, "care-type", category_label(state.care_type(row)));
            fitted_text(category_label(state.care_type(row)));
            ImGui::TableNextColumn();
            describe_cell(row_key, "score", one_decimal(state.display_score(row)));
            score_cell(state, row);
        }
    }
    if (clipper.ItemsHeight > 0.0f) {
        view_marks().ranking_scroll_rows = ImGui::GetScrollY() / clipper.ItemsHeight;
        view_marks().ranking_scroll_max_rows = ImGui::GetScrollMaxY() / clipper.ItemsHeight;
    }
    ImGui::EndTable();
}

}  // namespace

void draw_ranking_view(Session& state, const Fonts& fonts, RankingViewState& view, bool focus_filter) {
    filter_bar(state, view, focus_filter);
    ImGui::PushStyleColor(ImGuiCol_Text, palette::muted_text);
    wrapped_text(tr(TextId::score_disclaimer));
    ImGui::PopStyleColor();

    const float status_height = ImGui::GetFrameHeightWithSpacing();
    ranking_table(state, fonts, view.list,
                  std::max(ImGui::GetFontSize() * 4.0f, ImGui::GetContentRegionAvail().y - status_height));

    const std::size_t shown = view.list.rows(state).size();
    if (shown == 0) {
        ImGui::TextUnformatted(tr(TextId::no_matches));
    } else {
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled(tr(TextId::showing_rows), group_thousands(shown).c_str(),
                            counted_text(CountedText::dossiers, state.dataset().row_count()).c_str());
    }
}

}  // namespace radar::ui
