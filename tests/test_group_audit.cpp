// Group audit of the batches on a hand-built table whose every figure is computed by hand below:
// selection rates, list shares, false discovery and false omission rates, base rates, disparity
// ratios with their Katz intervals, the fair band's edges (0.8 and 1.25 inside, 0.7999 outside),
// the 29/30 "too few to judge" edge, the reference group, and the groupings (columns, the derived
// organiser size class, protected columns, unknown names), and the audit a batch records at commit.
#include <doctest/doctest.h>

#include "core/fairness/commit_audit.hpp"
#include "core/fairness/group_audit.hpp"
#include "screening_fixtures.hpp"

using namespace radar;
using namespace radar::fixtures;

namespace {

struct Scenario {
    Dataset dataset;
    std::vector<FrozenBatch> batches;
    std::vector<ScreeningEvent> events;
};

std::string id(const std::string& group, int number) { return group + "-" + std::to_string(number); }

FrozenMember member(const std::string& dossier, SelectionKind kind) {
    FrozenMember result;
    result.dossier_id = dossier;
    result.kind = kind;
    result.rank = 1;
    return result;
}

// Province groups: A 40 dossiers, B 30, C 29, D 32. Batch 2024-01 selects (top of the list)
// A 10, B 6, C 0, D 10 and X-1 (not in the dataset); control sample A 4, B 2, C 2, D 0.
// Codes (label: confirmed when coded Risico): selected A 6 Risico + 4 Geen risico; B 2 + 3 (one
// uncoded); D 8 + 2; X-1 Risico. Control A 1 + 3; B 1 + 1; C 0 + 2.
// Batch 2024-02 selects A 2 more and codes nothing.
Scenario scenario() {
    Scenario s;
    Column& ids = s.dataset.add_column("dossier_id", ColumnType::text);
    Column& province = s.dataset.add_column("province", ColumnType::text);
    for (const auto& [group, size] : std::vector<std::pair<std::string, int>>{{"A", 40}, {"B", 30}, {"C", 29}, {"D", 32}})
        for (int i = 1; i <= size; ++i) {
            ids.push_text(id(group, i));
            province.push_text(group);
        }
    FrozenBatch january;
    january.batch_id = "2024-01";
    january.month = "2024-01";
    int event = 0;
    auto code = [&](const std::string& dossier, ScreeningCode value, const std::string& batch) {
        s.events.push_back(coded("s" + std::to_string(++event), dossier, value, "2024-01-15", batch));
    };
    auto select = [&](const std::string& group, int from, int count, SelectionKind kind, int risico, int geen) {
        for (int i = from; i < from + count; ++i) {
            january.members.push_back(member(id(group, i), kind));
            const int place = i - from;
            if (place < risico) code(id(group, i), ScreeningCode::risico, "2024-01");
            else if (place < risico + geen) code(id(group, i), ScreeningCode::geen_risico, "2024-01");
        }
    };
    select("A", 1, 10, SelectionKind::top_n, 6, 4);
    select("B", 1, 6, SelectionKind::top_n, 2, 3);
    select("D", 1, 10, SelectionKind::signal_override, 8, 2);
    select("A", 11, 4, SelectionKind::control, 1, 3);
    select("B", 7, 2, SelectionKind::control, 1, 1);
    select("C", 1, 2, SelectionKind::control, 0, 2);
    january.members.push_back(member("X-1", SelectionKind::top_n));
    code("X-1", ScreeningCode::risico, "2024-01");
    FrozenBatch february;
    february.batch_id = "2024-02";
    february.month = "2024-02";
    february.members = {member("A-21", SelectionKind::top_n), member("A-22", SelectionKind::top_n)};
    s.batches = {february, january};
    return s;
}

AuditSettings risk_code_settings() {
    AuditSettings settings;
    settings.definition.rule = ConfirmationRule::risk_code;
    settings.definition.risk_codes = {ScreeningCode::risico};
    settings.today = day("2024-03-01");
    return settings;
}

const GroupFigures& row(const GroupTable& table, const std::string& group) {
    for (const GroupFigures& figures : table.groups)
        if (figures.group == group) return figures;
    FAIL("no group " << group);
    return table.groups.front();
}

}  // namespace

