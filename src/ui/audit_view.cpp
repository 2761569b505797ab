// The Audit screen (see audit_view.hpp): five sections, top to bottom — the blind second code of
// the first dossier in the current screener's queue (keys 1/2/3, Enter saves), the disagreements
// with a decision form, the agreement figures, the group audit as `radar audit` prints it, and the
// audit each batch was frozen with (batch_audit_view.hpp).
#include "ui/audit_view.hpp"

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "core/reporting/report_summary.hpp"
#include "core/screening/event_text.hpp"
#include "core/fairness/audit_grouping.hpp"
#include "core/fairness/disparity_chart_layout.hpp"
#include "session/i18n.hpp"
#include "session/value_labels.hpp"
#include "ui/batch_audit_view.hpp"
#include "ui/disparity_chart_widget.hpp"
#include "ui/audit_texts.hpp"
#include "ui/described_widgets.hpp"
#include "ui/dossier_panel.hpp"
#include "ui/item_marks.hpp"
#include "ui/narrow_layout.hpp"
#include "ui/text_field_focus.hpp"
#include "ui/text_widgets.hpp"
#include "ui/workflow_widgets.hpp"

namespace radar::ui {
namespace {

constexpr ScreeningCode all_codes[] = {ScreeningCode::risico, ScreeningCode::geen_risico,
                                       ScreeningCode::verder_onderzoek_nodig};

// Why a form or a choice was refused, in the error colour; spoken by the page's live region.
void refusal_text(const std::string& refusal, const std::string& key) {
    if (refusal.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, palette::error_text);
    wrapped_text(refusal);
    ImGui::PopStyleColor();
    describe_last_item(Role::status, refusal, key);
}

// A secondary paragraph, wrapped at the window's edge.
void muted_paragraph(const std::string& text, const std::string& key) {
    ImGui::PushTextWrapPos(0.0f);
    wrapped_muted_text(text);
    ImGui::PopTextWrapPos();
    describe_paragraph(text, key);
}

// A paragraph in the text colour, wrapped at the window's edge.
void paragraph(const std::string& text, const std::string& key) {
    wrapped_text(text);
    describe_paragraph(text, key);
}

// Three code buttons (the chosen one highlighted), marked "code:<mark>-1" to "code:<mark>-3".
void code_choice(std::optional<ScreeningCode>& chosen, const char* mark) {
    int key = 1;
    for (ScreeningCode code : all_codes) {
        const bool is_chosen = chosen == code;
        if (is_chosen) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        const std::string label = std::to_string(key) + "  " + code_label(code, language()) + "##" + mark;
        if (ImGui::Button(label.c_str(), ImVec2(ImGui::GetFontSize() * 13.0f, 0))) chosen = code;
        note_last_item("code:" + std::string(mark) + "-" + std::to_string(key), Role::button, code_label(code, language()))
            .selected = is_chosen;
        if (is_chosen) ImGui::PopStyleColor();
        if (key < 3) ImGui::SameLine();
        ++key;
    }
}

void second_coding(Session& state, const Fonts& fonts, AuditViewState& view) {
    section_heading(tr(TextId::audit_second_coding_title), fonts);
    muted_paragraph(tr(TextId::audit_second_coding_intro), "audit-second-intro");
    if (state.screener().empty()) {
        paragraph(tr(TextId::audit_needs_screener), "audit-needs-screener");
        return;
    }
    const std::vector<SecondCodeItem> queue = second_code_queue(state);
    if (queue.empty()) {
        paragraph(tr(TextId::audit_queue_empty), "audit-queue-empty");
        if (!view.second_dossier.empty()) draw_save_status(state, second_code_subject(view.second_batch, view.second_dossier));
        return;
    }
    const SecondCodeItem& item = queue.front();
    if (item.dossier_id != view.second_dossier || item.batch_id != view.second_batch) {
        view.second_dossier = item.dossier_id;
        view.second_batch = item.batch_id;
        view.second_code.reset();
        view.second_note[0] = '\0';
        view.second_refusal.clear();
    }
    char queue_line[512];
    std::snprintf(queue_line, sizeof queue_line, tr(TextId::audit_queue_line), item.dossier_id.c_str(), item.month.c_str(),
                  queue.size());
    paragraph(queue_line, "audit-queue-line");
    if (item.row) {
        ImGui::BeginChild("second_dossier", ImVec2(0, ImGui::GetFontSize() * 12.0f), true);
        draw_dossier_fields(state, *item.row);
        ImGui::EndChild();
    } else {
        ImGui::TextDisabled("%s", tr(TextId::audit_dossier_not_in_data));
        describe_paragraph(tr(TextId::audit_dossier_not_in_data), "audit-not-in-data");
    }
    if (!text_field_is_editing()) {
        for (int key = 0; key < 3; ++key)
            if (ImGui::IsKeyPressed('1' + key, false)) view.second_code = all_codes[key];
    }
    code_choice(view.second_code, "second-code");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30.0f);
    const bool enter_in_note = ImGui::InputTextWithHint("##second_note", tr(TextId::second_code_note_hint),
                                                        view.second_note.data(), view.second_note.size(),
                                                        ImGuiInputTextFlags_EnterReturnsTrue);
    note_last_item("second-code-note", Role::textbox, tr(TextId::second_code_note_hint)).value = view.second_note.data();
    const bool enter = enter_in_note || (!text_field_is_editing() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false));
    const bool clicked = ImGui::Button(tr(TextId::save_second_code));
    note_last_item("save-second-code", Role::button, tr(TextId::save_second_code));
    if (clicked || enter) {
        SecondCodeDraft draft;
        draft.code = view.second_code;
        draft.note = view.second_note.data();
        view.second_refusal = save_second_code(state, item.batch_id, item.dossier_id, draft);
    }
    ImGui::SameLine();
    draw_save_status(state, second_code_subject(item.batch_id, item.dossier_id));
    refusal_text(view.second_refusal, "audit-second-refusal");
}

