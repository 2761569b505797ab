// The Evaluatie screen (see evaluation_view.hpp). Every figure comes from the core
// (evaluation/version_evaluation.hpp) through Session's cache; the view only draws it.
#include "ui/evaluation_view.hpp"

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <string>
#include <vector>

#include "core/model/number_text.hpp"
#include "core/reporting/report_summary.hpp"
#include "core/screening/score_band.hpp"
#include "session/i18n.hpp"
#include "ui/session_names.hpp"
#include "ui/described_widgets.hpp"
#include "ui/item_marks.hpp"
#include "ui/narrow_layout.hpp"
#include "ui/text_widgets.hpp"

namespace radar::ui {
namespace {

std::string percent(double share) { return format_percent(share, language()); }

std::string interval_text(const std::optional<Interval>& interval, bool as_percent) {
    if (!interval) return "";
    const auto shown = [&](double v) { return as_percent ? percent(v) : decimal_text(v, 2); };
    return "(" + shown(interval->low) + " \xE2\x80\x93 " + shown(interval->high) + ")";
}

void wrapped_disabled(const std::string& text, const std::string& key) {
    wrapped_muted_text(text);
    describe_paragraph(text, key);
}

void paragraph(const std::string& text, const std::string& key) {
    wrapped_text(text);
    describe_paragraph(text, key);
}

constexpr ConfirmationRule rules[] = {ConfirmationRule::serious_or_enforcement,
                                      ConfirmationRule::any_shortcoming_or_enforcement, ConfirmationRule::risk_code};

TextId rule_label(ConfirmationRule rule) {
    switch (rule) {
        case ConfirmationRule::serious_or_enforcement: return TextId::label_rule_serious;
        case ConfirmationRule::any_shortcoming_or_enforcement: return TextId::label_rule_any;
        case ConfirmationRule::risk_code: break;
    }
    return TextId::label_rule_code;
}

void label_definition_controls(Session& state, const Fonts& fonts) {
    LabelDefinition definition = state.label_definition();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(TextId::label_definition_title));
    ImGui::SameLine();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 22.0f);
    if (begin_described_combo("##label_rule", "evaluation-label-rule", tr(TextId::label_definition_title),
                              tr(rule_label(definition.rule)))) {
        for (ConfirmationRule rule : rules)
            if (described_option("evaluation-label-rule", tr(rule_label(rule)), rule == definition.rule))
                definition.rule = rule;
        ImGui::EndCombo();
    }
    if (definition.rule != ConfirmationRule::risk_code) {
        same_line_if_fits(ImGui::CalcTextSize(tr(TextId::label_window_months)).x);
        ImGui::TextUnformatted(tr(TextId::label_window_months));
        same_line_if_fits(em * 6.0f);
        ImGui::SetNextItemWidth(em * 6.0f);
        int months = definition.window_months;
        if (described_input_int("##label_window", "evaluation-label-window", tr(TextId::label_window_months), months, 1, 60) &&
            months >= 1 && months <= 60)
            definition.window_months = months;
    }
    state.set_label_definition(definition);
    ImGui::PushFont(fonts.strong);
    paragraph(label_definition_statement(state.label_definition(), language()), "evaluation-label-statement");
    ImGui::PopFont();
    if (!state.label_definition_notice().empty()) {
        ImGui::TextColored(ImColor(palette::error_text), "%s", state.label_definition_notice().c_str());
        describe_last_item(Role::status, state.label_definition_notice(), "evaluation-label-notice");
    }
}

std::string version_text(const ModelVersionInfo& info, const ModelRegistry& registry) {
    std::string text = "v" + std::to_string(info.version) + " \xC2\xB7 " + text_in(info.model_name, language());
    if (!info.note.empty()) text += " \xC2\xB7 " + info.note;
    if (registry.active_version() == info.version) text += std::string(" (") + tr(TextId::active_marker) + ")";
    return text;
}

// A combo of the saved versions under `key`, named `name`; returns the chosen one.
int version_combo(Session& state, const char* id, const std::string& key, const char* name, int current, float width) {
    const ModelRegistry& registry = state.model_registry();
    const auto shown = registry.find(current);
    ImGui::SetNextItemWidth(width);
    if (begin_described_combo(id, key, name, shown ? version_text(shown->info, registry).c_str() : "")) {
        for (const ModelVersionInfo& info : registry.list())
            if (described_option(key, version_text(info, registry).c_str(), info.version == current)) current = info.version;
        ImGui::EndCombo();
    }
    return current;
}

