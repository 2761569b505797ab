// The demo year the browser's demo workspace and `radar demo-history` start from: twelve months,
// a model version change half-way (the later batches name the revision), corrections, audits at
// commit, deterministic, and a backup the app's validation accepts.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/backup/backup_format.hpp"
#include "core/model/model_json.hpp"
#include "core/screening/screening_state.hpp"
#include "core/selection/demo_year.hpp"
#include "import_test_support.hpp"

using namespace radar;
using radar::testing::shipped_dictionary;

namespace {

ModelSpec default_model() {
    std::ifstream file(std::string(RADAR_ASSETS_DIR) + "/models/default.json", std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    ModelParseResult parsed = parse_model_json(text.str());
    REQUIRE(parsed.ok());
    return *parsed.spec;
}

struct YearRun {
    DemoData demo;
    DemoYear year;
};

YearRun run_year(int model_change_month) {
    YearRun run;
    DemoSettings demo_settings;
    demo_settings.dossier_count = 900;
    demo_settings.export_date = *parse_iso_date("2026-12-01");
    run.demo = generate_demo_data(demo_settings);
    DemoYearSettings settings;
    settings.first_month = *parse_iso_date("2025-12-01");
    settings.scores_as_of = demo_settings.export_date;
    settings.months = 12;
    settings.model_change_month = model_change_month;
    settings.selection.capacity = 15;
    settings.selection.control_size = 3;
    settings.corrections = 4;
    settings.protected_fields = shipped_dictionary().protected_names();
    Checked<DemoYear> year = build_demo_year(run.demo, default_model(), &shipped_dictionary(), settings);
    REQUIRE_MESSAGE(year.ok(), year.error());
    run.year = std::move(*year);
    return run;
}

}  // namespace

TEST_CASE("the demo year has twelve batches, a version change half-way, corrections and audits") {
    const YearRun run = run_year(7);
    const DemoYear& year = run.year;
    REQUIRE(year.versions.size() == 2);
    CHECK(year.versions[1].info.note == demo_revision_note);
    const ModelSpec first = default_model();
    const std::string first_id = model_version_id(first);
    const std::string revised_id = model_version_id(demo_model_revision(first));
    CHECK(first_id != revised_id);
    REQUIRE(year.history.batches.size() == 12);
    for (std::size_t month = 0; month < 12; ++month) {
        CAPTURE(month);
        CHECK(year.history.batches[month].model_version_id == (month < 6 ? first_id : revised_id));
        CHECK(year.history.batches[month].audit_at_commit.has_value());
    }
    CHECK(year.history.batches.front().month == "2025-12");
    CHECK(year.history.batches.back().month == "2026-11");

    std::size_t corrections = 0;
    for (const ScreeningEvent& event : year.history.events)
        corrections += std::holds_alternative<ScreeningCorrected>(event.payload);
    CHECK(corrections == 4);
    const ScreeningState state = fold_events(year.history.events);
    CHECK(state.issues.empty());

    const BackupContent content = demo_year_backup_content(year, true);
    REQUIRE(content.models.size() == 2);
    CHECK(content.settings.at(active_model_setting) == year.versions[1].info.fingerprint);
    CHECK(validate_backup(export_backup(content, Timestamp{0})).ok());
    CHECK(demo_year_backup_content(year, false).models.empty());
}

TEST_CASE("the demo year is the same every time it is made") {
    const BackupContent first = demo_year_backup_content(run_year(7).year, true);
    const BackupContent again = demo_year_backup_content(run_year(7).year, true);
    CHECK(backup_content_sha256(first) == backup_content_sha256(again));
}

TEST_CASE("without a model change the demo year names one version") {
    const YearRun run = run_year(0);
    CHECK(run.year.versions.size() == 1);
    for (const FrozenBatch& batch : run.year.history.batches) CHECK(batch.model_version_id == run.year.history.batches[0].model_version_id);
}
