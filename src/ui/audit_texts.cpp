// Audit figures as text in the app's language.
#include "ui/audit_texts.hpp"

#include "core/reporting/report_summary.hpp"
#include "session/i18n.hpp"
#include "ui/session_names.hpp"

namespace radar::ui {
namespace {

constexpr const char* dash = "\xE2\x80\x93";

std::string range_text(const std::string& low, const std::string& high) { return low + " " + dash + " " + high; }

}  // namespace

std::string statistic_text(const EstimatedStatistic& statistic, bool as_percent) {
    const TextLanguage lang = language();
    const auto shown = [&](double v) { return as_percent ? format_percent(v, lang) : decimal_text(v, 2); };
    if (!statistic.estimate.value) return undefined_label(*statistic.estimate.undefined, lang);
    std::string text = shown(*statistic.estimate.value);
    if (statistic.interval)
        text += " (" + range_text(shown(statistic.interval->low), shown(statistic.interval->high)) + ")";
    return text;
}

std::string proportion_text(const Proportion& proportion) {
    if (proportion.total == 0) return dash;
    const TextLanguage lang = language();
    return format_percent(proportion.rate, lang) + " (" + std::to_string(proportion.hits) + "/" +
           std::to_string(proportion.total) + "; " +
           range_text(format_percent(proportion.low, lang), format_percent(proportion.high, lang)) + ")";
}

std::string disparity_text(const Disparity& disparity) {
    if (!disparity.ratio) return dash;
    std::string text = decimal_text(*disparity.ratio, 2);
    if (disparity.interval)
        text += " (" + range_text(decimal_text(disparity.interval->low, 2), decimal_text(disparity.interval->high, 2)) +
                ")";
    if (disparity.in_band && !*disparity.in_band) text += std::string("  ") + tr(TextId::audit_outside_band);
    return text;
}

}  // namespace radar::ui
