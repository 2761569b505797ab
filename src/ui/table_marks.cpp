// The rows and cells of a described table, boxed by the table's column edges and the height the
// row's content took.
#include "ui/table_marks.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <utility>

#include "ui/item_marks.hpp"

namespace radar::ui {

namespace {

AccessibleItem& item_at(std::size_t at) { return view_marks().accessible[at]; }

}  // namespace

DescribedTable::DescribedTable(std::string key, std::string name, int row_count)
    : key_(std::move(key)), counted_(row_count > 0) {
    const ImGuiTable* table = ImGui::GetCurrentTable();
    const ImRect& outer = table->OuterRect;
    table_at_ = view_marks().accessible.size();
    AccessibleItem& described = describe(key_, Role::table, std::move(name),
                                         WidgetBox{outer.Min.x, outer.Min.y, outer.Max.x, outer.Min.y});
    described.row_count = row_count;
    const float top = ImGui::GetCursorScreenPos().y;
    ImGui::TableHeadersRow();
    const float bottom = top + ImGui::TableGetHeaderRowHeight();
    const std::string header_key = key_ + ":header";
    const std::size_t header_at = view_marks().accessible.size();
    AccessibleItem& header = describe(header_key, Role::row, "");
    header.container = key_;
    header.row_index = counted_ ? 1 : 0;
    WidgetBox header_box;
    for (int column = 0; column < ImGui::TableGetColumnCount(); ++column) {
        const ImGuiTableColumn& edges = table->Columns[column];
        const WidgetBox box{edges.MinX, top, edges.MaxX, bottom};
        describe(header_key + ":" + std::to_string(column), Role::columnheader, ImGui::TableGetColumnName(column), box)
            .container = header_key;
        grow_box(header_box, box);
    }
    item_at(header_at).box = header_box;
}

void DescribedTable::next_row(std::optional<int> index) {
    finish_row();
    ImGui::TableNextRow();
    const int place = index.value_or(rows_);
    ++rows_;
    row_key_ = key_ + ":" + std::to_string(place);
    row_at_ = view_marks().accessible.size();
    const ImGuiTable* table = ImGui::GetCurrentTable();
    AccessibleItem& row = describe(row_key_, Role::row, "",
                                   WidgetBox{table->OuterRect.Min.x, table->RowPosY1, table->OuterRect.Max.x,
                                             table->RowPosY1 + ImGui::GetFrameHeight()});
    row.container = key_;
    row.row_index = counted_ ? place + 2 : 0;
}

void DescribedTable::next_cell(std::string text) {
    finish_cell();
    ImGui::TableNextColumn();
    const ImGuiTable* table = ImGui::GetCurrentTable();
    const int column = ImGui::TableGetColumnIndex();
    const ImGuiTableColumn& edges = table->Columns[column];
    cell_key_ = row_key_ + ":" + std::to_string(column);
    cells_at_.push_back(view_marks().accessible.size());
    describe(cell_key_, Role::cell, std::move(text),
             WidgetBox{edges.MinX, table->RowPosY1, edges.MaxX, table->RowPosY1 + ImGui::GetFrameHeight()})
        .container = row_key_;
}

void DescribedTable::text_cell(const std::string& text) {
    next_cell(text);
    ImGui::TextUnformatted(text.c_str());
}

// The widgets described since the cell began are in it (unless they are in one of them).
void DescribedTable::finish_cell() {
    if (cells_at_.empty()) return;
    std::vector<AccessibleItem>& items = view_marks().accessible;
    for (std::size_t at = cells_at_.back() + 1; at < items.size(); ++at)
        if (items[at].container.empty()) items[at].container = cell_key_;
}

// The row ends where its tallest cell's content did (a wrapped note makes it taller).
void DescribedTable::finish_row() {
    if (!row_at_) return;
    finish_cell();
    const float bottom = std::max(ImGui::GetCurrentWindow()->DC.CursorMaxPos.y, item_at(*row_at_).box.bottom);
    item_at(*row_at_).box.bottom = bottom;
    for (const std::size_t cell : cells_at_) item_at(cell).box.bottom = bottom;
    cells_at_.clear();
    row_at_.reset();
}

void DescribedTable::end() {
    finish_row();
    ImGui::EndTable();
    item_at(table_at_).box.bottom = ImGui::GetItemRectMax().y;
}

}  // namespace radar::ui
