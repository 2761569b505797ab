// Report screen. The session builds the report for the chosen period and possible-risk codes
// (once per change of its inputs) and the AuditWork the audit of its batch months; the view keeps
// the report's tables, charts and period text, rebuilt only when the report or the language
// changes; each frame only draws them.
#include "ui/report_view.hpp"

#include <algorithm>
#include <array>
#include <cfloat>
#include <cstdio>
#include <map>
#include <optional>
#include <string>

#include "platform/file_transfer.hpp"
#include "platform/platform.hpp"
#include "core/reporting/report_charts.hpp"
#include "core/reporting/report_export.hpp"
#include "core/reporting/parliament_answer.hpp"
#include "core/reporting/report_html.hpp"
#include "core/reporting/report_period.hpp"
#include "core/reporting/report_summary.hpp"
#include "session/i18n.hpp"
#include "ui/described_widgets.hpp"
#include "ui/item_marks.hpp"
#include "ui/narrow_layout.hpp"
#include "ui/text_widgets.hpp"
#include "ui/report_audit_view.hpp"
#include "ui/session_names.hpp"

namespace radar::ui {
namespace {

constexpr ScreeningCode all_codes[] = {ScreeningCode::risico, ScreeningCode::geen_risico,
                                       ScreeningCode::verder_onderzoek_nodig};

ImU32 rgb(std::uint32_t colour, int alpha = 255) {
    return IM_COL32((colour >> 16) & 0xFF, (colour >> 8) & 0xFF, colour & 0xFF, alpha);
}

std::optional<ReportPeriod> custom_period(const ReportViewState& v) {
    const auto from = parse_date_text(v.custom_from.data());
    const auto to = parse_date_text(v.custom_to.data());
    if (!from || !to || *from > *to) return std::nullopt;
    return ReportPeriod{*from, *to};
}

std::optional<ReportPeriod> chosen_period(const ReportViewState& v) {
    if (v.kind == PeriodKind::custom) return custom_period(v);
    if (v.choices.empty()) return std::nullopt;
    return v.choices[std::min(v.choice, v.choices.size() - 1)].period;
}

std::vector<ScreeningCode> possible_risk_codes(const ReportViewState& v) {
    std::vector<ScreeningCode> codes;
    for (std::size_t i = 0; i < 3; ++i)
        if (v.possible_risk[i]) codes.push_back(all_codes[i]);
    return codes;
}

// The period a link named: its kind, and the choice that starts on its first day (the newest
// when the work does not reach it).
void choose_linked_period(ReportViewState& v, DayNumber first_activity, DayNumber today) {
    v.kind = v.linked_period->kind;
    v.choices = period_choices(v.kind, first_activity, today, language());
    v.choice = 0;
    for (std::size_t i = 0; i < v.choices.size(); ++i)
        if (v.choices[i].period.from == v.linked_period->start) v.choice = i;
    v.linked_period.reset();
}

// The period choices when the language or the span of the work changed; the session's report for
// the chosen period; its tables and charts when it or the language changed.
void refresh_report(ReportViewState& v, Session& state, const Session::ReportHistory& history) {
    const bool language_changed = v.built_language != language();
    if (language_changed || v.choices.empty() || v.choices_from != history.first_activity ||
        v.choices_to != state.reference_date()) {
        v.choices = period_choices(v.kind, history.first_activity, state.reference_date(), language());
        v.choices_from = history.first_activity;
        v.choices_to = state.reference_date();
    }
    if (v.linked_period) choose_linked_period(v, history.first_activity, state.reference_date());
    const std::optional<ReportPeriod> period = chosen_period(v);
    const Timestamp now{platform::now_millis()};
    v.report = period ? state.report({*period, possible_risk_codes(v)}, now) : nullptr;
    v.parliament = period ? state.parliament_answer({*period, possible_risk_codes(v)}, now) : nullptr;
    if (!v.report) return;
    if (language_changed || v.built_report != state.report_generation()) {
        v.tables = report_tables(*v.report, language());
        v.charts = report_charts(*v.report, language());
        v.period_text = period_label({v.report->first_day, v.report->period.to}, language());
        if (v.parliament) {
            const bool dutch = language() == Language::dutch;
            v.parliament_first = parliament_answer_text(*v.parliament, dutch ? TextLanguage::dutch : TextLanguage::english);
            v.parliament_second = parliament_answer_text(*v.parliament, dutch ? TextLanguage::english : TextLanguage::dutch);
            v.parliament_table = parliament_answer_table(*v.parliament, language());
            v.parliament_table.caption.clear();  // the paragraphs above the table say it
        }
        v.built_language = language();
        v.built_report = state.report_generation();
    }
}

// ---- Controls ---------------------------------------------------------------------------------

void period_controls(ReportViewState& v, Session& state, DayNumber first_activity) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(TextId::report_period_label));
    struct KindChoice {
        PeriodKind kind;
        TextId label;
        const char* key;
    };
    constexpr KindChoice kinds[] = {{PeriodKind::month, TextId::period_month, "report-period:month"},
                                    {PeriodKind::quarter, TextId::period_quarter, "report-period:quarter"},
                                    {PeriodKind::year, TextId::period_year, "report-period:year"},
                                    {PeriodKind::all_time, TextId::period_all_time, "report-period:all-time"},
                                    {PeriodKind::custom, TextId::period_custom, "report-period:custom"}};
    for (const auto& [kind, label, key] : kinds) {
        same_line_if_fits(choice_width(tr(label)));
        if (described_radio(tr(label), v.kind == kind, key) && v.kind != kind) {
            if (kind == PeriodKind::custom && v.report) {
                // Start the custom dates from what is shown now.
                const std::string from = date_text(v.report->first_day), to = date_text(v.report->period.to);
                std::snprintf(v.custom_from.data(), v.custom_from.size(), "%s", from.c_str());
                std::snprintf(v.custom_to.data(), v.custom_to.size(), "%s", to.c_str());
            }
            v.kind = kind;
            v.choice = 0;
            v.choices = period_choices(v.kind, first_activity, state.reference_date(), language());
        }
    }
    const float em = ImGui::GetFontSize();
    if (v.kind == PeriodKind::custom) {
        same_line_if_fits(ImGui::CalcTextSize(tr(TextId::report_from)).x + em * 10.0f);
        ImGui::TextDisabled("%s", tr(TextId::report_from));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 10.0f);
        ImGui::InputTextWithHint("##from", tr(TextId::date_hint), v.custom_from.data(), v.custom_from.size());
        note_last_item("report-from", Role::textbox, std::string(tr(TextId::report_period_label)) + " " + tr(TextId::report_from))
            .value = v.custom_from.data();
        same_line_if_fits(ImGui::CalcTextSize(tr(TextId::report_to)).x + em * 10.0f);
        ImGui::TextDisabled("%s", tr(TextId::report_to));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 10.0f);
        ImGui::InputTextWithHint("##to", tr(TextId::date_hint), v.custom_to.data(), v.custom_to.size());
        note_last_item("report-to", Role::textbox, std::string(tr(TextId::report_period_label)) + " " + tr(TextId::report_to))
            .value = v.custom_to.data();
        if (!custom_period(v)) {
            ImGui::PushStyleColor(ImGuiCol_Text, palette::error_text);
            ImGui::TextUnformatted(tr(TextId::report_date_invalid));
            ImGui::PopStyleColor();
            describe_last_item(Role::status, tr(TextId::report_date_invalid), "report-date-invalid");
        }
    } else if (v.kind != PeriodKind::all_time && !v.choices.empty()) {
        same_line_if_fits(em * 11.0f);
        ImGui::SetNextItemWidth(em * 11.0f);
        v.choice = std::min(v.choice, v.choices.size() - 1);
        if (begin_described_combo("##period", "report-period-choice", tr(TextId::report_period_label),
                                  v.choices[v.choice].label.c_str())) {
            for (std::size_t i = 0; i < v.choices.size(); ++i)
                if (described_option("report-period-choice", v.choices[i].label.c_str(), i == v.choice)) v.choice = i;
            ImGui::EndCombo();
        }
    }

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(TextId::report_possible_risk));
    wrapped_tooltip(tr(TextId::report_possible_risk_tooltip));
    const int checked = static_cast<int>(std::count(v.possible_risk.begin(), v.possible_risk.end(), true));
    for (std::size_t i = 0; i < 3; ++i) {
        same_line_if_fits(choice_width(code_label(all_codes[i], language())));
        bool value = v.possible_risk[i];
        // The definition needs at least one code: the last ticked box cannot be cleared.
        const bool locked = value && checked == 1;
        if (locked) ImGui::BeginDisabled();
        if (ImGui::Checkbox(code_label(all_codes[i], language()), &value)) v.possible_risk[i] = value;
        describe_last_item(Role::checkbox,
                           std::string(tr(TextId::report_possible_risk)) + " " + code_label(all_codes[i], language()),
                           "report-possible-risk:" + std::to_string(i))
            .checked = v.possible_risk[i];
        if (locked) ImGui::EndDisabled();
    }
    // The label window's text and field stay together, on this line when they fit.
    same_line_if_fits(ImGui::GetFontSize() * 8.0f + ImGui::CalcTextSize(tr(TextId::report_label_months)).x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(TextId::report_label_months));
    wrapped_tooltip(tr(TextId::report_label_months_tooltip));
    int months = state.risk_label_settings().valid_months;
    // Room for three digits beside the field's - and + buttons, at any text size.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float field_width =
        ImGui::CalcTextSize("000").x + style.FramePadding.x * 2 + (ImGui::GetFrameHeight() + style.ItemInnerSpacing.x) * 2;
    same_line_if_fits(field_width);
    ImGui::SetNextItemWidth(field_width);
    if (described_input_int("##label_months", "report-label-months", tr(TextId::report_label_months), months, 1, 120) &&
        valid_label_months(months))
        state.set_risk_label_months(months);
}

