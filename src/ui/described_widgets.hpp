// Widgets that describe themselves to the page's accessibility layer (item_marks.hpp) while they
// draw: headings and paragraphs, combo boxes with their list of options, radio buttons as
// pressed/unpressed buttons, checkboxes with wrapping labels, number fields that take a value asked by assistive technology, and
// ImGui tables mirrored as tables with rows, column headers and cells.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/item_marks.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

// A section's title over a line (as section_title draws it), described as a heading of level 2.
void section_heading(const char* title, const Fonts& fonts);
// The last item as a heading of `level` (2: a screen's section, 3: a block within it).
void describe_heading(const std::string& text, int level, const std::string& key);
// The last item as a paragraph of text.
void describe_paragraph(const std::string& text, const std::string& key);

// ImGui::BeginCombo described as a combo box under `key` named `name` whose value is `preview`;
// while it is open, its list (`key` + ":list") holds the options described_option draws.
bool begin_described_combo(const char* id, const std::string& key, const std::string& name, const char* preview);
// ImGui::Selectable inside an open described combo, described as one of its options.
bool described_option(const std::string& combo_key, const char* label, bool selected);

// The last item (a collapsing header, a tree node) as a button that opens and closes a section,
// expanded while `open`.
void describe_disclosure(const std::string& name, const std::string& key, bool open);

// ImGui::RadioButton described as a button that is pressed while its choice is the active one.
bool described_radio(const char* label, bool active, const std::string& key);

// ImGui::Checkbox described as a checkbox under `key`, its label wrapping at the column's edge
// (a narrow column, large text) instead of running out of it; a click on the label toggles too.
bool described_checkbox(const char* label, bool& value, const std::string& key);

// ImGui::InputInt described as a number field (marked `key` for automation too) from `min` to
// `max`. A value asked by assistive technology is taken as if typed. True when the value changed.
bool described_input_int(const char* id, const std::string& key, const std::string& name, int& value, int min, int max);

// An ImGui table as the page's layer shows it, for tables drawn with their own header rows and
// cells (Rapport, Evaluatie, Audit); ui/table_marks.hpp's DescribedTable does the same for the
// Model, Gegevens and Opslag screens and the audit at commit. Made after BeginTable succeeded; `finish` (before
// EndTable) sets the row count and the boxes of the rows and the table.
class MirroredTable {
public:
    MirroredTable(std::string key, std::string name);
    // ImGui::TableHeadersRow, described column by column.
    void headers_row();
    // A header row whose names wrap within their columns, for a table of stretched columns that
    // can be narrower than a name (ImGui's header cuts it); described as headers_row.
    void wrapped_headers_row();
    // A header row drawn by the caller: start_header_row, then header(text) in each column
    // before its text is drawn.
    void start_header_row();
    void header(const std::string& text);
    // ImGui::TableNextRow, described as the table's next row.
    void next_row();
    // Describes the current cell (after TableNextColumn or TableSetColumnIndex, before drawing it).
    void describe_cell(const std::string& text);
    // TableNextColumn, then its text, described.
    void cell(const std::string& text);
    // The same, the text wrapping at spaces within its column instead of running past its edge.
    void wrapped_cell(const std::string& text);
    void finish();

private:
    std::string key_;
    std::size_t table_at_;
    std::vector<std::size_t> rows_at_;
    std::string row_key_;
    int rows_ = 0;
};

}  // namespace radar::ui
