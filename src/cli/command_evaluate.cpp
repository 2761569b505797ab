// `radar evaluate DATA --model MODEL.json --label COLUMN`: scores DATA with a model file and
// measures how well the ranking finds the rows labelled positive in COLUMN (AUC, precision,
// recall and lift in the top k, band tables, calibration for logistic models); --json for scripts.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command_registry.hpp"
#include "cli/data_source.hpp"
#include "cli/labelled_rows.hpp"
#include "cli/model_file.hpp"
#include "cli/options.hpp"
#include "core/evaluation/evaluation_summary.hpp"
#include "core/model/model_json.hpp"
#include "core/model/number_text.hpp"
#include "core/model/scoring_engine.hpp"
#include "platform/platform.hpp"
#include "core/screening/score_band.hpp"

namespace radar::cli {
namespace {

constexpr const char* usage =
    "evaluate DATA --model MODEL.json --label COLUMN [--where COLUMN=VALUE] [--id COLUMN] [--k N] [--json] "
    "[--control COLUMN=VALUE] "
    "[--date YYYY-MM-DD] [--fields FIELDS.json] [--mapping PROFILE.json] [--protected FIELD,...]";

using Json = nlohmann::ordered_json;

Json optional_json(const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); }
Json interval_json(const std::optional<Interval>& interval) {
    return interval ? Json::array({interval->low, interval->high}) : Json(nullptr);
}

Json bands_json(const std::vector<BandRow>& bands) {
    Json list = Json::array();
    for (const BandRow& band : bands)
        list.push_back({{"band", band.band},
                        {"rows", band.count},
                        {"positives", band.positives},
                        {"rate", optional_json(band.rate)},
                        {"rate_interval", interval_json(band.rate_interval)}});
    return list;
}

std::string percent(const std::optional<double>& value) {
    return value ? format_fixed(100.0 * *value, 1) + "%" : std::string("-");
}
std::string number(const std::optional<double>& value, int decimals) {
    return value ? format_fixed(*value, decimals) : std::string("-");
}
std::string interval_text(const std::optional<Interval>& interval, bool as_percent) {
    if (!interval) return "";
    return as_percent ? " (95% " + format_fixed(100.0 * interval->low, 1) + "-" +
                            format_fixed(100.0 * interval->high, 1) + "%)"
                      : " (95% " + format_fixed(interval->low, 2) + "-" + format_fixed(interval->high, 2) + ")";
}

struct Context {
    std::string data_name;
    std::string label;
    std::optional<std::string> where;
    std::optional<std::string> control;
    std::optional<ControlSample> control_sample;
    const LabelledRows* rows = nullptr;
    bool k_given = false;
    std::string model_version;
};

Json summary_json(const EvaluationSummary& summary, const Context& context) {
    const TopKMetrics& at_k = summary.at_k;
    Json json = {
        {"data", context.data_name},
        {"model", context.model_version},
        {"label", context.label},
        {"where", context.where ? Json(*context.where) : Json(nullptr)},
        {"rows", summary.rows},
        {"positives", summary.positives},
        {"negatives", summary.rows - summary.positives},
        {"excluded_empty_label", context.rows->empty_labels},
        {"excluded_by_where", context.rows->excluded_by_where},
        {"auc", optional_json(summary.auc)},
        {"k", at_k.k},
        {"k_rule", context.k_given ? "given (--k, at most the rows)" : "default: 10% of the rows, at least 1"},
        {"positives_at_k", at_k.positives.expected},
        {"precision_at_k", at_k.precision},
        {"precision_at_k_interval", interval_json(summary.precision_interval)},
        {"precision_at_k_best", at_k.k ? at_k.positives.best / static_cast<double>(at_k.k) : 0.0},
        {"precision_at_k_worst", at_k.k ? at_k.positives.worst / static_cast<double>(at_k.k) : 0.0},
        {"tied_at_k", at_k.positives.tied_at_cut},
        {"recall_at_k", optional_json(at_k.recall)},
        {"base_rate", optional_json(summary.base_rate)},
        {"base_rate_interval", interval_json(summary.base_rate_interval)},
        {"base_rate_source", base_rate_source_name(summary.base_rate_source)},
        {"lift_at_k", optional_json(summary.lift.ratio)},
        {"lift_at_k_interval", interval_json(summary.lift.interval)},
        {"control", context.control ? Json(*context.control) : Json(nullptr)},
        {"control_rows", context.control_sample ? Json(context.control_sample->screened) : Json(nullptr)},
        {"control_positives", context.control_sample ? Json(context.control_sample->positives) : Json(nullptr)},
        {"population", context.rows->matching_where},
        {"estimated_population_positives", optional_json(summary.estimated_population_positives)},
        {"estimated_recall_at_k", optional_json(summary.estimated_recall)},
        {"ties", "rows tied at the k-th score count by their expected share (random order); best and worst given"},
        {"display_bands", bands_json(summary.display_bands)},
        {"percentile_bands", bands_json(summary.percentile_bands)}};
    Json calibration = Json::array();
    for (const CalibrationBin& bin : summary.calibration)
        calibration.push_back({{"from", bin.lower},
                               {"to", bin.upper},
                               {"rows", bin.count},
                               {"positives", bin.positives},
                               {"mean_predicted", bin.mean_predicted},
                               {"observed_rate", bin.observed_rate}});
    json["calibration"] = std::move(calibration);
    return json;
}

void print_bands(const char* title, const std::vector<BandRow>& bands) {
    if (bands.empty()) return;
    std::cout << "\n" << title << "\nband\trows\tpositives\trate\n";
    for (const BandRow& band : bands)
        std::cout << band.band << "\t" << band.count << "\t" << band.positives << "\t" << percent(band.rate)
                  << interval_text(band.rate_interval, true) << "\n";
}

void print_summary(const EvaluationSummary& summary, const Context& context) {
    const TopKMetrics& at_k = summary.at_k;
    std::cout << "# " << context.data_name << ", model " << context.model_version << ", label '" << context.label
              << "'";
    if (context.where) std::cout << ", where " << *context.where;
    std::cout << "\nevaluated rows:   " << summary.rows << " (" << summary.positives << " positive, "
              << summary.rows - summary.positives << " negative)\n";
    if (context.rows->empty_labels > 0)
        std::cout << "not evaluated:    " << context.rows->empty_labels << " rows with an empty label\n";
    if (context.rows->excluded_by_where > 0)
        std::cout << "left out:         " << context.rows->excluded_by_where << " rows not matching --where\n";
    std::cout << "AUC:              " << number(summary.auc, 3) << "   (ties count one half)\n";
    std::cout << "top k:            " << at_k.k
              << (context.k_given ? "" : "   (default: 10% of the rows, at least 1; change with --k)") << "\n";
    std::cout << "precision@k:      " << percent(at_k.precision) << interval_text(summary.precision_interval, true);
    if (at_k.positives.best != at_k.positives.worst)
        std::cout << "; " << at_k.positives.tied_at_cut << " rows tie at the k-th score: best "
                  << percent(at_k.positives.best / static_cast<double>(at_k.k)) << ", worst "
                  << percent(at_k.positives.worst / static_cast<double>(at_k.k));
    std::cout << "\nrecall@k:         " << percent(at_k.recall) << "\n";
    std::cout << "base rate:        " << percent(summary.base_rate) << interval_text(summary.base_rate_interval, true);
    if (context.control_sample)
        std::cout << "   (of the control sample: " << context.control_sample->screened << " labelled rows matching "
                  << *context.control << ")\n";
    else
        std::cout << "   (of the evaluated rows)\n";
    std::cout << "lift@k:           " << number(summary.lift.ratio, 2) << interval_text(summary.lift.interval, false)
              << "   (precision@k / base rate)\n";
    if (context.control_sample) {
        std::cout << "estimated recall: " << percent(summary.estimated_recall)
                  << "   (positives in the top k / (base rate x " << context.rows->matching_where << " dossiers))\n";
    } else {
        std::cout << "The evaluated rows are those with a label. When the score chose which dossiers were screened, "
                     "their\nbase rate is not that of all dossiers: only a random control sample gives that "
                     "(--control, docs/evaluation.md).\n";
    }
    print_bands("display score bands", summary.display_bands);
    print_bands("ranking percentile bands", summary.percentile_bands);
    if (summary.calibration.empty()) return;
    std::cout << "\ncalibration (predicted probability against observed rate)\nbin\trows\tpredicted\tobserved\n";
    for (const CalibrationBin& bin : summary.calibration)
        if (bin.count > 0)
            std::cout << format_fixed(bin.lower, 1) << "-" << format_fixed(bin.upper, 1) << "\t" << bin.count << "\t"
                      << format_fixed(bin.mean_predicted, 3) << "\t" << format_fixed(bin.observed_rate, 3) << "\n";
}

int run_evaluate(const std::vector<std::string>& arguments) {
    Options options(arguments, {"json"});
    const DayNumber date = options.date("date", first_of_month(platform::today()));
    const auto model_path = options.value("model");
    const auto label = options.value("label");
    const bool k_given = options.value("k").has_value();
    const auto k = static_cast<std::size_t>(options.number("k", 0));
    std::string problem = !options.error().empty()           ? options.error()
                          : options.positional().size() != 1 ? "give exactly one DATA argument"
                          : !model_path                      ? "--model is required"
                          : !label                           ? "--label is required"
                          : k_given && k == 0                ? "--k must be 1 or more"
                                                             : "";
    if (!problem.empty()) {
        std::cerr << "radar evaluate: " << problem << "\nusage: radar " << usage << "\n";
        return 2;
    }
    const Checked<DataSource> loaded = load_data_source(options.positional().front(), options, date);
    if (!loaded) {
        std::cerr << "radar evaluate: " << loaded.error() << "\n";
        return 2;
    }
    if (loaded->rows_rejected > 0)
        std::cerr << "radar evaluate: " << loaded->name << ": " << loaded->rows_rejected
                  << " rows were rejected (see radar import)\n";
    const Checked<ModelSpec> spec = read_model_file(*model_path);
    if (!spec) {
        std::cerr << "radar evaluate: " << spec.error() << "\n";
        return 2;
    }
    ScoringContext context;
    context.reference_date = date;
    context.protected_fields = loaded->dictionary.protected_names();
    for (const std::string& field : split_list(options.value("protected").value_or("")))
        context.protected_fields.insert(field);
    const EngineResult result = ScoringEngine::create(*spec, loaded->dataset, context);
    if (!result.engine) {
        std::cerr << "radar evaluate: " << *model_path << " is refused:\n"
                  << describe_problems(result.problems) << "\n";
        return 2;
    }
    const ScoringEngine& engine = *result.engine;
    std::optional<CellCondition> conditions[2];
    const char* condition_options[2] = {"where", "control"};
    for (int i = 0; i < 2; ++i) {
        const auto text = options.value(condition_options[i]);
        if (!text) continue;
        Checked<CellCondition> condition =
            cell_condition(loaded->dataset, loaded->dictionary, *text, std::string("--") + condition_options[i]);
        if (!condition) {
            std::cerr << "radar evaluate: " << condition.error() << "\n";
            return 2;
        }
        conditions[i] = *condition;
    }
    const Checked<LabelledRows> rows = labelled_rows(loaded->dataset, loaded->dictionary, *label, conditions[0]);
    if (!rows) {
        std::cerr << "radar evaluate: " << rows.error() << "\n";
        return 2;
    }
    if (rows->rows.empty()) {
        std::cerr << "radar evaluate: no row has a label in '" << rows->label_column << "' (" << rows->empty_labels
                  << " empty, " << rows->excluded_by_where << " not matching --where)\n";
        return 1;
    }
    EvaluationRequest request;
    request.k = k;
    if (const auto& control = conditions[1]) {
        // The random control sample: its labelled rows give the unbiased base rate.
        ControlSample sample;
        std::string scratch;
        for (std::size_t i = 0; i < rows->rows.size(); ++i) {
            if (!control->matches(loaded->dataset, rows->rows[i], scratch)) continue;
            ++sample.screened;
            sample.positives += rows->positive[i];
        }
        if (sample.screened == 0) {
            std::cerr << "radar evaluate: --control: no labelled row matches " << *options.value("control") << "\n";
            return 1;
        }
        request.control = sample;
        request.population = rows->matching_where;
    }
    for (std::size_t i = 0; i < rows->rows.size(); ++i) {
        const std::size_t row = rows->rows[i];
        request.scores.push_back(engine.raw_score(row));
        request.positive.push_back(rows->positive[i]);
        request.display_scores.push_back(engine.display_score(row));
        request.percentiles.push_back(
            score_percentile(engine.rank_of(row), static_cast<std::uint32_t>(engine.row_count())));
        if (spec->logistic) request.probabilities.push_back(*engine.probability(row));
    }
    const Checked<EvaluationSummary> summary = evaluate_ranking(request);
    if (!summary) {
        std::cerr << "radar evaluate: " << summary.error() << "\n";
        return 1;
    }
    const Context shown{
        loaded->name, rows->label_column,     options.value("where"), options.value("control"), request.control, &*rows,
        k_given,      model_version_id(*spec)};
    if (options.flag("json")) {
        std::cout << summary_json(*summary, shown).dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
        return 0;
    }
    print_summary(*summary, shown);
    return 0;
}

const CommandRegistration evaluate_command(
    "evaluate", {usage, "measure how well a model's ranking finds the rows labelled positive", run_evaluate});

}  // namespace
}  // namespace radar::cli