// The demo's exports say so in their name too.
std::string file_stem(const Report& report, const Session& state) {
    return std::string(state.demo_workspace() ? "demo-" : "") + (language() == Language::dutch ? "rapport-" : "report-") +
           format_iso_date(report.first_day) + "-" + format_iso_date(report.period.to);
}

// Exports carry the moment they were made, not the moment the figures were computed.
Report stamped(const Report& report) {
    Report copy = report;
    copy.generated_at = Timestamp{platform::now_millis()};
    return copy;
}

// The exports carry the period's audit when there is one (`audit` may be null).
void export_buttons(ReportViewState& v, const Session& state, const AuditReport* audit) {
    const char* badge = state.demo_workspace() ? tr(TextId::demo_workspace_badge)
                        : state.is_synthetic()  ? tr(TextId::synthetic_badge)
                                                : "";
    const Report& report = *v.report;
    const HtmlReportOptions html_options{language(),     badge, local_utc_offset(), audit, state.field_dictionary(),
                                         v.parliament};
    if (ImGui::Button(tr(TextId::report_open_html))) platform::open_html_in_new_tab(report_to_html(stamped(report), html_options));
    note_last_item("report-html-open", Role::button, tr(TextId::report_open_html));
    same_line_if_fits(button_width(tr(TextId::report_download_html)));
    if (ImGui::Button(tr(TextId::report_download_html)))
        platform::download_file(file_stem(report, state) + ".html", "text/html", report_to_html(stamped(report), html_options));
    note_last_item("report-html", Role::button, tr(TextId::report_download_html));
    same_line_if_fits(button_width(tr(TextId::report_download_json)));
    if (ImGui::Button(tr(TextId::report_download_json)))
        platform::download_file(file_stem(report, state) + ".json", "application/json", report_to_json(stamped(report), audit, v.parliament));
    note_last_item("report-json", Role::button, tr(TextId::report_download_json));
    same_line_if_fits(button_width(tr(TextId::report_parliament_button)));
    if (ImGui::Button(tr(TextId::report_parliament_button))) v.scroll_to_parliament = true;
    note_last_item("report-parliament", Role::button, tr(TextId::report_parliament_button));
    wrapped_tooltip(tr(TextId::report_parliament_tooltip));
    same_line_if_fits(ImGui::CalcTextSize(tr(TextId::report_exports_local)).x);
    ImGui::PushTextWrapPos(0.0f);
    wrapped_muted_text(tr(TextId::report_exports_local));
    ImGui::PopTextWrapPos();
    describe_paragraph(tr(TextId::report_exports_local), "report-exports-local");
}

