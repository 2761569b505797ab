// The disparity chart (see disparity_chart_widget.hpp): layout from the core
// (disparity_chart_layout), drawing and the rows' texts here; sizes in font units.
#include "ui/disparity_chart_widget.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "session/i18n.hpp"
#include "ui/item_marks.hpp"
#include "ui/session_names.hpp"
#include "ui/text_widgets.hpp"
#include "ui/theme.hpp"

namespace radar::ui {
namespace {

constexpr ImU32 band_fill = IM_COL32(214, 236, 222, 255);
constexpr ImU32 band_edge = IM_COL32(120, 170, 135, 255);
constexpr ImU32 row_track = IM_COL32(222, 226, 232, 255);
constexpr ImU32 ink = IM_COL32(50, 60, 70, 255);
constexpr ImU32 in_band_dot = IM_COL32(30, 90, 150, 255);
constexpr ImU32 outside_mark = palette::error_text;

// A ratio as the app writes numbers, without trailing zeros: 0,25 / 0,5 / 1 / 1,25 (nl).
std::string short_number(double value) {
    std::string text = decimal_text(value, 2);
    while (!text.empty() && text.back() == '0') text.pop_back();
    if (!text.empty() && (text.back() == ',' || text.back() == '.')) text.pop_back();
    return text;
}

std::string group_name(const DisparityChartRow& row) {
    return row.group.empty() ? tr(TextId::audit_empty_group) : row.group;
}

// What the row's marks mean, in words: the ratio (past which end), outside the band, reference,
// too few to judge.
std::string row_status(const DisparityChartRow& row) {
    std::string text;
    if (!row.ratio) {
        text = tr(TextId::audit_chart_no_ratio);
    } else {
        text = decimal_text(*row.ratio, 2);
        char beyond[64] = "";
        if (row.dot->side == AxisSide::below)
            std::snprintf(beyond, sizeof beyond, tr(TextId::audit_chart_below_axis), short_number(disparity_axis_low).c_str());
        if (row.dot->side == AxisSide::above)
            std::snprintf(beyond, sizeof beyond, tr(TextId::audit_chart_above_axis), short_number(disparity_axis_high).c_str());
        if (*beyond) text += std::string(" (") + beyond + ")";
    }
    if (row.in_band == false) text += std::string("  ") + tr(TextId::audit_outside_band);
    if (row.reference) text += std::string(" \xC2\xB7 ") + tr(TextId::audit_chart_reference);
    if (row.too_few) text += std::string(" \xC2\xB7 ") + tr(TextId::audit_chart_too_few);
    return text;
}

// A filled triangle pointing left or right at `tip`: a value past that end of the axis.
void arrow(ImDrawList* draw, ImVec2 tip, bool right, float size, ImU32 colour) {
    const float back = right ? -size : size;
    draw->AddTriangleFilled(tip, ImVec2(tip.x + back, tip.y - size * 0.6f), ImVec2(tip.x + back, tip.y + size * 0.6f),
                            colour);
}

struct PlotStrip {
    float left = 0, right = 0, top = 0, bottom = 0;
    float x(double position) const { return left + static_cast<float>(position) * (right - left); }
    float middle() const { return (top + bottom) * 0.5f; }
};

// The band, the line at 1, a faint track, then the whisker and the dot (a diamond outside the
// band, hollow for the reference and for too few to judge; an arrow past an end).
void draw_row_plot(ImDrawList* draw, const DisparityChartLayout& layout, const DisparityChartRow& row,
                   const PlotStrip& strip, float em) {
    const float y = strip.middle();
    draw->AddRectFilled(ImVec2(strip.x(layout.band_from), strip.top), ImVec2(strip.x(layout.band_to), strip.bottom),
                        band_fill);
    draw->AddLine(ImVec2(strip.left, y), ImVec2(strip.right, y), row_track, 1.0f);
    draw->AddLine(ImVec2(strip.x(layout.one), strip.top), ImVec2(strip.x(layout.one), strip.bottom), ink, 1.0f);
    const float mark = em * 0.32f;
    if (row.from && row.to) {
        const float from = strip.x(row.from->position), to = strip.x(row.to->position);
        draw->AddLine(ImVec2(from, y), ImVec2(to, y), ink, 1.5f);
        if (row.from->side == AxisSide::below) arrow(draw, ImVec2(from, y), false, mark * 1.3f, ink);
        else draw->AddLine(ImVec2(from, y - mark), ImVec2(from, y + mark), ink, 1.5f);
        if (row.to->side == AxisSide::above) arrow(draw, ImVec2(to, y), true, mark * 1.3f, ink);
        else draw->AddLine(ImVec2(to, y - mark), ImVec2(to, y + mark), ink, 1.5f);
    }
    if (!row.dot) return;
    const bool outside = row.in_band == false;
    const ImU32 colour = outside ? outside_mark : in_band_dot;
    const ImVec2 at(strip.x(row.dot->position), y);
    if (row.dot->side != AxisSide::inside) {
        arrow(draw, at, row.dot->side == AxisSide::above, mark * 1.8f, colour);
        return;
    }
    if (outside) {
        const float r = mark * 1.35f;
        draw->AddQuadFilled(ImVec2(at.x, at.y - r), ImVec2(at.x + r, at.y), ImVec2(at.x, at.y + r), ImVec2(at.x - r, at.y),
                            colour);
    } else if (row.reference || row.too_few) {
        draw->AddCircleFilled(at, mark, IM_COL32_WHITE);
        draw->AddCircle(at, mark, colour, 0, 2.0f);
    } else {
        draw->AddCircleFilled(at, mark, colour);
    }
}

// The axis under the rows: a line, the band's edges, ticks and as many labels as fit (1 and the
// ends first, then 0,5 and 2, then 0,8 and 1,25), none overlapping or past the chart's edges.
void draw_axis(ImDrawList* draw, const DisparityChartLayout& layout, const PlotStrip& strip, float em) {
    draw->AddLine(ImVec2(strip.left, strip.top), ImVec2(strip.right, strip.top), ink, 1.0f);
    for (double edge : {layout.band_from, layout.band_to})
        draw->AddLine(ImVec2(strip.x(edge), strip.top - em * 0.3f), ImVec2(strip.x(edge), strip.top), band_edge, 2.0f);
    constexpr double priority[] = {1.0, 0.25, 4.0, 0.5, 2.0, 0.8, 1.25};
    std::vector<std::pair<float, float>> taken;
    const float gap = em * 0.5f;
    for (double value : priority) {
        const auto tick = std::find_if(layout.ticks.begin(), layout.ticks.end(),
                                       [&](const AxisTick& candidate) { return candidate.value == value; });
        if (tick == layout.ticks.end()) continue;
        const float x = strip.x(tick->position);
        draw->AddLine(ImVec2(x, strip.top), ImVec2(x, strip.top + em * 0.3f), ink, 1.0f);
        const std::string label = short_number(value);
        const float width = ImGui::CalcTextSize(label.c_str()).x;
        const float left = std::min(std::max(x - width * 0.5f, strip.left), strip.right - width);
        const bool overlaps = std::any_of(taken.begin(), taken.end(), [&](const std::pair<float, float>& span) {
            return left < span.second + gap && left + width + gap > span.first;
        });
        if (overlaps) continue;
        taken.emplace_back(left, left + width);
        draw->AddText(ImVec2(left, strip.top + em * 0.35f), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
    }
}

void row_tooltip(const DisparityChartRow& row, const std::string& status) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(group_name(row).c_str());
    ImGui::TextUnformatted(status.c_str());
    if (row.interval)
        ImGui::Text("95%%: %s \xE2\x80\x93 %s", decimal_text(row.interval->low, 2).c_str(),
                    decimal_text(row.interval->high, 2).c_str());
    ImGui::EndTooltip();
}

}  // namespace

void draw_disparity_chart(const DisparityChartLayout& layout, const std::string& key, const std::string& title) {
    if (layout.rows.empty()) return;
    const float em = ImGui::GetFontSize();
    const float gap = em * 0.75f;
    const float width = std::max(ImGui::GetContentRegionAvail().x, em * 8.0f);
    std::vector<std::string> statuses;
    float name_width = 0.0f, status_width = 0.0f;
    for (const DisparityChartRow& row : layout.rows) {
        statuses.push_back(row_status(row));
        name_width = std::max(name_width, ImGui::CalcTextSize(group_name(row).c_str()).x);
        status_width = std::max(status_width, ImGui::CalcTextSize(statuses.back().c_str()).x);
    }
    // Wide: name | plot | status on one line. Narrow: name and status over the plot, or each on a
    // line of its own when both do not fit side by side.
    const float label_width = std::min(name_width, std::max(em * 6.0f, width * 0.22f));
    const bool wide = width - label_width - status_width - 2.0f * gap >= em * 18.0f;
    const bool stacked = !wide && status_width + gap + em * 4.0f > width;
    const float line = ImGui::GetTextLineHeight();
    const float text_lines = wide ? 0.0f : stacked ? 2.0f : 1.0f;
    const float row_height = wide ? em * 1.5f : line * text_lines + em * 1.4f;
    const float axis_height = line + em * 0.6f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float plot_left = wide ? origin.x + label_width + gap : origin.x + em * 0.5f;
    const float plot_right = wide ? origin.x + width - status_width - gap : origin.x + width - em * 0.5f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    for (std::size_t i = 0; i < layout.rows.size(); ++i) {
        const DisparityChartRow& row = layout.rows[i];
        const float top = origin.y + row_height * static_cast<float>(i);
        const ImU32 status_colour = row.in_band == false ? outside_mark : text;
        PlotStrip strip{plot_left, plot_right, top + line * text_lines, top + row_height};
        if (wide) {
            const float text_y = top + (row_height - line) * 0.5f;
            draw->AddText(ImVec2(origin.x, text_y), text, cut_to_width(group_name(row), label_width).c_str());
            draw->AddText(ImVec2(plot_right + gap, text_y), status_colour, statuses[i].c_str());
        } else if (stacked) {
            draw->AddText(ImVec2(origin.x, top), text, cut_to_width(group_name(row), width).c_str());
            draw->AddText(ImVec2(origin.x, top + line), status_colour, cut_to_width(statuses[i], width).c_str());
        } else {
            const float status_x = origin.x + width - status_width;
            draw->AddText(ImVec2(origin.x, top), text, cut_to_width(group_name(row), status_x - origin.x - gap).c_str());
            draw->AddText(ImVec2(status_x, top), status_colour, statuses[i].c_str());
        }
        draw_row_plot(draw, layout, row, strip, em);
        if (ImGui::IsWindowHovered() &&
            ImGui::IsMouseHoveringRect(ImVec2(origin.x, top), ImVec2(origin.x + width, top + row_height)))
            row_tooltip(row, statuses[i]);
    }
    const float axis_top = origin.y + row_height * static_cast<float>(layout.rows.size());
    draw_axis(draw, layout, PlotStrip{plot_left, plot_right, axis_top, axis_top + axis_height}, em);
    ImGui::Dummy(ImVec2(width, axis_top + axis_height - origin.y));
    std::string description = title + ".";
    for (std::size_t i = 0; i < layout.rows.size(); ++i)
        description += " " + group_name(layout.rows[i]) + ": " + statuses[i] + (i + 1 < layout.rows.size() ? ";" : ".");
    describe_last_item(Role::img, description, key);
}

}  // namespace radar::ui
