// Folding screening events into derived state: current codes with corrections, cooldowns over
// month ends and leap years, follow-ups, batch progress, pending dossiers and timelines.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/screening/screening_state.hpp"
#include "screening_fixtures.hpp"

using namespace radar;
using namespace radar::fixtures;

TEST_CASE("the latest screening decides the current code and the cooldown") {
    const auto state = fold_events({
        coded("ev-a", "KO-1", ScreeningCode::risico, "2023-06-01", "", "2023-06-01T10:00:00.000Z"),
        coded("ev-b", "KO-1", ScreeningCode::geen_risico, "2023-10-31", "", "2023-10-31T10:00:00.000Z"),
        coded("ev-c", "KO-2", ScreeningCode::verder_onderzoek_nodig, "2024-01-15"),
    });
    CHECK(state.issues.empty());
    CHECK(state.current_code("KO-1") == ScreeningCode::geen_risico);
    CHECK(state.last_screened("KO-1") == day("2023-10-31"));
    CHECK(state.current_code("KO-9") == std::nullopt);
    CHECK(state.cooldown_until("KO-9", 3) == std::nullopt);
    CHECK(state.history("KO-1")->screenings.size() == 2);
}

TEST_CASE("cooldown-until is the screening date plus N calendar months, month ends clamped") {
    struct Case {
        const char* screened;
        int months;
        const char* until;
    };
    const Case cases[] = {
        {"2023-10-31", 3, "2024-01-31"}, {"2023-11-30", 3, "2024-02-29"},  // leap year
        {"2022-11-30", 3, "2023-02-28"}, {"2023-11-29", 3, "2024-02-29"},
        {"2024-02-29", 12, "2025-02-28"}, {"2024-01-31", 1, "2024-02-29"},
        {"2023-12-15", 3, "2024-03-15"}, {"2024-03-31", 3, "2024-06-30"},
        {"2024-05-10", 0, "2024-05-10"}, {"1999-12-31", 2, "2000-02-29"},  // 2000 is a leap year
        {"2099-12-31", 2, "2100-02-28"},                                    // 2100 is not
    };
    for (const Case& test : cases) {
        CAPTURE(test.screened);
        const auto state = fold_events({coded("ev-1", "KO-1", ScreeningCode::risico, test.screened)});
        CHECK(format_iso_date(*state.cooldown_until("KO-1", test.months)) == test.until);
    }
}

TEST_CASE("corrections replace values without overwriting the original event") {
    const auto state = fold_events({
        coded("ev-1", "KO-1", ScreeningCode::geen_risico, "2024-01-10"),
        corrected("ev-2", "ev-1", "KO-1", ScreeningCode::risico, "2024-01-09", "2024-01-11T09:00:00.000Z"),
        corrected("ev-3", "ev-2", "KO-1", ScreeningCode::verder_onderzoek_nodig, "2024-01-08", "2024-01-12T09:00:00.000Z"),
    });
    CHECK(state.issues.empty());
    const EffectiveScreening* current = state.current_screening("KO-1");
    REQUIRE(current);
    CHECK(current->event_id == "ev-1");
    CHECK(current->code == ScreeningCode::verder_onderzoek_nodig);
    CHECK(current->screening_date == day("2024-01-08"));
    CHECK(current->correction_ids == std::vector<std::string>{"ev-2", "ev-3"});
    CHECK(state.event("ev-1")->as<ScreeningCoded>()->code == ScreeningCode::geen_risico);  // still there
    CHECK(state.history("KO-1")->timeline.size() == 3);
}

TEST_CASE("a withdrawn screening no longer counts, so the cooldown falls back") {
    const auto state = fold_events({
        coded("ev-1", "KO-1", ScreeningCode::risico, "2023-09-01", "", "2023-09-01T09:00:00.000Z"),
        coded("ev-2", "KO-1", ScreeningCode::geen_risico, "2024-01-10"),
        withdrawn("ev-3", "ev-2", "KO-1", "2024-01-10T10:00:00.000Z"),
    });
    CHECK(state.last_screened("KO-1") == day("2023-09-01"));
    CHECK(state.current_code("KO-1") == ScreeningCode::risico);
    CHECK(state.screening("ev-2")->withdrawn);
}

TEST_CASE("folding does not depend on the order of the events") {
    std::vector<ScreeningEvent> events{
        committed("ev-0", "2024-01", "2024-01", {"KO-1", "KO-2", "KO-3"}, "2024-01-02T08:00:00.000Z"),
        coded("ev-1", "KO-1", ScreeningCode::geen_risico, "2024-01-10", "2024-01"),
        corrected("ev-2", "ev-1", "KO-1", ScreeningCode::risico, "2024-01-10", "2024-01-11T09:00:00.000Z"),
        corrected("ev-3", "ev-1", "KO-1", ScreeningCode::verder_onderzoek_nodig, "2024-01-10", "2024-01-12T09:00:00.000Z"),
        coded("ev-4", "KO-2", ScreeningCode::risico, "2024-01-11", "2024-01", "2024-01-11T09:00:00.000Z"),
    };
    const auto reference = fold_events(events);
    std::sort(events.begin(), events.end(), [](const auto& a, const auto& b) { return a.event_id > b.event_id; });
    for (int round = 0; round < 5; ++round) {
        std::rotate(events.begin(), events.begin() + 2, events.end());
        const auto state = fold_events(events);
        CHECK(state.current_code("KO-1") == ScreeningCode::verder_onderzoek_nodig);
        CHECK(state.batches.at("2024-01").coded_count == 2);
        CHECK(state.events.size() == reference.events.size());
        for (std::size_t i = 0; i < state.events.size(); ++i) CHECK(state.events[i].event_id == reference.events[i].event_id);
    }
}

