// The report screen's audit section: agreement and automation bias side by side (one above the
// other when narrow), then the disparity chart drawn with the window's draw list. Every mark of
// the chart is also said in words next to its group (never colour alone).
#include "ui/report_audit_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "session/i18n.hpp"
#include "session/value_labels.hpp"
#include "ui/audit_texts.hpp"
#include "ui/item_marks.hpp"

namespace radar::ui {
namespace {

constexpr ImU32 band_fill = IM_COL32(220, 239, 227, 255);
constexpr ImU32 band_edge = IM_COL32(61, 139, 90, 255);
constexpr ImU32 parity_line = IM_COL32(95, 108, 120, 255);
constexpr ImU32 grid_line = IM_COL32(227, 232, 236, 255);

void block_title(const char* title, const Fonts& fonts) {
    ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
}

// Figures as label and value rows, each value on one line: wrapped text could break inside a number
// (ImGui wraps after a comma, the Dutch decimal mark).
class FigureRows {
public:
    explicit FigureRows(const char* id) : open_(ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingFixedFit)) {}
    ~FigureRows() {
        if (open_) ImGui::EndTable();
    }
    void row(const std::string& label, const std::string& value) {
        if (!open_) return;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, palette::muted_text);
        ImGui::TextUnformatted(label.c_str());
        ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(-1.0f);  // one line: never broken inside a number
        ImGui::TextUnformatted(value.c_str());
        ImGui::PopTextWrapPos();
    }

private:
    bool open_;
};

void muted_wrapped(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::muted_text);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

// A statistic for a row; when undefined just "niet bepaald" (why is said under the rows).
std::string row_statistic(const EstimatedStatistic& statistic, bool as_percent) {
    return statistic.estimate.value ? statistic_text(statistic, as_percent) : tr(TextId::report_undefined);
}

void agreement_block(const AuditReport& audit, const Fonts& fonts) {
    block_title(tr(TextId::audit_agreement_title), fonts);
    const CoderAgreement& agreement = audit.agreement;
    const AgreementFigures& overall = agreement.overall;
    if (overall.table.units == 0) {
        ImGui::TextWrapped("%s", tr(TextId::audit_agreement_none));
        return;
    }
    const TextLanguage lang = language();
    const char* none = "\xE2\x80\x93";
    {
        FigureRows rows("agreement_rows");
        rows.row(tr(TextId::report_row_double_coded), counted_text(CountedText::dossiers, overall.table.units));
        rows.row(tr(TextId::report_row_same_code),
                 std::to_string(overall.table.agreeing()) + ": " + statistic_text(overall.percent, true));
        rows.row(tr(TextId::report_row_kappa), row_statistic(overall.kappa, false));
        rows.row(tr(TextId::report_row_kappa_verdict),
                 overall.kappa_strength ? kappa_strength_label(*overall.kappa_strength, lang) : none);
        rows.row(tr(TextId::report_row_alpha), row_statistic(overall.alpha, false));
        rows.row(tr(TextId::report_row_alpha_verdict),
                 overall.alpha_verdict ? alpha_verdict_label(*overall.alpha_verdict, lang) : none);
        rows.row(tr(TextId::report_row_decided), std::to_string(agreement.adjudicated) + " / " +
                                                     std::to_string(agreement.awaiting_adjudication.size()));
    }
    if (!overall.kappa.estimate.value) muted_wrapped(undefined_label(*overall.kappa.estimate.undefined, lang));
    char thresholds[512];
    std::snprintf(thresholds, sizeof thresholds, tr(TextId::audit_thresholds), overall.bootstrap.resamples);
    muted_wrapped(thresholds);
}

void automation_block(const AutomationBiasFigures& bias, const Fonts& fonts) {
    block_title(tr(TextId::report_automation_title), fonts);
    std::string opened = proportion_text(bias.reasons_opened.opened);
    if (bias.reasons_opened.not_recorded > 0)
        opened += "; " + filled(TextId::report_reasons_not_recorded,
                                {counted_text(CountedText::codes, bias.reasons_opened.not_recorded)});
    {
        FigureRows rows("automation_rows");
        rows.row(tr(TextId::report_row_following_visible), proportion_text(bias.visible.following));
        rows.row(tr(TextId::report_row_following_blind), proportion_text(bias.blind.following));
        rows.row(filled(TextId::report_row_paired_visible, {counted_text(CountedText::dossiers, bias.paired.dossiers)}),
                 proportion_text(bias.paired.visible));
        rows.row(tr(TextId::report_row_paired_blind), proportion_text(bias.paired.blind));
        rows.row(tr(TextId::report_row_reasons_opened), opened);
    }
    muted_wrapped(tr(TextId::report_automation_rule));
}