// ---- Figures ----------------------------------------------------------------------------------

// The report's origin: when it was made, and for auditors (one click away) the dataset hashes and
// model version ids it rests on.
void header_block(const ReportViewState& v, const Fonts& fonts) {
    const Report& r = *v.report;
    ImGui::PushFont(fonts.title);
    wrapped_text(v.period_text);
    ImGui::PopFont();
    describe_heading(v.period_text, 2, "report-period-title");
    ImGui::TextDisabled(tr(TextId::report_generated_line), date_time_text(r.generated_at).c_str());
    char generated[256];
    std::snprintf(generated, sizeof generated, tr(TextId::report_generated_line), date_time_text(r.generated_at).c_str());
    describe_paragraph(generated, "report-generated");
    const bool open = ImGui::TreeNode(tr(TextId::technical_details));
    describe_disclosure(tr(TextId::technical_details), "report-technical", open);
    if (!open) return;
    std::string details = std::string(tr(TextId::technical_datasets)) + ": ";
    for (const std::string& hash : r.dataset_hashes) details += hash + "; ";
    details += std::string(tr(TextId::technical_model_versions)) + ": ";
    for (const std::string& model : r.model_versions) details += model + "; ";
    ImGui::TextDisabled("%s", tr(TextId::technical_datasets));
    for (const std::string& hash : r.dataset_hashes) wrapped_bullet(hash);
    if (r.dataset_hashes.empty()) wrapped_bullet(tr(TextId::report_none));
    ImGui::TextDisabled("%s", tr(TextId::technical_model_versions));
    for (const std::string& model : r.model_versions) wrapped_bullet(model);
    if (r.model_versions.empty()) wrapped_bullet(tr(TextId::report_none));
    describe_paragraph(details, "report-technical-details");
    ImGui::TreePop();
}

// A key figure: its value, what it counts and a detail (may be empty); `key` names it for the
// page's accessibility layer.
struct FigureCard {
    const char* key;
    std::string value;
    std::string label;
    std::string detail;
};

// The card's padding, its label's top and the height its texts take at `width` (wrapped).
float card_padding() { return ImGui::GetFontSize() * 0.6f; }
float card_label_top(const Fonts& fonts) { return card_padding() * 0.8f + fonts.title->FontSize + ImGui::GetFontSize() * 0.1f; }
float card_height(const Fonts& fonts, const FigureCard& card, float width) {
    const float em = ImGui::GetFontSize(), room = width - card_padding() * 2;
    float height = card_label_top(fonts) + fonts.body->CalcTextSizeA(em, FLT_MAX, room, card.label.c_str()).y;
    if (!card.detail.empty()) height += em * 0.15f + fonts.body->CalcTextSizeA(em * 0.85f, FLT_MAX, room, card.detail.c_str()).y;
    return height + card_padding();
}

void figure_card(const Fonts& fonts, const FigureCard& card, float width, float height) {
    const float em = ImGui::GetFontSize();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), IM_COL32(255, 255, 255, 255), em * 0.25f);
    draw->AddRect(origin, ImVec2(origin.x + width, origin.y + height), IM_COL32(214, 220, 226, 255), em * 0.25f);
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + em * 0.2f), palette::header_band);
    const float pad = card_padding();
    draw->AddText(fonts.title, fonts.title->FontSize, ImVec2(origin.x + pad, origin.y + pad * 0.8f),
                  ImGui::GetColorU32(ImGuiCol_Text), card.value.c_str());
    const float label_y = origin.y + card_label_top(fonts);
    draw->AddText(fonts.body, em, ImVec2(origin.x + pad, label_y), palette::muted_text, card.label.c_str(), nullptr,
                  width - pad * 2);
    const float label_height = fonts.body->CalcTextSizeA(em, FLT_MAX, width - pad * 2, card.label.c_str()).y;
    if (!card.detail.empty())
        draw->AddText(fonts.body, em * 0.85f, ImVec2(origin.x + pad, label_y + label_height + em * 0.15f),
                      palette::muted_text, card.detail.c_str(), nullptr, width - pad * 2);
    // An item of the key figures' list for the page's layer: the figure, what it counts, the detail.
    AccessibleItem& item = describe_last_item(
        Role::listitem, card.value + " " + card.label + (card.detail.empty() ? "" : ". " + card.detail),
        std::string("report-figure:") + card.key);
    item.container = "report-figures";
}

