// Fitting on dataset columns and writing the fit as a model specification.
#include "core/evaluation/fitted_model.hpp"

#include <cmath>

#include "core/model/number_text.hpp"

namespace radar {

Checked<FittedModel> fit_logistic_model(const Dataset& dataset, const FitRequest& request) {
    using Result = Checked<FittedModel>;
    if (request.positive.size() != request.rows.size()) return Result::failure("every fitted row needs one outcome");
    if (!request.periods.empty() && request.periods.size() != request.rows.size())
        return Result::failure("every fitted row needs one period (or none has one)");
    FeatureDesignRequest design_request;
    design_request.fields = request.features;
    design_request.rows = request.rows;
    design_request.reference_date = request.reference_date;
    design_request.protected_fields = request.protected_fields;
    design_request.max_levels = request.max_levels;
    Checked<FeatureDesign> design = build_feature_design(dataset, design_request);
    if (!design) return Result::failure(design.error());
    FittedModel fitted;
    fitted.design = std::move(*design);
    const DesignMatrix& matrix = fitted.design.matrix;
    // Refuse a singular design or one outcome before spending time on cross-validation.
    LogisticOptions options;
    options.lambda = request.lambda.value_or(0.0);
    Checked<LogisticFit> check = fit_logistic(matrix, request.positive, {}, options);
    if (!check) return Result::failure(check.error());
    if (!request.lambda) {
        Checked<LambdaChoice> choice = choose_lambda(matrix, request.positive, request.periods, request.selection);
        if (!choice) return Result::failure(choice.error());
        fitted.choice = std::move(*choice);
        options.lambda = fitted.choice->lambda;
        const std::optional<LogisticFit> start = check->converged ? std::optional<LogisticFit>(*check) : std::nullopt;
        options.start = start ? &*start : nullptr;
        check = fit_logistic(matrix, request.positive, {}, options);
        if (!check) return Result::failure(check.error());
    }
    if (!check->converged)
        return Result::failure(
            check->separated ? "the outcomes are separated by the features: without a penalty (lambda 0) the "
                               "coefficients grow without bound; choose lambda > 0"
                             : "the fit did not converge in " + std::to_string(check->iterations) + " iterations");
    fitted.fit = std::move(*check);
    fitted.linear_predictor.resize(matrix.rows);
    for (std::size_t row = 0; row < matrix.rows; ++row)
        fitted.linear_predictor[row] = fitted.fit.linear_predictor(matrix, row);
    return fitted;
}

namespace {

std::string how_lambda_was_chosen(const FittedModel& fitted, bool dutch) {
    const std::string lambda = format_number(fitted.fit.lambda);
    if (!fitted.choice) return dutch ? "λ = " + lambda + " (vast gekozen)" : "λ = " + lambda + " (fixed)";
    const std::string folds = std::to_string(fitted.choice->folds);
    if (fitted.choice->method == CrossValidation::temporal)
        return dutch
                   ? "λ = " + lambda + ", gekozen met temporele kruisvalidatie (" + folds +
                         " perioden, laagste log-loss)"
                   : "λ = " + lambda + ", chosen by temporal cross-validation (" + folds + " periods, lowest log-loss)";
    return dutch ? "λ = " + lambda + ", gekozen met " + folds + "-voudige kruisvalidatie (laagste log-loss)"
                 : "λ = " + lambda + ", chosen by " + folds + "-fold cross-validation (lowest log-loss)";
}

ModelParameter parameter_for(const FeatureEncoding& encoding, const LogisticFit& fit,
                             const FittedModelDescription& description) {
    ModelParameter parameter;
    parameter.id = encoding.field;
    parameter.field = encoding.field;
    const auto label = description.field_labels.find(encoding.field);
    parameter.label =
        label != description.field_labels.end() ? label->second : LocalText{encoding.field, encoding.field};
    const std::string outcome = description.label_name;
    Transform transform;
    switch (encoding.kind) {
        case FeatureKind::category: {
            transform.kind = TransformKind::categorical;
            for (std::size_t l = 0; l < encoding.levels.size(); ++l)
                transform.levels.emplace_back(encoding.levels[l], fit.coefficients[encoding.first_column + l]);
            transform.default_value = 0.0;
            parameter.weight = 1.0;
            parameter.missing.kind = MissingPolicyKind::neutral;
            parameter.missing.neutral = encoding.reference_level;
            parameter.rationale = {
                "Gefit op '" + outcome + "': log-odds per waarde tegenover '" + encoding.reference_level +
                    "' (ontbrekend of onbekend telt als '" + encoding.reference_level + "').",
                "Fitted on '" + outcome + "': log-odds per value against '" + encoding.reference_level +
                    "' (missing or unseen counts as '" + encoding.reference_level + "')."};
            break;
        }
        case FeatureKind::age_in_days:
        case FeatureKind::number: {
            const bool age = encoding.kind == FeatureKind::age_in_days;
            transform.kind = age ? TransformKind::time_since : TransformKind::linear;
            transform.unit = TimeUnit::days;
            parameter.weight = fit.coefficients[encoding.first_column];
            parameter.missing.kind = MissingPolicyKind::neutral;
            parameter.missing.neutral = encoding.fill;
            const std::string fill = format_number(encoding.fill);
            parameter.rationale = {"Gefit op '" + outcome + "': log-odds per " + (age ? "dag ouderdom" : "eenheid") +
                                       " (ontbrekend telt als het gemiddelde, " + fill + ").",
                                   "Fitted on '" + outcome + "': log-odds per " + (age ? "day of age" : "unit") +
                                       " (missing counts as the mean, " + fill + ")."};
            break;
        }
    }
    parameter.transforms.push_back(std::move(transform));
    return parameter;
}

}  // namespace

ModelSpec fitted_model_spec(const FittedModel& fitted, const FittedModelDescription& description) {
    ModelSpec spec;
    spec.id = description.id;
    spec.author = description.author;
    spec.created_at = description.created_at;
    const std::string outcome = description.label_name;
    spec.name = {"Gefit logistisch model voor '" + outcome + "'", "Fitted logistic model for '" + outcome + "'"};
    const std::string rows = std::to_string(fitted.fit.rows);
    const std::string positives = std::to_string(fitted.fit.positives);
    const std::string data = description.data_name.empty() ? std::string() : " (" + description.data_name + ")";
    spec.description = {
        "L2-logistische regressie gefit op " + rows + " dossiers" + data + ", waarvan " + positives + " met '" +
            outcome + "' positief; " + how_lambda_was_chosen(fitted, true) +
            ". De score is de geschatte kans op een positieve uitkomst onder de gefitte dossiers: een prioriteit om "
            "eerst te bekijken, nooit een oordeel over de kwaliteit. Ontbrekende getallen tellen als het gemiddelde, "
            "ontbrekende tekst als de meest voorkomende waarde.",
        "L2 logistic regression fitted on " + rows + " dossiers" + data + ", " + positives + " of them positive on '" +
            outcome + "'; " + how_lambda_was_chosen(fitted, false) +
            ". The score is the estimated probability of a positive outcome among the fitted dossiers: a priority for "
            "looking first, never a judgement of quality. Missing numbers count as the mean, missing text as the most "
            "frequent value."};
    spec.intercept = fitted.fit.intercept;
    spec.logistic = true;
    spec.display.mapping = DisplayMapping::probability;
    for (const FeatureEncoding& encoding : fitted.design.features)
        spec.parameters.push_back(parameter_for(encoding, fitted.fit, description));
    return spec;
}

}  // namespace radar
