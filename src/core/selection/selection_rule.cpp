// The selection rule. Order of checks per dossier: pending, exclusions, cooldown (unless a
// signal overrides it), then eligibility; eligible dossiers fill the top N by rank, then the
// control sample and the coverage floor are drawn from the eligible ones left.
#include "core/selection/selection_rule.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "core/base/random.hpp"
#include "core/search/text_fold.hpp"

namespace radar {
namespace {

// The dataset fields the rule reads; nullptr when absent (and not needed).
struct RuleFields {
    const Column* ids = nullptr;
    const Column* status = nullptr;
    const Column* enforcement = nullptr;
    std::vector<const Column*> signals;
    const Column* last_inspection = nullptr;
    const Column* start = nullptr;
};

Checked<RuleFields> find_fields(const Dataset& dataset, const SelectionSettings& settings) {
    using Result = Checked<RuleFields>;
    RuleFields fields;
    auto need = [&](const std::string& name, ColumnType type, const std::string& purpose) -> std::string {
        const Column* column = dataset.find(name);
        if (!column) return "the dataset has no field '" + name + "', needed " + purpose;
        if (column->type != type)
            return "field '" + name + "' must be a " + (type == ColumnType::date ? "date" : "text") + " column (" +
                   purpose + ")";
        return {};
    };
    if (auto problem = need("dossier_id", ColumnType::text, "to identify dossiers"); !problem.empty())
        return Result::failure(problem);
    fields.ids = dataset.find("dossier_id");
    if (settings.exclude_closed) {
        if (auto problem = need("status", ColumnType::text, "to exclude closed dossiers"); !problem.empty())
            return Result::failure(problem);
        fields.status = dataset.find("status");
    }
    if (settings.exclude_active_enforcement) {
        if (auto problem = need("enforcement_status", ColumnType::text, "to exclude dossiers in enforcement");
            !problem.empty())
            return Result::failure(problem);
        fields.enforcement = dataset.find("enforcement_status");
    }
    if (settings.signal_override) {
        for (const std::string& name : settings.signal_fields) {
            if (auto problem = need(name, ColumnType::date, "for the signal override"); !problem.empty())
                return Result::failure(problem);
            fields.signals.push_back(dataset.find(name));
        }
    }
    if (settings.coverage_floor) {
        if (auto problem = need("last_inspection_date", ColumnType::date, "for the coverage floor"); !problem.empty())
            return Result::failure(problem);
        fields.last_inspection = dataset.find("last_inspection_date");
        const Column* start = dataset.find("start_date");
        if (start && start->type == ColumnType::date) fields.start = start;
    }
    return fields;
}

// Checks ids and scores row by row and fills `index` with dossier id -> row (so a duplicate is
// reported at its own row, whatever the ranking order).
// Indexes the rows by id (places are rows until the rule has its order).
std::string check_rows(const Column& ids, const std::vector<double>& scores, TextIndex& index) {
    if (scores.size() != ids.size())
        return "there are " + std::to_string(scores.size()) + " scores for " + std::to_string(ids.size()) + " dossiers";
    index.prepare(ids.size());
    const auto id_at = [&ids](std::size_t row) { return ids.texts[row]; };
    for (std::size_t row = 0; row < ids.size(); ++row) {
        const auto where = [row] { return "row " + std::to_string(row + 1); };
        if (ids.is_missing(row) || ids.texts[row].empty()) return where() + ": field 'dossier_id' is empty";
        const std::string_view id = ids.texts[row];
        if (index.add(id, row, id_at)) return where() + ": field 'dossier_id': \"" + std::string(id) + "\" occurs more than once";
        if (!std::isfinite(scores[row])) return where() + " (" + std::string(id) + "): the score is not a finite number";
    }
    return {};
}

// Whether a status or enforcement value excludes its dossiers, worked out once per distinct value
// (the views point into the column, which outlives the rule's run).
class ValueVerdicts {
public:
    explicit ValueVerdicts(bool (*verdict)(std::string_view folded)) : verdict_(verdict) {}
    bool operator()(const Column& column, std::size_t row) {
        if (column.is_missing(row)) return false;
        const std::string_view value = column.texts[row];
        const auto known = verdicts_.find(value);
        if (known != verdicts_.end()) return known->second;
        return verdicts_.emplace(value, verdict_(fold_for_search(value))).first->second;
    }

private:
    bool (*verdict_)(std::string_view folded);
    std::unordered_map<std::string_view, bool> verdicts_;
};

bool means_closed(std::string_view folded) { return folded == "gesloten" || folded == "closed"; }

bool means_enforcement(std::string_view folded) { return !folded.empty() && folded != "geen" && folded != "none"; }

struct Exclusions {
    ValueVerdicts closed{means_closed};
    ValueVerdicts in_enforcement{means_enforcement};
};

std::optional<DayNumber> date_at(const Column* column, std::size_t row) {
    if (!column || column->is_missing(row)) return std::nullopt;
    return static_cast<DayNumber>(column->numbers[row]);
}

// The rule's order: score descending, ties by dossier id ascending (as the model engine ranks).
// `known_order` is taken when it has as many rows as there are and each comes strictly before the
// next (ids are unique by then, so that also means every row is in it once).
std::vector<std::size_t> rule_order(const Column& ids, const std::vector<double>& scores,
                                    const std::vector<std::uint32_t>* known_order) {
    const auto before = [&](std::size_t a, std::size_t b) {
        if (scores[a] != scores[b]) return scores[a] > scores[b];
        return ids.texts[a] < ids.texts[b];
    };
    std::vector<std::size_t> ranked(scores.size());
    if (known_order && known_order->size() == scores.size()) {
        bool usable = true;
        for (std::size_t position = 0; usable && position < ranked.size(); ++position) {
            ranked[position] = (*known_order)[position];
            usable = ranked[position] < scores.size() && (position == 0 || before(ranked[position - 1], ranked[position]));
        }
        if (usable) return ranked;
    }
    std::iota(ranked.begin(), ranked.end(), std::size_t{0});
    std::sort(ranked.begin(), ranked.end(), before);
    return ranked;
}

// The latest signal after the last screening and not after the reference date, if any.
std::optional<DayNumber> new_signal(const RuleFields& fields, std::size_t row, DayNumber last_screened,
                                    DayNumber reference_date) {
    std::optional<DayNumber> latest;
    for (const Column* column : fields.signals) {
        const auto signal = date_at(column, row);
        if (signal && *signal > last_screened && *signal <= reference_date && (!latest || *signal > *latest))
            latest = signal;
    }
    return latest;
}

// Classifies one dossier before any selection: pending, excluded, cooldown or eligible
// (below_cutoff; signal_date set when a signal lifted its cooldown).
void classify(DossierDecision& decision, const DossierFacts* facts, const RuleFields& fields, Exclusions& exclusions,
              const SelectionSettings& settings, DayNumber reference_date) {
    if (facts) {
        decision.last_screened = facts->last_screened;
        if (facts->last_screened) decision.cooldown_until = add_months(*facts->last_screened, settings.cooldown_months);
        if (!facts->pending_batch.empty()) {
            decision.decision = Decision::pending;
            decision.pending_batch = facts->pending_batch;
            return;
        }
    }
    if (fields.status && exclusions.closed(*fields.status, decision.row)) {
        decision.decision = Decision::excluded_closed;
        decision.excluded_value = fields.status->texts[decision.row];
        return;
    }
    if (fields.enforcement && exclusions.in_enforcement(*fields.enforcement, decision.row)) {
        decision.decision = Decision::excluded_enforcement;
        decision.excluded_value = fields.enforcement->texts[decision.row];
        return;
    }
    decision.decision = Decision::below_cutoff;
    if (!decision.cooldown_until || reference_date >= *decision.cooldown_until) return;
    if (settings.signal_override)
        decision.signal_date = new_signal(fields, decision.row, *decision.last_screened, reference_date);
    if (!decision.signal_date) decision.decision = Decision::cooldown;
}

// Never screened and not inspected for more than M months (never inspected counts once the
// dossier itself is older than M months, or when its start date is unknown).
std::optional<DayNumber> floor_unseen_since(const DossierDecision& decision, const RuleFields& fields,
                                            const SelectionSettings& settings, DayNumber reference_date,
                                            bool& qualifies) {
    qualifies = false;
    if (decision.last_screened) return std::nullopt;
    const auto inspected = date_at(fields.last_inspection, decision.row);
    const auto since = inspected ? inspected : date_at(fields.start, decision.row);
    qualifies = !since || add_months(*since, settings.coverage_floor_months) < reference_date;
    return since;
}

}  // namespace

bool DossierDecision::selected() const {
    return decision == Decision::top_n || decision == Decision::signal_override || decision == Decision::control ||
           decision == Decision::coverage_floor;
}

SelectionKind DossierDecision::kind() const {
    switch (decision) {
        case Decision::signal_override: return SelectionKind::signal_override;
        case Decision::control: return SelectionKind::control;
        case Decision::coverage_floor: return SelectionKind::coverage_floor;
        default: return SelectionKind::top_n;
    }
}

const DossierDecision* SelectionOutcome::find(std::string_view dossier_id) const {
    const auto found = index.find(dossier_id, [this](std::size_t place) { return std::string_view(decisions[place].dossier_id); });
    return found ? &decisions[*found] : nullptr;
}

SelectionHistory selection_history(const ScreeningState& state) {
    SelectionHistory history;
    for (const auto& [id, dossier] : state.dossiers) {
        DossierFacts facts;
        facts.last_screened = state.last_screened(id);
        if (const BatchState* batch = state.pending_batch(id)) facts.pending_batch = batch->batch_id;
        if (facts.last_screened || !facts.pending_batch.empty()) history.emplace(id, std::move(facts));
    }
    return history;
}

Checked<SelectionOutcome> run_selection_rule(const Dataset& dataset, const std::vector<double>& scores,
                                             const SelectionHistory& history, DayNumber reference_date,
                                             const SelectionSettings& settings,
                                             const std::vector<std::uint32_t>* known_order) {
    using Result = Checked<SelectionOutcome>;
    if (auto problem = validate_settings(settings); !problem.empty()) return Result::failure("settings: " + problem);
    Checked<RuleFields> fields = find_fields(dataset, settings);
    if (!fields) return Result::failure(fields.error());
    const Column& ids = *fields->ids;
    SelectionOutcome outcome;
    if (auto problem = check_rows(ids, scores, outcome.index); !problem.empty()) return Result::failure(problem);

    const std::vector<std::size_t> ranked = rule_order(ids, scores, known_order);
    std::vector<std::size_t> position_of_row(ranked.size());
    for (std::size_t position = 0; position < ranked.size(); ++position) position_of_row[ranked[position]] = position;
    outcome.index.renumber(position_of_row);  // from rows to positions
    const auto id_at_position = [&](std::size_t position) { return ids.texts[ranked[position]]; };
    std::vector<const DossierFacts*> facts_at(ranked.size(), nullptr);  // by position
    for (const auto& [dossier, facts] : history)
        if (const auto found = outcome.index.find(dossier, id_at_position)) facts_at[*found] = &facts;

    outcome.settings = settings;
    outcome.reference_date = reference_date;
    outcome.decisions.resize(ranked.size());
    Exclusions exclusions;
    for (std::size_t position = 0; position < ranked.size(); ++position) {
        DossierDecision& decision = outcome.decisions[position];
        decision.row = ranked[position];
        decision.dossier_id = ids.texts[decision.row];
        decision.score = scores[decision.row];
        decision.rank = static_cast<std::uint32_t>(position + 1);
        classify(decision, facts_at[position], *fields, exclusions, settings, reference_date);
    }

    // Top N among the eligible, in rank order.
    std::vector<std::size_t> below;  // eligible and not in the top N, rank order
    for (std::size_t i = 0; i < outcome.decisions.size(); ++i) {
        DossierDecision& decision = outcome.decisions[i];
        if (decision.decision != Decision::below_cutoff) continue;
        decision.eligible_position = static_cast<std::uint32_t>(++outcome.eligible_count);
        if (outcome.selected.size() < settings.capacity) {
            decision.decision = decision.signal_date ? Decision::signal_override : Decision::top_n;
            outcome.selected.push_back(i);
            if (outcome.selected.size() == settings.capacity) outcome.cutoff_rank = decision.rank;
        } else {
            below.push_back(i);
        }
    }
    for (std::size_t i = 0; i < outcome.decisions.size(); ++i) {
        const DossierDecision& decision = outcome.decisions[i];
        const bool above_cutoff = !outcome.cutoff_rank || decision.rank < *outcome.cutoff_rank;
        if (decision.decision == Decision::cooldown && above_cutoff) outcome.held_back.push_back(i);
        if (decision.decision == Decision::pending && above_cutoff) outcome.waiting.push_back(i);
    }

    // Control sample: a partial Fisher-Yates shuffle of the candidates in rank order, driven by
    // the recorded seed, so the same seed and inputs always draw the same dossiers.
    const std::size_t control_count = std::min<std::size_t>(settings.control_size, below.size());
    Random random(settings.control_seed);
    for (std::size_t i = 0; i < control_count; ++i) {
        const std::size_t j = i + random.below(static_cast<std::uint32_t>(below.size() - i));
        std::swap(below[i], below[j]);
    }
    std::vector<std::size_t> control(below.begin(), below.begin() + static_cast<std::ptrdiff_t>(control_count));
    std::sort(control.begin(), control.end());
    for (std::size_t i : control) {
        outcome.decisions[i].decision = Decision::control;
        outcome.selected.push_back(i);
    }

    if (settings.coverage_floor) {
        std::vector<std::size_t> floor;
        for (std::size_t i = 0; i < outcome.decisions.size(); ++i) {
            DossierDecision& decision = outcome.decisions[i];
            if (decision.decision != Decision::below_cutoff) continue;
            bool qualifies = false;
            const auto since = floor_unseen_since(decision, *fields, settings, reference_date, qualifies);
            if (!qualifies) continue;
            decision.unseen_since = since;
            floor.push_back(i);
        }
        // Longest unseen first (unknown dates first of all), then by rank.
        std::stable_sort(floor.begin(), floor.end(), [&](std::size_t a, std::size_t b) {
            const auto& x = outcome.decisions[a].unseen_since;
            const auto& y = outcome.decisions[b].unseen_since;
            if (x.has_value() != y.has_value()) return !x.has_value();
            return x && *x < *y;
        });
        for (std::size_t n = 0; n < floor.size(); ++n) {
            DossierDecision& decision = outcome.decisions[floor[n]];
            if (n < settings.coverage_floor_limit) {
                decision.decision = Decision::coverage_floor;
                outcome.selected.push_back(floor[n]);
            } else {
                decision.unseen_since.reset();
            }
        }
    }
    return outcome;
}

const char* decision_key(Decision decision) {
    switch (decision) {
        case Decision::top_n: return "top_n";
        case Decision::signal_override: return "signal_override";
        case Decision::control: return "control";
        case Decision::coverage_floor: return "coverage_floor";
        case Decision::below_cutoff: return "below_cutoff";
        case Decision::cooldown: return "cooldown";
        case Decision::pending: return "pending";
        case Decision::excluded_closed: return "excluded_closed";
        case Decision::excluded_enforcement: return "excluded_enforcement";
    }
    return "";
}

}  // namespace radar
