// Issue #18 in the session, over the native folder store with the demo dossiers: blind double
// coding (the second coder's queue shows nothing of the first code, second codes with a
// disagreement, the agreement figures, an adjudication with its reason, the refusals) and the
// audit of the running app (built once, rebuilt after new work, its choices stored and read again
// after a reload).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/fairness/audit_export.hpp"
#include "core/screening/double_coding.hpp"
#include "session/audit_work.hpp"
#include "session/double_coding_work.hpp"
#include "session/i18n.hpp"
#include "session_fixtures.hpp"

using namespace radar;
using namespace radar::session;
using namespace radar::test;

namespace {

constexpr const char* first_note = "Eerste screener: klachten over de veiligheid";

// A committed batch with the dossiers drawn for its double coding and one that is not drawn.
struct DoubleCodedBatch {
    std::string batch_id;
    std::string month;
    std::vector<std::string> drawn;
    std::string not_drawn;
};

DoubleCodedBatch commit_batch(RunningApp& app) {
    DoubleCodedBatch batch;
    batch.batch_id = app.commit_month();
    const BatchState& state = app.batch(batch.batch_id);
    batch.month = state.month;
    REQUIRE(app.state.frozen_batches().size() == 1);
    const std::vector<std::size_t> drawn =
        double_coding_sample(state, app.state.frozen_batches().front().settings.control_seed,
                             app.state.frozen_batches().front().settings.double_coding);
    for (std::size_t index : drawn) batch.drawn.push_back(state.members[index].dossier_id);
    for (std::size_t index = 0; index < state.members.size() && batch.not_drawn.empty(); ++index)
        if (std::find(drawn.begin(), drawn.end(), index) == drawn.end()) batch.not_drawn = state.members[index].dossier_id;
    REQUIRE(batch.drawn.size() == 3);  // 10% of 25, at least 3
    REQUIRE_FALSE(batch.not_drawn.empty());
    return batch;
}

// The first code of a batch member, through the ordinary coding rule.
void code_first(RunningApp& app, const std::string& batch_id, const std::string& dossier_id, ScreeningCode code) {
    const BatchState& batch = app.batch(batch_id);
    const BatchMember member = *batch.member(dossier_id);
    REQUIRE_FALSE(save_coding(app.state, batch, member, coded(code, first_note)));
}

SecondCodeDraft second(ScreeningCode code) { return SecondCodeDraft{code, "Tweede screener, blind"}; }

bool queued(const std::vector<SecondCodeItem>& queue, const std::string& dossier_id) {
    return std::any_of(queue.begin(), queue.end(), [&](const SecondCodeItem& item) { return item.dossier_id == dossier_id; });
}

}  // namespace

