// `radar select`: previews a monthly batch (the same rule and reasons as the app) from a dataset,
// a model and a screening history, optionally freezes it to a file, or checks that a frozen
// batch is reproduced by re-scoring as of its scores_as_of and re-running the rule.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/backup/backup_format.hpp"
#include "cli/command_registry.hpp"
#include "core/fairness/commit_audit.hpp"
#include "cli/data_source.hpp"
#include "cli/model_file.hpp"
#include "cli/options.hpp"
#include "core/data/dataset_hash.hpp"
#include "core/model/model_json.hpp"
#include "core/model/scoring_engine.hpp"
#include "platform/platform.hpp"
#include "core/screening/event_json.hpp"
#include "core/selection/batch_verification.hpp"
#include "core/selection/frozen_batch.hpp"
#include "core/selection/preview_request.hpp"
#include "core/selection/selection_reasons.hpp"
#include "core/base/sha256.hpp"

namespace radar::cli {
namespace {

constexpr const char* usage_text =
    "select DATA --model MODEL [--history HISTORY.json] --month YYYY-MM [--date YYYY-MM-DD] [--size N] "
    "[--cooldown M] [--control K] [--control-seed S] [--signal-override] [--floor M] [--floor-limit L] "
    "[--exclude-closed] [--exclude-enforcement] [--double-coding PERCENT] [--double-coding-min N] [--supplementary] [--count N] [--seed S] [--fields FIELDS.json] "
    "[--mapping PROFILE.json] [--lang nl|en] [--all] [--why DOSSIER] [--json] [--freeze OUT.json] [--verify BATCH.json]";

struct ScoredData {
    Dataset dataset;
    FieldDictionary dictionary;
    std::vector<double> scores;
    std::string model_version_id;
    std::string dataset_hash;
};

// The dataset (demo or an export file, see data_source.hpp) and its scores as of `reference_date`
// with the model JSON file.
Checked<ScoredData> load_scored_data(const std::string& data, const std::string& model, Options& options,
                                     DayNumber reference_date) {
    using Result = Checked<ScoredData>;
    Checked<DataSource> source =
        load_data_source(data, options, options.date("export-date", first_of_month(reference_date)));
    if (!source) return Result::failure(source.error());
    if (source->rows_rejected > 0)
        std::cerr << "radar select: " << source->name << ": " << source->rows_rejected
                  << " rows were rejected (see radar import)\n";
    ScoredData scored;
    scored.dataset = std::move(source->dataset);
    scored.dictionary = std::move(source->dictionary);
    Checked<ModelFileScores> scores =
        score_with_model_file(model, scored.dataset, reference_date, source->dictionary.protected_names());
    if (!scores) return Result::failure(scores.error());
    scored.scores = std::move(scores->raw_scores);
    scored.model_version_id = std::move(scores->model_version_id);
    scored.dataset_hash = dataset_sha256(scored.dataset);
    return scored;
}

// A history file is a JSON list of events or a whole backup; without --history the history is
// empty. A file that cannot be read is an error: dropping it would drop every cooldown.
Checked<std::vector<ScreeningEvent>> load_history(const std::optional<std::string>& path) {
    using Result = Checked<std::vector<ScreeningEvent>>;
    if (!path) return std::vector<ScreeningEvent>{};
    const auto text = read_text_file(*path);
    if (!text) return Result::failure("cannot read history '" + *path + "'");
    const auto first = text->find_first_not_of(" \t\r\n");
    if (first != std::string::npos && (*text)[first] == '{') {
        Checked<BackupDocument> backup = validate_backup(*text);
        if (!backup) return Result::failure(*path + ": " + backup.error());
        return backup->content.events;
    }
    Checked<std::vector<ScreeningEvent>> events = parse_events(*text);
    if (!events) return Result::failure(*path + ": " + events.error());
    return events;
}

// The settings; the control seed is decided with the preview request (see control_seed()).
Checked<SelectionSettings> read_settings(Options& options) {
    SelectionSettings settings;
    settings.capacity = static_cast<std::uint32_t>(options.number("size", settings.capacity));
    settings.cooldown_months = static_cast<std::int32_t>(options.number("cooldown", 3));
    settings.control_size = static_cast<std::uint32_t>(options.number("control", 0));
    settings.signal_override = options.flag("signal-override");
    if (options.value("floor")) {
        settings.coverage_floor = true;
        settings.coverage_floor_months = static_cast<std::int32_t>(options.number("floor", 24));
    }
    settings.coverage_floor_limit = static_cast<std::uint32_t>(options.number("floor-limit", settings.coverage_floor_limit));
    settings.exclude_closed = options.flag("exclude-closed");
    settings.exclude_active_enforcement = options.flag("exclude-enforcement");
    const unsigned long long double_coding_percent = options.number("double-coding", 10);
    if (double_coding_percent > 100) return Checked<SelectionSettings>::failure("--double-coding must be a percentage, 0 to 100");
    settings.double_coding.share = static_cast<double>(double_coding_percent) / 100.0;
    settings.double_coding.minimum = options.number("double-coding-min", settings.double_coding.minimum);
    if (!options.error().empty()) return Checked<SelectionSettings>::failure(options.error());
    if (auto problem = validate_settings(settings); !problem.empty()) return Checked<SelectionSettings>::failure(problem);
    return settings;
}

// --control-seed S forces the seed (tests, reproducing a draw); otherwise it is drawn from the
// operating system's cryptographic random source, and told so that the draw can be repeated.
Checked<std::uint64_t> control_seed(Options& options, const SelectionSettings& settings) {
    if (options.value("control-seed")) {
        const std::uint64_t forced = options.number("control-seed", 0);
        if (!options.error().empty()) return Checked<std::uint64_t>::failure(options.error());
        if (forced > max_control_seed) return Checked<std::uint64_t>::failure("--control-seed must be below 2^53");
        return forced;
    }
    const std::uint64_t drawn = control_seed_from_random_bits(platform::random_bits_128().high);
    if (settings.control_size > 0)
        std::cerr << "radar select: control sample seed " << drawn
                  << " drawn at random (--control-seed " << drawn << " repeats this draw)\n";
    return drawn;
}

std::string settings_line(const SelectionSettings& s) {
    std::string line = "N=" + std::to_string(s.capacity) + ", cooldown " + std::to_string(s.cooldown_months) +
                       " months, control " + std::to_string(s.control_size) + " (seed " + std::to_string(s.control_seed) +
                       "), signal override " + (s.signal_override ? "on" : "off") + ", coverage floor ";
    line += s.coverage_floor ? "on (" + std::to_string(s.coverage_floor_months) + " months, at most " +
                                   std::to_string(s.coverage_floor_limit) + ")"
                             : "off";
    line += ", exclusions: ";
    if (!s.exclude_closed && !s.exclude_active_enforcement) line += "none";
    if (s.exclude_closed) line += "closed";
    if (s.exclude_closed && s.exclude_active_enforcement) line += ", ";
    if (s.exclude_active_enforcement) line += "active enforcement";
    line += ", double coding " + std::to_string(std::lround(s.double_coding.share * 100.0)) + "% (at least " +
            std::to_string(s.double_coding.minimum) + ")";
    return line;
}

Json decision_json(const SelectionOutcome& outcome, const DossierDecision& d, TextLanguage language) {
    Json item{{"dossier_id", d.dossier_id},
              {"rank", d.rank},
              {"score", d.score},
              {"decision", decision_key(d.decision)},
              {"reason", describe_decision(outcome, d, language)}};
    if (d.last_screened) item["last_screened"] = format_iso_date(*d.last_screened);
    if (d.cooldown_until) item["cooldown_until"] = format_iso_date(*d.cooldown_until);
    if (d.signal_date) item["signal_date"] = format_iso_date(*d.signal_date);
    if (!d.pending_batch.empty()) item["pending_batch"] = d.pending_batch;
    return item;
}

std::map<std::string, std::size_t> decision_counts(const SelectionOutcome& outcome) {
    std::map<std::string, std::size_t> counts;
    for (const DossierDecision& d : outcome.decisions) ++counts[decision_key(d.decision)];
    return counts;
}

void print_json(const BatchPreview& preview, TextLanguage language, bool all) {
    const SelectionOutcome& outcome = preview.outcome;
    Json selected = Json::array(), held_back = Json::array(), decisions = Json::array();
    for (std::size_t index : outcome.selected) selected.push_back(decision_json(outcome, outcome.decisions[index], language));
    for (std::size_t index : outcome.held_back) held_back.push_back(decision_json(outcome, outcome.decisions[index], language));
    if (all)
        for (const DossierDecision& d : outcome.decisions) decisions.push_back(decision_json(outcome, d, language));
    Json out{{"batch_id", preview.batch_id},
             {"month", preview.month},
             {"supplementary", preview.supplementary},
             {"reference_date", format_iso_date(outcome.reference_date)},
             {"scores_as_of", format_iso_date(preview.scores_as_of)},
             {"model_version_id", preview.model_version_id},
             {"dataset_hash", preview.dataset_hash},
             {"dataset_rows", preview.dataset_rows},
             {"settings", settings_to_json(outcome.settings)},
             {"eligible", outcome.eligible_count},
             {"decision_counts", decision_counts(outcome)},
             {"selected", std::move(selected)},
             {"held_back", std::move(held_back)}};
    if (outcome.cutoff_rank) out["cutoff_rank"] = *outcome.cutoff_rank;
    if (all) out["decisions"] = std::move(decisions);
    std::cout << out.dump(1, ' ', false, Json::error_handler_t::replace) << "\n";
}

void print_text(const BatchPreview& preview, TextLanguage language, bool all) {
    const SelectionOutcome& outcome = preview.outcome;
    std::printf("batch %s%s (month %s, reference date %s)\n", preview.batch_id.c_str(),
                preview.supplementary ? " [supplementary]" : "", preview.month.c_str(),
                format_iso_date(outcome.reference_date).c_str());
    std::printf("model %s, dataset %u dossiers, sha256 %s\n", preview.model_version_id.c_str(), preview.dataset_rows,
                preview.dataset_hash.c_str());
    std::printf("settings: %s\n", settings_line(outcome.settings).c_str());
    std::string counts;
    for (const auto& [key, count] : decision_counts(outcome)) counts += " " + key + "=" + std::to_string(count);
    std::printf("eligible %zu, cut-off rank %s;%s\n\n", outcome.eligible_count,
                outcome.cutoff_rank ? std::to_string(*outcome.cutoff_rank).c_str() : "none", counts.c_str());
    auto print_rows = [&](const char* title, const std::vector<std::size_t>& rows) {
        std::printf("%s (%zu):\n  rank\tdossier_id\tscore\treason\n", title, rows.size());
        for (std::size_t index : rows) {
            const DossierDecision& d = outcome.decisions[index];
            std::printf("  %u\t%s\t%.2f\t%s\n", d.rank, d.dossier_id.c_str(), d.score,
                        describe_decision(outcome, d, language).c_str());
        }
        std::printf("\n");
    };
    print_rows("selected", outcome.selected);
    print_rows("held back by cooldown", outcome.held_back);
    if (all) {
        std::vector<std::size_t> every(outcome.decisions.size());
        for (std::size_t i = 0; i < every.size(); ++i) every[i] = i;
        print_rows("all dossiers", every);
    }
}

int verify(const std::string& path, const std::string& data, const std::string& model, Options& options) {
    const auto text = read_text_file(path);
    if (!text) {
        std::cerr << "radar select: cannot read '" << path << "'\n";
        return 2;
    }
    const Checked<FrozenBatch> batch = parse_batch(*text);
    if (!batch) {
        std::cerr << "radar select: " << path << ": " << batch.error() << "\n";
        return 1;
    }
    const auto fail = [](const std::string& message) {
        std::cerr << "radar select: " << message << "\n";
        return 2;
    };
    // The demo dossiers are dated as when the batch was made, so that they are the same ones.
    Checked<DataSource> source =
        load_data_source(data, options, options.date("export-date", first_of_month(batch->reference_date)));
    if (!source) return fail(source.error());
    if (source->rows_rejected > 0)
        std::cerr << "radar select: " << source->name << ": " << source->rows_rejected
                  << " rows were rejected (see radar import)\n";
    const Checked<ModelSpec> spec = read_model_file(model);
    if (!spec) return fail(spec.error());
    // Re-scored as of the day the batch's scores were computed for, whatever day it is now.
    ScoringContext context;
    context.protected_fields = source->dictionary.protected_names();
    const Checked<ReproductionReport> verified =
        verify_batch(*batch, source->dataset, *spec, std::move(context), dataset_sha256(source->dataset));
    if (!verified) return fail(model + ": " + verified.error());
    const ReproductionReport& report = *verified;
    if (report.reproduced) {
        std::printf("batch %s reproduced exactly: %zu members\n", batch->batch_id.c_str(), batch->members.size());
        return 0;
    }
    std::printf("batch %s NOT reproduced (%zu differences):\n", batch->batch_id.c_str(), report.differences.size());
    for (const std::string& line : report.differences) std::printf("  %s\n", line.c_str());
    return 1;
}

int run_select(const std::vector<std::string>& arguments) {
    Options options(arguments, {"json", "all", "signal-override", "exclude-closed", "exclude-enforcement", "supplementary"});
    const auto fail = [](const std::string& message, int code) {
        std::cerr << "radar select: " << message << "\n";
        return code;
    };
    if (!options.error().empty()) return fail(options.error(), 2);
    if (options.positional().size() != 1) return fail(std::string("usage: radar ") + usage_text, 2);
    const std::string data = options.positional()[0];
    const auto model = options.value("model");
    if (!model) return fail("--model is required: a model JSON file (e.g. assets/models/default.json)", 2);
    if (const auto batch_file = options.value("verify")) return verify(*batch_file, data, *model, options);

    const auto month = options.value("month");
    const auto month_start = month ? parse_iso_date(*month + "-01") : std::nullopt;
    if (!month || month->size() != 7 || !month_start) return fail("--month YYYY-MM is required", 2);
    const DayNumber reference_date = options.date("date", *month_start);
    if (first_of_month(reference_date) != *month_start) return fail("--date must lie in the --month", 2);
    const auto language_name = options.value("lang").value_or("en");
    if (language_name != "nl" && language_name != "en") return fail("--lang is nl or en", 2);
    const TextLanguage language = language_name == "nl" ? TextLanguage::dutch : TextLanguage::english;

    const Checked<SelectionSettings> settings = read_settings(options);
    if (!settings) return fail(settings.error(), 2);
    const Checked<std::uint64_t> seed = control_seed(options, *settings);
    if (!seed) return fail(seed.error(), 2);
    const Checked<ScoredData> scored = load_scored_data(data, *model, options, reference_date);
    if (!scored) return fail(scored.error(), 2);
    const Checked<std::vector<ScreeningEvent>> events = load_history(options.value("history"));
    if (!events) return fail(events.error(), 2);
    const ScreeningState state = fold_events(*events);
    for (const std::string& issue : state.issues) std::cerr << "radar select: history: " << issue << "\n";

    PreviewInputs inputs;
    inputs.selection_date = reference_date;
    inputs.scores_as_of = reference_date;  // the CLI scores as of the batch date
    inputs.settings = *settings;
    inputs.supplementary = options.flag("supplementary");
    inputs.model_version_id = scored->model_version_id;
    inputs.dataset_hash = scored->dataset_hash;
    const PreviewRequest request = decide_preview_request(inputs, state, *seed);
    const Checked<BatchPreview> preview = preview_batch(scored->dataset, scored->scores, state, request);
    if (!preview) return fail(preview.error(), 1);

    if (const auto why = options.value("why")) {
        const DossierDecision* decision = preview->outcome.find(*why);
        if (!decision) return fail("dossier " + *why + " is not in the dataset", 1);
        std::printf("%s\n", describe_decision(preview->outcome, *decision, language).c_str());
        return 0;
    }
    if (options.flag("json")) print_json(*preview, language, options.flag("all"));
    else print_text(*preview, language, options.flag("all"));

    if (const auto out = options.value("freeze")) {
        // The CLI has no clock of its own in the core's terms: the batch is stamped at the reference date.
        const EventStamp stamp{"ev-cli-" + preview->batch_id, Timestamp{std::int64_t{reference_date} * 86'400'000}, "radar-cli"};
        Checked<CommittedBatch> committed = commit_batch(*preview, state, stamp);
        if (!committed) return fail(committed.error(), 1);
        // The group audit of the default groupings, as the app records it with its stored choices.
        const Checked<BatchAuditRecord> audit =
            audit_at_commit(scored->dataset, &scored->dictionary, {}, committed->batch, AuditSettings{});
        if (!audit) return fail(audit.error(), 1);
        if (!audit->groupings.empty()) committed->batch.audit_at_commit = *audit;
        std::ofstream file(*out, std::ios::binary);
        file << canonical_json(batch_to_json(committed->batch)) << "\n";
        if (!file.flush()) return fail("cannot write '" + *out + "'", 1);
        std::cerr << "radar: froze batch " << committed->batch.batch_id << " to " << *out << "\n";
    }
    return 0;
}

const CommandRegistration select_command("select", {usage_text,
                                                    "preview the monthly batch with a reason for every dossier; "
                                                    "--freeze writes it, --verify re-runs a frozen batch",
                                                    run_select});

}  // namespace
}  // namespace radar::cli
