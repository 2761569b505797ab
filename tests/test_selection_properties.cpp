// Property tests of the selection rule over many random tables, histories and settings: nothing
// selected is pending, excluded or (without a signal) in cooldown; the batch never exceeds
// N + control + floor; the top N are the best-ranked eligible dossiers; the result is
// deterministic and does not depend on the row order. A frozen batch is reproduced when verified
// on any later day. Plus a six-month run on the demo data.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "core/data/dataset_hash.hpp"
#include "core/data/demo_data.hpp"
#include "core/model/model_json.hpp"
#include "core/base/random.hpp"
#include "core/screening/screening_actions.hpp"
#include "core/selection/batch_verification.hpp"
#include "core/selection/frozen_batch.hpp"
#include "core/selection/preview_request.hpp"
#include "selection_fixtures.hpp"
#include "default_model_scores.hpp"

using namespace radar;
using namespace radar::fixtures;

namespace {

struct Scenario {
    Table table;
    SelectionHistory history;
    SelectionSettings settings;
    DayNumber reference = 0;
};

const char* random_date(Random& random, DayNumber from, int span, std::vector<std::string>& storage) {
    storage.push_back(format_iso_date(from + random.between(0, span)));
    return storage.back().c_str();
}

Scenario random_scenario(std::uint64_t seed) {
    Random random(seed);
    Scenario scenario;
    scenario.reference = day("2024-03-01") + random.between(0, 400);
    std::vector<std::string> dates;
    dates.reserve(4000);
    std::vector<Dossier> dossiers;
    const int count = random.between(1, 150);
    for (int i = 0; i < count; ++i) {
        Dossier dossier;
        dossier.id = "KO-" + std::to_string(1000 + random.between(0, 5000)) + "-" + std::to_string(i);
        dossier.score = random.between(0, 30);  // many ties
        dossier.status = random.chance(0.1) ? "gesloten" : "actief";
        dossier.enforcement = random.chance(0.15) ? "aanmaning" : "geen";
        if (random.chance(0.8)) dossier.last_inspection = random_date(random, scenario.reference - 2000, 1990, dates);
        if (random.chance(0.9)) dossier.start = random_date(random, scenario.reference - 6000, 5990, dates);
        if (random.chance(0.3)) dossier.signal = random_date(random, scenario.reference - 200, 230, dates);
        dossiers.push_back(dossier);
        if (random.chance(0.35))
            scenario.history[dossier.id].last_screened = scenario.reference - random.between(0, 200);
        if (random.chance(0.07)) scenario.history[dossier.id].pending_batch = "B" + std::to_string(random.between(1, 3));
    }
    scenario.table = table(dossiers);
    SelectionSettings& settings = scenario.settings;
    settings.capacity = static_cast<std::uint32_t>(random.between(1, 40));
    settings.cooldown_months = random.between(0, 6);
    settings.exclude_closed = random.chance(0.5);
    settings.exclude_active_enforcement = random.chance(0.5);
    settings.signal_override = random.chance(0.5);
    settings.control_size = static_cast<std::uint32_t>(random.between(0, 10));
    settings.control_seed = random.next() >> 20;
    settings.coverage_floor = random.chance(0.5);
    settings.coverage_floor_months = random.between(1, 48);
    settings.coverage_floor_limit = static_cast<std::uint32_t>(random.between(0, 6));
    return scenario;
}

// The same table with its rows in another order.
Table permuted(const Table& source, std::uint64_t seed) {
    std::vector<std::size_t> order(source.scores.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    Random random(seed);
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random.below(static_cast<std::uint32_t>(i))]);
    Table result;
    for (const Column& column : source.dataset.columns()) {
        Column& copy = result.dataset.add_column(column.name, column.type);
        for (std::size_t row : order) {
            if (column.is_missing(row)) copy.push_missing();
            else if (column.type == ColumnType::text) copy.push_text(column.texts[row]);
            else copy.push_number(column.numbers[row]);
        }
    }
    for (std::size_t row : order) result.scores.push_back(source.scores[row]);
    return result;
}