// A group's ratio and its marks in words: "0,91 (0,62 – 1,34)  (te weinig om te oordelen)".
std::string group_value(const GroupFigures& figures) {
    const Disparity& disparity = figures.selection_disparity;
    std::string text = disparity.ratio ? disparity_text(disparity) : tr(TextId::report_no_ratio);
    if (figures.reference) text += std::string("  ") + tr(TextId::audit_reference_mark);
    if (figures.too_few) text += std::string("  ") + tr(TextId::audit_too_few);
    return text;
}

// The pooled selection-rate ratios on a log scale from 0.25 to 4: the fair band shaded with its
// edges, a dotted line at 1, per group a dot (open when too few to judge) with its 95% interval
// as a bar, the group's name on the left and its ratio and marks on the right.
void disparity_chart(const GroupTable& table, const FairBand& band, float width) {
    const float em = ImGui::GetFontSize();
    const float row = em * 1.45f;
    std::vector<std::string> names, values;
    float name_room = 0, value_room = 0;
    for (const GroupFigures& figures : table.groups) {
        names.push_back(figures.group.empty() ? tr(TextId::audit_empty_group) : figures.group);
        values.push_back(group_value(figures));
        name_room = std::max(name_room, ImGui::CalcTextSize(names.back().c_str()).x);
        value_room = std::max(value_room, ImGui::CalcTextSize(values.back().c_str()).x);
    }
    name_room = std::min(name_room, width * 0.3f);
    const float plot = std::clamp(width - name_room - value_room - em * 2.0f, em * 10.0f, em * 24.0f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float rows_height = row * static_cast<float>(table.groups.size());
    ImGui::Dummy(ImVec2(std::min(width, name_room + plot + value_room + em * 2.0f), rows_height + em * 1.5f));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float left = origin.x + name_room + em * 0.8f, top = origin.y, bottom = origin.y + rows_height;
    const auto x_of = [&](double ratio) {
        const double clamped = std::clamp(ratio, 0.25, 4.0);
        return left + plot * static_cast<float>((std::log(clamped) - std::log(0.25)) / std::log(16.0));
    };
    draw->AddRectFilled(ImVec2(x_of(band.low), top), ImVec2(x_of(band.high), bottom), band_fill);
    for (const double tick : {0.25, 0.5, 2.0, 4.0})
        draw->AddLine(ImVec2(x_of(tick), top), ImVec2(x_of(tick), bottom), grid_line);
    draw->AddLine(ImVec2(x_of(band.low), top), ImVec2(x_of(band.low), bottom), band_edge, 1.5f);
    draw->AddLine(ImVec2(x_of(band.high), top), ImVec2(x_of(band.high), bottom), band_edge, 1.5f);
    for (float y = top; y < bottom; y += em * 0.5f)
        draw->AddLine(ImVec2(x_of(1.0), y), ImVec2(x_of(1.0), std::min(y + em * 0.25f, bottom)), parity_line);
    for (const double tick : {0.25, 0.5, 1.0, 2.0, 4.0}) {
        const std::string label = decimal_text(tick, tick < 0.3 ? 2 : tick < 1 ? 1 : 0);
        const float label_width = ImGui::CalcTextSize(label.c_str()).x;
        draw->AddText(ImVec2(x_of(tick) - label_width / 2, bottom + em * 0.2f), palette::muted_text, label.c_str());
    }
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    for (std::size_t i = 0; i < table.groups.size(); ++i) {
        const GroupFigures& figures = table.groups[i];
        const Disparity& disparity = figures.selection_disparity;
        const float middle = top + row * (static_cast<float>(i) + 0.5f);
        const ImVec2 name_size = ImGui::CalcTextSize(names[i].c_str());
        draw->PushClipRect(ImVec2(origin.x, top), ImVec2(left - em * 0.4f, bottom), true);
        draw->AddText(ImVec2(std::max(origin.x, left - em * 0.5f - name_size.x), middle - em * 0.5f),
                      palette::muted_text, names[i].c_str());
        draw->PopClipRect();
        if (disparity.interval) {
            const float low = x_of(disparity.interval->low), high = x_of(disparity.interval->high), tick = em * 0.25f;
            draw->AddLine(ImVec2(low, middle), ImVec2(high, middle), ink, 1.5f);
            draw->AddLine(ImVec2(low, middle - tick), ImVec2(low, middle + tick), ink, 1.5f);
            draw->AddLine(ImVec2(high, middle - tick), ImVec2(high, middle + tick), ink, 1.5f);
        }
        if (disparity.ratio) {
            const ImVec2 centre(x_of(*disparity.ratio), middle);
            const bool outside = disparity.in_band && !*disparity.in_band;
            const ImU32 colour = outside ? palette::error_text : palette::header_band;
            if (figures.too_few) {
                draw->AddCircleFilled(centre, em * 0.3f, IM_COL32(255, 255, 255, 255));
                draw->AddCircle(centre, em * 0.3f, colour, 0, 1.5f);
            } else {
                draw->AddCircleFilled(centre, em * 0.3f, colour);
            }
        }
        draw->AddText(ImVec2(left + plot + em * 0.8f, middle - em * 0.5f), ink, values[i].c_str());
    }
}

void disparity_block(const Session& state, const GroupAudit& grouping, const Fonts& fonts, float width) {
    std::string name = session::grouping_label(state.field_dictionary(), grouping.grouping);
    if (grouping.protected_attribute) name += std::string("  ") + tr(TextId::audit_protected_mark);
    block_title(filled(TextId::report_disparity_title, {name}).c_str(), fonts);
    ImGui::TextWrapped(
        tr(TextId::audit_reference_line), grouping.reference_group.c_str(),
        grouping.reference_chosen ? tr(TextId::audit_reference_chosen) : tr(TextId::audit_reference_largest),
        grouping.pooled.selected, counted_text(CountedText::batches, grouping.batches.size()).c_str());
    if (!grouping.pooled.groups.empty()) disparity_chart(grouping.pooled, grouping.band, width);
    ImGui::PushStyleColor(ImGuiCol_Text, palette::muted_text);
    ImGui::TextWrapped(tr(TextId::report_disparity_legend), decimal_text(grouping.band.low, 2).c_str(),
                       decimal_text(grouping.band.high, 2).c_str());
    ImGui::TextWrapped("%s", tr(TextId::report_disparity_basis));
    ImGui::PopStyleColor();
}

}  // namespace

