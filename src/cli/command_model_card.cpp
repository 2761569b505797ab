// `radar model-card`: the model card (algorithm-register entry) of a model file, with its version
// history and use figures when a history (backup or events file) is given.
#include <iostream>

#include "cli/command_registry.hpp"
#include "cli/data_source.hpp"
#include "cli/history_file.hpp"
#include "cli/model_file.hpp"
#include "core/model/model_json.hpp"
#include "platform/platform.hpp"
#include "core/reporting/model_card.hpp"

namespace radar::cli {
namespace {

constexpr const char* usage_text =
    "model-card MODEL.json [--history HISTORY.json] [--fields FIELDS.json] [--lang nl|en] --html|--json";

int run_model_card(const std::vector<std::string>& arguments) {
    Options options(arguments, {"json", "html"});
    const auto fail = [](const std::string& message, int code) {
        std::cerr << "radar model-card: " << message << "\n";
        return code;
    };
    if (!options.error().empty()) return fail(options.error(), 2);
    if (options.positional().size() != 1 || options.flag("json") == options.flag("html"))
        return fail(std::string("usage: radar ") + usage_text, 2);
    const auto language_name = options.value("lang").value_or("nl");
    if (language_name != "nl" && language_name != "en") return fail("--lang is nl or en", 2);

    const Checked<ModelSpec> model = read_model_file(options.positional()[0]);
    if (!model) return fail(model.error(), 2);
    const Checked<FieldDictionary> dictionary = load_dictionary(options);
    if (!dictionary) return fail(dictionary.error(), 2);

    ModelCardInput input;
    input.model = *model;
    input.generated_at = Timestamp{std::int64_t{platform::today()} * 86'400'000};
    for (const std::string& field : dictionary->protected_names()) input.protected_fields.push_back(field);
    if (const auto path = options.value("history")) {
        const Checked<HistoryFile> history = load_history_file(*path);
        if (!history) return fail(history.error(), 2);
        ModelRegistry registry;
        for (const std::string& problem : registry.restore(history->model_records, std::nullopt))
            std::cerr << "radar model-card: history: " << problem << "\n";
        input.versions = registry.list();
        const std::string version_id = model_version_id(*model);
        if (const auto saved = registry.find_by_model_version_id(version_id)) input.version = saved->info;
        const ScreeningState state = fold_events(history->events);
        input.use = model_card_use(state, history->batches, version_id, ReportSettings{}.possible_risk);
        // The Evaluatie screen's figures, under the backup's label definition (the default without one).
        const LabelDefinition definition = history->label_definition.value_or(LabelDefinition{});
        const Checked<VersionEvaluation> evaluated =
            evaluate_version(state, history->batches, version_id, model->logistic, definition, platform::today());
        if (evaluated) input.evaluations.push_back(model_card_evaluation(*evaluated, definition));
    }
    if (options.flag("json"))
        std::cout << model_card_json(input).dump(2) << "\n";
    else
        std::cout << model_card_html(input, language_name == "nl" ? TextLanguage::dutch : TextLanguage::english);
    return 0;
}

const CommandRegistration model_card_command(
    "model-card", {usage_text, "write the model card (algorithm-register entry) of a model, as HTML or JSON", run_model_card});

}  // namespace
}  // namespace radar::cli