TEST_CASE("the fair band: edges included, parsing and validation") {
    const FairBand band;
    CHECK(in_fair_band(0.8, band));
    CHECK(in_fair_band(1.25, band));
    CHECK(in_fair_band(1.0, band));
    CHECK_FALSE(in_fair_band(0.7999, band));
    CHECK_FALSE(in_fair_band(1.2501, band));
    CHECK(in_fair_band(0.08 / 0.1, band));  // 0.7999999999999999 in doubles: still the edge
    const auto parsed = parse_fair_band("0,9-1.1");
    REQUIRE(parsed.ok());
    CHECK(parsed->low == 0.9);
    CHECK(parsed->high == 1.1);
    CHECK(parse_fair_band("1.2-0.8").error() == "the band's lower end must be above 0 and at most 1");
    CHECK(parse_fair_band("wide").error() == "expected a band as LOW-HIGH, e.g. 0.8-1.25; got \"wide\"");
}

TEST_CASE("a batch's group table, computed by hand") {
    const Scenario s = scenario();
    const ScreeningState state = fold_events(s.events);
    const auto grouping = grouping_named(s.dataset, "province");
    REQUIRE(grouping.ok());
    const auto audit = audit_groups(*grouping, state, s.batches, risk_code_settings());
    REQUIRE_MESSAGE(audit.ok(), audit.error());
    CHECK(audit->reference_group == "A");  // the largest group
    CHECK_FALSE(audit->reference_chosen);
    REQUIRE(audit->batches.size() == 2);
    const GroupTable& january = audit->batches[0];  // months in order, whatever the input order
    CHECK(january.batch_id == "2024-01");
    CHECK(january.selected == 27);
    CHECK(january.control == 8);
    // Ordered by size: A 40, D 32, B 30, C 29, then the members not in the dataset.
    REQUIRE(january.groups.size() == 5);
    CHECK(january.groups[0].group == "A");
    CHECK(january.groups[1].group == "D");
    CHECK(january.groups[4].group == not_in_dataset_group);

    const GroupFigures& a = row(january, "A");
    CHECK(a.reference);
    CHECK(a.dossiers == 40);
    CHECK(*a.selection_rate.value == doctest::Approx(0.25));    // 10 / 40
    CHECK(*a.list_share.value == doctest::Approx(10.0 / 27));   // of the 27 selected
    CHECK(*a.false_discovery.value == doctest::Approx(0.4));    // 4 Geen risico of 10 labelled
    CHECK(a.false_discovery.basis == FigureBasis::screened_labels);
    CHECK(*a.false_omission.value == doctest::Approx(0.25));    // 1 Risico of 4 control
    CHECK(a.false_omission.basis == FigureBasis::control_sample);
    // (10 x 0.6 + 30 x 0.25) / 40 = 13.5 / 40
    CHECK(*a.base_rate.value == doctest::Approx(0.3375));
    CHECK(a.base_rate.basis == FigureBasis::control_and_screened);
    CHECK(*a.selection_disparity.ratio == 1.0);
    CHECK_FALSE(a.selection_disparity.interval);
    CHECK(a.selection_disparity.in_band == true);

    const GroupFigures& b = row(january, "B");
    CHECK_FALSE(b.too_few);  // 30 dossiers: judged
    CHECK(*b.selection_rate.value == doctest::Approx(0.2));  // 6 / 30
    // (6 / 30) / (10 / 40) = 240 / 300 = 0.8 exactly: the band's lower edge, inside.
    CHECK(*b.selection_disparity.ratio == 0.8);
    CHECK(b.selection_disparity.in_band == true);
    CHECK(*b.false_discovery.value == doctest::Approx(0.6));  // 3 of 5 labelled (one uncoded)
    CHECK(b.false_discovery.total == 5);
    CHECK(*b.false_discovery_disparity.ratio == doctest::Approx(1.5));
    CHECK(b.false_discovery_disparity.in_band == false);
    const RatioEstimate katz = katz_ratio(3, 5, 4, 10);
    REQUIRE(b.false_discovery_disparity.interval);
    CHECK(b.false_discovery_disparity.interval->low == doctest::Approx(katz.interval->low));
    CHECK(b.false_discovery_disparity.interval->high == doctest::Approx(katz.interval->high));
    // By hand: 1.5 x exp(-/+ 1.96 x sqrt(1/3 - 1/5 + 1/4 - 1/10)) = 0.528 .. 4.258.
    CHECK(b.false_discovery_disparity.interval->low == doctest::Approx(0.5284).epsilon(0.001));
    CHECK(b.false_discovery_disparity.interval->high == doctest::Approx(4.2578).epsilon(0.001));
    CHECK(*b.false_omission.value == doctest::Approx(0.5));  // 1 of 2 control
    CHECK(*b.false_omission_disparity.ratio == doctest::Approx(2.0));
    // (6 x 0.4 + 24 x 0.5) / 30 = 14.4 / 30
    CHECK(*b.base_rate.value == doctest::Approx(0.48));

    const GroupFigures& d = row(january, "D");
    // (10 / 32) / (10 / 40) = 400 / 320 = 1.25 exactly: the upper edge, inside.
    CHECK(*d.selection_disparity.ratio == 1.25);
    CHECK(d.selection_disparity.in_band == true);
    CHECK(*d.false_discovery_disparity.ratio == doctest::Approx(0.5));  // 0.2 / 0.4
    CHECK_FALSE(d.false_omission.value);  // no control member: no FOR, no base rate
    CHECK_FALSE(d.false_omission_disparity.ratio);
    CHECK_FALSE(d.base_rate.value);

    const GroupFigures& c = row(january, "C");
    CHECK(c.too_few);  // 29 dossiers: too few to judge, still shown
    CHECK(c.selected == 0);
    CHECK(*c.selection_disparity.ratio == 0.0);
    CHECK_FALSE(c.selection_disparity.interval);  // no selections: the log interval has no bound
    CHECK(c.selection_disparity.in_band == false);
    CHECK(*c.false_omission.value == 0.0);
    CHECK(*c.base_rate.value == 0.0);

    const GroupFigures& outside = row(january, not_in_dataset_group);
    CHECK(outside.selected == 1);
    CHECK(outside.too_few);
    CHECK_FALSE(outside.selection_rate.value);
}