TEST_CASE("blind double coding in the session: queue, second codes, agreement, adjudication") {
    TempFolder folder("session-double-coding");
    RunningApp app(folder);
    app.state.set_screener("A");
    const DoubleCodedBatch batch = commit_batch(app);
    const std::string& agreed_risk = batch.drawn[0];
    const std::string& agreed_none = batch.drawn[1];
    const std::string& disputed = batch.drawn[2];

    // A codes two drawn dossiers and one that is not drawn; the third drawn one waits.
    code_first(app, batch.batch_id, agreed_risk, ScreeningCode::risico);
    code_first(app, batch.batch_id, agreed_none, ScreeningCode::geen_risico);
    code_first(app, batch.batch_id, batch.not_drawn, ScreeningCode::geen_risico);
    CHECK(second_code_queue(app.state).empty());  // A coded them all first
    CHECK(save_second_code(app.state, batch.batch_id, agreed_risk, second(ScreeningCode::risico)) ==
          tr(TextId::second_code_own_first));

    app.state.set_screener("B");
    std::vector<SecondCodeItem> queue = second_code_queue(app.state);
    REQUIRE(queue.size() == 2);
    CHECK(queued(queue, agreed_risk));
    CHECK(queued(queue, agreed_none));
    CHECK_FALSE(queued(queue, disputed));         // no first code yet
    CHECK_FALSE(queued(queue, batch.not_drawn));  // not drawn
    for (const SecondCodeItem& item : queue) {
        // What a blind coder sees: the batch, the dossier and its data; never the first code or note.
        CHECK(item.batch_id == batch.batch_id);
        CHECK(item.month == batch.month);
        REQUIRE(item.row);
        CHECK(app.state.id(*item.row) == item.dossier_id);
        for (const std::string& shown : {item.batch_id, item.month, item.dossier_id}) {
            CHECK(shown.find(first_note) == std::string::npos);
            CHECK(shown.find(code_key(ScreeningCode::risico)) == std::string::npos);
        }
    }
    CHECK(save_second_code(app.state, batch.batch_id, disputed, second(ScreeningCode::geen_risico)) ==
          tr(TextId::second_code_needs_first));

    app.state.set_screener("A");
    code_first(app, batch.batch_id, disputed, ScreeningCode::risico);
    app.state.set_screener("B");
    queue = second_code_queue(app.state);
    CHECK(queue.size() == 3);

    // The refusals, with nothing submitted.
    const std::size_t events_before = app.state.screening().events.size();
    CHECK(save_second_code(app.state, batch.batch_id, agreed_risk, SecondCodeDraft{}) == tr(TextId::choose_code));
    CHECK(save_second_code(app.state, batch.batch_id, batch.not_drawn, second(ScreeningCode::geen_risico)) ==
          tr(TextId::second_code_not_drawn));
    CHECK(save_second_code(app.state, "no-such-batch", agreed_risk, second(ScreeningCode::risico)) ==
          tr(TextId::second_code_not_drawn));
    CHECK(app.state.screening().events.size() == events_before);

    // B second-codes the three: two agree, one does not.
    CHECK(save_second_code(app.state, batch.batch_id, agreed_risk, second(ScreeningCode::risico)).empty());
    const SaveStatus* saved = app.state.save_status(second_code_subject(batch.batch_id, agreed_risk));
    REQUIRE(saved);
    CHECK(saved->phase == SavePhase::saved);
    CHECK(save_second_code(app.state, batch.batch_id, agreed_none, second(ScreeningCode::geen_risico)).empty());
    CHECK(save_second_code(app.state, batch.batch_id, disputed, second(ScreeningCode::geen_risico)).empty());
    CHECK(second_code_queue(app.state).empty());
    CHECK(save_second_code(app.state, batch.batch_id, agreed_risk, second(ScreeningCode::geen_risico)) ==
          tr(TextId::second_code_done));
    app.state.set_screener("C");
    CHECK(second_code_queue(app.state).empty());
    CHECK(save_second_code(app.state, batch.batch_id, disputed, second(ScreeningCode::risico)) ==
          tr(TextId::second_code_done));
    // A second code is no screening: the dossier's code is still A's.
    CHECK(app.state.screening().current_code(disputed) == ScreeningCode::risico);

    // The agreement: A's codes (rows) against B's (columns), codes in the order risico, geen_risico,
    // verder_onderzoek_nodig. p_o = 2/3; p_e = (2 x 1 + 1 x 2) / 9 = 4/9; kappa = (2/9) / (5/9) = 0.4.
    AuditWork work;
    const CoderAgreement* agreement = work.agreement(app.state);
    REQUIRE(agreement);
    CHECK(agreement->second_codes == 3);
    const AgreementTable& table = agreement->overall.table;
    CHECK(table.categories == 3);
    CHECK(table.units == 3);
    CHECK(table.count(0, 0) == 1);
    CHECK(table.count(1, 1) == 1);
    CHECK(table.count(0, 1) == 1);
    CHECK(table.agreeing() == 2);
    REQUIRE(agreement->overall.percent.estimate.value);
    CHECK(*agreement->overall.percent.estimate.value == doctest::Approx(2.0 / 3.0));
    REQUIRE(agreement->overall.kappa.estimate.value);
    CHECK(*agreement->overall.kappa.estimate.value == doctest::Approx(0.4));
    REQUIRE(agreement->by_pair.size() == 1);
    CHECK(agreement->by_pair[0].key == "A / B");
    CHECK(agreement->by_pair[0].figures.table.units == 3);
    REQUIRE(agreement->by_month.size() == 1);
    CHECK(agreement->by_month[0].key == batch.month);
    CHECK(agreement->awaiting_adjudication.size() == 1);
    CHECK(work.agreement(app.state) == agreement);  // kept until the work changes
    CHECK(work.agreement(app.state, MonthRange{"2000-01", "2000-12"})->second_codes == 0);

    // The disagreement, with both codes and notes for whoever decides.
    const std::vector<Disagreement> awaiting = disagreements_awaiting(app.state);
    REQUIRE(awaiting.size() == 1);
    CHECK(awaiting[0].dossier_id == disputed);
    CHECK(awaiting[0].batch_id == batch.batch_id);
    CHECK(awaiting[0].first_screener == "A");
    CHECK(awaiting[0].first_code == ScreeningCode::risico);
    CHECK(awaiting[0].first_note == first_note);
    CHECK(awaiting[0].second_screener == "B");
    CHECK(awaiting[0].second_code == ScreeningCode::geen_risico);
    CHECK(awaiting[0].second_note == "Tweede screener, blind");

    // The adjudication: a final code and a reason.
    app.state.set_screener("Teamleider");
    AdjudicationDraft decision{ScreeningCode::verder_onderzoek_nodig, " "};
    CHECK(save_adjudication(app.state, batch.batch_id, disputed, decision) == tr(TextId::adjudication_reason_required));
    CHECK(save_adjudication(app.state, batch.batch_id, disputed, AdjudicationDraft{std::nullopt, "reden"}) ==
          tr(TextId::choose_code));
    decision.reason = "Klachten bevestigd door de GGD; eerst informatie opvragen";
    CHECK(save_adjudication(app.state, batch.batch_id, agreed_risk, decision) == tr(TextId::adjudication_not_awaited));
    CHECK(save_adjudication(app.state, batch.batch_id, disputed, decision).empty());
    const SaveStatus* decided = app.state.save_status(adjudication_subject(batch.batch_id, disputed));
    REQUIRE(decided);
    CHECK(decided->phase == SavePhase::saved);
    CHECK(app.state.screening().current_code(disputed) == ScreeningCode::verder_onderzoek_nodig);
    const EffectiveScreening* final_screening = screening_in_batch(app.state.screening(), disputed, batch.batch_id);
    REQUIRE(final_screening);
    CHECK(final_screening->coder_code == ScreeningCode::risico);  // what A chose stays known
    CHECK(disagreements_awaiting(app.state).empty());
    CHECK(save_adjudication(app.state, batch.batch_id, disputed, decision) == tr(TextId::adjudication_not_awaited));
    agreement = work.agreement(app.state);
    CHECK(agreement->adjudicated == 1);
    CHECK(agreement->awaiting_adjudication.empty());
    CHECK(agreement->overall.table.agreeing() == 2);  // agreement compares the coders' own codes
}

