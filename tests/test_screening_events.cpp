// Screening events: JSON round trips for every kind, and strict validation whose messages name
// the field that is wrong.
#include <doctest/doctest.h>

#include "core/screening/event_json.hpp"
#include "core/screening/event_text.hpp"
#include "screening_fixtures.hpp"

using namespace radar;
using namespace radar::fixtures;

namespace {

std::vector<ScreeningEvent> one_of_each() {
    std::vector<ScreeningEvent> events;
    events.push_back(coded("ev-1", "KO-1", ScreeningCode::verder_onderzoek_nodig, "2024-01-10", "2024-01"));
    events.back().payload = ScreeningCoded{ScreeningCode::verder_onderzoek_nodig, day("2024-01-10"), "Zoë: \"oud\"\n", "2024-01", std::nullopt};
    events.push_back(corrected("ev-2", "ev-1", "KO-1", ScreeningCode::risico, "2024-01-11", "2024-01-11T08:00:00.000Z"));
    events.push_back(withdrawn("ev-3", "ev-2", "KO-1", "2024-01-12T08:00:00.000Z"));
    ScreeningEvent follow_up = base("ev-4", "2024-01-10T09:00:00.000Z", "KO-1");
    follow_up.payload = FollowUpCreated{"ev-1", FollowUpType::information_request, day("2024-02-10"), FollowUpStatus::open, "mail"};
    events.push_back(follow_up);
    ScreeningEvent update = base("ev-5", "2024-02-01T09:00:00.123Z", "KO-1");
    update.payload = FollowUpUpdated{"ev-4", FollowUpType::other, day("2024-02-20"), FollowUpStatus::done, "answered"};
    events.push_back(update);
    events.push_back(committed("ev-6", "2024-01", "2024-01", {"KO-1", "KO-2"}, "2024-01-01T07:00:00.000Z"));
    ScreeningEvent close = base("ev-7", "2024-01-31T16:00:00.000Z", "");
    close.payload = BatchClosed{"2024-01", {"KO-2"}, "end of month"};
    events.push_back(close);
    return events;
}

std::string error_of(const std::string& text) {
    const auto parsed = parse_event(text);
    return parsed ? "" : parsed.error();
}

const char* valid_text =
    R"({"event_id":"ev-9","schema_version":1,"kind":"screening_coded","recorded_at":"2024-01-10T09:00:00.000Z",)"
    R"("screener":"An","dossier_id":"KO-1","code":"risico","screening_date":"2024-01-10","note":""})";

std::string with(const std::string& from, const std::string& to) {
    std::string text = valid_text;
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("every event kind survives a JSON round trip unchanged") {
    const auto events = one_of_each();
    for (const ScreeningEvent& event : events) {
        CAPTURE(event.event_id);
        CHECK(validate_event(event) == "");
        const auto back = parse_event(event_to_text(event));
        REQUIRE_MESSAGE(back.ok(), back.error());
        CHECK(event_to_text(*back) == event_to_text(event));
        CHECK(back->kind() == event.kind());
    }
    const auto all = parse_events(events_to_text(events));
    REQUIRE(all.ok());
    CHECK(all->size() == events.size());
    CHECK(parse_events("[]")->empty());
}

TEST_CASE("a valid event text parses") {
    const auto event = parse_event(valid_text);
    REQUIRE_MESSAGE(event.ok(), event.error());
    CHECK(event->as<ScreeningCoded>()->code == ScreeningCode::risico);
    CHECK(event->as<ScreeningCoded>()->batch_id.empty());
    CHECK(format_timestamp(event->recorded_at) == "2024-01-10T09:00:00.000Z");
}

TEST_CASE("strict validation names the field that is wrong") {
    struct Case {
        std::string text;
        const char* expected;
    };
    const Case cases[] = {
        {with(R"("code":"risico")", R"("code":"hoog")"),
         "event: field 'code': expected one of risico, geen_risico, verder_onderzoek_nodig; got \"hoog\""},
        {with(R"("screening_date":"2024-01-10")", R"("screening_date":"2024-02-30")"),
         "event: field 'screening_date': expected a real date as YYYY-MM-DD, got \"2024-02-30\""},
        {with(R"("screener":"An",)", ""), "event: field 'screener': is missing"},
        {with(R"("screener":"An")", R"("screener":7)"), "event: field 'screener': expected text, got 7"},
        {with(R"("note":"")", R"("note":"","colour":"red")"), "event: field 'colour': is not a known field"},
        {with(R"("schema_version":1)", R"("schema_version":4)"),
         "event: schema_version 4 is newer than this app supports (3); update the app"},
        {with(R"("recorded_at":"2024-01-10T09:00:00.000Z")", R"("recorded_at":"2024-01-10 09:00")"),
         "event: field 'recorded_at': expected a UTC time as YYYY-MM-DDTHH:MM:SS.mmmZ, got \"2024-01-10 09:00\""},
        {with(R"("event_id":"ev-9")", R"("event_id":"ev 9")"),
         "event (ev 9): field 'event_id': \"ev 9\" is not a valid id (1-128 of A-Z a-z 0-9 . _ : -)"},
        {with(R"("screening_date":"2024-01-10")", R"("screening_date":"1890-01-10")"),
         "event (ev-9): field 'screening_date': 1890-01-10 is outside 1990-01-01..2199-12-31"},
        {with(R"("kind":"screening_coded")", R"("kind":"screening_deleted")"),
         "event: field 'kind': expected one of screening_coded, screening_corrected, follow_up_created, "
         "follow_up_updated, batch_committed, batch_closed, outcome_recorded, outcome_corrected, adjudication_recorded; got "
         "\"screening_deleted\""},
    };
    for (const Case& test : cases) {
        CAPTURE(test.text);
        CHECK(error_of(test.text) == test.expected);
    }
}

TEST_CASE("broken JSON is refused with its position") {
    const std::string text = valid_text;
    const std::string truncated = error_of(text.substr(0, 60));
    CAPTURE(truncated);
    CHECK(truncated.rfind("event: not valid JSON at byte 60 (the text ends too early: truncated?)", 0) == 0);
    CHECK(error_of(with(R"("note":"")", R"("note":"","note":"x")")) ==
          "event: the key \"note\" occurs twice in one object");
    CHECK(error_of("[1,2]") == "event: expected a JSON object, got [1,2]");
    CHECK(error_of(std::string(100, '[')) == "event: JSON nested deeper than 64 levels");
}

TEST_CASE("event-level rules: corrections, batch events and members") {
    auto events = one_of_each();
    ScreeningEvent self = events[1];
    std::get<ScreeningCorrected>(self.payload).corrects_event_id = self.event_id;
    CHECK(validate_event(self) == "field 'corrects_event_id': an event cannot correct itself");
    ScreeningEvent no_reason = events[1];
    std::get<ScreeningCorrected>(no_reason.payload).reason.clear();
    CHECK(validate_event(no_reason) == "field 'reason': must not be empty");
    ScreeningEvent batch = events[5];
    batch.dossier_id = "KO-1";
    CHECK(validate_event(batch) == "field 'dossier_id': a batch event belongs to no single dossier");
    ScreeningEvent twice = events[5];
    std::get<BatchCommitted>(twice.payload).members[1].dossier_id = "KO-1";
    CHECK(validate_event(twice) == "members[1].field 'dossier_id': \"KO-1\" occurs twice in the batch");
    ScreeningEvent bad_note = events[0];
    std::get<ScreeningCoded>(bad_note.payload).note = "\xC3\x28";
    CHECK(validate_event(bad_note) == "field 'note': is not valid UTF-8 text");
    ScreeningEvent no_screener = events[0];
    no_screener.screener.clear();
    CHECK(validate_event(no_screener) == "field 'screener': must not be empty");
}

TEST_CASE("event ids, timestamps and labels") {
    CHECK(format_event_id(0x0123456789abcdefULL, 0xfedcba9876543210ULL) == "ev-0123456789abcdeffedcba9876543210");
    CHECK(is_valid_identifier(format_event_id(1, 2)));
    CHECK(format_timestamp(at("2024-02-29T23:59:59Z")) == "2024-02-29T23:59:59.000Z");
    CHECK_FALSE(parse_timestamp("2024-02-30T10:00:00Z"));
    CHECK_FALSE(parse_timestamp("2024-01-01T24:00:00Z"));
    CHECK_FALSE(parse_timestamp("2024-01-01T10:00:00+01:00"));
    CHECK(day_of(at("1969-12-31T23:59:59.999Z")) == -1);
    CHECK(format_timestamp(Timestamp{-1}) == "1969-12-31T23:59:59.999Z");
    CHECK(std::string(code_label(ScreeningCode::verder_onderzoek_nodig, TextLanguage::dutch)) == "Verder onderzoek nodig");
    CHECK(std::string(code_label(ScreeningCode::geen_risico, TextLanguage::english)) == "No risk");
}

TEST_CASE("timeline lines describe every event kind") {
    const auto events = one_of_each();
    CHECK(describe_event(events[0], "KO-1", TextLanguage::dutch) ==
          "10 januari 2024 · An · Gescreend op 10 januari 2024: Verder onderzoek nodig (batch 2024-01) — Zoë: \"oud\"\n");
    CHECK(describe_event(events[1], "KO-1", TextLanguage::english) ==
          "11 January 2024 · An · Corrected to Risk on 11 January 2024 (wrong code)");
    CHECK(describe_event(events[2], "KO-1", TextLanguage::dutch) ==
          "12 januari 2024 · An · Screening ingetrokken (ev-2): coded on the wrong dossier");
    CHECK(describe_event(events[3], "KO-1", TextLanguage::dutch) ==
          "10 januari 2024 · An · Opvolging: Opvragen van informatie, uiterlijk 10 februari 2024 — mail");
    CHECK(describe_event(events[4], "KO-1", TextLanguage::english) ==
          "1 February 2024 · An · Follow-up updated: Other, done, due 20 February 2024 — answered");
    CHECK(describe_event(events[5], "KO-2", TextLanguage::dutch) ==
          "1 januari 2024 · An · Geselecteerd in batch 2024-01 (hoogste scores, rang 2)");
    CHECK(describe_event(events[5], "KO-2", TextLanguage::dutch, {}, true) ==
          "1 januari 2024 · An · Geselecteerd in batch 2024-01");  // screened blind: no kind, no rank
    CHECK(describe_event(events[5], "", TextLanguage::english) == "1 January 2024 · An · Batch 2024-01 committed: 2 dossiers");
    CHECK(describe_event(events[6], "KO-2", TextLanguage::english) ==
          "31 January 2024 · An · Batch 2024-01 closed without a code for this dossier — end of month");
}

TEST_CASE("a coding event records whether the reasons had been seen; older events have no such field") {
    ScreeningEvent event = coded("ev-r", "KO-1", ScreeningCode::risico, "2024-01-10", "2024-01");
    CHECK(event_to_json(event).count("reasons_seen") == 0);
    auto back = parse_event(event_to_text(event));
    REQUIRE(back.ok());
    CHECK_FALSE(back->as<ScreeningCoded>()->reasons_seen.has_value());

    std::get<ScreeningCoded>(event.payload).reasons_seen = false;
    CHECK(event_to_json(event)["reasons_seen"] == false);
    back = parse_event(event_to_text(event));
    REQUIRE(back.ok());
    CHECK(back->as<ScreeningCoded>()->reasons_seen == std::optional<bool>(false));

    Json wrong = event_to_json(event);
    wrong["reasons_seen"] = "no";
    CHECK_FALSE(event_from_json(wrong).ok());
}
