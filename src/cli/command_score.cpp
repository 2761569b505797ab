// `radar score DATA --model MODEL.json`: scores and ranks dossiers with a model file, prints the
// top N and, with --explain, why one dossier scores as it does; --json for machine-readable output.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/command_registry.hpp"
#include "cli/data_source.hpp"
#include "cli/options.hpp"
#include "core/model/explanation.hpp"
#include "core/model/model_json.hpp"
#include "core/model/model_output.hpp"
#include "core/model/number_text.hpp"
#include "core/model/proxy_check.hpp"
#include "platform/platform.hpp"

namespace radar::cli {
namespace {

constexpr const char* usage =
    "score DATA --model MODEL.json [--top N] [--explain ID] [--json] [--date YYYY-MM-DD] [--lang nl|en] "
    "[--count N] [--seed S] [--fields FIELDS.json] [--mapping PROFILE.json] [--protected FIELD,...]";

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return std::nullopt;
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

const std::string& pick(const LocalText& text, bool dutch) { return dutch ? text.nl : text.en; }

std::string cell(const ScoringEngine& engine, const char* field, std::size_t row) {
    const auto column = engine.dataset().index_of(field);
    return column ? engine.dataset().cell_text(*column, row) : std::string();
}

void print_table(const ScoringEngine& engine, std::size_t top, bool dutch) {
    const ModelSpec& spec = engine.spec();
    std::printf("# %s (%s), %zu dossiers, reference date %s\n# %s\n", pick(spec.name, dutch).c_str(), spec.id.c_str(),
                engine.row_count(), format_iso_date(engine.context().reference_date).c_str(),
                pick(display_definition(spec), dutch).c_str());
    std::printf("rank\tdossier_id\traw\tdisplay\t%spercentile\tknown\tname\n", spec.logistic ? "probability\t" : "");
    const std::size_t total = engine.parameter_count();
    for (std::size_t i = 0; i < top && i < engine.row_count(); ++i) {
        const std::uint32_t row = engine.ranking()[i];
        std::printf("%zu\t%s\t%s\t%s\t", i + 1, std::string(engine.ids().texts[row]).c_str(), format_fixed(engine.raw_score(row), 2).c_str(),
                    format_fixed(engine.display_score(row), 1).c_str());
        if (spec.logistic) std::printf("%s\t", format_fixed(*engine.probability(row), 4).c_str());
        std::printf("%s\t%zu/%zu\t%s\n", format_fixed(engine.percentile(row), 1).c_str(),
                    total - engine.missing_input_count(row), total, cell(engine, "name", row).c_str());
    }
}

void print_explanation(const Explanation& explanation, const ScoringEngine& engine, bool dutch) {
    std::printf("\n# %s: rank %u of %zu, percentile %s, raw score %s, display score %s", explanation.dossier_id.c_str(),
                explanation.rank, engine.row_count(), format_fixed(explanation.percentile, 1).c_str(),
                format_number(explanation.raw_score).c_str(), format_fixed(explanation.display_score, 1).c_str());
    if (explanation.probability) std::printf(", probability %s", format_fixed(*explanation.probability, 4).c_str());
    std::printf("\nparameter\tvalue\tinput\toutput\tweight\tpoints\tshare\n");
    std::printf("(intercept)\t\t\t\t\t%s\t\n", format_number(explanation.intercept).c_str());
    for (const ParameterExplanation& item : explanation.parameters) {
        const std::string value = item.missing ? std::string("(missing: ") + missing_policy_name(item.policy) + ")" : item.value_text;
        std::printf("%s\t%s\t%s\t%s\t%s\t%s\t%s%%\n", pick(item.label, dutch).c_str(), value.c_str(),
                    item.input ? format_number(*item.input).c_str() : "", format_number(item.transformed).c_str(),
                    format_number(item.weight).c_str(), format_number(item.points).c_str(),
                    format_fixed(100.0 * item.share, 1).c_str());
    }
    std::printf("%s\n", pick(explanation.completeness.summary, dutch).c_str());
    for (const DatedInput& dated : explanation.completeness.dated) std::printf("%s\n", pick(dated.text, dutch).c_str());
    std::printf("%s\n", pick(share_definition(), dutch).c_str());
}

nlohmann::ordered_json local_json(const LocalText& text) { return {{"nl", text.nl}, {"en", text.en}}; }

nlohmann::ordered_json explanation_json(const Explanation& explanation) {
    nlohmann::ordered_json json = {{"dossier_id", explanation.dossier_id}, {"rank", explanation.rank},
                                   {"percentile", explanation.percentile}, {"intercept", explanation.intercept},
                                   {"raw_score", explanation.raw_score}, {"display_score", explanation.display_score}};
    if (explanation.probability) json["probability"] = *explanation.probability;
    nlohmann::ordered_json parameters = nlohmann::ordered_json::array();
    for (const ParameterExplanation& item : explanation.parameters) {
        nlohmann::ordered_json entry = {{"id", item.id}, {"field", item.field}, {"label", local_json(item.label)},
                                        {"missing", item.missing}, {"value", item.value_text}};
        entry["input"] = item.input ? nlohmann::ordered_json(*item.input) : nlohmann::ordered_json(nullptr);
        entry["transformed"] = item.transformed;
        entry["weight"] = item.weight;
        entry["points"] = item.points;
        entry["share"] = item.share;
        entry["rationale"] = local_json(item.rationale);
        parameters.push_back(std::move(entry));
    }
    json["parameters"] = std::move(parameters);
    const Completeness& completeness = explanation.completeness;
    nlohmann::ordered_json dated = nlohmann::ordered_json::array();
    for (const DatedInput& item : completeness.dated) {
        nlohmann::ordered_json entry = {{"field", item.field}};
        entry["date"] = item.date ? nlohmann::ordered_json(format_iso_date(*item.date)) : nlohmann::ordered_json(nullptr);
        entry["age_days"] = item.date ? nlohmann::ordered_json(item.age_days) : nlohmann::ordered_json(nullptr);
        entry["age_months"] = item.date ? nlohmann::ordered_json(item.age_months) : nlohmann::ordered_json(nullptr);
        entry["text"] = local_json(item.text);
        dated.push_back(std::move(entry));
    }
    json["completeness"] = {{"known", completeness.known}, {"total", completeness.total},
                            {"fraction", completeness.fraction}, {"summary", local_json(completeness.summary)},
                            {"dated", std::move(dated)}};
    return json;
}

nlohmann::ordered_json ranking_json(const ScoringEngine& engine, std::size_t top) {
    const ModelSpec& spec = engine.spec();
    nlohmann::ordered_json json = {{"model", {{"id", spec.id}, {"name", local_json(spec.name)}, {"author", spec.author},
                                              {"created_at", spec.created_at}}},
                                   {"reference_date", format_iso_date(engine.context().reference_date)},
                                   {"dossiers", engine.row_count()},
                                   {"display_definition", local_json(display_definition(spec))}};
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < top && i < engine.row_count(); ++i) {
        const std::uint32_t row = engine.ranking()[i];
        nlohmann::ordered_json entry = {{"rank", i + 1}, {"dossier_id", engine.ids().texts[row]},
                                        {"raw_score", engine.raw_score(row)}, {"display_score", engine.display_score(row)}};
        if (spec.logistic) entry["probability"] = *engine.probability(row);
        entry["percentile"] = engine.percentile(row);
        entry["missing_inputs"] = engine.missing_input_count(row);
        rows.push_back(std::move(entry));
    }
    json["top"] = std::move(rows);
    return json;
}

// Every (parameter, protected column) association, so scripts can apply their own threshold.
nlohmann::ordered_json proxy_json(const std::vector<ProxyMeasure>& proxies) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const ProxyMeasure& proxy : proxies)
        list.push_back({{"parameter", proxy.parameter_id},
                        {"protected_column", proxy.protected_column},
                        {"eta", proxy.eta},
                        {"groups", proxy.groups},
                        {"warns", proxy.warns}});
    return list;
}