// The key figures as cards: five in a row, fewer per row in a narrow window (zoomed in, larger
// text), all as high as the tallest one's texts need.
void key_figures(const Report& r, const Fonts& fonts) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float available = ImGui::GetContentRegionAvail().x;
    const TextLanguage tl = language();
    const double share = r.unique_dossiers == 0 ? 0.0
                                                : static_cast<double>(r.possible_risk_dossiers) /
                                                      static_cast<double>(r.unique_dossiers);
    char possible[256];
    std::snprintf(possible, sizeof possible, tr(TextId::report_possible), format_percent(share, tl).c_str());
    char follow_up[256];
    std::snprintf(follow_up, sizeof follow_up, tr(TextId::report_follow_up_detail),
                  group_thousands(r.follow_ups.done).c_str(), group_thousands(r.follow_ups.open).c_str(),
                  group_thousands(r.follow_ups.overdue).c_str());
    char labels[256];
    std::snprintf(labels, sizeof labels, tr(TextId::report_labels_detail), group_thousands(r.risk_labels.expiring).c_str(),
                  group_thousands(r.risk_labels.expired).c_str());
    const FigureCard cards[] = {
        {"unique", group_thousands(r.unique_dossiers), counted(CountedText::unique_dossiers_screened, r.unique_dossiers), ""},
        {"possible-risk", group_thousands(r.possible_risk_dossiers), possible, ""},
        {"screenings", group_thousands(r.screenings.total), counted(CountedText::screenings, r.screenings.total), ""},
        {"follow-ups", group_thousands(r.follow_ups.opened), counted(CountedText::follow_ups_opened, r.follow_ups.opened),
         follow_up},
        {"risk-labels", group_thousands(r.risk_labels.current), counted(CountedText::current_risk_labels, r.risk_labels.current),
         labels},
    };
    constexpr int count = 5;
    const int per_row = std::clamp(static_cast<int>((available + spacing) / (ImGui::GetFontSize() * 10.0f + spacing)), 1, count);
    const float width = (available - spacing * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    float height = 0.0f;
    for (const FigureCard& card : cards) height = std::max(height, card_height(fonts, card, width));
    const std::size_t list_at = view_marks().accessible.size();
    describe("report-figures", Role::list, tr(TextId::report_key_figures));
    for (int i = 0; i < count; ++i) {
        if (i % per_row != 0) ImGui::SameLine();
        figure_card(fonts, cards[i], width, height);
    }
    for (std::size_t i = list_at + 1; i < view_marks().accessible.size(); ++i)
        grow_box(view_marks().accessible[list_at].box, view_marks().accessible[i].box);
}

// A paragraph in a tinted box with a bar on its left (the summary, the parliamentary answer).
void boxed_paragraph(const std::string& text, const char* id) {
    const float em = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;
    const float text_height = wrapped_text_height(text, width - em * 1.6f);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette::packed(colours::report_panel));
    ImGui::BeginChild(id, ImVec2(width, text_height + em * 1.4f), false, ImGuiWindowFlags_NoScrollbar);
    const ImVec2 origin = ImGui::GetWindowPos();
    ImGui::GetWindowDrawList()->AddRectFilled(origin, ImVec2(origin.x + em * 0.2f, origin.y + text_height + em * 1.4f),
                                              palette::header_band);
    ImGui::SetCursorPos(ImVec2(em * 0.9f, em * 0.7f));
    ImGui::PushTextWrapPos(width - em * 0.7f);
    wrapped_text(text);
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PopStyleColor();
    describe_paragraph(text, std::string("report-paragraph:") + id);
}

void summary_paragraph(const Report& r) {
    boxed_paragraph(language() == Language::dutch ? r.summary_nl : r.summary_en, "summary");
}

// ---- Charts -----------------------------------------------------------------------------------

// A bar in its series' colour with the series' pattern over it (the first series plain, the
// second striped, the third dotted), so that stacked series differ by more than colour. The marks
// are darker under white numbers and lighter under dark ones: the numbers keep their contrast.
void patterned_rect(ImDrawList* draw, ImVec2 min, ImVec2 max, const ChartSeries& series, std::size_t pattern) {
    draw->AddRectFilled(min, max, rgb(series.colour));
    if (pattern == 0 || max.x - min.x < 2.0f || max.y - min.y < 2.0f) return;
    const float em = ImGui::GetFontSize(), gap = em * 0.45f, height = max.y - min.y;
    const ImU32 mark = series.label_colour == 0xFFFFFF ? IM_COL32(0, 0, 0, 80) : IM_COL32(255, 255, 255, 130);
    draw->PushClipRect(min, max, true);
    if (pattern == 1) {
        for (float x = min.x - height; x < max.x; x += gap)
            draw->AddLine(ImVec2(x, max.y), ImVec2(x + height, min.y), mark, 1.5f);
    } else {
        bool shifted = false;
        for (float y = min.y + gap * 0.5f; y < max.y; y += gap, shifted = !shifted)
            for (float x = min.x + gap * (shifted ? 0.75f : 0.25f); x < max.x; x += gap)
                draw->AddCircleFilled(ImVec2(x, y), em * 0.09f, mark, 6);
    }
    draw->PopClipRect();
}

