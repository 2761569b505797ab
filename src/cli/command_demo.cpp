// `radar demo` writes the synthetic demo dossiers as CSV (`radar score demo --model FILE` ranks them).
#include <fstream>
#include <iostream>

#include "cli/command_registry.hpp"
#include "cli/options.hpp"
#include "core/data/csv_writer.hpp"
#include "core/data/demo_data.hpp"
#include "platform/platform.hpp"

namespace radar::cli {
namespace {

// Reads --count, --seed and --date (export date, default the first of the current month).
DemoSettings demo_settings(Options& options) {
    DemoSettings settings;
    settings.dossier_count = static_cast<std::size_t>(options.number("count", settings.dossier_count));
    settings.seed = options.number("seed", settings.seed);
    settings.export_date = options.date("date", first_of_month(platform::today()));
    if (settings.dossier_count > 5'000'000) {
        std::cerr << "radar: --count is at most 5000000\n";
        settings.dossier_count = 0;
    }
    return settings;
}

int run_demo(const std::vector<std::string>& arguments) {
    Options options(arguments);
    const DemoSettings settings = demo_settings(options);
    if (!options.error().empty() || settings.dossier_count == 0) {
        std::cerr << "radar demo: " << options.error() << "\n";
        return 2;
    }
    const std::string csv = write_csv(generate_demo_data(settings).dataset);
    const auto out = options.value("out");
    if (!out) {
        std::cout << csv;
        return 0;
    }
    std::ofstream file(*out, std::ios::binary);
    file << csv;
    if (!file.flush()) {
        std::cerr << "radar demo: cannot write '" << *out << "'\n";
        return 1;
    }
    std::cerr << "radar: wrote " << settings.dossier_count << " dossiers to " << *out << "\n";
    return 0;
}

const CommandRegistration demo_command("demo", {"demo [--count N] [--seed S] [--date YYYY-MM-DD] [--out FILE]",
                                                "write the synthetic demo dossiers as CSV (stdout unless --out)",
                                                run_demo});

}  // namespace
}  // namespace radar::cli
