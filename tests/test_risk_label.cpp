// Risk labels that expire: current, expiring in their last month, expired after the validity,
// confirmed again by a later screening, cleared by Geen risico or a withdrawal.
#include <doctest/doctest.h>

#include "core/screening/risk_label.hpp"
#include "screening_fixtures.hpp"

using namespace radar;
using namespace radar::fixtures;

TEST_CASE("a risk label holds 12 months from its screening, warns in the last 30 days, then expires") {
    const ScreeningState state = fold_events({coded("ev-a", "KO-1", ScreeningCode::risico, "2025-03-31")});
    const RiskLabelSettings settings;
    const auto on = [&](const char* iso) { return risk_label(state, "KO-1", day(iso), settings); };
    REQUIRE(on("2025-04-01"));
    CHECK(on("2025-04-01")->status == RiskLabelStatus::current);
    CHECK(on("2025-04-01")->labelled_on == day("2025-03-31"));
    CHECK(on("2025-04-01")->valid_until == day("2026-03-31"));
    CHECK(on("2026-02-28")->status == RiskLabelStatus::current);
    CHECK(on("2026-03-01")->status == RiskLabelStatus::expiring);
    CHECK(on("2026-03-30")->status == RiskLabelStatus::expiring);
    CHECK(on("2026-03-31")->status == RiskLabelStatus::expired);
    // Six months' validity, month ends clamped.
    const auto six = risk_label(state, "KO-1", day("2025-09-30"), RiskLabelSettings{6, 30});
    CHECK(six->valid_until == day("2025-09-30"));
    CHECK(six->status == RiskLabelStatus::expired);
}

TEST_CASE("a later screening confirms the label again or clears it; a withdrawal falls back") {
    const ScreeningState confirmed = fold_events({
        coded("ev-a", "KO-1", ScreeningCode::risico, "2025-01-10", "", "2025-01-10T10:00:00.000Z"),
        coded("ev-b", "KO-1", ScreeningCode::verder_onderzoek_nodig, "2025-11-05", "", "2025-11-05T10:00:00.000Z"),
    });
    const auto label = risk_label(confirmed, "KO-1", day("2026-06-01"), RiskLabelSettings{});
    REQUIRE(label);
    CHECK(label->code == ScreeningCode::verder_onderzoek_nodig);
    CHECK(label->valid_until == day("2026-11-05"));
    CHECK(label->status == RiskLabelStatus::current);

    const ScreeningState cleared = fold_events({
        coded("ev-a", "KO-1", ScreeningCode::risico, "2025-01-10", "", "2025-01-10T10:00:00.000Z"),
        coded("ev-b", "KO-1", ScreeningCode::geen_risico, "2025-03-05", "", "2025-03-05T10:00:00.000Z"),
    });
    CHECK_FALSE(risk_label(cleared, "KO-1", day("2025-04-01"), RiskLabelSettings{}));

    const ScreeningState withdrawn_later = fold_events({
        coded("ev-a", "KO-1", ScreeningCode::risico, "2025-01-10", "", "2025-01-10T10:00:00.000Z"),
        coded("ev-b", "KO-1", ScreeningCode::geen_risico, "2025-03-05", "", "2025-03-05T10:00:00.000Z"),
        withdrawn("ev-c", "ev-b", "KO-1", "2025-03-06T10:00:00.000Z"),
    });
    CHECK(risk_label(withdrawn_later, "KO-1", day("2025-04-01"), RiskLabelSettings{})->code == ScreeningCode::risico);
}

TEST_CASE("all labels, ordered by their end; unscreened and Geen risico dossiers have none") {
    const ScreeningState state = fold_events({
        coded("ev-a", "KO-1", ScreeningCode::risico, "2025-06-01"),
        coded("ev-b", "KO-2", ScreeningCode::geen_risico, "2025-02-01"),
        coded("ev-c", "KO-3", ScreeningCode::verder_onderzoek_nodig, "2025-02-01"),
    });
    const auto labels = risk_labels(state, day("2026-01-15"), RiskLabelSettings{});
    REQUIRE(labels.size() == 2);
    CHECK(labels[0].dossier_id == "KO-3");
    CHECK(labels[0].status == RiskLabelStatus::expiring);
    CHECK(labels[1].dossier_id == "KO-1");
    CHECK(labels[1].status == RiskLabelStatus::current);
    CHECK_FALSE(risk_label(state, "KO-9", day("2026-01-15"), RiskLabelSettings{}));
    CHECK(valid_label_months(12));
    CHECK_FALSE(valid_label_months(0));
    CHECK_FALSE(valid_label_months(121));
}