TEST_CASE("pooled over the period's batches; a chosen reference group; a period filter") {
    const Scenario s = scenario();
    const ScreeningState state = fold_events(s.events);
    const auto grouping = grouping_named(s.dataset, "province");
    AuditSettings settings = risk_code_settings();
    const auto audit = audit_groups(*grouping, state, s.batches, settings);
    REQUIRE(audit.ok());
    const GroupFigures& a = row(audit->pooled, "A");
    CHECK(a.dossiers == 40);
    CHECK(a.selected == 12);
    CHECK(*a.selection_rate.value == doctest::Approx(0.15));  // 12 / (40 x 2 batches)
    const GroupFigures& b = row(audit->pooled, "B");
    CHECK(*b.selection_rate.value == doctest::Approx(0.1));   // 6 / (30 x 2)
    CHECK(*b.selection_disparity.ratio == doctest::Approx(2.0 / 3.0));
    CHECK(b.selection_disparity.in_band == false);
    CHECK_FALSE(b.too_few);
    CHECK(row(audit->pooled, "C").too_few);

    settings.reference_group = "B";
    const auto against_b = audit_groups(*grouping, state, s.batches, settings);
    REQUIRE(against_b.ok());
    CHECK(against_b->reference_chosen);
    CHECK(*row(against_b->batches[0], "A").selection_disparity.ratio == 1.25);
    settings.reference_group = "Z";
    CHECK(audit_groups(*grouping, state, s.batches, settings).error() ==
          "reference group \"Z\" does not occur in province; its groups: \"A\", \"B\", \"C\", \"D\"");

    settings.reference_group.reset();
    settings.period = {"2024-02", ""};
    const auto february = audit_groups(*grouping, state, s.batches, settings);
    REQUIRE(february->batches.size() == 1);
    CHECK(row(february->pooled, "A").selected == 2);
    settings.band = {1.1, 1.25};
    CHECK(audit_groups(*grouping, state, s.batches, settings).error() ==
          "the band's lower end must be above 0 and at most 1");
}