TEST_CASE("a dossier awaiting the screener's second code hides its first code until that code is saved") {
    TempFolder folder("session-second-code-hidden");
    RunningApp app(folder);
    app.state.set_screener("A");
    const DoubleCodedBatch batch = commit_batch(app);
    const std::string& drawn = batch.drawn[0];
    CHECK_FALSE(awaiting_second_code(app.state, drawn));  // not coded first yet
    code_first(app, batch.batch_id, drawn, ScreeningCode::risico);
    code_first(app, batch.batch_id, batch.not_drawn, ScreeningCode::risico);
    CHECK_FALSE(awaiting_second_code(app.state, drawn));  // A gave the first code and may see it

    app.state.set_screener("B");
    CHECK(awaiting_second_code(app.state, drawn));
    CHECK_FALSE(awaiting_second_code(app.state, batch.not_drawn));  // not drawn: B may see its code
    CHECK_FALSE(awaiting_second_code(app.state, batch.drawn[1]));   // drawn, but no first code
    app.state.set_screener("C");
    CHECK(awaiting_second_code(app.state, drawn));  // any other screener could be the second coder
    app.state.set_screener("");
    CHECK_FALSE(awaiting_second_code(app.state, drawn));  // no screener: no queue, and no coding either

    app.state.set_screener("B");
    REQUIRE(save_second_code(app.state, batch.batch_id, drawn, second(ScreeningCode::geen_risico)).empty());
    CHECK_FALSE(awaiting_second_code(app.state, drawn));  // saved: the first code shows again
    app.state.set_screener("C");
    CHECK_FALSE(awaiting_second_code(app.state, drawn));  // it has its second code
    app.state.set_screener("A");
    CHECK_FALSE(awaiting_second_code(app.state, drawn));
}