std::string fingerprint(const SelectionOutcome& outcome) {
    std::string text;
    for (std::size_t index : outcome.selected) {
        const DossierDecision& d = outcome.decisions[index];
        text += d.dossier_id + ":" + decision_key(d.decision) + ":" + std::to_string(d.rank) + ";";
    }
    text += "|";
    for (const DossierDecision& d : outcome.decisions) text += d.dossier_id + ":" + decision_key(d.decision) + ";";
    for (std::size_t index : outcome.held_back) text += "h" + std::to_string(index);
    return text;
}

ModelSpec default_model() {
    std::ifstream file(std::string(RADAR_ASSETS_DIR) + "/models/default.json", std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    const ModelParseResult parsed = parse_model_json(text.str());
    REQUIRE(parsed.ok());
    return *parsed.spec;
}

// A random screening history over the dataset's dossiers before `selection_date`: screenings
// outside batches, and an earlier batch whose uncoded members are still pending.
std::vector<ScreeningEvent> random_history(Random& random, const Column& ids, DayNumber selection_date) {
    std::vector<ScreeningEvent> events;
    std::vector<std::string> pending;
    int next = 0;
    for (std::size_t row = 0; row < ids.size(); ++row) {
        const std::string id(ids.texts[row]);
        if (random.chance(0.04)) {
            pending.push_back(id);
        } else if (random.chance(0.25)) {
            ScreeningEvent event = coded("ev-h" + std::to_string(++next), id, ScreeningCode::geen_risico, "2024-01-01");
            std::get<ScreeningCoded>(event.payload).screening_date = selection_date - random.between(1, 300);
            events.push_back(std::move(event));
        }
    }
    if (!pending.empty()) events.push_back(committed("ev-open", "2020-01", "2020-01", pending, "2020-01-05T08:00:00.000Z"));
    return events;
}

}  // namespace

TEST_CASE("a frozen batch is reproduced when verified on any later day") {
    DemoSettings demo_settings;
    demo_settings.dossier_count = 400;
    demo_settings.export_date = day("2024-01-01");
    const DemoData demo = generate_demo_data(demo_settings);
    const std::string hash = dataset_sha256(demo.dataset);
    const ModelSpec spec = default_model();
    const Column& ids = *demo.dataset.find("dossier_id");
    int verified_later_differs = 0;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        CAPTURE(seed);
        Random random(seed * 7919);
        // Scores as of one day; the selection may be back-dated or for a day after it.
        ScoringContext context;
        context.reference_date = day("2024-01-01") + random.between(0, 90);
        const EngineResult engine = ScoringEngine::create(spec, demo.dataset, context);
        REQUIRE(engine.engine);
        PreviewInputs inputs;
        inputs.selection_date = context.reference_date + random.between(-40, 10);
        inputs.scores_as_of = context.reference_date;
        SelectionSettings& settings = inputs.settings;
        settings.capacity = static_cast<std::uint32_t>(random.between(1, 40));
        settings.cooldown_months = random.between(0, 6);
        settings.exclude_closed = random.chance(0.5);
        settings.exclude_active_enforcement = random.chance(0.5);
        settings.signal_override = random.chance(0.5);
        settings.control_size = static_cast<std::uint32_t>(random.between(0, 10));
        settings.coverage_floor = random.chance(0.5);
        settings.coverage_floor_months = random.between(1, 48);
        settings.coverage_floor_limit = static_cast<std::uint32_t>(random.between(0, 6));
        inputs.model_version_id = model_version_id(spec);
        inputs.dataset_hash = hash;
        const ScreeningState state = fold_events(random_history(random, ids, inputs.selection_date));
        const std::uint64_t control_seed = control_seed_from_random_bits(random.next());
        const auto preview = preview_batch(demo.dataset, engine.engine->raw_scores(), state,
                                           decide_preview_request(inputs, state, control_seed));
        REQUIRE_MESSAGE(preview.ok(), preview.error());
        if (preview->outcome.selected.empty()) continue;
        const auto frozen = commit_batch(*preview, state, {"ev-commit", Timestamp{std::int64_t{inputs.scores_as_of} * 86'400'000}, "An"});
        REQUIRE_MESSAGE(frozen.ok(), frozen.error());
        const FrozenBatch batch = *parse_batch(batch_to_text(frozen->batch));
        CHECK(batch.scores_as_of == inputs.scores_as_of);
        CHECK(batch.settings.control_seed == control_seed);

        // Verified on any later day (whatever the caller's scoring date): reproduced exactly.
        ScoringContext later;
        later.reference_date = inputs.scores_as_of + random.between(1, 400);
        const Checked<ReproductionReport> verified = verify_batch(batch, demo.dataset, spec, later, hash);
        REQUIRE(verified);
        const ReproductionReport& report = *verified;
        CHECK_MESSAGE(report.reproduced, (report.differences.empty() ? "" : report.differences.front()));

        // Scoring as of that later day instead would not always reproduce it: the check above is not vacuous.
        const EngineResult rescored = ScoringEngine::create(spec, demo.dataset, later);
        REQUIRE(rescored.engine);
        if (!reproduce_batch(batch, demo.dataset, rescored.engine->raw_scores(), model_version_id(spec), hash).reproduced)
            ++verified_later_differs;
    }
    CHECK(verified_later_differs > 0);
}