int run_score(const std::vector<std::string>& arguments) {
    Options options(arguments, {"json"});
    const DayNumber date = options.date("date", first_of_month(platform::today()));
    const auto top = static_cast<std::size_t>(options.number("top", 20));
    const auto model_path = options.value("model");
    const std::string language = options.value("lang").value_or("en");
    if (options.error().empty() && options.positional().size() != 1) {
        std::cerr << "radar score: give exactly one DATA argument\nusage: radar " << usage << "\n";
        return 2;
    }
    const std::string problem = !options.error().empty() ? options.error()
                                : !model_path                    ? "--model is required"
                                : language != "nl" && language != "en" ? "--lang is nl or en"
                                                                 : "";
    if (!problem.empty()) {
        std::cerr << "radar score: " << problem << "\nusage: radar " << usage << "\n";
        return 2;
    }
    const Checked<DataSource> loaded = load_data_source(options.positional().front(), options, date);
    if (!loaded || !options.error().empty()) {
        std::cerr << "radar score: " << (loaded ? options.error() : loaded.error()) << "\n";
        return 2;
    }
    if (loaded->rows_rejected > 0)
        std::cerr << "radar score: " << loaded->name << ": " << loaded->rows_rejected << " rows were rejected (see radar import)\n";
    const auto model_text = read_file(*model_path);
    if (!model_text) {
        std::cerr << "radar score: cannot read model '" << *model_path << "'\n";
        return 2;
    }
    const ModelParseResult parsed = parse_model_json(*model_text);
    if (!parsed.ok()) {
        std::cerr << "radar score: " << *model_path << " is refused:\n" << describe_problems(parsed.problems) << "\n";
        return 2;
    }
    ScoringContext context;
    context.reference_date = date;
    // The dictionary's protected fields always; --protected can only add to them.
    context.protected_fields = loaded->dictionary.protected_names();
    for (const std::string& field : split_list(options.value("protected").value_or(""))) context.protected_fields.insert(field);
    EngineResult result = ScoringEngine::create(*parsed.spec, loaded->dataset, context);
    if (!result.engine) {
        std::cerr << "radar score: " << *model_path << " is refused:\n" << describe_problems(result.problems) << "\n";
        return 2;
    }
    const ScoringEngine& engine = *result.engine;
    // A warning, never a refusal: the user judges whether an input stands in for a protected one.
    const std::vector<ProxyMeasure> proxies = measure_proxies(engine);
    for (const ProxyMeasure& proxy : proxies)
        if (proxy.warns)
            std::cerr << "radar score: warning: " << describe_proxy(proxy)
                      << ": check that it does not stand in for the protected attribute\n";
    std::optional<Explanation> explanation;
    if (const auto id = options.value("explain")) {
        const auto row = engine.find_row(*id);
        if (!row) {
            std::cerr << "radar score: no dossier with id '" << *id << "'\n";
            return 1;
        }
        explanation = explain_row(engine, *row);
    }
    if (options.flag("json")) {
        nlohmann::ordered_json json = ranking_json(engine, top);
        if (explanation) json["explanation"] = explanation_json(*explanation);
        json["proxy_measures"] = proxy_json(proxies);
        std::cout << json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
        return 0;
    }
    const bool dutch = language == "nl";
    print_table(engine, top, dutch);
    if (explanation) print_explanation(*explanation, engine, dutch);
    return 0;
}

const CommandRegistration score_command("score", {usage, "rank dossiers with a model file; --explain ID shows why one scores as it does",
                                                  run_score});

}  // namespace
}  // namespace radar::cli
