// Merging event sets by id: idempotent, identical duplicates ignored, conflicts reported, and
// the folded state of a merge does not depend on which side merged into which.
#include <doctest/doctest.h>

#include "core/screening/event_json.hpp"
#include "core/screening/event_merge.hpp"
#include "core/screening/screening_state.hpp"
#include "screening_fixtures.hpp"

using namespace radar;
using namespace radar::fixtures;

namespace {

std::vector<ScreeningEvent> with_added(std::vector<ScreeningEvent> local, const EventMerge& merge) {
    local.insert(local.end(), merge.added.begin(), merge.added.end());
    return local;
}

std::string folded_summary(const std::vector<ScreeningEvent>& events) {
    const auto state = fold_events(events);
    std::string text;
    for (const auto& event : state.events) text += event_to_text(event) + "\n";
    for (const auto& [id, dossier] : state.dossiers) {
        const auto code = state.current_code(id);
        text += id + "=" + (code ? code_key(*code) : "-") + "\n";
    }
    return text;
}

}  // namespace

TEST_CASE("merging adds what is new and ignores identical copies") {
    const std::vector<ScreeningEvent> mine{coded("ev-1", "KO-1", ScreeningCode::risico, "2024-01-10"),
                                           coded("ev-2", "KO-2", ScreeningCode::geen_risico, "2024-01-10")};
    const std::vector<ScreeningEvent> theirs{coded("ev-2", "KO-2", ScreeningCode::geen_risico, "2024-01-10"),
                                             coded("ev-3", "KO-3", ScreeningCode::risico, "2024-01-12")};
    const EventMerge first = merge_events(mine, theirs);
    CHECK(first.added.size() == 1);
    CHECK(first.added[0].event_id == "ev-3");
    CHECK(first.identical == 1);
    CHECK(first.conflicts.empty());

    const auto merged = with_added(mine, first);
    const EventMerge again = merge_events(merged, theirs);
    CHECK(again.added.empty());
    CHECK(again.identical == 2);
    CHECK(with_added(merged, again).size() == merged.size());

    // Either direction ends in the same state.
    const auto other_way = with_added(theirs, merge_events(theirs, mine));
    CHECK(folded_summary(merged) == folded_summary(other_way));
}

TEST_CASE("same id with different content is a conflict; the local event stays") {
    const std::vector<ScreeningEvent> mine{coded("ev-1", "KO-1", ScreeningCode::risico, "2024-01-10")};
    const std::vector<ScreeningEvent> theirs{coded("ev-1", "KO-1", ScreeningCode::geen_risico, "2024-01-10"),
                                             coded("ev-1", "KO-1", ScreeningCode::geen_risico, "2024-01-10")};
    const EventMerge merge = merge_events(mine, theirs);
    CHECK(merge.added.empty());
    REQUIRE(merge.conflicts.size() == 2);
    CHECK(merge.conflicts[0].event_id == "ev-1");
    CHECK(merge.conflicts[0].local_text.find("\"risico\"") != std::string::npos);
    CHECK(merge.conflicts[0].incoming_text.find("\"geen_risico\"") != std::string::npos);
}

TEST_CASE("duplicates inside one incoming set are added once") {
    const std::vector<ScreeningEvent> theirs{coded("ev-1", "KO-1", ScreeningCode::risico, "2024-01-10"),
                                             coded("ev-1", "KO-1", ScreeningCode::risico, "2024-01-10")};
    const EventMerge merge = merge_events({}, theirs);
    CHECK(merge.added.size() == 1);
    CHECK(merge.identical == 1);
}