void draw_report_audit(const Session& state, const Checked<AuditReport>* audit, const Fonts& fonts) {
    const float em = ImGui::GetFontSize();
    const float available = ImGui::GetContentRegionAvail().x;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(available, em * 60.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, palette::muted_text);
    ImGui::TextWrapped("%s", tr(TextId::report_audit_intro));
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    if (ImGui::SmallButton(tr(TextId::report_audit_go))) request_screen(Screen::audit);
    note_last_item("report-audit-go");
    if (!audit) return;
    if (!*audit) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette::error_text);
        ImGui::TextWrapped("%s", audit->error().c_str());
        ImGui::PopStyleColor();
        return;
    }
    const AuditReport& figures = **audit;
    ImGui::Spacing();
    const float spacing = ImGui::GetStyle().ItemSpacing.x * 3;
    const bool two_columns = available > em * 56.0f;
    const float width = two_columns ? (available - spacing) / 2 : available;
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    agreement_block(figures, fonts);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    if (two_columns)
        ImGui::SameLine(0, spacing);
    else
        ImGui::Spacing();
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    automation_block(figures.automation_bias, fonts);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    if (figures.groupings.empty()) return;
    ImGui::Spacing();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(available, em * 60.0f));
    disparity_block(state, figures.groupings.front(), fonts, std::min(available, em * 60.0f));
    ImGui::PopTextWrapPos();
}

}  // namespace radar::ui