TEST_CASE("double coding needs a screener name and a page that may write") {
    TempFolder folder("session-double-coding-rules");
    RunningApp app(folder);
    app.state.set_screener("A");
    const DoubleCodedBatch batch = commit_batch(app);
    code_first(app, batch.batch_id, batch.drawn[0], ScreeningCode::risico);
    app.state.set_screener("");
    CHECK(second_code_queue(app.state).empty());
    CHECK(save_second_code(app.state, batch.batch_id, batch.drawn[0], second(ScreeningCode::risico)) ==
          tr(TextId::screener_required));
    CHECK(save_adjudication(app.state, batch.batch_id, batch.drawn[0], {ScreeningCode::risico, "reden"}) ==
          tr(TextId::screener_required));
    if (without_process_locks) return;
    RunningApp reader(folder);
    reader.state.set_screener("B");
    REQUIRE(reader.state.storage_mode() == StoreMode::read_only);
    CHECK(second_code_queue(reader.state).size() == 1);
    CHECK(save_second_code(reader.state, batch.batch_id, batch.drawn[0], second(ScreeningCode::risico)) ==
          tr(TextId::storage_not_writable));
}

TEST_CASE("the audit of the running app: built once, rebuilt after new work, its choices stored") {
    TempFolder folder("session-audit");
    AuditChoices chosen;
    std::size_t second_codes = 0;
    {
        RunningApp app(folder);
        app.state.set_screener("A");
        const DoubleCodedBatch batch = commit_batch(app);
        for (const std::string& dossier : batch.drawn) code_first(app, batch.batch_id, dossier, ScreeningCode::risico);

        AuditWork work;
        CHECK(work.choices(app.state) == AuditChoices{});
        const Checked<AuditReport>* audit = work.audit(app.state);
        REQUIRE(audit);
        REQUIRE_MESSAGE(audit->ok(), audit->error());
        const std::uint64_t generation = work.audit_generation();
        CHECK(work.audit(app.state) == audit);
        CHECK(work.audit_generation() == generation);
        // Another period (the report's) and the first again, in turn: each is built once.
        const MonthRange long_ago{"2000-01", "2000-12"};
        const Checked<AuditReport>* earlier = work.audit(app.state, long_ago);
        REQUIRE(earlier);
        CHECK(earlier != audit);
        CHECK(work.audit(app.state) == audit);
        CHECK(work.audit(app.state, long_ago) == earlier);
        CHECK(work.audit_generation() == generation + 1);
        REQUIRE(earlier->ok());
        CHECK((*earlier)->groupings[0].pooled.selected == 0);
        const AuditReport& report = **audit;
        CHECK_FALSE(report.groupings_chosen);
        REQUIRE(report.groupings.size() >= 3);
        CHECK(report.groupings[0].grouping == "province");
        CHECK(report.groupings[0].pooled.selected == 25);
        CHECK(report.groupings[0].reference_chosen == false);
        CHECK(report.settings.today == app.state.reference_date());
        CHECK(report.agreement.second_codes == 0);
        REQUIRE(report.groupings[0].pooled.groups.size() >= 2);
        const std::string other_province = report.groupings[0].pooled.groups[1].group;

        // New work: a second code.
        app.state.set_screener("B");
        REQUIRE(save_second_code(app.state, batch.batch_id, batch.drawn[0], second(ScreeningCode::geen_risico)).empty());
        audit = work.audit(app.state);
        REQUIRE(audit);
        REQUIRE(audit->ok());
        CHECK(work.audit_generation() != generation);
        CHECK((*audit)->agreement.second_codes == 1);
        CHECK((*audit)->agreement.awaiting_adjudication.size() == 1);

        // The choices: refused ones change nothing; taken ones rebuild the audit and are recorded.
        AuditChoices lonely;
        lonely.reference_group = other_province;
        CHECK(work.set_choices(app.state, lonely) == tr(TextId::audit_reference_needs_grouping));
        AuditChoices narrow;
        narrow.band = FairBand{1.1, 2.0};
        CHECK(work.set_choices(app.state, narrow) == tr(TextId::audit_band_invalid));
        CHECK(work.choices(app.state) == AuditChoices{});
        chosen.grouping = "Provincie";  // the export header finds the column
        chosen.reference_group = other_province;
        chosen.band = FairBand{0.9, 1.1};
        const std::uint64_t before_choice = work.audit_generation();
        CHECK(work.set_choices(app.state, chosen).empty());
        CHECK(work.notice().empty());
        audit = work.audit(app.state);
        REQUIRE(audit);
        REQUIRE_MESSAGE(audit->ok(), audit->error());
        CHECK(work.audit_generation() != before_choice);
        REQUIRE((*audit)->groupings.size() == 1);
        CHECK((*audit)->groupings[0].grouping == "province");
        CHECK((*audit)->groupings[0].reference_group == other_province);
        const Json json = audit_to_json(**audit);
        CHECK(json["grouping_rule"] == "chosen");
        CHECK(json["groupings"][0]["reference_rule"] == "chosen");
        CHECK(json["fair_band"]["low"] == 0.9);
        CHECK(json["fair_band"]["high"] == 1.1);
        second_codes = (*audit)->agreement.second_codes;

        // An unknown reference group: the audit says so, naming the groups.
        AuditChoices unknown = chosen;
        unknown.reference_group = "Atlantis";
        CHECK(work.set_choices(app.state, unknown).empty());
        audit = work.audit(app.state);
        REQUIRE(audit);
        CHECK_FALSE(audit->ok());
        CHECK(audit->error().find("Atlantis") != std::string::npos);
        REQUIRE(work.set_choices(app.state, chosen).empty());
    }

    // A reload: a new page over the same folder reads the choices again.
    RunningApp reopened(folder);
    AuditWork work;
    CHECK(work.choices(reopened.state) == chosen);
    const Checked<AuditReport>* audit = work.audit(reopened.state);
    REQUIRE(audit);
    REQUIRE_MESSAGE(audit->ok(), audit->error());
    REQUIRE((*audit)->groupings.size() == 1);
    CHECK((*audit)->groupings[0].reference_chosen);
    CHECK((*audit)->settings.band.low == 0.9);
    CHECK((*audit)->agreement.second_codes == second_codes);

    // A stored setting this version cannot read leaves the defaults, and says so.
    reopened.state.store_setting(audit_choices_setting, "{\"grouping\": 3}");
    CHECK(work.choices(reopened.state) == AuditChoices{});
    CHECK(work.notice() == tr(TextId::audit_choices_unreadable));
}

