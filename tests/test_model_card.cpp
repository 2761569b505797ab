// The model card: use figures folded from a hand-built history, the places left to people, the
// protected fields, and a page that escapes what it shows and fetches nothing.
#include <doctest/doctest.h>

#include "core/model/model_json.hpp"
#include "model_fixtures.hpp"
#include "core/reporting/model_card.hpp"
#include "screening_fixtures.hpp"

using namespace radar;
using namespace radar::fixtures;
using radar::test::default_model_text;
using radar::test::parse_or_fail;

namespace {

FrozenBatch frozen(const std::string& id, const std::string& month, const std::string& model_version,
                   const std::vector<std::pair<std::string, SelectionKind>>& members) {
    FrozenBatch batch;
    batch.batch_id = id;
    batch.month = month;
    batch.model_version_id = model_version;
    std::uint32_t rank = 0;
    for (const auto& [dossier, kind] : members) batch.members.push_back({dossier, 0.0, ++rank, kind, {}, {}, {}});
    return batch;
}

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}

}  // namespace

TEST_CASE("the use figures count only the version's batches and their own screenings") {
    const std::string version = "m@sha256:aaaa";
    const std::vector<FrozenBatch> batches{
        frozen("b1", "2026-03", version,
               {{"D1", SelectionKind::top_n}, {"D2", SelectionKind::top_n}, {"D3", SelectionKind::top_n},
                {"D4", SelectionKind::control}, {"D5", SelectionKind::control}, {"D6", SelectionKind::top_n}}),
        frozen("b0", "2026-01", "other@sha256:bbbb", {{"D1", SelectionKind::top_n}})};
    ScreeningEvent blind = coded("e4", "D4", ScreeningCode::risico, "2026-03-05", "b1");
    std::get<ScreeningCoded>(blind.payload).reasons_seen = false;
    const ScreeningState state = fold_events({
        coded("e0", "D1", ScreeningCode::risico, "2026-01-05", "b0"),  // another version's batch
        coded("e1", "D1", ScreeningCode::risico, "2026-03-04", "b1"),
        coded("e2", "D2", ScreeningCode::verder_onderzoek_nodig, "2026-03-04", "b1"),
        coded("e3", "D3", ScreeningCode::risico, "2026-03-04", "b1"),
        corrected("c3", "e3", "D3", ScreeningCode::geen_risico, "2026-03-04", "2024-01-11T09:00:00.000Z"),
        blind,
        coded("e5", "D5", ScreeningCode::geen_risico, "2026-03-05", "b1"),
        coded("e6", "D6", ScreeningCode::risico, "2026-03-05", "b1"),
        withdrawn("w6", "e6", "D6", "2024-01-11T09:00:00.000Z"),
    });

    const ModelCardUse use =
        model_card_use(state, batches, version, {ScreeningCode::risico, ScreeningCode::verder_onderzoek_nodig});
    CHECK(use.batches == 1);
    CHECK(use.first_month == "2026-03");
    CHECK(use.last_month == "2026-03");
    CHECK(use.selected == 6);
    CHECK(use.control_selected == 2);
    CHECK(use.screened == 5);  // D6's screening was withdrawn
    CHECK(use.screened_blind == 1);
    CHECK(use.corrected == 1);
    REQUIRE(use.lift.available);
    CHECK(use.lift.top.hits == 2);  // D1, D2 (D3 corrected to geen risico)
    CHECK(use.lift.top.total == 3);
    CHECK(use.lift.control.hits == 1);
    CHECK(use.lift.control.total == 2);
    REQUIRE(use.lift.lift);
    CHECK(*use.lift.lift == doctest::Approx((2.0 / 3.0) / 0.5));
}

TEST_CASE("the card states the inputs and the excluded fields and leaves the people's places empty") {
    ModelCardInput input;
    input.model = parse_or_fail(default_model_text());
    input.protected_fields = {"nationality", "religion"};
    const Json card = model_card_json(input);
    CHECK(card["format"] == "dossier-radar-model-card");
    CHECK(card["model"]["model_version_id"] == model_version_id(input.model));
    CHECK(card["inputs"].size() == input.model.parameters.size());
    CHECK(card["protected_fields_excluded"] == Json::array({"nationality", "religion"}));
    CHECK(card["in_use"].is_null());
    for (const std::string& place : model_card_places_for_people()) {
        REQUIRE(card["to_be_completed_by_people"].contains(place));
        CHECK(card["to_be_completed_by_people"][place].is_null());
    }

    const std::string page = model_card_html(input, TextLanguage::dutch);
    CHECK(occurrences(page, "[In te vullen door de organisatie]") == model_card_places_for_people().size());
    CHECK(page.find("default-src 'none'") != std::string::npos);
    CHECK(page.find("<li>nationality</li>") != std::string::npos);
    CHECK(occurrences(model_card_html(input, TextLanguage::english), "[To be completed by the organisation]") ==
          model_card_places_for_people().size());
}

TEST_CASE("the card escapes what people typed and shows an evaluation with its label definition") {
    ModelCardInput input;
    input.model = parse_or_fail(default_model_text());
    input.model.name = {"<script>x</script>", "<script>x</script>"};
    ModelCardEvaluation evaluation;
    evaluation.label_definition = {"Risico bevestigd = ernstige tekorten", "Risk confirmed = serious shortcomings"};
    evaluation.labelled = 40;
    evaluation.positives = 10;
    evaluation.auc = 0.75;
    input.evaluations.push_back(evaluation);
    const std::string page = model_card_html(input, TextLanguage::english);
    CHECK(page.find("<script>") == std::string::npos);
    CHECK(page.find("&lt;script&gt;") != std::string::npos);
    CHECK(page.find("Risk confirmed = serious shortcomings") != std::string::npos);
    CHECK(page.find("0.750") != std::string::npos);
    CHECK(model_card_json(input)["evaluations"][0]["auc"] == 0.75);
}