std::string coder_line(const std::string& screener, ScreeningCode code, const std::string& note) {
    std::string line = screener + ": " + code_label(code, language());
    if (!note.empty()) line += " \xE2\x80\x94 \"" + note + "\"";
    return line;
}

void adjudication(Session& state, const Fonts& fonts, AuditViewState& view) {
    section_heading(tr(TextId::audit_adjudication_title), fonts);
    const std::vector<Disagreement> disagreements = disagreements_awaiting(state);
    if (disagreements.empty()) {
        paragraph(tr(TextId::audit_no_disagreements), "audit-no-disagreements");
        if (!view.adjudicated_dossier.empty())
            draw_save_status(state, adjudication_subject(view.adjudicated_batch, view.adjudicated_dossier));
        return;
    }
    const Disagreement* chosen = nullptr;
    for (std::size_t i = 0; i < disagreements.size(); ++i) {
        const Disagreement& d = disagreements[i];
        const bool selected = d.batch_id == view.adjudicated_batch && d.dossier_id == view.adjudicated_dossier;
        if (selected) chosen = &d;
        const std::string label = d.dossier_id + " (" + d.month + ")##disagreement" + std::to_string(i);
        if (ImGui::Selectable(label.c_str(), selected, 0, ImVec2(ImGui::GetFontSize() * 10.0f, 0)) && !selected) {
            view.adjudicated_batch = d.batch_id;
            view.adjudicated_dossier = d.dossier_id;
            view.final_code.reset();
            view.reason[0] = '\0';
            view.adjudication_refusal.clear();
            chosen = &d;
        }
        if (i == 0) note_last_item("first-disagreement");
        const std::string codes = coder_line(d.first_screener, d.first_code, d.first_note) + "   |   " +
                                  coder_line(d.second_screener, d.second_code, d.second_note);
        describe_last_item(Role::button, d.dossier_id + " (" + d.month + "): " + codes,
                           "disagreement:" + d.batch_id + ":" + d.dossier_id)
            .selected = selected;
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0.0f);  // a long note wraps at the window's edge
        wrapped_text(codes);
        ImGui::PopTextWrapPos();
    }
    if (!chosen) {
        muted_paragraph(tr(TextId::audit_choose_disagreement), "audit-choose-disagreement");
        return;
    }
    ImGui::Spacing();
    char decide[256];
    std::snprintf(decide, sizeof decide, tr(TextId::audit_decide_line), chosen->dossier_id.c_str());
    paragraph(decide, "audit-decide-line");
    code_choice(view.final_code, "final-code");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30.0f);
    ImGui::InputTextWithHint("##reason", tr(TextId::adjudication_reason_hint), view.reason.data(), view.reason.size());
    note_last_item("adjudication-reason", Role::textbox, tr(TextId::adjudication_reason_hint)).value = view.reason.data();
    const bool clicked = ImGui::Button(tr(TextId::save_adjudication));
    note_last_item("save-adjudication", Role::button, tr(TextId::save_adjudication));
    if (clicked) {
        AdjudicationDraft draft;
        draft.final_code = view.final_code;
        draft.reason = view.reason.data();
        view.adjudication_refusal = save_adjudication(state, chosen->batch_id, chosen->dossier_id, draft);
    }
    ImGui::SameLine();
    draw_save_status(state, adjudication_subject(chosen->batch_id, chosen->dossier_id));
    refusal_text(view.adjudication_refusal, "audit-adjudication-refusal");
}