// The series' pattern in a chart: none when it has one series.
std::size_t pattern_of(const BarChart& chart, std::size_t series) { return chart.series.size() > 1 ? series : 0; }

// What a chart shows, in words, for the page's layer: its title, then per category each series'
// number and the total.
std::string chart_description(const BarChart& chart) {
    std::string text = chart.title + ".";
    for (std::size_t i = 0; i < chart.categories.size(); ++i) {
        text += " " + chart.categories[i] + ":";
        for (std::size_t s = 0; s < chart.series.size(); ++s)
            text += std::string(s > 0 ? ", " : " ") + chart.series[s].label + " " + group_thousands(chart.series[s].values[i]);
        if (chart.series.size() > 1)
            text += std::string(", ") + tr(TextId::report_total) + " " + group_thousands(chart.total(i));
        text += i + 1 < chart.categories.size() ? ";" : ".";
    }
    return text;
}

void chart_legend(const BarChart& chart) {
    const float em = ImGui::GetFontSize();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
        if (i > 0) ImGui::SameLine(0, em);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        patterned_rect(draw, ImVec2(at.x, at.y + em * 0.1f), ImVec2(at.x + em * 1.0f, at.y + em * 1.1f), chart.series[i],
                       pattern_of(chart, i));
        ImGui::Dummy(ImVec2(em * 1.2f, em));
        ImGui::SameLine(0, 0);
        ImGui::TextDisabled("%s", chart.series[i].label.c_str());
    }
}

void bar_tooltip(const BarChart& chart, std::size_t category) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(chart.categories[category].c_str());
    for (const ChartSeries& series : chart.series)
        ImGui::Text("%s: %s", series.label.c_str(), group_thousands(series.values[category]).c_str());
    if (chart.series.size() > 1)
        ImGui::Text("%s: %s", tr(TextId::report_total), group_thousands(chart.total(category)).c_str());
    ImGui::EndTooltip();
}

void centred_text(ImDrawList* draw, ImVec2 centre, ImU32 colour, const std::string& text) {
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    draw->AddText(ImVec2(centre.x - size.x / 2, centre.y - size.y / 2), colour, text.c_str());
}

// Categories along the bottom, series stacked upwards, the total above each bar.
void vertical_chart(const BarChart& chart, ImVec2 size) {
    const float em = ImGui::GetFontSize();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(chart.table.c_str(), size);
    describe_last_item(Role::img, chart_description(chart), "report-chart:" + chart.table);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ChartAxis axis = chart_axis(chart.max_total());
    const float left = origin.x + em * 2.4f, right = origin.x + size.x - em * 0.4f;
    const float top = origin.y + em * 1.2f, bottom = origin.y + size.y - em * 1.4f;
    auto y_of = [&](std::size_t value) {
        return bottom - (bottom - top) * static_cast<float>(value) / static_cast<float>(axis.top);
    };
    for (std::size_t tick = 0; tick <= axis.top; tick += axis.step) {
        const float y = y_of(tick);
        draw->AddLine(ImVec2(left, y), ImVec2(right, y), IM_COL32(227, 232, 236, 255));
        const std::string label = group_thousands(tick);
        const float label_width = ImGui::CalcTextSize(label.c_str()).x;
        draw->AddText(ImVec2(left - em * 0.4f - label_width, y - em * 0.5f), palette::muted_text, label.c_str());
    }
    const std::size_t count = std::max<std::size_t>(chart.categories.size(), 1);
    const float slot = (right - left) / static_cast<float>(count);
    const float bar_width = std::min(slot * 0.66f, em * 3.5f);
    // Month labels thin out when they would overlap.
    const float label_width = ImGui::CalcTextSize("0000-00").x + em * 0.6f;
    const std::size_t label_every = std::max<std::size_t>(1, static_cast<std::size_t>(label_width / slot) + 1);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (std::size_t i = 0; i < chart.categories.size(); ++i) {
        const float x = left + slot * static_cast<float>(i) + (slot - bar_width) / 2;
        std::size_t below = 0;
        for (std::size_t s = 0; s < chart.series.size(); ++s) {
            const ChartSeries& series = chart.series[s];
            const std::size_t value = series.values[i];
            const float y0 = y_of(below + value), y1 = y_of(below);
            if (value > 0) patterned_rect(draw, ImVec2(x, y0), ImVec2(x + bar_width, y1), series, pattern_of(chart, s));
            if (value > 0 && chart.series.size() > 1 && y1 - y0 >= em && bar_width >= em * 1.4f)
                centred_text(draw, ImVec2(x + bar_width / 2, (y0 + y1) / 2), rgb(series.label_colour), std::to_string(value));
            below += value;
        }
        if (chart.categories.size() <= 24 || slot >= em * 1.6f)
            centred_text(draw, ImVec2(x + bar_width / 2, y_of(below) - em * 0.6f), ImGui::GetColorU32(ImGuiCol_Text),
                         std::to_string(below));
        if (i % label_every == 0)
            centred_text(draw, ImVec2(x + bar_width / 2, bottom + em * 0.75f), palette::muted_text, chart.categories[i]);
        if (hovered && mouse.x >= left + slot * static_cast<float>(i) && mouse.x < left + slot * static_cast<float>(i + 1)) {
            draw->AddRect(ImVec2(x - 1, y_of(below) - 1), ImVec2(x + bar_width + 1, bottom + 1), palette::header_band);
            bar_tooltip(chart, i);
        }
    }
    draw->AddLine(ImVec2(left, bottom), ImVec2(right, bottom), IM_COL32(154, 166, 176, 255));
}