TEST_CASE("batch progress, pending dossiers and closing") {
    std::vector<ScreeningEvent> events{
        committed("ev-0", "2024-01", "2024-01", {"KO-1", "KO-2", "KO-3"}, "2024-01-02T08:00:00.000Z"),
        coded("ev-1", "KO-1", ScreeningCode::geen_risico, "2024-01-10", "2024-01"),
    };
    auto state = fold_events(events);
    const BatchState& batch = state.batches.at("2024-01");
    CHECK(batch.coded_count == 1);
    CHECK(batch.total() == 3);
    CHECK(batch.status() == BatchStatus::open);
    CHECK(state.pending_batch("KO-1") == nullptr);
    REQUIRE(state.pending_batch("KO-2"));
    CHECK(state.pending_batch("KO-2")->batch_id == "2024-01");

    SUBCASE("coding everyone closes the batch") {
        events.push_back(coded("ev-2", "KO-2", ScreeningCode::risico, "2024-01-11", "2024-01"));
        events.push_back(coded("ev-3", "KO-3", ScreeningCode::risico, "2024-01-11", "2024-01"));
        state = fold_events(events);
        CHECK(state.batches.at("2024-01").status() == BatchStatus::closed);
        CHECK_FALSE(state.batches.at("2024-01").closed_by_user);
    }
    SUBCASE("closing by the user ends pending status and lists the uncoded") {
        ScreeningEvent close = base("ev-9", "2024-01-31T17:00:00.000Z", "");
        close.payload = BatchClosed{"2024-01", {"KO-2", "KO-3"}, ""};
        events.push_back(close);
        state = fold_events(events);
        CHECK(state.batches.at("2024-01").status() == BatchStatus::closed);
        CHECK(state.batches.at("2024-01").uncoded_at_close == std::vector<std::string>{"KO-2", "KO-3"});
        CHECK(state.pending_batch("KO-2") == nullptr);
        CHECK(state.history("KO-3")->timeline.size() == 2);  // selected, then left uncoded
    }
    SUBCASE("a withdrawn code makes the dossier pending again") {
        events.push_back(withdrawn("ev-2", "ev-1", "KO-1", "2024-01-12T08:00:00.000Z"));
        state = fold_events(events);
        CHECK(state.batches.at("2024-01").coded_count == 0);
        CHECK(state.pending_batch("KO-1") != nullptr);
    }
}

TEST_CASE("follow-ups: the latest update wins, overdue is derived") {
    ScreeningEvent created = base("ev-2", "2024-01-10T09:00:00.000Z", "KO-1");
    created.payload = FollowUpCreated{"ev-1", FollowUpType::inspection_visit, day("2024-02-10"), FollowUpStatus::open, ""};
    ScreeningEvent later = base("ev-4", "2024-02-15T09:00:00.000Z", "KO-1");
    later.payload = FollowUpUpdated{"ev-2", FollowUpType::inspection_visit, day("2024-02-10"), FollowUpStatus::done, "visited"};
    ScreeningEvent earlier = base("ev-3", "2024-01-20T09:00:00.000Z", "KO-1");
    earlier.payload = FollowUpUpdated{"ev-2", FollowUpType::inspection_visit, day("2024-03-01"), FollowUpStatus::open, ""};
    const auto state = fold_events({later, coded("ev-1", "KO-1", ScreeningCode::verder_onderzoek_nodig, "2024-01-10"),
                                    earlier, created});
    REQUIRE(state.follow_ups.size() == 1);
    const FollowUpState& follow_up = state.follow_ups[0];
    CHECK(follow_up.status == FollowUpStatus::done);
    CHECK(follow_up.note == "visited");
    CHECK(follow_up.update_count == 2);
    CHECK_FALSE(follow_up.overdue(day("2024-04-01")));
    const auto open = fold_events({created});
    CHECK(open.follow_ups[0].overdue(day("2024-02-11")));
    CHECK_FALSE(open.follow_ups[0].overdue(day("2024-02-10")));
}

TEST_CASE("inconsistencies are reported, never fatal") {
    ScreeningEvent orphan_update = base("ev-5", "2024-01-10T09:00:00.000Z", "KO-1");
    orphan_update.payload = FollowUpUpdated{"ev-404", FollowUpType::other, day("2024-02-10"), FollowUpStatus::done, ""};
    ScreeningEvent differing = coded("ev-1", "KO-1", ScreeningCode::risico, "2024-01-10");
    const auto state = fold_events({
        coded("ev-1", "KO-1", ScreeningCode::geen_risico, "2024-01-10"),
        differing,
        coded("ev-1", "KO-1", ScreeningCode::geen_risico, "2024-01-10"),  // identical copy: silent
        corrected("ev-2", "ev-404", "KO-1", ScreeningCode::risico, "2024-01-10", "2024-01-11T09:00:00.000Z"),
        corrected("ev-3", "ev-1", "KO-2", ScreeningCode::risico, "2024-01-10", "2024-01-11T09:00:00.000Z"),
        coded("ev-4", "KO-3", ScreeningCode::risico, "2024-01-10", "2099-01"),
        orphan_update,
        committed("ev-6", "2024-01", "2024-01", {"KO-1"}, "2024-01-01T08:00:00.000Z"),
        committed("ev-7", "2024-01", "2024-01", {"KO-2"}, "2024-01-01T09:00:00.000Z"),
    });
    CHECK(state.issues.size() == 6);
    CHECK(state.events.size() == 7);
    CHECK(state.current_code("KO-1") == ScreeningCode::geen_risico);  // "geen" sorts before "risico": kept first
    CHECK(state.batches.at("2024-01").members[0].dossier_id == "KO-1");
    CHECK(state.history("KO-2")->batch_ids.empty());
}