void agreement_table(const AgreementTable& table) {
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("agreement_table", 4, flags)) return;
    MirroredTable described("audit-agreement-table", tr(TextId::audit_agreement_title));
    ImGui::TableSetupColumn(tr(TextId::audit_table_corner));
    for (ScreeningCode code : all_codes) ImGui::TableSetupColumn(code_label(code, language()));
    described.headers_row();
    for (std::size_t first = 0; first < 3; ++first) {
        described.next_row();
        described.cell(code_label(all_codes[first], language()));
        for (std::size_t second = 0; second < 3; ++second) described.cell(std::to_string(table.count(first, second)));
    }
    described.finish();
    ImGui::EndTable();
}

void agreement(const Session& state, AuditWork& audit, const Fonts& fonts) {
    section_heading(tr(TextId::audit_agreement_title), fonts);
    const CoderAgreement* figures = audit.agreement(state);
    if (!figures) return;
    const AgreementFigures& overall = figures->overall;
    if (overall.table.units == 0) {
        paragraph(tr(TextId::audit_agreement_none), "audit-agreement-none");
        return;
    }
    const TextLanguage lang = language();
    char line[512];
    std::snprintf(line, sizeof line, tr(TextId::audit_agreement_line),
                  counted_text(CountedText::dossiers, overall.table.units).c_str(), overall.table.agreeing(),
                  statistic_text(overall.percent, true).c_str());
    paragraph(line, "audit-agreement-line");
    agreement_table(overall.table);
    std::snprintf(line, sizeof line, tr(TextId::audit_kappa_line), statistic_text(overall.kappa, false).c_str(),
                  overall.kappa_strength ? kappa_strength_label(*overall.kappa_strength, lang) : "\xE2\x80\x93");
    paragraph(line, "audit-kappa-line");
    std::snprintf(line, sizeof line, tr(TextId::audit_alpha_line), statistic_text(overall.alpha, false).c_str(),
                  overall.alpha_verdict ? alpha_verdict_label(*overall.alpha_verdict, lang) : "\xE2\x80\x93");
    paragraph(line, "audit-alpha-line");
    std::snprintf(line, sizeof line, tr(TextId::audit_thresholds), overall.bootstrap.resamples);
    muted_paragraph(line, "audit-thresholds");
    if (!figures->by_pair.empty()) {
        const std::size_t list_at = view_marks().accessible.size();
        describe("audit-pairs", Role::list, tr(TextId::audit_agreement_title));
        for (const GroupAgreement& pair : figures->by_pair) {
            std::snprintf(line, sizeof line, tr(TextId::audit_pair_line), pair.key.c_str(),
                          counted_text(CountedText::dossiers, pair.figures.table.units).c_str(),
                          statistic_text(pair.figures.percent, true).c_str(),
                          statistic_text(pair.figures.kappa, false).c_str());
            wrapped_bullet(line);
            describe_last_item(Role::listitem, line, "audit-pair:" + pair.key).container = "audit-pairs";
        }
        for (std::size_t i = list_at + 1; i < view_marks().accessible.size(); ++i)
            grow_box(view_marks().accessible[list_at].box, view_marks().accessible[i].box);
    }
    std::snprintf(line, sizeof line, tr(TextId::audit_adjudication_counts), figures->adjudicated,
                  figures->awaiting_adjudication.size());
    paragraph(line, "audit-adjudication-counts");
}

std::string rate_text(const GroupRate& rate) {
    return rate.value ? format_percent(*rate.value, language()) : "\xE2\x80\x93";
}