TEST_CASE("selection properties hold on random scenarios") {
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        CAPTURE(seed);
        const Scenario s = random_scenario(seed);
        const auto result = run_selection_rule(s.table.dataset, s.table.scores, s.history, s.reference, s.settings);
        REQUIRE_MESSAGE(result.ok(), result.error());
        const SelectionOutcome& outcome = *result;

        CHECK(outcome.selected.size() <= s.settings.max_batch_size());
        std::set<std::size_t> unique(outcome.selected.begin(), outcome.selected.end());
        CHECK(unique.size() == outcome.selected.size());

        std::uint32_t worst_top_rank = 0;
        std::size_t top_count = 0, control_count = 0, floor_count = 0;
        for (std::size_t index : outcome.selected) {
            const DossierDecision& d = outcome.decisions[index];
            CHECK(d.selected());
            const auto facts = s.history.find(d.dossier_id);
            const bool pending = facts != s.history.end() && !facts->second.pending_batch.empty();
            CHECK_FALSE(pending);
            const bool in_cooldown = d.cooldown_until && s.reference < *d.cooldown_until;
            if (in_cooldown) {
                CHECK(s.settings.signal_override);
                REQUIRE(d.signal_date);
                CHECK(*d.signal_date > *d.last_screened);
                CHECK(*d.signal_date <= s.reference);
            }
            const std::size_t row = d.row;
            if (s.settings.exclude_closed) CHECK(s.table.dataset.find("status")->texts[row] != "gesloten");
            if (s.settings.exclude_active_enforcement)
                CHECK(s.table.dataset.find("enforcement_status")->texts[row] == "geen");
            if (d.decision == Decision::top_n || d.decision == Decision::signal_override) {
                ++top_count;
                worst_top_rank = std::max(worst_top_rank, d.rank);
            }
            if (d.decision == Decision::control) ++control_count;
            if (d.decision == Decision::coverage_floor) {
                ++floor_count;
                CHECK_FALSE(d.last_screened);
            }
        }
        CHECK(top_count == std::min<std::size_t>(s.settings.capacity, outcome.eligible_count));
        CHECK(control_count <= s.settings.control_size);
        CHECK(floor_count <= (s.settings.coverage_floor ? s.settings.coverage_floor_limit : 0u));
        // Every eligible dossier left out ranks below every top-N dossier.
        for (const DossierDecision& d : outcome.decisions)
            if (d.decision == Decision::below_cutoff) CHECK(d.rank > worst_top_rank);
        for (std::size_t index : outcome.held_back) {
            const DossierDecision& d = outcome.decisions[index];
            CHECK(d.decision == Decision::cooldown);
            if (outcome.cutoff_rank) CHECK(d.rank < *outcome.cutoff_rank);
        }

        const auto again = run_selection_rule(s.table.dataset, s.table.scores, s.history, s.reference, s.settings);
        CHECK(fingerprint(*again) == fingerprint(outcome));
        const Table shuffled = permuted(s.table, seed * 31);
        const auto reordered = run_selection_rule(shuffled.dataset, shuffled.scores, s.history, s.reference, s.settings);
        REQUIRE(reordered.ok());
        CHECK(fingerprint(*reordered) == fingerprint(outcome));
    }
}

