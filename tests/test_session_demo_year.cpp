// The demo workspace through the session, as the page runs it: a store of its own gets the
// simulated year on first open (twelve batches before this month, two model versions with the
// revision active), the report has figures at once, its backups say they are the demo's, and no
// file crosses between the demo and one's own workspace.
#include <doctest/doctest.h>

#include "core/time/civil_date.hpp"
#include "session/backup_session.hpp"
#include "session_fixtures.hpp"

using namespace radar;
using namespace radar::test;

TEST_CASE("the demo workspace opens on a simulated year that the report shows at once") {
    TempFolder folder("session-demo-year");
    RunningApp demo(folder, true);
    const Session& state = demo.state;
    REQUIRE(state.demo_year_problem().empty());
    CHECK(state.storage_loaded());
    REQUIRE(state.frozen_batches().size() == 12);
    const DayNumber this_month = first_of_month(state.reference_date());
    CHECK(state.frozen_batches().front().month == format_iso_date(add_months(this_month, -12)).substr(0, 7));
    CHECK(state.frozen_batches().back().month == format_iso_date(add_months(this_month, -1)).substr(0, 7));
    CHECK(state.model_registry().versions().size() == 2);
    CHECK(state.model_registry().active_version() == 2);
    CHECK(state.frozen_batches().back().model_version_id == state.model_version_id());
    CHECK(state.demo_year_span() == std::make_pair(state.frozen_batches().front().month, 12));

    Session& session = demo.state;
    const Report* report = session.report({ReportPeriod{std::nullopt, state.reference_date()}, {ScreeningCode::risico, ScreeningCode::verder_onderzoek_nodig}},
                                          Timestamp{0});
    REQUIRE(report);
    CHECK(report->unique_dossiers > 100);
    CHECK(report->possible_risk_dossiers > 0);
    CHECK(report->model_versions.size() == 2);

    // This month has no batch yet: the presenter can show the choice and the cooldown.
    CHECK(state.screener() == "Demo");  // the presenter codes as the year's screener at once
    const std::string batch_id = demo.commit_month();
    CHECK(state.frozen_batches().size() == 13);
    CHECK(batch_id == format_iso_date(this_month).substr(0, 7));
}

TEST_CASE("the demo's year is written once; a reopened demo keeps what was done in it") {
    TempFolder folder("session-demo-reopen");
    std::size_t events = 0;
    {
        RunningApp demo(folder, true);
        events = demo.state.screening().events.size();
        REQUIRE(events > 0);
    }
    RunningApp again(folder, true);
    CHECK(again.state.screening().events.size() == events);
    CHECK(again.state.frozen_batches().size() == 12);
}

TEST_CASE("no file crosses between the demo and one's own workspace") {
    TempFolder demo_folder("session-demo-backup");
    TempFolder own_folder("session-own-backup");
    std::optional<OutgoingFile> demo_backup;
    {
        RunningApp demo(demo_folder, true);
        BackupSession backup;
        backup.export_backup(demo.state);
        demo_backup = backup.take_download();
        REQUIRE(demo_backup);
        CHECK(demo_backup->name.rfind("dossier-radar-demo-backup-", 0) == 0);
        CHECK(demo_backup->bytes.find("\"demo_year\"") != std::string::npos);

        BackupSession into_demo;
        into_demo.preview_import(demo.state, PickedFile{demo_backup->name, demo_backup->bytes, ""});
        CHECK(into_demo.phase() == BackupPhase::failed);
        CHECK_FALSE(into_demo.import_preview());
    }
    RunningApp own(own_folder);
    CHECK(own.state.frozen_batches().empty());  // one's own workspace never gets the simulated year
    BackupSession backup;
    backup.preview_import(own.state, PickedFile{demo_backup->name, demo_backup->bytes, ""});
    CHECK(backup.phase() == BackupPhase::failed);
    CHECK(backup.detail().find("demo") != std::string::npos);
    CHECK_FALSE(backup.import_preview());
    CHECK(own.state.frozen_batches().empty());
}
