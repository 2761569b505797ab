// `radar audit HISTORY.json --data DATA`: is it fair and consistent (issue #18)? The group audit of
// the batches (per grouping: province, care type, organiser size class, municipality and every
// protected column, or --group COLUMN), the agreement of the blind double coding, the
// disagreements awaiting adjudication and the automation-bias figures; text or --json.
#include <iostream>

#include "cli/command_registry.hpp"
#include "cli/data_source.hpp"
#include "cli/history_file.hpp"
#include "cli/options.hpp"
#include "core/fairness/audit_export.hpp"
#include "core/fairness/commit_audit.hpp"
#include "platform/platform.hpp"

namespace radar::cli {
namespace {

constexpr const char* usage_text =
    "audit HISTORY.json --data demo|FILE [--group COLUMN] [--reference GROUP] [--band LOW-HIGH] [--json] "
    "[--from YYYY-MM] [--to YYYY-MM] [--as-of YYYY-MM-DD] [--count N] [--seed S] [--fields FIELDS.json] "
    "[--mapping PROFILE.json] [--id COLUMN]";

bool is_month(const std::string& text) { return text.size() == 7 && parse_iso_date(text + "-01").has_value(); }

int run_audit(const std::vector<std::string>& arguments) {
    Options options(arguments, {"json"});
    const auto fail = [](const std::string& message, int code) {
        std::cerr << "radar audit: " << message << "\n";
        return code;
    };
    if (!options.error().empty()) return fail(options.error(), 2);
    if (options.positional().size() != 1) return fail(std::string("usage: radar ") + usage_text, 2);
    const auto data = options.value("data");
    if (!data) return fail("--data demo|FILE is required (the dossiers whose groups are audited)", 2);
    const auto group = options.value("group");
    const auto reference = options.value("reference");
    if (reference && !group) return fail("--reference names a group of one grouping: give --group COLUMN too", 2);

    AuditSettings settings;
    settings.today = options.date("as-of", platform::today());
    settings.period.from = options.value("from").value_or("");
    settings.period.to = options.value("to").value_or("");
    for (const std::string* month : {&settings.period.from, &settings.period.to})
        if (!month->empty() && !is_month(*month)) return fail("--from and --to take a month as YYYY-MM", 2);
    if (const auto band = options.value("band")) {
        const Checked<FairBand> parsed = parse_fair_band(*band);
        if (!parsed) return fail("--band: " + parsed.error(), 2);
        settings.band = *parsed;
    }
    settings.reference_group = reference;

    Checked<DataSource> source = load_data_source(*data, options, first_of_month(settings.today));
    if (!source) return fail(source.error(), 2);
    if (!options.error().empty()) return fail(options.error(), 2);
    if (source->rows_rejected > 0)
        std::cerr << "radar audit: " << source->name << ": " << source->rows_rejected
                  << " rows were rejected (see radar import)\n";
    // A header as the export spells it ("Provincie") finds its column too.
    const std::vector<std::string> groupings = chosen_groupings(source->dataset, &source->dictionary, group.value_or(""));

    const Checked<HistoryFile> history = load_history_file(options.positional()[0]);
    if (!history) return fail(history.error(), 1);
    if (history->batches.empty())
        std::cerr << "radar audit: " << options.positional()[0]
                  << " holds no frozen batches (only a backup has them): the group audit has no selections\n";
    const ScreeningState state = fold_events(history->events);
    for (const std::string& issue : state.issues) std::cerr << "radar audit: history: " << issue << "\n";
    // "Risk confirmed" as the team chose it in the app (the backup's setting).
    if (history->label_definition) settings.definition = *history->label_definition;

    const Checked<AuditReport> report =
        build_audit(source->dataset, &source->dictionary, groupings, state, history->batches, settings);
    if (!report) return fail(report.error(), 2);
    if (options.flag("json")) {
        Json json = audit_to_json(*report);
        json["batches_at_commit"] = audits_at_commit_json(history->batches, settings.period);
        std::cout << json.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    } else {
        std::cout << audit_to_text(*report) << audits_at_commit_text(history->batches, settings.period);
    }
    return 0;
}

const CommandRegistration audit_command("audit", {usage_text,
                                                  "is it fair and consistent? group audit of the batches, agreement "
                                                  "of the blind double coding, automation bias (text or JSON)",
                                                  run_audit});

}  // namespace
}  // namespace radar::cli