TEST_CASE("six months on the demo data: nobody is selected again within the cooldown") {
    DemoSettings demo_settings;
    demo_settings.dossier_count = 2400;
    demo_settings.export_date = day("2024-01-01");
    const DemoData demo = generate_demo_data(demo_settings);
    const std::vector<double> scores = default_model_scores(demo.dataset, demo_settings.export_date);
    const std::string hash = dataset_sha256(demo.dataset);

    std::vector<ScreeningEvent> events;
    std::vector<FrozenBatch> batches;
    std::map<std::string, DayNumber> last_screened;
    int id = 0;
    for (int month = 0; month < 6; ++month) {
        CAPTURE(month);
        const DayNumber reference = add_months(day("2024-01-03"), month);
        PreviewRequest request;
        request.reference_date = reference;
        request.settings.capacity = 40;
        request.settings.control_size = 5;
        request.settings.control_seed = 202401 + static_cast<std::uint64_t>(month);
        request.settings.signal_override = true;
        request.settings.coverage_floor = true;
        request.model_version_id = "default";
        request.dataset_hash = hash;
        const ScreeningState state = fold_events(events);
        const auto preview = preview_batch(demo.dataset, scores, state, request);
        REQUIRE_MESSAGE(preview.ok(), preview.error());
        const auto committed = commit_batch(*preview, state, {"ev-" + std::to_string(++id),
                                                              Timestamp{static_cast<std::int64_t>(reference) * 86'400'000}, "An"});
        REQUIRE_MESSAGE(committed.ok(), committed.error());
        const FrozenBatch& batch = committed->batch;
        CHECK(batch.members.size() <= 50);
        CHECK(batch.members.size() >= 45);
        events.push_back(committed->event);
        for (const FrozenMember& member : batch.members) {
            const auto previous = last_screened.find(member.dossier_id);
            if (previous != last_screened.end() && member.kind != SelectionKind::signal_override)
                CHECK(reference >= add_months(previous->second, 3));
            const DayNumber screened_on = reference + 5;
            last_screened[member.dossier_id] = screened_on;
            ScreeningEvent coded_event = coded("ev-" + std::to_string(++id), member.dossier_id, ScreeningCode::geen_risico,
                                               "2024-01-01", batch.batch_id);
            std::get<ScreeningCoded>(coded_event.payload).screening_date = screened_on;
            events.push_back(coded_event);
        }
        const auto report = reproduce_batch(*parse_batch(batch_to_text(batch)), demo.dataset, scores, "default", hash);
        CHECK(report.reproduced);
        batches.push_back(batch);
    }
    const ScreeningState final_state = fold_events(events);
    CHECK(final_state.issues.empty());
    CHECK(final_state.batches.size() == 6);
    for (const auto& [batch_id, batch] : final_state.batches) CHECK(batch.status() == BatchStatus::closed);
    CHECK(batches[1].held_back.size() > 0);  // January's top dossiers wait in February
}