// Categories down the side, series stacked to the right, the total after each bar.
void horizontal_chart(const BarChart& chart, float width) {
    const float em = ImGui::GetFontSize();
    const float row = em * 1.7f;
    const ImVec2 size(width, row * static_cast<float>(chart.categories.size()) + em * 0.4f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(chart.table.c_str(), size);
    describe_last_item(Role::img, chart_description(chart), "report-chart:" + chart.table);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ChartAxis axis = chart_axis(chart.max_total());
    float label_room = 0;
    for (const std::string& category : chart.categories)
        label_room = std::max(label_room, ImGui::CalcTextSize(category.c_str()).x);
    const float left = origin.x + label_room + em * 0.8f, right = origin.x + size.x - em * 2.5f;
    auto x_of = [&](std::size_t value) {
        return left + (right - left) * static_cast<float>(value) / static_cast<float>(axis.top);
    };
    for (std::size_t tick = 0; tick <= axis.top; tick += axis.step)
        draw->AddLine(ImVec2(x_of(tick), origin.y), ImVec2(x_of(tick), origin.y + size.y), IM_COL32(227, 232, 236, 255));
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (std::size_t i = 0; i < chart.categories.size(); ++i) {
        const float y0 = origin.y + em * 0.2f + row * static_cast<float>(i) + em * 0.25f, y1 = y0 + row - em * 0.5f;
        const float label_width = ImGui::CalcTextSize(chart.categories[i].c_str()).x;
        draw->AddText(ImVec2(left - em * 0.5f - label_width, (y0 + y1) / 2 - em * 0.5f), palette::muted_text,
                      chart.categories[i].c_str());
        std::size_t before = 0;
        for (std::size_t s = 0; s < chart.series.size(); ++s) {
            const ChartSeries& series = chart.series[s];
            const std::size_t value = series.values[i];
            const float x0 = x_of(before), x1 = x_of(before + value);
            if (value > 0) patterned_rect(draw, ImVec2(x0, y0), ImVec2(x1, y1), series, pattern_of(chart, s));
            const std::string text = std::to_string(value);
            if (value > 0 && x1 - x0 >= ImGui::CalcTextSize(text.c_str()).x + em * 0.5f)
                centred_text(draw, ImVec2((x0 + x1) / 2, (y0 + y1) / 2), rgb(series.label_colour), text);
            before += value;
        }
        draw->AddText(ImVec2(x_of(before) + em * 0.35f, (y0 + y1) / 2 - em * 0.5f), ImGui::GetColorU32(ImGuiCol_Text),
                      std::to_string(before).c_str());
        if (hovered && mouse.y >= y0 - em * 0.25f && mouse.y < y1 + em * 0.25f) bar_tooltip(chart, i);
    }
    draw->AddLine(ImVec2(left, origin.y), ImVec2(left, origin.y + size.y), IM_COL32(154, 166, 176, 255));
}

void chart_block(const BarChart& chart, const Fonts& fonts, float width) {
    const float em = ImGui::GetFontSize();
    ImGui::BeginGroup();
    ImGui::PushFont(fonts.strong);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    wrapped_text(chart.title);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    describe_heading(chart.title, 3, "report-chart-title:" + chart.table);
    if (chart.categories.empty()) {
        ImGui::TextDisabled("%s", tr(TextId::report_no_screenings));
        describe_paragraph(tr(TextId::report_no_screenings), "report-chart-empty:" + chart.table);
    } else if (chart.horizontal) {
        horizontal_chart(chart, width);
    } else {
        vertical_chart(chart, ImVec2(width, em * 13.0f));
    }
    chart_legend(chart);
    ImGui::Dummy(ImVec2(width, 0));
    ImGui::EndGroup();
}

// Both hit rates on a 0-100% scale with their 95% intervals as whiskers, or why there are none.
void lift_block(const Report& r, const std::vector<ReportTable>& tables, const Fonts& fonts, float width) {
    const float em = ImGui::GetFontSize();
    const TextLanguage tl = language();
    ImGui::BeginGroup();
    ImGui::PushFont(fonts.strong);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    wrapped_text(tr(TextId::report_lift_title));
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    describe_heading(tr(TextId::report_lift_title), 3, "report-lift-title");
    if (!r.lift.available) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        wrapped_muted_text(tr(TextId::report_no_control));
        ImGui::PopTextWrapPos();
        describe_paragraph(tr(TextId::report_no_control), "report-lift-none");
        ImGui::EndGroup();
        return;
    }
    const float row = em * 2.0f;
    const ImVec2 size(width, row * 2 + em * 1.3f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const char* labels[] = {tr(TextId::report_top_group), tr(TextId::report_control_group)};
    const float label_room = std::max(ImGui::CalcTextSize(labels[0]).x, ImGui::CalcTextSize(labels[1]).x);
    const float left = origin.x + label_room + em * 0.8f;
    const float right = origin.x + width - ImGui::CalcTextSize("100,0% (9999/9999; 100,0% \xE2\x80\x93 100,0%)").x - em;
    auto x_of = [&](double rate) { return left + (right - left) * static_cast<float>(std::clamp(rate, 0.0, 1.0)); };
    for (int tick = 0; tick <= 100; tick += 25) {
        const float x = x_of(tick / 100.0);
        draw->AddLine(ImVec2(x, origin.y), ImVec2(x, origin.y + row * 2), IM_COL32(227, 232, 236, 255));
        centred_text(draw, ImVec2(x, origin.y + row * 2 + em * 0.6f), palette::muted_text, std::to_string(tick) + "%");
    }
    const Proportion* rows[] = {&r.lift.top, &r.lift.control};
    const ImU32 fills[] = {palette::header_band, rgb(control_colour)};
    std::string description = std::string(tr(TextId::report_lift_title)) + ".";
    for (std::size_t i = 0; i < 2; ++i) {
        const Proportion& p = *rows[i];
        const float y0 = origin.y + row * static_cast<float>(i) + em * 0.35f, y1 = y0 + row - em * 0.7f, middle = (y0 + y1) / 2;
        draw->AddText(ImVec2(left - em * 0.5f - ImGui::CalcTextSize(labels[i]).x, middle - em * 0.5f), palette::muted_text,
                      labels[i]);
        draw->AddRectFilled(ImVec2(left, y0), ImVec2(x_of(p.rate), y1), fills[i]);
        const float low = x_of(p.low), high = x_of(p.high), tick = em * 0.35f;
        const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
        draw->AddLine(ImVec2(low, middle), ImVec2(high, middle), ink, 1.5f);
        draw->AddLine(ImVec2(low, middle - tick), ImVec2(low, middle + tick), ink, 1.5f);
        draw->AddLine(ImVec2(high, middle - tick), ImVec2(high, middle + tick), ink, 1.5f);
        const std::string text = format_percent(p.rate, tl) + " (" + std::to_string(p.hits) + "/" + std::to_string(p.total) +
                                 "; " + format_percent(p.low, tl) + " \xE2\x80\x93 " + format_percent(p.high, tl) + ")";
        draw->AddText(ImVec2(right + em * 0.6f, middle - em * 0.5f), ink, text.c_str());
        description += std::string(" ") + labels[i] + ": " + text + (i == 0 ? ";" : ".");
    }
    describe("report-lift-chart", Role::img, description,
             WidgetBox{origin.x, origin.y, origin.x + size.x, origin.y + size.y});
    char line[512];
    std::snprintf(line, sizeof line, tr(TextId::report_difference), format_percent(r.lift.difference, tl).c_str(),
                  format_percent(r.lift.difference_low, tl).c_str(), format_percent(r.lift.difference_high, tl).c_str());
    std::string detail = line;
    if (r.lift.lift) {
        for (const ReportTable& table : tables)
            if (table.name == "lift" && table.rows.size() == 4) {
                char ratio[64];
                std::snprintf(ratio, sizeof ratio, tr(TextId::report_lift_ratio), readable_cell(table, 3, 3, tl).c_str());
                detail += "; " + std::string(ratio);
            }
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    wrapped_muted_text(detail);
    ImGui::PopTextWrapPos();
    describe_paragraph(detail, "report-lift-detail");
    ImGui::EndGroup();
}

void charts_section(const ReportViewState& v, const Fonts& fonts) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x * 3;
    const float available = ImGui::GetContentRegionAvail().x;
    const bool two_columns = available > ImGui::GetFontSize() * 56.0f;
    const float width = two_columns ? (available - spacing) / 2 : available;
    std::size_t drawn = 0;
    auto next = [&] {
        if (two_columns && drawn % 2 == 1) ImGui::SameLine(0, spacing);
        else if (drawn > 0) ImGui::Spacing();
        ++drawn;
    };
    for (const BarChart& chart : v.charts) {
        next();
        chart_block(chart, fonts, width);
    }
    next();
    lift_block(*v.report, v.tables, fonts, width);
}

// ---- Tables -----------------------------------------------------------------------------------

void right_aligned(const std::string& text) {
    const float width = ImGui::CalcTextSize(text.c_str()).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - width));
    ImGui::TextUnformatted(text.c_str());
}

