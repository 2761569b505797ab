// `radar demo-history`: simulates months of selection and screening on the demo dossiers and
// writes them as a backup file, for demos and for trying `radar select` and `radar report`.
#include <fstream>
#include <iostream>

#include "core/backup/backup_format.hpp"
#include "cli/command_registry.hpp"
#include "cli/data_source.hpp"
#include "cli/model_file.hpp"
#include "cli/options.hpp"
#include "core/selection/demo_year.hpp"

namespace radar::cli {
namespace {

constexpr const char* usage_text =
    "demo-history --start YYYY-MM --model MODEL.json [--months M] [--size N] [--control K] [--count N] [--seed S] "
    "[--model-change-month K] [--corrections N] --out FILE";

int run_demo_history(const std::vector<std::string>& arguments) {
    Options options(arguments);
    const auto fail = [](const std::string& message, int code) {
        std::cerr << "radar demo-history: " << message << "\n";
        return code;
    };
    const auto start = options.value("start");
    const auto first_month = start ? parse_iso_date(*start + "-01") : std::nullopt;
    if (!start || start->size() != 7 || !first_month) return fail("--start YYYY-MM is required", 2);
    const auto out = options.value("out");
    if (!out) return fail("--out FILE is required", 2);
    const auto model = options.value("model");
    if (!model) return fail("--model MODEL.json is required (e.g. assets/models/default.json)", 2);
    DemoSettings demo_settings;
    demo_settings.dossier_count = static_cast<std::size_t>(options.number("count", 2400));
    demo_settings.seed = options.number("seed", demo_settings.seed);
    demo_settings.export_date = *first_month;
    DemoYearSettings settings;
    settings.first_month = *first_month;
    settings.scores_as_of = *first_month;
    settings.months = static_cast<int>(options.number("months", 6));
    settings.selection.capacity = static_cast<std::uint32_t>(options.number("size", 25));
    settings.selection.control_size = static_cast<std::uint32_t>(options.number("control", 5));
    settings.model_change_month = static_cast<int>(options.number("model-change-month", 0));
    settings.corrections = static_cast<std::size_t>(options.number("corrections", 0));
    settings.seed = demo_settings.seed;
    if (!options.error().empty()) return fail(options.error(), 2);
    if (settings.months < 1 || settings.months > 120) return fail("--months must be 1..120", 2);
    if (settings.model_change_month < 0 || settings.model_change_month > settings.months)
        return fail("--model-change-month must be 0 (none) or a simulated month 1..months", 2);
    if (demo_settings.dossier_count == 0 || demo_settings.dossier_count > 1'000'000) return fail("--count must be 1..1000000", 2);

    const DemoData demo = generate_demo_data(demo_settings);
    const Checked<FieldDictionary> dictionary = load_dictionary(options);
    if (!dictionary) return fail(dictionary.error(), 2);
    const Checked<ModelSpec> spec = read_model_file(*model);
    if (!spec) return fail(spec.error(), 2);
    settings.protected_fields = dictionary->protected_names();
    const Checked<DemoYear> year = build_demo_year(demo, *spec, &*dictionary, settings);
    if (!year) return fail(year.error(), 1);
    // With a model change the backup carries both versions (the later batches name the revision).
    const BackupContent content = demo_year_backup_content(year.value(), settings.model_change_month > 0);
    const DayNumber last_day = add_months(*first_month, settings.months) - 1;
    std::ofstream file(*out, std::ios::binary);
    file << export_backup(content, Timestamp{std::int64_t{last_day} * 86'400'000});
    if (!file.flush()) return fail("cannot write '" + *out + "'", 1);
    std::cerr << "radar: wrote " << content.events.size() << " events and " << content.batches.size() << " batches to "
              << *out << "\n";
    return 0;
}

const CommandRegistration demo_history_command("demo-history", {usage_text,
                                                                "simulate months of selection and screening on the "
                                                                "demo dossiers; writes a backup file",
                                                                run_demo_history});

}  // namespace
}  // namespace radar::cli