// One grouping's pooled table: a row per group, the reference marked, small groups "too few to judge".
void group_table(const GroupAudit& grouping, std::size_t index, const std::string& name) {
    const GroupTable& table = grouping.pooled;
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(("group_table" + std::to_string(index)).c_str(), 7, flags)) return;
    MirroredTable described("audit-group-table:" + std::to_string(index), name);
    // The group names and long headers wrap, so the short columns get room for a one-word header.
    ImGui::TableSetupColumn(tr(TextId::audit_column_group), ImGuiTableColumnFlags_WidthStretch, 1.8f);
    ImGui::TableSetupColumn(tr(TextId::audit_column_dossiers), ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn(tr(TextId::audit_column_selected), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn(tr(TextId::audit_column_selection_rate), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(tr(TextId::audit_column_disparity), ImGuiTableColumnFlags_WidthStretch, 1.8f);
    ImGui::TableSetupColumn(tr(TextId::audit_column_false_discovery), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(tr(TextId::audit_column_false_omission), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    described.wrapped_headers_row();
    for (const GroupFigures& group : table.groups) {
        described.next_row();
        std::string group_name = group.group.empty() ? tr(TextId::audit_empty_group) : group.group;
        if (group.reference) group_name += std::string("  ") + tr(TextId::audit_reference_mark);
        if (group.too_few) group_name += std::string("  ") + tr(TextId::audit_too_few);
        described.wrapped_cell(group_name);
        described.wrapped_cell(std::to_string(group.dossiers));
        described.wrapped_cell(std::to_string(group.selected));
        described.wrapped_cell(rate_text(group.selection_rate));
        described.wrapped_cell(group.reference ? decimal_text(1.0, 2) : disparity_text(group.selection_disparity));
        described.wrapped_cell(rate_text(group.false_discovery));
        described.wrapped_cell(rate_text(group.false_omission));
    }
    described.finish();
    ImGui::EndTable();
}

// What each column rests on, said once under the tables.
void basis_legend() {
    const TextLanguage lang = language();
    const std::string legend = std::string(tr(TextId::audit_column_selection_rate)) + ": " +
                               figure_basis_label(FigureBasis::selection, lang) + "; " +
                               tr(TextId::audit_column_false_discovery) + ": " +
                               figure_basis_label(FigureBasis::screened_labels, lang) + "; " +
                               tr(TextId::audit_column_false_omission) + ": " +
                               figure_basis_label(FigureBasis::control_sample, lang) + ".";
    char line[1024];
    std::snprintf(line, sizeof line, tr(TextId::audit_basis_line), legend.c_str());
    muted_paragraph(line, "audit-basis");
}

std::string grouping_heading(const Session& state, const GroupAudit& grouping) {
    std::string label = grouping_label(state.field_dictionary(), grouping.grouping);
    if (grouping.protected_attribute) label += std::string("  ") + tr(TextId::audit_protected_mark);
    return label;
}

// The user's choices: one grouping or the defaults, its reference group (the largest unless
// chosen) and the fair band; stored as a team setting at once.
void audit_choices(Session& state, AuditWork& audit, AuditViewState& view, const AuditReport* shown) {
    AuditChoices wanted = audit.choices(state);
    bool changed = false;
    const float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(TextId::audit_grouping_label));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 18.0f);
    const std::string current = wanted.grouping.empty() ? tr(TextId::audit_default_groupings)
                                                        : grouping_label(state.field_dictionary(), wanted.grouping);
    if (begin_described_combo("##audit_grouping", "audit-grouping", tr(TextId::audit_grouping_label), current.c_str())) {
        if (described_option("audit-grouping", tr(TextId::audit_default_groupings), wanted.grouping.empty())) {
            wanted.grouping.clear();
            changed = true;
        }
        for (const std::string& name : available_groupings(state.dataset()))
            if (described_option("audit-grouping", grouping_label(state.field_dictionary(), name).c_str(),
                                 wanted.grouping == name)) {
                wanted.grouping = name;
                changed = true;
            }
        ImGui::EndCombo();
    }
    if (changed) wanted.reference_group.clear();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (!wanted.grouping.empty() && shown && shown->groupings.size() == 1) {
        same_line_if_fits(ImGui::CalcTextSize(tr(TextId::audit_reference_label)).x + spacing + em * 14.0f);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(TextId::audit_reference_label));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 14.0f);
        const char* reference = wanted.reference_group.empty() ? tr(TextId::audit_reference_largest)
                                                               : wanted.reference_group.c_str();
        if (begin_described_combo("##audit_reference", "audit-reference", tr(TextId::audit_reference_label), reference)) {
            if (described_option("audit-reference", tr(TextId::audit_reference_largest), wanted.reference_group.empty())) {
                wanted.reference_group.clear();
                changed = true;
            }
            for (const GroupFigures& group : shown->groupings.front().pooled.groups)
                if (!group.group.empty() &&
                    described_option("audit-reference", group.group.c_str(), wanted.reference_group == group.group)) {
                    wanted.reference_group = group.group;
                    changed = true;
                }
            ImGui::EndCombo();
        }
    }
    same_line_if_fits(ImGui::CalcTextSize(tr(TextId::audit_band_label)).x + spacing + em * 7.0f);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(TextId::audit_band_label));
    ImGui::SameLine();
    const AuditViewState::BandShown band_in_force{wanted.band.low, wanted.band.high, language()};
    if (view.band_text_from != band_in_force) {
        const std::string text = decimal_text(wanted.band.low, 2) + "-" + decimal_text(wanted.band.high, 2);
        std::snprintf(view.band_text.data(), view.band_text.size(), "%s", text.c_str());
        view.band_text_from = band_in_force;
    }
    ImGui::SetNextItemWidth(em * 7.0f);
    ImGui::InputText("##audit_band", view.band_text.data(), view.band_text.size());
    note_last_item("audit-band", Role::textbox, tr(TextId::audit_band_label)).value = view.band_text.data();
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        const Checked<FairBand> band = parse_fair_band(view.band_text.data());
        if (band) {
            wanted.band = *band;
            changed = true;
        } else {
            view.choices_refusal = band.error();
        }
    }
    if (changed) {
        view.choices_refusal = audit.set_choices(state, wanted);
        view.band_text_from.reset();  // shown again from the choices in force
    }
    refusal_text(view.choices_refusal, "audit-choices-refusal");
}