TEST_CASE("groupings: a column, the organiser size class, protected columns and unknown names") {
    Dataset dataset;
    Column& ids = dataset.add_column("dossier_id", ColumnType::text);
    Column& organisers = dataset.add_column("organiser_id", ColumnType::text);
    Column& province = dataset.add_column("province", ColumnType::text);
    dataset.add_column("municipality", ColumnType::text);
    Column& nationality = dataset.add_column("nationality", ColumnType::text);
    nationality.protected_attribute = true;
    const std::vector<std::string> owners = {"O1", "O2", "O2", "O2", "O3", "O3", "O3", "O3", "O3", "O3", "O3"};
    for (std::size_t i = 0; i < owners.size(); ++i) {
        ids.push_text("KO-" + std::to_string(i));
        organisers.push_text(owners[i]);
        if (i == 0) province.push_missing();
        else province.push_text("Limburg");
        dataset.columns()[3].push_text("Hasselt");
        nationality.push_text("x");
    }
    const auto size = grouping_named(dataset, organiser_size_grouping);
    REQUIRE(size.ok());
    CHECK(size->derived);
    CHECK(size->group_of_row(0) == "1");
    CHECK(size->group_of_row(1) == "2-5");
    CHECK(size->group_of_row(10) == "6+");
    const auto by_province = grouping_named(dataset, "province");
    CHECK(by_province->group_of_row(0) == "");  // an empty cell is a group of its own, never dropped
    CHECK(grouping_named(dataset, "nationality")->protected_attribute);
    CHECK(grouping_named(dataset, "colour").error() ==
          "no column 'colour' to group by; available: organiser_id, province, municipality, nationality, organiser_size");
    CHECK(default_groupings(dataset) ==
          std::vector<std::string>{"province", organiser_size_grouping, "municipality", "nationality"});
    // A field the dictionary marks protected counts as protected too.
    FieldDictionary dictionary;
    FieldSpec religion;
    religion.name = "municipality";
    religion.protected_attribute = true;
    dictionary.fields.push_back(religion);
    CHECK(grouping_named(dataset, "municipality", &dictionary)->protected_attribute);
}

TEST_CASE("the audit a batch carries from its commit: the selection figures of that batch alone") {
    const Scenario s = scenario();
    const FrozenBatch& january = s.batches[1];
    AuditSettings settings;
    settings.band = {0.9, 1.1};
    const auto record = audit_at_commit(s.dataset, nullptr, {"province"}, january, settings);
    REQUIRE_MESSAGE(record.ok(), record.error());
    CHECK(record->band_low == 0.9);
    CHECK(record->band_high == 1.1);
    CHECK(record->min_group_size == 30);
    REQUIRE(record->groupings.size() == 1);
    const RecordedGrouping& province = record->groupings[0];
    CHECK(province.grouping == "province");
    CHECK(province.reference_group == "A");
    CHECK_FALSE(province.reference_chosen);
    REQUIRE(province.groups.size() == 5);
    const RecordedGroup& a = province.groups[0];
    CHECK(a.group == "A");
    CHECK(a.reference);
    CHECK(a.dossiers == 40);
    CHECK(a.selected == 10);
    CHECK(a.control == 4);
    CHECK(*a.selection_rate == doctest::Approx(0.25));
    const RecordedGroup& b = province.groups[2];
    CHECK(b.group == "B");
    CHECK(*b.ratio == 0.8);
    CHECK(b.in_band == false);  // outside the chosen band 0.9-1.1
    REQUIRE(b.ratio_low);
    const RatioEstimate katz = katz_ratio(6, 30, 10, 40);
    CHECK(*b.ratio_low == doctest::Approx(katz.interval->low));
    CHECK(*b.ratio_high == doctest::Approx(katz.interval->high));
    const RecordedGroup& c = province.groups[3];
    CHECK(c.too_few);
    CHECK(c.selected == 0);
    CHECK(c.control == 2);
    CHECK_FALSE(c.ratio_low);
    CHECK(province.groups[4].group == not_in_dataset_group);
    CHECK(province.groups[4].selected == 1);

    settings.reference_group = "B";
    const auto chosen = audit_at_commit(s.dataset, nullptr, {"province"}, january, settings);
    REQUIRE(chosen.ok());
    CHECK(chosen->groupings[0].reference_group == "B");
    CHECK(chosen->groupings[0].reference_chosen);
    CHECK(*chosen->groupings[0].groups[0].ratio == 1.25);  // A against B: 0.25 / 0.2
    CHECK_FALSE(audit_at_commit(s.dataset, nullptr, {"colour"}, january, AuditSettings{}).ok());
}
