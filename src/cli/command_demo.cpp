// `radar demo` writes the synthetic demo dossiers as CSV; `radar rank` prints the ranked top
// of the demo dossiers under the starter model.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/command_registry.hpp"
#include "cli/options.hpp"
#include "csv_writer.hpp"
#include "demo_data.hpp"
#include "platform/platform.hpp"
#include "ranking.hpp"
#include "starter_model.hpp"

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

int run_rank(const std::vector<std::string>& arguments) {
    Options options(arguments);
    const DemoSettings settings = demo_settings(options);
    const auto top = options.number("top", 20);
    if (!options.error().empty() || settings.dossier_count == 0) {
        std::cerr << "radar rank: " << options.error() << "\n";
        return 2;
    }
    const DemoData demo = generate_demo_data(settings);
    const auto scores = StarterModel::score(demo.dataset, settings.export_date);
    const Column& ids = *demo.dataset.find("dossier_id");
    const Column& names = *demo.dataset.find("name");
    const auto ranked = rank_rows(scores, ids);
    std::printf("rank\tdossier_id\tscore\tname\n");
    for (std::size_t i = 0; i < ranked.size() && i < top; ++i) {
        const std::size_t row = ranked[i];
        std::printf("%zu\t%s\t%.1f\t%s\n", i + 1, ids.texts[row].c_str(), scores[row].points, names.texts[row].c_str());
    }
    return 0;
}

const CommandRegistration demo_command("demo", {"demo [--count N] [--seed S] [--date YYYY-MM-DD] [--out FILE]",
                                                "write the synthetic demo dossiers as CSV (stdout unless --out)",
                                                run_demo});
const CommandRegistration rank_command("rank", {"rank [--count N] [--seed S] [--date YYYY-MM-DD] [--top K]",
                                                "rank the demo dossiers with the starter model and print the top K",
                                                run_rank});

}  // namespace
}  // namespace radar::cli
