// `radar demo` writes the synthetic demo dossiers as CSV; `radar rank` prints the ranked top.
#include "cli/cli_commands.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>

#include "csv_writer.hpp"
#include "demo_data.hpp"
#include "platform/platform.hpp"
#include "ranking.hpp"
#include "starter_model.hpp"

namespace radar::cli {
namespace {

constexpr const char* usage =
    "usage: radar demo [--count N] [--seed S] [--date YYYY-MM-DD] [--out FILE]\n"
    "       radar rank [--count N] [--seed S] [--date YYYY-MM-DD] [--top K]\n"
    "  demo  write the synthetic demo dossiers as CSV (stdout unless --out)\n"
    "  rank  score the demo dossiers with the starter model and print the top K (default 20)\n"
    "  --date is the export/reference date (default: first day of the current month)\n";

struct Options {
    std::map<std::string, std::string> values;
    std::string error;
};

Options parse_options(const std::vector<std::string>& arguments, std::size_t from) {
    Options options;
    for (std::size_t i = from; i < arguments.size(); ++i) {
        const std::string& key = arguments[i];
        if (key.rfind("--", 0) != 0 || i + 1 >= arguments.size()) {
            options.error = "expected --option value, got '" + key + "'";
            return options;
        }
        options.values[key.substr(2)] = arguments[++i];
    }
    return options;
}

bool read_number(const Options& options, const std::string& key, unsigned long long& out) {
    const auto found = options.values.find(key);
    if (found == options.values.end()) return true;
    try {
        std::size_t used = 0;
        out = std::stoull(found->second, &used);
        return used == found->second.size();
    } catch (const std::exception&) {
        return false;
    }
}

bool demo_settings(const Options& options, DemoSettings& settings) {
    unsigned long long count = settings.dossier_count, seed = settings.seed;
    if (!read_number(options, "count", count) || !read_number(options, "seed", seed) || count > 5'000'000) {
        std::cerr << "radar: --count and --seed take whole numbers (count at most 5000000)\n";
        return false;
    }
    settings.dossier_count = static_cast<std::size_t>(count);
    settings.seed = seed;
    settings.export_date = first_of_month(platform::today());
    if (auto date = options.values.find("date"); date != options.values.end()) {
        const auto parsed = parse_iso_date(date->second);
        if (!parsed) {
            std::cerr << "radar: --date must be a real date as YYYY-MM-DD, got '" << date->second << "'\n";
            return false;
        }
        settings.export_date = *parsed;
    }
    return true;
}

int command_demo(const Options& options, const DemoSettings& settings) {
    const std::string csv = write_csv(generate_demo_data(settings).dataset);
    const auto out = options.values.find("out");
    if (out == options.values.end()) {
        std::cout << csv;
        return 0;
    }
    std::ofstream file(out->second, std::ios::binary);
    file << csv;
    if (!file.flush()) {
        std::cerr << "radar: cannot write '" << out->second << "'\n";
        return 1;
    }
    std::cerr << "radar: wrote " << settings.dossier_count << " dossiers to " << out->second << "\n";
    return 0;
}

int command_rank(const Options& options, const DemoSettings& settings) {
    unsigned long long top = 20;
    if (!read_number(options, "top", top)) {
        std::cerr << "radar: --top takes a whole number\n";
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

}  // namespace

int run(const std::vector<std::string>& arguments) {
    if (arguments.empty() || arguments[0] == "--help" || arguments[0] == "-h") {
        std::cout << usage;
        return arguments.empty() ? 2 : 0;
    }
    const Options options = parse_options(arguments, 1);
    if (!options.error.empty()) {
        std::cerr << "radar: " << options.error << "\n" << usage;
        return 2;
    }
    DemoSettings settings;
    if (!demo_settings(options, settings)) return 2;
    if (arguments[0] == "demo") return command_demo(options, settings);
    if (arguments[0] == "rank") return command_rank(options, settings);
    std::cerr << "radar: unknown command '" << arguments[0] << "'\n" << usage;
    return 2;
}

}  // namespace radar::cli