// `stem`: the report's file name without extension (file_stem).
void table_block(const ReportTable& table, const std::string& stem, const Fonts& fonts) {
    ImGui::PushID(table.name.c_str());
    ImGui::PushFont(fonts.strong);
    ImGui::AlignTextToFramePadding();
    const std::string title = report_table_title(table.name, language());
    const float csv_width = button_width("CSV");
    ImGui::PushTextWrapPos(std::max(ImGui::GetCursorPosX() + ImGui::GetFontSize() * 4.0f,
                                    ImGui::GetWindowContentRegionMax().x - csv_width - ImGui::GetStyle().ItemSpacing.x));
    wrapped_text(title);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    describe_heading(title, 3, "report-table-title:" + table.name);
    same_line_if_fits(csv_width);
    if (ImGui::SmallButton("CSV"))
        platform::download_file(stem + "-" + table.name + ".csv", "text/csv", table_to_csv(table));
    describe_last_item(Role::button, "CSV: " + title, "report-csv:" + table.name);
    wrapped_tooltip(tr(TextId::report_csv_tooltip));
    if (!table.caption.empty()) {
        wrapped_text(table.caption);
        describe_paragraph(table.caption, "report-table-caption:" + table.name);
    }
    const int columns = static_cast<int>(table.header.size());
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuterH |
                                      ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("table", columns, flags)) {
        MirroredTable described("report-table:" + table.name, title);
        const float em = ImGui::GetFontSize();
        for (int c = 0; c < columns; ++c) {
            const auto column = static_cast<std::size_t>(c);
            // Columns share the width in proportion to their widest text (long summary values capped).
            float widest = ImGui::CalcTextSize(table.header[column].c_str()).x;
            for (const auto& row : table.rows)
                if (column < row.size()) widest = std::max(widest, ImGui::CalcTextSize(row[column].c_str()).x);
            ImGui::TableSetupColumn(table.header[column].c_str(), ImGuiTableColumnFlags_None,
                                    std::clamp(widest, em * 3.0f, em * 30.0f));
        }
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        described.start_header_row();
        for (int c = 0; c < columns; ++c) {
            const auto column = static_cast<std::size_t>(c);
            ImGui::TableSetColumnIndex(c);
            ImGui::PushFont(fonts.strong);
            const std::string& header = table.header[column];
            described.header(header);
            const bool numeric = column < table.numeric.size() && table.numeric[column];
            if (numeric && ImGui::CalcTextSize(header.c_str()).x <= ImGui::GetContentRegionAvail().x) {
                right_aligned(header);
            } else {
                ImGui::PushTextWrapPos(0.0f);  // a long header wraps within its column
                wrapped_text(header);
                ImGui::PopTextWrapPos();
            }
            ImGui::PopFont();
        }
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            described.next_row();
            for (std::size_t c = 0; c < table.rows[r].size() && c < table.header.size(); ++c) {
                ImGui::TableSetColumnIndex(static_cast<int>(c));
                const std::string text = readable_cell(table, r, c, language());
                described.describe_cell(text);
                if (c < table.numeric.size() && table.numeric[c]) {
                    right_aligned(text);
                } else {
                    ImGui::PushTextWrapPos(0.0f);
                    wrapped_text(text);
                    ImGui::PopTextWrapPos();
                }
            }
        }
        described.finish();
        ImGui::EndTable();
    }
    ImGui::PopID();
}

