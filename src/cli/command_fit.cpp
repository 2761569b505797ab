// `radar fit DATA --label COLUMN --features COL,... --out MODEL.json`: fits an L2 logistic model of
// the label on the feature columns (numbers as they are, dates as ages in days, text as
// categories), chooses λ by cross-validation, and writes a model file that `score`, `evaluate`
// and the app read. Protected fields are refused as features (exit 2).
#include <fstream>
#include <iostream>

#include "cli/command_registry.hpp"
#include "cli/data_source.hpp"
#include "cli/labelled_rows.hpp"
#include "cli/options.hpp"
#include "core/evaluation/fitted_model.hpp"
#include "core/model/model_json.hpp"
#include "core/model/number_text.hpp"
#include "core/model/scoring_engine.hpp"
#include "platform/platform.hpp"

namespace radar::cli {
namespace {

constexpr const char* usage =
    "fit DATA --label COLUMN --features COL,COL,... --out MODEL.json [--where COLUMN=VALUE] [--id COLUMN] "
    "[--period COLUMN] [--lambda X] [--model-id ID] [--date YYYY-MM-DD] [--fields FIELDS.json] [--mapping "
    "PROFILE.json] "
    "[--protected FIELD,...]";

int refuse(const std::string& message) {
    std::cerr << "radar fit: " << message << "\n";
    return 2;
}

// --period COLUMN: a date column gives the month (year·12 + month), a number column its whole value.
Checked<std::vector<std::int64_t>> periods_of(const Dataset& dataset, const std::string& column_name,
                                              const std::vector<std::size_t>& rows) {
    using Result = Checked<std::vector<std::int64_t>>;
    const Column& column = *dataset.find(column_name);
    if (column.type == ColumnType::text)
        return Result::failure("--period: column '" + column_name + "' holds text, not dates or numbers");
    std::vector<std::int64_t> periods;
    for (std::size_t row : rows) {
        if (column.is_missing(row))
            return Result::failure("--period: row " + std::to_string(row + 1) + " has no value in '" + column_name +
                                   "'");
        if (column.type == ColumnType::date) {
            const CivilDate date = civil_from_days(static_cast<DayNumber>(column.numbers[row]));
            periods.push_back(static_cast<std::int64_t>(date.year) * 12 + date.month - 1);
        } else {
            periods.push_back(static_cast<std::int64_t>(column.numbers[row]));
        }
    }
    return periods;
}

void print_fit(const FittedModel& fitted, const std::string& out) {
    const LogisticFit& fit = fitted.fit;
    std::cout << "fitted on " << fit.rows << " rows (" << fit.positives << " positive), " << fit.iterations
              << " Newton iterations, log-likelihood " << format_fixed(fit.log_likelihood, 3) << " (intercept only "
              << format_fixed(fit.null_log_likelihood, 3) << ")\n";
    if (fitted.choice) {
        const LambdaChoice& choice = *fitted.choice;
        std::cout << "lambda " << format_number(fit.lambda) << ", chosen by "
                  << (choice.method == CrossValidation::temporal
                          ? "temporal cross-validation (train on earlier periods, test on the next; "
                          : "k-fold cross-validation (")
                  << choice.folds << " folds) as the lowest mean held-out log-loss\n";
        std::cout << "lambda\tlog-loss\tfolds\n";
        for (const LambdaScore& score : choice.scores)
            std::cout << format_number(score.lambda) << "\t"
                      << (score.eligible ? format_fixed(score.mean_log_loss, 5) : "not converged") << "\t"
                      << score.folds << "\n";
    } else {
        std::cout << "lambda " << format_number(fit.lambda) << " (given with --lambda)\n";
    }
    std::cout << "\ncoefficients (log-odds, original units)\n(intercept)\t" << format_number(fit.intercept) << "\n";
    for (const FeatureEncoding& feature : fitted.design.features) {
        if (feature.kind == FeatureKind::category) {
            std::cout << feature.field << "=" << feature.reference_level
                      << "\t0\t(reference level; missing counts as it)\n";
            for (std::size_t l = 0; l < feature.levels.size(); ++l)
                std::cout << feature.field << "=" << feature.levels[l] << "\t"
                          << format_number(fit.coefficients[feature.first_column + l]) << "\n";
            continue;
        }
        std::cout << feature.field << (feature.kind == FeatureKind::age_in_days ? " (age in days)" : "") << "\t"
                  << format_number(fit.coefficients[feature.first_column]) << "\t(missing counts as the mean, "
                  << format_number(feature.fill) << "; " << feature.missing << " missing)\n";
    }
    std::cout << "\nmodel written to " << out << "\n";
}

int run_fit(const std::vector<std::string>& arguments) {
    Options options(arguments);
    const DayNumber date = options.date("date", first_of_month(platform::today()));
    const auto label = options.value("label");
    const auto features = options.value("features");
    const auto out = options.value("out");
    std::optional<double> lambda;
    if (const auto text = options.value("lambda")) lambda = parse_decimal(*text);
    const std::string problem = !options.error().empty()                              ? options.error()
                                : options.positional().size() != 1                    ? "give exactly one DATA argument"
                                : !label                                              ? "--label is required"
                                : !features || split_list(*features).empty()          ? "--features is required"
                                : !out                                                ? "--out is required"
                                : options.value("lambda") && (!lambda || *lambda < 0) ? "--lambda must be a number >= 0"
                                                                                      : "";
    if (!problem.empty()) return refuse(problem + "\nusage: radar " + usage);
    const Checked<DataSource> loaded = load_data_source(options.positional().front(), options, date);
    if (!loaded) return refuse(loaded.error());
    if (loaded->rows_rejected > 0)
        std::cerr << "radar fit: " << loaded->name << ": " << loaded->rows_rejected
                  << " rows were rejected (see radar import)\n";
    const Dataset& dataset = loaded->dataset;
    std::optional<CellCondition> where;
    if (const auto text = options.value("where")) {
        Checked<CellCondition> condition = cell_condition(dataset, loaded->dictionary, *text, "--where");
        if (!condition) return refuse(condition.error());
        where = *condition;
    }
    const Checked<LabelledRows> rows = labelled_rows(dataset, loaded->dictionary, *label, where);
    if (!rows) return refuse(rows.error());

    std::set<std::string> protected_fields = loaded->dictionary.protected_names();
    for (const std::string& field : split_list(options.value("protected").value_or(""))) protected_fields.insert(field);
    FitRequest request;
    for (const std::string& name : split_list(*features)) {
        const auto column = resolve_column(dataset, &loaded->dictionary, name);
        if (!column) return refuse("--features: no column '" + name + "' in the data");
        if (*column == rows->label_column)
            return refuse("--features: '" + name + "' is the label column, which is never a feature");
        if (protected_fields.count(*column) || dataset.find(*column)->protected_attribute)
            return refuse("--features: '" + name + "' is a protected field and can never be a model input");
        request.features.push_back(*column);
    }
    if (rows->empty_labels > 0)
        std::cerr << "radar fit: " << rows->empty_labels << " rows with an empty label are left out\n";
    request.rows = rows->rows;
    request.positive = rows->positive;
    request.reference_date = date;
    request.protected_fields = protected_fields;
    request.lambda = lambda;
    if (const auto period = options.value("period")) {
        const auto column = resolve_column(dataset, &loaded->dictionary, *period);
        if (!column) return refuse("--period: no column '" + *period + "' in the data");
        Checked<std::vector<std::int64_t>> periods = periods_of(dataset, *column, request.rows);
        if (!periods) return refuse(periods.error());
        request.periods = std::move(*periods);
    }
    const Checked<FittedModel> fitted = fit_logistic_model(dataset, request);
    if (!fitted) {
        std::cerr << "radar fit: the model cannot be fitted: " << fitted.error() << "\n";
        return 1;
    }
    FittedModelDescription description;
    description.id = options.value("model-id").value_or("fitted-" + rows->label_column);
    description.created_at = format_iso_date(platform::today());
    description.label_name = rows->label_column;
    description.data_name = loaded->name;
    for (const std::string& field : request.features)
        if (const FieldSpec* spec = loaded->dictionary.find(field))
            description.field_labels[field] = {spec->label_nl, spec->label_en};
    const ModelSpec spec = fitted_model_spec(*fitted, description);
    ScoringContext context;
    context.reference_date = date;
    context.protected_fields = protected_fields;
    const EngineResult check = ScoringEngine::create(spec, dataset, context);
    if (!check.engine) {
        std::cerr << "radar fit: the fitted model does not pass the model checks:\n"
                  << describe_problems(check.problems) << "\n";
        return 1;
    }
    std::ofstream file(*out, std::ios::binary);
    file << model_to_json(spec);
    if (!file) {
        std::cerr << "radar fit: cannot write '" << *out << "'\n";
        return 1;
    }
    print_fit(*fitted, *out);
    return 0;
}

const CommandRegistration fit_command("fit",
                                      {usage, "fit a logistic model of a label column and write it as a model file",
                                       run_fit});

}  // namespace
}  // namespace radar::cli