TEST_CASE("a batch is frozen with its double-coding share and the group audit of its day") {
    TempFolder folder("session-commit-audit");
    std::optional<BatchAuditRecord> recorded;
    {
        RunningApp app(folder);
        app.state.set_screener("A");
        AuditWork work;
        AuditChoices chosen;
        chosen.grouping = "province";
        chosen.band = FairBand{0.9, 1.1};
        REQUIRE(work.set_choices(app.state, chosen).empty());
        app.state.selection_settings().double_coding = DoubleCodingSettings{0.4, 3};
        const std::string batch_id = app.commit_month();
        REQUIRE(app.state.frozen_batches().size() == 1);
        const FrozenBatch& frozen = app.state.frozen_batches().front();
        CHECK(frozen.settings.double_coding == DoubleCodingSettings{0.4, 3});
        REQUIRE(frozen.audit_at_commit);
        recorded = frozen.audit_at_commit;
        CHECK(recorded->band_low == 0.9);
        CHECK(recorded->band_high == 1.1);
        REQUIRE(recorded->groupings.size() == 1);
        CHECK(recorded->groupings[0].grouping == "province");
        std::uint32_t selected = 0;
        for (const RecordedGroup& group : recorded->groupings[0].groups) selected += group.selected;
        const std::size_t chosen_by_list =
            std::count_if(frozen.members.begin(), frozen.members.end(),
                          [](const FrozenMember& member) { return member.kind != SelectionKind::control; });
        CHECK(selected == chosen_by_list);

        // The batch's own share decides the second screener's queue: 40% of 25 members.
        for (const BatchMember& member : std::vector<BatchMember>(app.batch(batch_id).members))
            code_first(app, batch_id, member.dossier_id, ScreeningCode::geen_risico);
        app.state.set_screener("B");
        CHECK(second_code_queue(app.state).size() == 10);

        // Later choices change the audit of today, not what the batch recorded.
        REQUIRE(work.set_choices(app.state, AuditChoices{}).empty());
    }
    RunningApp reopened(folder);
    REQUIRE(reopened.state.frozen_batches().size() == 1);
    const FrozenBatch& frozen = reopened.state.frozen_batches().front();
    CHECK(frozen.settings.double_coding == DoubleCodingSettings{0.4, 3});
    REQUIRE(frozen.audit_at_commit);
    CHECK(*frozen.audit_at_commit == *recorded);
}