void figure_row(MirroredTable& table, const char* name, const std::string& value, const std::string& detail) {
    table.next_row();
    table.cell(name);
    table.cell(value);
    ImGui::TableNextColumn();
    table.describe_cell(detail);
    wrapped_text(detail);
}

void figures_table(const VersionEvaluation& e) {
    const EvaluationSummary& s = e.summary;
    if (!ImGui::BeginTable("evaluation_figures", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    MirroredTable table("evaluation-figures", tr(TextId::evaluation_figures_title));
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupColumn(tr(TextId::evaluation_figure), ImGuiTableColumnFlags_WidthFixed, em * 14.0f);
    ImGui::TableSetupColumn(tr(TextId::evaluation_value), ImGuiTableColumnFlags_WidthFixed, em * 14.0f);
    ImGui::TableSetupColumn(tr(TextId::evaluation_meaning), ImGuiTableColumnFlags_WidthStretch);
    table.headers_row();
    figure_row(table, tr(TextId::evaluation_labelled), std::to_string(s.rows) + " (" + std::to_string(e.labelled_top) + " + " +
                                                    std::to_string(e.labelled_control) + ")",
               filled(TextId::evaluation_labelled_detail,
                         {std::to_string(e.batches), std::to_string(e.selected), std::to_string(e.screened),
                          std::to_string(e.not_yet_known)}));
    figure_row(table, tr(TextId::evaluation_positives), std::to_string(s.positives), tr(TextId::evaluation_positives_detail));
    if (s.precision_interval)
        figure_row(table, tr(TextId::evaluation_precision),
                   percent(s.at_k.precision) + " " + interval_text(s.precision_interval, true),
                   filled(TextId::evaluation_precision_detail, {std::to_string(s.at_k.k)}));
    if (s.base_rate)
        figure_row(table, tr(TextId::evaluation_base_rate), percent(*s.base_rate) + " " + interval_text(s.base_rate_interval, true),
                   tr(s.base_rate_source == BaseRateSource::control_sample ? TextId::evaluation_base_control
                                                                           : TextId::evaluation_base_rows));
    if (s.lift.ratio)
        figure_row(table, tr(TextId::evaluation_lift), decimal_text(*s.lift.ratio, 2) + " " + interval_text(s.lift.interval, false),
                   tr(TextId::evaluation_lift_detail));
    if (s.estimated_recall)
        figure_row(table, tr(TextId::evaluation_recall), percent(*s.estimated_recall), tr(TextId::evaluation_recall_detail));
    figure_row(table, "ROC AUC", s.auc ? decimal_text(*s.auc, 3) : std::string("\xE2\x80\x93"),
               tr(TextId::evaluation_auc_detail));
    table.finish();
    ImGui::EndTable();
}

// Precision at recall 0, 0.05, ..., 1 (the best precision reached at that recall or more).
std::vector<float> precision_by_recall(const std::vector<PrecisionRecallPoint>& points) {
    std::vector<float> values;
    for (int step = 0; step <= 20; ++step) {
        const double recall = step / 20.0;
        double best = 0.0;
        for (const PrecisionRecallPoint& p : points)
            if (p.recall >= recall - 1e-12) best = std::max(best, p.precision);
        values.push_back(static_cast<float>(best));
    }
    return values;
}

void curve_block(const EvaluationSummary& s) {
    if (s.precision_recall.empty()) return;
    const std::vector<float> values = precision_by_recall(s.precision_recall);
    ImGui::TextUnformatted(tr(TextId::evaluation_pr_curve));
    describe_heading(tr(TextId::evaluation_pr_curve), 3, "evaluation-pr-title");
    const float em = ImGui::GetFontSize();
    ImGui::PlotLines("##pr_curve", values.data(), static_cast<int>(values.size()), 0, nullptr, 0.0f, 1.0f,
                     ImVec2(std::min(ImGui::GetContentRegionAvail().x, em * 36.0f), em * 7.0f));
    // In words: the precision at each fifth of the recall.
    std::string description = std::string(tr(TextId::evaluation_pr_curve)) + ":";
    for (std::size_t step = 0; step < values.size(); step += 4)
        description += " recall " + percent(static_cast<double>(step) / 20.0) + ": " + percent(values[step]) +
                       (step + 4 < values.size() ? ";" : ".");
    describe_last_item(Role::img, description, "evaluation-pr-curve");
    wrapped_disabled(tr(TextId::evaluation_pr_axes), "evaluation-pr-axes");
}

void band_table(const char* id, const std::vector<BandRow>& rows, bool percentile) {
    if (rows.empty()) return;
    if (!ImGui::BeginTable(id, 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) return;
    MirroredTable table(std::string("evaluation-") + id, tr(TextId::evaluation_bands_title));
    ImGui::TableSetupColumn(tr(percentile ? TextId::evaluation_band : TextId::evaluation_probability));
    ImGui::TableSetupColumn(tr(TextId::evaluation_labelled));
    ImGui::TableSetupColumn(tr(TextId::evaluation_positives));
    ImGui::TableSetupColumn(tr(TextId::evaluation_rate));
    table.headers_row();
    for (const BandRow& row : rows) {
        table.next_row();
        std::string band = row.band;
        for (ScoreBand b : {ScoreBand::top_10, ScoreBand::from_10_to_25, ScoreBand::from_25_to_50, ScoreBand::bottom_50})
            if (band == score_band_key(b)) band = score_band_label(b);
        table.cell(band);
        table.cell(std::to_string(row.count));
        table.cell(std::to_string(row.positives));
        table.cell(row.rate ? percent(*row.rate) + " " + interval_text(row.rate_interval, true) : "\xE2\x80\x93");
    }
    table.finish();
    ImGui::EndTable();
}

void calibration_table(const std::vector<CalibrationBin>& bins) {
    if (bins.empty()) return;
    ImGui::TextUnformatted(tr(TextId::evaluation_calibration));
    describe_heading(tr(TextId::evaluation_calibration), 3, "evaluation-calibration-title");
    if (!ImGui::BeginTable("calibration", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) return;
    MirroredTable table("evaluation-calibration", tr(TextId::evaluation_calibration));
    ImGui::TableSetupColumn(tr(TextId::evaluation_probability));
    ImGui::TableSetupColumn(tr(TextId::evaluation_labelled));
    ImGui::TableSetupColumn(tr(TextId::evaluation_predicted));
    ImGui::TableSetupColumn(tr(TextId::evaluation_observed));
    table.headers_row();
    for (const CalibrationBin& bin : bins) {
        if (bin.count == 0) continue;
        table.next_row();
        table.cell(percent(bin.lower) + " \xE2\x80\x93 " + percent(bin.upper));
        table.cell(std::to_string(bin.count));
        table.cell(percent(bin.mean_predicted));
        table.cell(percent(bin.observed_rate));
    }
    table.finish();
    ImGui::EndTable();
}

std::string optional_percent(const std::optional<double>& value) { return value ? percent(*value) : "\xE2\x80\x93"; }

void backtest_table(const BacktestReport& report) {
    if (!ImGui::BeginTable("backtest", 7, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) return;
    MirroredTable table("evaluation-backtest", tr(TextId::backtest_title));
    for (TextId column : {TextId::backtest_month, TextId::backtest_version_then, TextId::backtest_batch_size,
                          TextId::backtest_screened, TextId::backtest_precision_then, TextId::backtest_precision_candidate,
                          TextId::backtest_coverage})
        ImGui::TableSetupColumn(tr(column));
    table.headers_row();
    const auto screened = [](const auto& figures) {
        return std::to_string(figures.screened) + " (" + std::to_string(figures.positives) + ")";
    };
    for (const BacktestComparison& month : report.months) {
        table.next_row();
        table.cell(month.month);
        table.cell(month.saved_version_then > 0 ? "v" + std::to_string(month.saved_version_then)
                                                : std::string(tr(TextId::backtest_version_unknown)));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", month.version_then.c_str());
        table.cell(std::to_string(month.candidate.k));
        table.cell(screened(month.candidate));
        table.cell(month.then ? optional_percent(month.then->precision_at_k) : "\xE2\x80\x93");
        table.cell(optional_percent(month.candidate.precision_at_k));
        table.cell(percent(month.candidate.coverage));
    }
    table.next_row();
    table.cell(tr(TextId::backtest_total));
    table.cell("");
    table.cell("");
    table.cell(screened(report.candidate_totals));
    table.cell(optional_percent(report.then_totals.precision_at_k));
    table.cell(optional_percent(report.candidate_totals.precision_at_k));
    table.finish();
    ImGui::EndTable();
}

void replay_lines(const BacktestReport& report) {
    const auto line = [](TextId id, const ReplayResult& replay, const char* key) {
        if (!replay.mean_days_earlier || !replay.share_first_half_actual || !replay.share_first_half_replay) return;
        paragraph(filled(id, {std::to_string(replay.positives), decimal_text(*replay.mean_days_earlier, 1),
                              percent(*replay.share_first_half_replay), percent(*replay.share_first_half_actual)}),
                  key);
    };
    if (report.then_replay) line(TextId::replay_then, *report.then_replay, "evaluation-replay-then");
    if (report.candidate_replay) line(TextId::replay_candidate, *report.candidate_replay, "evaluation-replay-candidate");
}

void backtest_section(Session& state, const Fonts& fonts, int evaluated) {
    section_heading(tr(TextId::backtest_title), fonts);
    wrapped_disabled(tr(TextId::backtest_explanation), "evaluation-backtest-explanation");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(TextId::backtest_candidate));
    ImGui::SameLine();
    const float em = ImGui::GetFontSize();
    const int candidate = version_combo(state, "##candidate", "evaluation-candidate", tr(TextId::backtest_candidate),
                                        state.backtest_candidate().value_or(evaluated), em * 28.0f);
    state.set_backtest_candidate(candidate);
    same_line_if_fits(button_width(tr(TextId::backtest_run)));
    const bool run = ImGui::Button(tr(TextId::backtest_run));
    note_last_item("evaluation-backtest-run", Role::button, tr(TextId::backtest_run));
    if (run) state.run_backtest();
    const Checked<BacktestReport>* report = state.backtest_report();
    if (!report) return;
    if (!*report) {
        ImGui::TextColored(ImColor(palette::error_text), "%s", report->error().c_str());
        describe_last_item(Role::status, report->error(), "evaluation-backtest-error");
        return;
    }
    backtest_table(**report);
    replay_lines(**report);
    if ((*report)->months_without_eligibility > 0)
        wrapped_disabled(filled(TextId::backtest_no_eligibility, {std::to_string((*report)->months_without_eligibility)}),
                         "evaluation-no-eligibility");
    if ((*report)->not_yet_known > 0 || (*report)->unknown_dossiers > 0)
        wrapped_disabled(filled(TextId::backtest_left_out,
                                {std::to_string((*report)->not_yet_known), std::to_string((*report)->unknown_dossiers)}),
                         "evaluation-left-out");
}

}  // namespace

void draw_evaluation_view(Session& state, const Fonts& fonts) {
    ImGui::BeginChild("evaluation", ImVec2(0, 0), false);
    ImGui::PushFont(fonts.title);
    wrapped_text(tr(TextId::evaluation_title));
    ImGui::PopFont();
    describe_heading(tr(TextId::evaluation_title), 2, "evaluation-title");
    wrapped_disabled(tr(TextId::evaluation_selective_labels), "evaluation-selective-labels");
    label_definition_controls(state, fonts);

    const std::optional<int> version = state.evaluated_version();
    if (!version) {
        paragraph(tr(TextId::evaluation_no_version), "evaluation-no-version");
        ImGui::EndChild();
        return;
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(TextId::evaluation_version));
    ImGui::SameLine();
    const int chosen = version_combo(state, "##evaluated_version", "evaluation-version", tr(TextId::evaluation_version),
                                     *version, ImGui::GetFontSize() * 28.0f);
    if (chosen != *version) state.set_evaluated_version(chosen);

    const Checked<VersionEvaluation>* evaluation = state.version_evaluation();
    section_heading(tr(TextId::evaluation_figures_title), fonts);
    if (!evaluation || !*evaluation) {
        paragraph(tr(TextId::evaluation_nothing_labelled), "evaluation-nothing-labelled");
        if (ImGui::Button(tr(TextId::screen_selection))) request_screen(Screen::selection);
        describe_last_item(Role::button, tr(TextId::screen_selection), "evaluation-go-selection");
    } else {
        figures_table(**evaluation);
        curve_block((*evaluation)->summary);
        section_heading(tr(TextId::evaluation_bands_title), fonts);
        band_table("percentile_bands", (*evaluation)->summary.percentile_bands, true);
        calibration_table((*evaluation)->summary.calibration);
    }
    backtest_section(state, fonts, *version);
    ImGui::EndChild();
}

}  // namespace radar::ui
