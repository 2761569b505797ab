// The report screen's audit section: agreement and automation bias side by side (one above the
// other when narrow), then the Audit tab's disparity chart of the first grouping's selection rates. Every mark of
// the chart is also said in words next to its group (never colour alone).
#include "ui/report_audit_view.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>

#include "session/i18n.hpp"
#include "session/value_labels.hpp"
#include "ui/audit_texts.hpp"
#include "ui/disparity_chart_widget.hpp"
#include "ui/described_widgets.hpp"
#include "ui/item_marks.hpp"
#include "ui/text_widgets.hpp"

namespace radar::ui {
namespace {

void block_title(const char* title, const Fonts& fonts) {
    ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    describe_heading(title, 3, std::string("report-audit-title:") + title);
}

// Figures as label and value rows, each value on one line: wrapped text could break inside a number
// (ImGui wraps after a comma, the Dutch decimal mark). A table named `name` in the page's layer.
class FigureRows {
public:
    FigureRows(const char* id, const char* name) {
        if (ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingFixedFit)) described_.emplace(std::string("report-") + id, name);
    }
    ~FigureRows() {
        if (!described_) return;
        described_->finish();
        ImGui::EndTable();
    }
    void row(const std::string& label, const std::string& value) {
        if (!described_) return;
        described_->next_row();
        ImGui::PushStyleColor(ImGuiCol_Text, palette::muted_text);
        described_->cell(label);
        ImGui::PopStyleColor();
        ImGui::PushTextWrapPos(-1.0f);  // one line: never broken inside a number
        described_->cell(value);
        ImGui::PopTextWrapPos();
    }

private:
    std::optional<MirroredTable> described_;
};

void muted_wrapped(const std::string& text, const std::string& key) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::muted_text);
    wrapped_text(text);
    ImGui::PopStyleColor();
    describe_paragraph(text, key);
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
        wrapped_text(tr(TextId::audit_agreement_none));
        describe_paragraph(tr(TextId::audit_agreement_none), "report-agreement-none");
        return;
    }
    const TextLanguage lang = language();
    const char* none = "\xE2\x80\x93";
    {
        FigureRows rows("agreement_rows", tr(TextId::audit_agreement_title));
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
    if (!overall.kappa.estimate.value)
        muted_wrapped(undefined_label(*overall.kappa.estimate.undefined, lang), "report-kappa-undefined");
    char thresholds[512];
    std::snprintf(thresholds, sizeof thresholds, tr(TextId::audit_thresholds), overall.bootstrap.resamples);
    muted_wrapped(thresholds, "report-thresholds");
}

void automation_block(const AutomationBiasFigures& bias, const Fonts& fonts) {
    block_title(tr(TextId::report_automation_title), fonts);
    std::string opened = proportion_text(bias.reasons_opened.opened);
    if (bias.reasons_opened.not_recorded > 0)
        opened += "; " + filled(TextId::report_reasons_not_recorded,
                                {counted_text(CountedText::codes, bias.reasons_opened.not_recorded)});
    {
        FigureRows rows("automation_rows", tr(TextId::report_automation_title));
        rows.row(tr(TextId::report_row_following_visible), proportion_text(bias.visible.following));
        rows.row(tr(TextId::report_row_following_blind), proportion_text(bias.blind.following));
        rows.row(filled(TextId::report_row_paired_visible, {counted_text(CountedText::dossiers, bias.paired.dossiers)}),
                 proportion_text(bias.paired.visible));
        rows.row(tr(TextId::report_row_paired_blind), proportion_text(bias.paired.blind));
        rows.row(tr(TextId::report_row_reasons_opened), opened);
    }
    muted_wrapped(tr(TextId::report_automation_rule), "report-automation-rule");
}

void disparity_block(const Session& state, const GroupAudit& grouping, const Fonts& fonts) {
    std::string name = session::grouping_label(state.field_dictionary(), grouping.grouping);
    if (grouping.protected_attribute) name += std::string("  ") + tr(TextId::audit_protected_mark);
    const std::string title = filled(TextId::report_disparity_title, {name});
    block_title(title.c_str(), fonts);
    char reference[512];
    std::snprintf(reference, sizeof reference, tr(TextId::audit_reference_line), grouping.reference_group.c_str(),
                  grouping.reference_chosen ? tr(TextId::audit_reference_chosen) : tr(TextId::audit_reference_largest),
                  grouping.pooled.selected, counted_text(CountedText::batches, grouping.batches.size()).c_str());
    wrapped_text(reference);
    describe_paragraph(reference, "report-disparity-reference");
    if (!grouping.pooled.groups.empty())
        draw_disparity_chart(disparity_chart_layout(grouping.pooled, DisparityMetric::selection_rate, grouping.band),
                             "report-disparity-chart", title);
    muted_wrapped(tr(TextId::audit_chart_legend), "report-disparity-legend");
    muted_wrapped(tr(TextId::report_disparity_basis), "report-disparity-basis");
}

}  // namespace

void draw_report_audit(const Session& state, const Checked<AuditReport>* audit, const Fonts& fonts) {
    const float em = ImGui::GetFontSize();
    const float available = ImGui::GetContentRegionAvail().x;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(available, em * 60.0f));
    muted_wrapped(tr(TextId::report_audit_intro), "report-audit-intro");
    ImGui::PopTextWrapPos();
    if (ImGui::SmallButton(tr(TextId::report_audit_go))) request_screen(Screen::audit);
    note_last_item("report-audit-go", Role::button, tr(TextId::report_audit_go));
    if (!audit) return;
    if (!*audit) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette::error_text);
        wrapped_text(audit->error());
        ImGui::PopStyleColor();
        describe_last_item(Role::status, audit->error(), "report-audit-error");
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
    disparity_block(state, figures.groupings.front(), fonts);
    ImGui::PopTextWrapPos();
}

}  // namespace radar::ui