// Which disparity the charts show: selection rate, false discovery rate or false omission rate.
void chart_metric_choice(AuditViewState& view) {
    constexpr std::pair<DisparityMetric, TextId> metrics[] = {
        {DisparityMetric::selection_rate, TextId::audit_column_selection_rate},
        {DisparityMetric::false_discovery_rate, TextId::audit_column_false_discovery},
        {DisparityMetric::false_omission_rate, TextId::audit_column_false_omission}};
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(TextId::audit_chart_metric_label));
    for (const auto& [metric, label] : metrics) {
        same_line_if_fits(choice_width(tr(label)));
        const std::string key = "audit-chart-metric:" + std::to_string(static_cast<int>(metric));
        if (described_radio(tr(label), view.chart_metric == metric, key)) view.chart_metric = metric;
    }
    muted_paragraph(tr(TextId::audit_chart_legend), "audit-chart-legend");
}

void group_audit(Session& state, AuditWork& audit, const Fonts& fonts, AuditViewState& view) {
    section_heading(tr(TextId::audit_group_title), fonts);
    muted_paragraph(tr(TextId::audit_group_intro), "audit-group-intro");
    if (!audit.notice().empty()) refusal_text(audit.notice(), "audit-notice");
    const Checked<AuditReport>* report = audit.audit(state);
    if (!report) return;
    audit_choices(state, audit, view, *report ? &**report : nullptr);
    report = audit.audit(state);  // the choices may have changed
    if (!*report) {
        refusal_text(report->error(), "audit-error");
        return;
    }
    const AuditReport& audited = **report;
    if (audited.groupings.empty()) return;
    const FairBand& band = audited.groupings.front().band;
    char line[512];
    std::snprintf(line, sizeof line, tr(TextId::audit_band_line), decimal_text(band.low, 2).c_str(),
                  decimal_text(band.high, 2).c_str(),
                  counted_text(CountedText::dossiers, audited.groupings.front().min_group_size).c_str());
    paragraph(line, "audit-band-line");
    chart_metric_choice(view);
    for (std::size_t i = 0; i < audited.groupings.size(); ++i) {
        const GroupAudit& grouping = audited.groupings[i];
        const std::string name = grouping_heading(state, grouping);
        const std::string index = std::to_string(i);
        const bool open = ImGui::CollapsingHeader((name + "##grouping" + index).c_str(), i == 0 ? ImGuiTreeNodeFlags_DefaultOpen : 0);
        describe_disclosure(name, "audit-grouping-header:" + index, open);
        if (!open) continue;
        std::snprintf(line, sizeof line, tr(TextId::audit_reference_line), grouping.reference_group.c_str(),
                      grouping.reference_chosen ? tr(TextId::audit_reference_chosen) : tr(TextId::audit_reference_largest),
                      grouping.pooled.selected, counted_text(CountedText::batches, grouping.batches.size()).c_str());
        paragraph(line, "audit-reference-line:" + index);
        group_table(grouping, i, name);
        ImGui::Spacing();
        draw_disparity_chart(disparity_chart_layout(grouping.pooled, view.chart_metric, grouping.band),
                             "audit-disparity-chart:" + index, name);
        ImGui::Spacing();
    }
    basis_legend();
}

}  // namespace

void draw_audit_view(Session& state, AuditWork& audit, const Fonts& fonts, AuditViewState& view) {
    ImGui::BeginChild("audit_scroll", ImVec2(0, 0));
    second_coding(state, fonts, view);
    adjudication(state, fonts, view);
    agreement(state, audit, fonts);
    group_audit(state, audit, fonts, view);
    draw_audits_at_commit(state, fonts, view.batch_at_commit);
    ImGui::EndChild();
}

}  // namespace radar::ui
