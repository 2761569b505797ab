// Describes an ImGui table for the accessibility layer while it is drawn: the table, its column
// headers and each row with its cells, placed by the table's own column edges.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace radar::ui {

// Use between ImGui::BeginTable (after the columns are set up) and its end:
//   DescribedTable table("versions", name);   // draws and describes the header row
//   table.next_row();  table.text_cell(text);  table.next_cell(text); ImGui::Button(...);
//   table.end();                              // ImGui::EndTable
class DescribedTable {
public:
    // `row_count` (header included) is given when only some rows are drawn (a list clipper).
    DescribedTable(std::string key, std::string name, int row_count = 0);
    // ImGui::TableNextRow and a row; `index` is its place in the whole list (0 based), when
    // only some rows are drawn.
    void next_row(std::optional<int> index = std::nullopt);
    // ImGui::TableNextColumn and a cell saying `text`; the caller draws the cell. Widgets
    // described while it is drawn belong to it.
    void next_cell(std::string text);
    // The same, and draws `text` as it is.
    void text_cell(const std::string& text);
    // ImGui::EndTable; the table's box is final.
    void end();

private:
    void finish_cell();
    void finish_row();

    std::string key_;
    std::size_t table_at_ = 0;
    bool counted_ = false;
    int rows_ = 0;
    std::string row_key_;
    std::string cell_key_;
    std::optional<std::size_t> row_at_;
    std::vector<std::size_t> cells_at_;  // the row's cells in the described widgets
};

}  // namespace radar::ui
