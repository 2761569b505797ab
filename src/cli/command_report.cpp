// `radar report`: the standard report over a screening history (events or a backup) for a
// period, as text, JSON, CSV tables or a printable HTML page; with --data, the period's audit
// (fairness and consistency, as `radar audit` prints it) and the answer to the parliamentary
// question (parliament_answer.hpp) in the text, the CSV tables, the JSON and the HTML page.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command_registry.hpp"
#include "cli/data_source.hpp"
#include "cli/history_file.hpp"
#include "cli/options.hpp"
#include "platform/platform.hpp"
#include "core/fairness/audit_export.hpp"
#include "core/reporting/report_export.hpp"
#include "core/reporting/report_html.hpp"

namespace radar::cli {
namespace {

constexpr const char* usage_text =
    "report HISTORY.json [--from YYYY-MM[-DD]] [--to YYYY-MM[-DD]] [--as-of YYYY-MM-DD] "
    "[--possible-risk risico,verder_onderzoek_nodig] [--label-months N] [--data demo|FILE [--count N] [--seed S] [--fields FIELDS.json] [--mapping PROFILE.json]] [--lang nl|en] "
    "[--json | --csv [--out DIR] | --html]";

// "YYYY-MM-DD", or "YYYY-MM" meaning the month's first (from) or last (to) day.
std::optional<DayNumber> period_day(const std::string& text, bool end_of_month) {
    if (text.size() == 7) {
        const auto first = parse_iso_date(text + "-01");
        if (!first) return std::nullopt;
        return end_of_month ? add_months(*first, 1) - 1 : *first;
    }
    return parse_iso_date(text);
}

Checked<std::vector<ScreeningCode>> possible_risk_codes(const std::string& list) {
    std::vector<ScreeningCode> codes;
    std::stringstream stream(list);
    std::string word;
    while (std::getline(stream, word, ',')) {
        bool known = false;
        for (ScreeningCode code : {ScreeningCode::risico, ScreeningCode::geen_risico, ScreeningCode::verder_onderzoek_nodig}) {
            if (word == code_key(code)) {
                codes.push_back(code);
                known = true;
            }
        }
        if (!known) return Checked<std::vector<ScreeningCode>>::failure("--possible-risk: unknown code '" + word + "'");
    }
    if (codes.empty()) return Checked<std::vector<ScreeningCode>>::failure("--possible-risk needs at least one code");
    return codes;
}

void print_table(const ReportTable& table) {
    std::printf("\n[%s]\n", table.name.c_str());
    if (!table.caption.empty()) std::printf("  (%s)\n", table.caption.c_str());
    auto line = [](const std::vector<std::string>& cells) {
        std::string text;
        for (std::size_t i = 0; i < cells.size(); ++i) text += (i ? "\t" : "  ") + cells[i];
        std::printf("%s\n", text.c_str());
    };
    line(table.header);
    for (const auto& row : table.rows) line(row);
}

int run_report(const std::vector<std::string>& arguments) {
    Options options(arguments, {"json", "csv", "html"});
    const auto fail = [](const std::string& message, int code) {
        std::cerr << "radar report: " << message << "\n";
        return code;
    };
    if (!options.error().empty()) return fail(options.error(), 2);
    if (options.positional().size() != 1) return fail(std::string("usage: radar ") + usage_text, 2);

    ReportPeriod period;
    if (const auto from = options.value("from")) {
        period.from = period_day(*from, false);
        if (!period.from) return fail("--from must be YYYY-MM or YYYY-MM-DD", 2);
    }
    const auto to_text = options.value("to");
    const auto to = to_text ? period_day(*to_text, true) : std::optional<DayNumber>(platform::today());
    if (!to) return fail("--to must be YYYY-MM or YYYY-MM-DD", 2);
    period.to = *to;
    if (period.from && *period.from > period.to) return fail("--from lies after --to", 2);

    ReportSettings settings;
    settings.as_of = options.date("as-of", period.to);
    settings.generated_at = Timestamp{std::int64_t{platform::today()} * 86'400'000};
    settings.labels.valid_months = static_cast<int>(options.number("label-months", settings.labels.valid_months));
    if (!valid_label_months(settings.labels.valid_months)) return fail("--label-months must be 1..120", 2);
    if (const auto list = options.value("possible-risk")) {
        const auto codes = possible_risk_codes(*list);
        if (!codes) return fail(codes.error(), 2);
        settings.possible_risk = *codes;
    }
    const auto language_name = options.value("lang").value_or("nl");
    if (language_name != "nl" && language_name != "en") return fail("--lang is nl or en", 2);
    const TextLanguage language = language_name == "nl" ? TextLanguage::dutch : TextLanguage::english;

    std::map<std::string, DossierAttributes> attributes;
    std::optional<DataSource> data;
    if (const auto name = options.value("data")) {
        Checked<DataSource> source = load_data_source(*name, options, first_of_month(period.to));
        if (!source) return fail(source.error(), 2);
        data = std::move(*source);
        attributes = dossier_attributes(data->dataset);
    }
    if (!options.error().empty()) return fail(options.error(), 2);

    const Checked<HistoryFile> history = load_history_file(options.positional()[0]);
    if (!history) return fail(history.error(), 1);
    const ScreeningState state = fold_events(history->events);
    for (const std::string& issue : state.issues) std::cerr << "radar report: history: " << issue << "\n";
    // "Risk confirmed" as the team chose it in the app (the backup's setting), stated in the report.
    if (history->label_definition) settings.confirmed_risk = *history->label_definition;
    const Report report = build_report(state, history->batches, attributes, period, settings);

    // The audit needs the dossiers' groups: only with --data. Default groupings, labels as of the
    // report's --as-of, batches of the period's months.
    std::optional<AuditReport> audit;
    if (data) {
        AuditSettings audit_settings;
        audit_settings.today = settings.as_of;
        audit_settings.period = months_of_days(period.from, period.to);
        audit_settings.definition = settings.confirmed_risk;
        Checked<AuditReport> built = build_audit(data->dataset, &data->dictionary, {}, state, history->batches, audit_settings);
        if (!built) return fail("audit: " + built.error(), 2);
        audit = std::move(*built);
    }
    // The parliamentary question's answer needs the dataset for its coverage figures: only with --data.
    std::optional<ParliamentAnswer> parliament;
    if (data) parliament = parliament_answer(report, state, coverage_figures(state, data->dataset, period.to));
    constexpr const char* audit_needs_data =
        "the audit (fairness and consistency) and the parliamentary question's answer need --data demo|FILE: not included";

    if (options.flag("json")) {
        std::cout << report_to_json(report, audit ? &*audit : nullptr, parliament ? &*parliament : nullptr);
        if (!audit) std::cerr << "radar report: " << audit_needs_data << "\n";
        return 0;
    }
    if (options.flag("html")) {
        HtmlReportOptions html;
        html.language = language;
        html.utc_offset = [](Timestamp at) { return platform::utc_offset_minutes(at); };
        if (data && data->name == "demo") html.notice = language == TextLanguage::dutch ? "SYNTHETISCHE DEMODATA" : "SYNTHETIC DEMO DATA";
        html.audit = audit ? &*audit : nullptr;
        html.fields = data ? &data->dictionary : nullptr;
        html.parliament = parliament ? &*parliament : nullptr;
        std::cout << report_to_html(report, html);
        if (!audit) std::cerr << "radar report: " << audit_needs_data << "\n";
        return 0;
    }
    std::vector<ReportTable> tables = report_tables(report, language);
    if (parliament) tables.push_back(parliament_answer_table(*parliament, language));
    if (options.flag("csv")) {
        const auto out = options.value("out");
        for (const ReportTable& table : tables) {
            if (!out) {
                std::cout << "# " << table.name << "\n" << table_to_csv(table) << "\n";
                continue;
            }
            const std::filesystem::path path = std::filesystem::path(*out) / (table.name + ".csv");
            std::ofstream file(path, std::ios::binary);
            file << table_to_csv(table);
            if (!file.flush()) return fail("cannot write '" + path.string() + "'", 1);
        }
        if (out) std::cerr << "radar: wrote " << tables.size() << " CSV tables to " << *out << "\n";
        return 0;
    }
    std::printf("%s\n\n%s\n", report.summary_nl.c_str(), report.summary_en.c_str());
    for (const ReportTable& table : tables) print_table(table);
    if (audit) std::printf("\n%s", audit_to_text(*audit).c_str());
    else std::printf("\n(%s)\n", audit_needs_data);
    return 0;
}

const CommandRegistration report_command("report", {usage_text,
                                                    "the standard screening report for a period (text, JSON, "
                                                    "CSV tables or printable HTML); with --data also the audit "
                                                    "and the answer to the parliamentary question",
                                                    run_report});

}  // namespace
}  // namespace radar::cli
