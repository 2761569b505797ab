// The report's audit section: agreement, automation bias and the group audit with its disparity
// charts. Numbers go through html_format's integer arithmetic, so the page is byte-identical
// natively and in WebAssembly.
#include "core/reporting/audit_html.hpp"

#include <algorithm>
#include <cmath>

#include "core/fairness/audit_grouping.hpp"
#include "core/reporting/html_format.hpp"
#include "core/reporting/report_summary.hpp"

namespace radar {
namespace {

using Html = std::string;

constexpr ScreeningCode all_codes[] = {ScreeningCode::risico, ScreeningCode::geen_risico,
                                       ScreeningCode::verder_onderzoek_nodig};
constexpr const char* dash = "\xE2\x80\x93";

// The Dutch or the English wording.
const char* say(TextLanguage language, const char* dutch, const char* english) {
    return language == TextLanguage::dutch ? dutch : english;
}

// [SECTION] Numbers as text

std::string interval_text(double low, double high, bool as_percent, TextLanguage language) {
    if (as_percent) return format_percent(low, language) + " " + dash + " " + format_percent(high, language);
    return fixed_decimals(low, 2, language) + " " + dash + " " + fixed_decimals(high, 2, language);
}

// "0,71 (95%-bootstrap 0,55 – 0,85)", "0,71 (0,55 – 0,85)" where a header says what the interval
// is, or why it is undefined (never NaN).
std::string statistic_text(const EstimatedStatistic& statistic, bool as_percent, TextLanguage language,
                           bool name_interval = true) {
    if (!statistic.estimate.value) return undefined_label(*statistic.estimate.undefined, language);
    const double value = *statistic.estimate.value;
    std::string text = as_percent ? format_percent(value, language) : fixed_decimals(value, 2, language);
    if (statistic.interval)
        text += std::string(" (") + (name_interval ? say(language, "95%-bootstrap ", "95% bootstrap ") : "") +
                interval_text(statistic.interval->low, statistic.interval->high, as_percent, language) + ")";
    return text;
}

// "62,5% (5/8; 95% 30,6% – 86,3%)", or "– (0)".
std::string proportion_text(const Proportion& proportion, TextLanguage language) {
    if (proportion.total == 0) return std::string(dash) + " (0)";
    return format_percent(proportion.rate, language) + " (" + std::to_string(proportion.hits) + "/" +
           std::to_string(proportion.total) + "; 95% " +
           interval_text(proportion.low, proportion.high, true, language) + ")";
}

std::string rate_text(const GroupRate& rate, TextLanguage language) {
    if (!rate.value) return std::string(dash) + " (0)";
    return format_percent(*rate.value, language) + " (" + std::to_string(rate.hits) + "/" + std::to_string(rate.total) +
           ")";
}

std::string ratio_text(const Disparity& disparity, TextLanguage language) {
    if (!disparity.ratio) return dash;
    std::string text = fixed_decimals(*disparity.ratio, 2, language);
    if (disparity.interval)
        text += " (" + interval_text(disparity.interval->low, disparity.interval->high, false, language) + ")";
    return text;
}

std::string group_name(const std::string& group, TextLanguage language) {
    if (group.empty()) return say(language, "(leeg)", "(empty)");
    if (group == not_in_dataset_group) return say(language, "(niet in de gegevens)", "(not in the dataset)");
    return group;
}

// "Provincie (province)": the dictionary's label with the column's name, or the name alone.
std::string grouping_title(const GroupAudit& audit, const FieldDictionary* fields, TextLanguage language) {
    if (audit.grouping == organiser_size_grouping)
        return say(language, "Grootte van de organisator (locaties per organisator)",
                   "Organiser size (locations per organiser)");
    const FieldSpec* field = fields ? fields->find(audit.grouping) : nullptr;
    const std::string& label =
        field ? (language == TextLanguage::dutch ? field->label_nl : field->label_en) : audit.grouping;
    std::string title = label == audit.grouping || label.empty() ? audit.grouping : label + " (" + audit.grouping + ")";
    if (audit.protected_attribute) title += say(language, " (beschermd kenmerk)", " (protected attribute)");
    return title;
}

// The marks of a group, in words: "referentie; te weinig om te beoordelen; buiten de band".
std::string group_marks(const GroupFigures& figures, const Disparity& disparity, TextLanguage language) {
    std::vector<std::string> marks;
    if (figures.reference) marks.emplace_back(say(language, "referentie", "reference"));
    if (figures.too_few) marks.emplace_back(say(language, "te weinig om te beoordelen", "too few to judge"));
    if (!figures.reference && disparity.in_band && !*disparity.in_band)
        marks.emplace_back(say(language, "buiten de band", "outside the band"));
    std::string text;
    for (const std::string& mark : marks) text += (text.empty() ? "" : "; ") + mark;
    return text;
}

// [SECTION] Building blocks

Html paragraph(const std::string& text, const char* css_class = "note") {
    return std::string("<p class=\"") + css_class + "\">" + html_escape(text) + "</p>";
}

Html cell(const std::string& text, bool numeric = false) {
    return std::string(numeric ? "<td class=\"num\">" : "<td>") + html_escape(text) + "</td>";
}

// The header row; the first column holds text, the others numbers unless `last_is_text`.
Html header_row(const std::vector<std::string>& headers, bool last_is_text = false) {
    Html out = "<thead><tr>";
    for (std::size_t i = 0; i < headers.size(); ++i) {
        const bool text = i == 0 || (last_is_text && i + 1 == headers.size());
        out += std::string(text ? "<th>" : "<th class=\"num\">") + html_escape(headers[i]) + "</th>";
    }
    return out + "</tr></thead>";
}

Html svg_text(double x, double y, const std::string& content, const char* css_class, const char* anchor) {
    return "<text x=\"" + svg_coordinate(x) + "\" y=\"" + svg_coordinate(y) + "\" text-anchor=\"" + anchor +
           "\" class=\"" + css_class + "\">" + html_escape(content) + "</text>";
}

Html svg_line(double x1, double y1, double x2, double y2, const char* css_class) {
    return "<line class=\"" + std::string(css_class) + "\" x1=\"" + svg_coordinate(x1) + "\" y1=\"" +
           svg_coordinate(y1) + "\" x2=\"" + svg_coordinate(x2) + "\" y2=\"" + svg_coordinate(y2) + "\"/>";
}

// [SECTION] Agreement

Html agreement_table(const AgreementTable& table, TextLanguage language) {
    std::vector<std::string> headers{say(language, "eerste code \\ tweede code", "first code \\ second code")};
    for (ScreeningCode code : all_codes) headers.emplace_back(code_label(code, language));
    Html out = "<table class=\"agreement\" data-audit-table=\"agreement\">" + header_row(headers) + "<tbody>";
    for (std::size_t first = 0; first < table.categories; ++first) {
        out += "<tr>" + cell(code_label(all_codes[first], language));
        for (std::size_t second = 0; second < table.categories; ++second)
            out += cell(std::to_string(table.count(first, second)), true);
        out += "</tr>";
    }
    return out + "</tbody></table>";
}

std::string kappa_verdict(const AgreementFigures& figures, TextLanguage language) {
    if (!figures.kappa_strength) return dash;
    return std::string("Landis & Koch: ") + kappa_strength_label(*figures.kappa_strength, language) + "; " +
           (*figures.kappa_substantial ? say(language, "haalt", "meets") : say(language, "haalt niet", "below")) + " " +
           fixed_decimals(kappa_substantial_threshold, 2, language) + " (" +
           say(language, "aanzienlijk", "substantial") + ")";
}

std::string alpha_verdict(const AgreementFigures& figures, TextLanguage language) {
    return figures.alpha_verdict ? alpha_verdict_label(*figures.alpha_verdict, language) : dash;
}

Html agreement_figures(const AgreementFigures& figures, TextLanguage language) {
    const std::string units = std::to_string(figures.table.units);
    Html out = "<table class=\"meta\" data-audit-table=\"agreement_figures\"><tbody>";
    const auto row = [&](const std::string& label, const std::string& value, const char* key) {
        out += std::string("<tr data-figure=\"") + key + "\"><th>" + html_escape(label) + "</th><td>" +
               html_escape(value) + "</td></tr>";
    };
    row(say(language, "Dubbel gecodeerde dossiers", "Double-coded dossiers"), units, "units");
    row(say(language, "Zelfde code", "Same code"),
        std::to_string(figures.table.agreeing()) + " / " + units + ": " +
            statistic_text(figures.percent, true, language),
        "percent_agreement");
    row("Cohen's kappa",
        statistic_text(figures.kappa, false, language) + " \xE2\x80\x94 " + kappa_verdict(figures, language), "kappa");
    row(say(language, "Krippendorffs alfa (nominaal)", "Krippendorff's alpha (nominal)"),
        statistic_text(figures.alpha, false, language) + " \xE2\x80\x94 " + alpha_verdict(figures, language), "alpha");
    return out + "</tbody></table>";
}

Html pair_table(const CoderAgreement& agreement, TextLanguage language) {
    Html out = "<table data-audit-table=\"agreement_pairs\">" +
               header_row({say(language, "screeners", "screeners"), say(language, "dossiers", "dossiers"),
                           say(language, "zelfde code (95%-bootstrap)", "same code (95% bootstrap)"),
                           say(language, "kappa (95%-bootstrap)", "kappa (95% bootstrap)"),
                           say(language, "alfa (95%-bootstrap)", "alpha (95% bootstrap)")}) +
               "<tbody>";
    for (const GroupAgreement& pair : agreement.by_pair)
        out += "<tr>" + cell(pair.key) + cell(std::to_string(pair.figures.table.units), true) +
               cell(statistic_text(pair.figures.percent, true, language, false), true) +
               cell(statistic_text(pair.figures.kappa, false, language, false), true) +
               cell(statistic_text(pair.figures.alpha, false, language, false), true) + "</tr>";
    return out + "</tbody></table>";
}

Html agreement_part(const AuditReport& audit, TextLanguage language) {
    const CoderAgreement& agreement = audit.agreement;
    Html out = "<h3>" +
               html_escape(say(language, "Overeenstemming bij blinde dubbele codering",
                               "Agreement of the blind double coding")) +
               "</h3>";
    out +=
        paragraph(say(language,
                      "Van elke batch codeert een tweede screener een willekeurig deel opnieuw, zonder de eerste code "
                      "en zonder de score te zien. Rijen: de code van de eerste screener; kolommen: die van de tweede.",
                      "A random share of every batch is coded again by a second screener who sees neither the first "
                      "code nor the score. Rows: the first screener's code; columns: the second's."));
    const std::string thresholds =
        std::string(say(language, "Drempels: kappa ", "Thresholds: kappa ")) + "\xE2\x89\xA5 " +
        fixed_decimals(kappa_substantial_threshold, 2, language) + " " + say(language, "aanzienlijk", "substantial") +
        " (Landis & Koch); " + say(language, "alfa ", "alpha ") + "\xE2\x89\xA5 " +
        fixed_decimals(alpha_tentative_threshold, 3, language) + " " +
        say(language, "voorlopige conclusies", "tentative conclusions") + ", \xE2\x89\xA5 " +
        fixed_decimals(alpha_reliable_threshold, 3, language) + " " + say(language, "betrouwbaar", "reliable") +
        " (Krippendorff). " +
        say(language, "Intervallen: percentiel-bootstrap over de dossiers, ",
            "Intervals: percentile bootstrap over the dossiers, ") +
        std::to_string(audit.bootstrap.resamples) + say(language, " trekkingen.", " resamples.");
    if (agreement.overall.table.units == 0) {
        out += paragraph(say(language, "Geen dubbel gecodeerde dossiers met beide codes in deze periode.",
                             "No double-coded dossiers with both codes in this period."),
                         "empty");
    } else {
        out += agreement_figures(agreement.overall, language) + agreement_table(agreement.overall.table, language);
        if (!agreement.by_pair.empty()) out += pair_table(agreement, language);
    }
    out += paragraph(thresholds);
    std::string counts = std::string(say(language, "Tweede codes: ", "Second codes: ")) +
                         std::to_string(agreement.second_codes) + "; " +
                         say(language, "meningsverschillen beslecht: ", "disagreements decided: ") +
                         std::to_string(agreement.adjudicated) + "; " +
                         say(language, "wachten op beslechting: ", "awaiting a decision: ") +
                         std::to_string(agreement.awaiting_adjudication.size());
    if (agreement.without_first_code > 0)
        counts += "; " +
                  std::string(say(language, "zonder eerste code (weggelaten): ", "without a first code (left out): ")) +
                  std::to_string(agreement.without_first_code);
    return out + "<p class=\"note\" data-figure=\"adjudication\">" + html_escape(counts + ".") + "</p>";
}

// [SECTION] Automation bias

Html automation_part(const AutomationBiasFigures& bias, TextLanguage language) {
    Html out = "<h3>" + html_escape(say(language, "Automatiseringsbias", "Automation bias")) + "</h3>";
    out +=
        paragraph(say(language,
                      "Een code volgt de scoreband wanneer ze een risicocode is (Risico of Verder onderzoek nodig) "
                      "voor een dossier in de top 25% van de rangschikking, of Geen risico daaronder. Blind: "
                      "controlesteekproef en tweede codes, en codes gegeven zonder de redenen te openen; score "
                      "zichtbaar: de andere codes van de batches.",
                      "A code follows the score band when it is a risk code (Risico or Verder onderzoek nodig) for a "
                      "dossier in the top 25% of the ranking, or Geen risico below it. Blind: the control sample and "
                      "the second codes, and codes given without opening the reasons; score visible: the other codes "
                      "of the batches."));
    Html table =
        "<table data-audit-table=\"automation_bias\">" +
        header_row({say(language, "scoreband", "score band"), say(language, "score zichtbaar", "score visible"),
                    say(language, "blind gecodeerd", "coded blind")}) +
        "<tbody>";
    for (std::size_t band = 0; band < bias.visible.by_band.size(); ++band)
        table += "<tr>" + cell(score_band_label(static_cast<ScoreBand>(band))) +
                 cell(proportion_text(bias.visible.by_band[band].following, language), true) +
                 cell(proportion_text(bias.blind.by_band[band].following, language), true) + "</tr>";
    table += "<tr class=\"total\" data-figure=\"following\">" + cell(say(language, "alle banden", "every band")) +
             cell(proportion_text(bias.visible.following, language), true) +
             cell(proportion_text(bias.blind.following, language), true) + "</tr>";
    out += table + "</tbody></table>";
    out +=
        "<p class=\"note\" data-figure=\"paired\">" +
        html_escape(
            std::string(say(language, "Dezelfde dossiers, twee keer gecodeerd (", "The same dossiers coded twice (")) +
            std::to_string(bias.paired.dossiers) + "): " + say(language, "score zichtbaar ", "score visible ") +
            proportion_text(bias.paired.visible, language) + ", blind " + proportion_text(bias.paired.blind, language) +
            ".") +
        "</p>";
    std::string opened =
        std::string(
            say(language, "Redenen geopend v\xC3\xB3\xC3\xB3r het coderen: ", "Reasons opened before coding: ")) +
        proportion_text(bias.reasons_opened.opened, language);
    if (bias.reasons_opened.not_recorded > 0)
        opened +=
            "; " + std::string(say(language, "niet vastgelegd bij ", "not recorded for ")) +
            std::to_string(bias.reasons_opened.not_recorded) +
            say(language, " codes (van v\xC3\xB3\xC3\xB3r die registratie)", " codes (from before it was recorded)");
    out += "<p class=\"note\" data-figure=\"reasons_opened\">" + html_escape(opened + ".") + "</p>";
    return out;
}

// [SECTION] Group audit

Html group_table(const GroupAudit& audit, TextLanguage language) {
    Html out = "<table class=\"wide\" data-audit-table=\"groups\" data-grouping=\"" + html_escape(audit.grouping) +
               "\">" +
               header_row({say(language, "groep", "group"), "dossiers", say(language, "geselecteerd", "selected"),
                           say(language, "selectiekans", "selection rate"),
                           say(language, "ratio t.o.v. referentie (95%)", "ratio to reference (95%)"), "FDR", "FOR",
                           say(language, "opmerking", "note")},
                          true) +
               "<tbody>";
    for (const GroupFigures& figures : audit.pooled.groups) {
        std::string note = group_marks(figures, figures.selection_disparity, language);
        if (figures.not_yet_known > 0)
            note += (note.empty() ? "" : "; ") + std::to_string(figures.not_yet_known) +
                    say(language, " label nog niet gekend", " label not yet known");
        out += "<tr" + std::string(figures.too_few ? " class=\"too-few\"" : "") + ">" +
               cell(group_name(figures.group, language)) + cell(grouped_count(figures.dossiers, language), true) +
               cell(grouped_count(figures.selected, language), true) +
               cell(rate_text(figures.selection_rate, language), true) +
               cell(ratio_text(figures.selection_disparity, language), true) +
               cell(rate_text(figures.false_discovery, language), true) +
               cell(rate_text(figures.false_omission, language), true) + cell(note) + "</tr>";
    }
    return out + "</tbody></table>";
}

std::string basis_text(TextLanguage language) {
    return std::string(
               say(language, "Waarop de cijfers rusten: dossiers = ", "What the figures rest on: dossiers = ")) +
           figure_basis_label(FigureBasis::dataset, language) + "; " +
           say(language, "selectiekans en ratio = ", "selection rate and ratio = ") +
           figure_basis_label(FigureBasis::selection, language) + "; FDR (" +
           say(language, "aandeel zonder bevestigd risico onder de geselecteerden",
               "share without confirmed risk among the selected") +
           ") = " + figure_basis_label(FigureBasis::screened_labels, language) + "; FOR (" +
           say(language, "aandeel bevestigd risico in de controlesteekproef",
               "share of confirmed risk in the control sample") +
           ") = " + figure_basis_label(FigureBasis::control_sample, language) + ".";
}

Html grouping_part(const GroupAudit& audit, const FieldDictionary* fields, TextLanguage language) {
    Html out = "<section class=\"grouping\" data-grouping=\"" + html_escape(audit.grouping) + "\"><h4>" +
               html_escape(grouping_title(audit, fields, language)) + "</h4>";
    out += paragraph(std::string(say(language, "Referentiegroep: ", "Reference group: ")) +
                     group_name(audit.reference_group, language) + " (" +
                     (audit.reference_chosen ? say(language, "gekozen", "chosen")
                                             : say(language, "de grootste groep", "the largest group")) +
                     "); " + say(language, "samen over ", "pooled over ") + std::to_string(audit.batches.size()) +
                     say(language, " batches: ", " batches: ") + grouped_count(audit.pooled.selected, language) +
                     say(language, " geselecteerd, ", " selected, ") + grouped_count(audit.pooled.control, language) +
                     say(language, " in de controlesteekproef.", " in the control sample."));
    out += "<figure class=\"chart disparity\" data-disparity=\"" + html_escape(audit.grouping) + "\"><figcaption>" +
           html_escape(say(language, "Selectiekans t.o.v. de referentiegroep (logaritmische schaal)",
                           "Selection rate against the reference group (log scale)")) +
           "</figcaption>";
    if (audit.pooled.groups.empty())
        out += paragraph(say(language, "Geen groepen.", "No groups."), "empty");
    else
        out += disparity_chart_svg(audit.pooled, audit.band, language);
    out += "</figure>" + group_table(audit, language);
    return out + "</section>";
}

Html group_part(const AuditReport& audit, const FieldDictionary* fields, TextLanguage language) {
    Html out =
        "<h3>" + html_escape(say(language, "Groepsaudit van de selectie", "Group audit of the selection")) + "</h3>";
    const FairBand& band = audit.settings.band;
    out += paragraph(
        std::string(say(language, "Eerlijke band: ", "Fair band: ")) + fixed_decimals(band.low, 2, language) + " " +
        dash + " " + fixed_decimals(band.high, 2, language) +
        say(language, " (grenzen inbegrepen). Groepen met minder dan ", " (edges included). Groups of fewer than ") +
        std::to_string(audit.settings.min_group_size) +
        say(language, " dossiers: te weinig om te beoordelen (wel getoond). ",
            " dossiers: too few to judge (still shown). ") +
        basis_text(language));
    if (audit.groupings.empty())
        return out +
               paragraph(say(language, "Geen groeperingen in de gegevens.", "No groupings in the dataset."), "empty");
    for (const GroupAudit& grouping : audit.groupings) out += grouping_part(grouping, fields, language);
    return out;
}

}  // namespace

std::string disparity_chart_svg(const GroupTable& table, const FairBand& band, TextLanguage language) {
    constexpr double width = 760, left = 190, plot = 280, top = 6, row = 28, axis_room = 20;
    const double height = top + row * static_cast<double>(table.groups.size()) + axis_room;
    const double bottom = top + row * static_cast<double>(table.groups.size());
    const double log_low = std::log(0.25), span = std::log(16.0);
    const auto x_of = [&](double ratio) {
        const double clamped = std::clamp(ratio, 0.25, 4.0);
        return left + plot * (std::log(clamped) - log_low) / span;
    };
    Html svg = "<svg class=\"disparity\" viewBox=\"0 0 " + svg_coordinate(width) + " " + svg_coordinate(height) +
               "\" role=\"img\" aria-label=\"" +
               html_escape(say(language, "Selectiekans t.o.v. de referentiegroep",
                               "Selection rate against the reference group")) +
               "\">";
    svg +=
        "<rect class=\"fair-band\" x=\"" + svg_coordinate(x_of(band.low)) + "\" y=\"" + svg_coordinate(top) +
        "\" width=\"" + svg_coordinate(x_of(band.high) - x_of(band.low)) + "\" height=\"" +
        svg_coordinate(bottom - top) + "\"><title>" +
        html_escape(std::string(say(language, "eerlijke band ", "fair band ")) + fixed_decimals(band.low, 2, language) +
                    " " + dash + " " + fixed_decimals(band.high, 2, language)) +
        "</title></rect>";
    svg += svg_line(x_of(band.low), top, x_of(band.low), bottom, "band-edge");
    svg += svg_line(x_of(band.high), top, x_of(band.high), bottom, "band-edge");
    svg += svg_line(x_of(1.0), top, x_of(1.0), bottom, "parity");
    for (const double tick : {0.25, 0.5, 1.0, 2.0, 4.0})
        svg += svg_text(x_of(tick), bottom + 13,
                        fixed_decimals(tick,
                                       tick < 0.3 ? 2
                                       : tick < 1 ? 1
                                                  : 0,
                                       language),
                        "axis", "middle");
    svg += svg_text(x_of(band.low) - 3, bottom + 13, fixed_decimals(band.low, 2, language), "band-label", "end");
    svg += svg_text(x_of(band.high) + 3, bottom + 13, fixed_decimals(band.high, 2, language), "band-label", "start");
    for (std::size_t i = 0; i < table.groups.size(); ++i) {
        const GroupFigures& figures = table.groups[i];
        const Disparity& disparity = figures.selection_disparity;
        const double middle = top + row * static_cast<double>(i) + row / 2;
        svg += "<g class=\"group\" data-group=\"" + html_escape(figures.group) + "\"" +
               (figures.reference ? " data-reference=\"true\"" : "") +
               (figures.too_few ? " data-too-few=\"true\"" : "") +
               (disparity.ratio ? " data-ratio=\"" + fixed_decimals(*disparity.ratio, 4, TextLanguage::english) + "\""
                                : "") +
               ">";
        svg += svg_text(left - 8, middle + 3.5, group_name(figures.group, language), "axis", "end");
        if (disparity.interval) {
            const double low = x_of(disparity.interval->low), high = x_of(disparity.interval->high);
            svg += "<path class=\"interval\" d=\"M" + svg_coordinate(low) + " " + svg_coordinate(middle) + "H" +
                   svg_coordinate(high) + "M" + svg_coordinate(low) + " " + svg_coordinate(middle - 4) + "V" +
                   svg_coordinate(middle + 4) + "M" + svg_coordinate(high) + " " + svg_coordinate(middle - 4) + "V" +
                   svg_coordinate(middle + 4) + "\"/>";
        }
        std::string value = disparity.ratio ? ratio_text(disparity, language) : say(language, "geen ratio", "no ratio");
        if (disparity.ratio) {
            const bool outside = disparity.in_band && !*disparity.in_band;
            const char* point_class = figures.too_few ? "point too-few" : outside ? "point outside" : "point";
            svg += "<circle class=\"" + std::string(point_class) + "\" cx=\"" + svg_coordinate(x_of(*disparity.ratio)) +
                   "\" cy=\"" + svg_coordinate(middle) + "\" r=\"4\"/>";
            if (*disparity.ratio < 0.25 || *disparity.ratio > 4.0)
                value += *disparity.ratio < 0.25
                             ? say(language, " (links buiten de schaal)", " (off the scale, left)")
                             : say(language, " (rechts buiten de schaal)", " (off the scale, right)");
        }
        // The marks on a line of their own under the ratio, so that both fit beside the chart.
        const std::string marks = group_marks(figures, disparity, language);
        svg += svg_text(left + plot + 10, marks.empty() ? middle + 3.5 : middle - 1.5, value, "value", "start");
        if (!marks.empty()) svg += svg_text(left + plot + 10, middle + 9.5, marks, "marks", "start");
        svg += "</g>";
    }
    return svg + "</svg>";
}

std::string audit_section_html(const AuditReport& audit, TextLanguage language, const FieldDictionary* fields) {
    const AuditSettings& settings = audit.settings;
    Html out = "<section class=\"audit\" id=\"audit\"><h2>" +
               html_escape(say(language, "Eerlijkheid en consistentie", "Fairness and consistency")) + "</h2>";
    const std::string from =
        settings.period.from.empty() ? say(language, "de eerste", "the first") : settings.period.from;
    const std::string to = settings.period.to.empty() ? say(language, "de laatste", "the last") : settings.period.to;
    out += paragraph(std::string(say(language, "Batches van ", "Batches of ")) + from +
                     say(language, " tot en met ", " up to and including ") + to +
                     say(language, "; labels per ", "; labels as of ") + format_iso_date(settings.today) + ". " +
                     label_definition_statement(settings.definition, language));
    out += agreement_part(audit, language);
    out += automation_part(audit.automation_bias, language);
    out += group_part(audit, fields, language);
    if (!audit.issues.empty()) {
        out += "<h3>" + html_escape(say(language, "Niet gebruikt", "Not used")) + "</h3><ul class=\"note\">";
        for (const std::string& issue : audit.issues) out += "<li>" + html_escape(issue) + "</li>";
        out += "</ul>";
    }
    return out + "</section>";
}

}  // namespace radar