// The parliamentary question as asked, the answer in both languages (the screen's language first)
// and its table.
void parliament_section(const ReportViewState& v, const std::string& stem, const Fonts& fonts) {
    ImGui::PushTextWrapPos(0.0f);
    wrapped_muted_text(parliament_question_reference(language()));
    describe_paragraph(parliament_question_reference(language()), "report-parliament-reference");
    const std::string question = "\xE2\x80\x9C" + std::string(parliament_question_text()) + "\xE2\x80\x9D";
    wrapped_text(question);
    ImGui::PopTextWrapPos();
    describe_paragraph(question, "report-parliament-question");
    ImGui::Spacing();
    boxed_paragraph(v.parliament_first, "parliament_first");
    note_last_item("report-parliament-answer");
    ImGui::Spacing();
    boxed_paragraph(v.parliament_second, "parliament_second");
    ImGui::Spacing();
    table_block(v.parliament_table, stem, fonts);
}

void report_heading(const char* title, const Fonts& fonts) {
    ImGui::Spacing();
    ImGui::PushFont(fonts.title);
    ImGui::PushStyleColor(ImGuiCol_Text, palette::header_band);
    wrapped_text(title);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    describe_heading(title, 2, std::string("report-heading:") + title);
    ImGui::Separator();
}

// The controls, the exports and the report; the report scrolls below the controls in its own
// child, unless `one_scroll` (the caller's window scrolls all of it).
void report_page(Session& state, AuditWork& audit_work, const Fonts& fonts, ReportViewState& v, bool one_scroll) {
    const Session::ReportHistory history = state.report_history();
    period_controls(v, state, history.first_activity);
    refresh_report(v, state, history);
    if (!history.any) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s", tr(TextId::report_no_history));
        describe_paragraph(tr(TextId::report_no_history), "report-no-history");
        if (ImGui::Button(tr(TextId::go_to_selection))) request_screen(Screen::selection);
        note_last_item("go-to-selection", Role::button, tr(TextId::go_to_selection));
        return;
    }
    if (!v.report) return;  // an invalid custom period: the controls say why
    const Checked<AuditReport>* audit =
        audit_work.audit(state, months_of_days(v.report->period.from, v.report->period.to));
    export_buttons(v, state, audit && *audit ? &**audit : nullptr);
    ImGui::Separator();
    if (!one_scroll) ImGui::BeginChild("report_body", ImVec2(0, 0), false);
    header_block(v, fonts);
    ImGui::Spacing();
    key_figures(*v.report, fonts);
    report_heading(tr(TextId::report_summary), fonts);
    summary_paragraph(*v.report);
    if (v.parliament) {
        if (v.scroll_to_parliament) {  // the "Parlementaire vraag" button: the section at the top
            ImGui::SetScrollHereY(0.0f);
            v.scroll_to_parliament = false;
        }
        report_heading(tr(TextId::report_parliament_title), fonts);
        parliament_section(v, file_stem(*v.report, state), fonts);
    }
    report_heading(tr(TextId::report_charts), fonts);
    charts_section(v, fonts);
    report_heading(tr(TextId::report_audit_title), fonts);
    draw_report_audit(state, audit, fonts);
    report_heading(tr(TextId::report_tables), fonts);
    for (const ReportTable& table : v.tables) {
        table_block(table, file_stem(*v.report, state), fonts);
        ImGui::Spacing();
    }
    if (!one_scroll) ImGui::EndChild();
}

}  // namespace

void draw_report_view(Session& state, AuditWork& audit_work, const Fonts& fonts, ReportViewState& v) {
    // In a short window (zoomed in, larger text) the controls would leave the report no room: the
    // controls and the report scroll as one page.
    const bool one_scroll = ImGui::GetContentRegionAvail().y < ImGui::GetFontSize() * 24.0f;
    if (!one_scroll) {
        report_page(state, audit_work, fonts, v, false);
        return;
    }
    ImGui::BeginChild("report_page", ImVec2(0, 0), false);
    report_page(state, audit_work, fonts, v, true);
    ImGui::EndChild();
}

}  // namespace radar::ui
