// Model versions: immutable saves with author and note, one version per content, listing,
// activation, import/export, lookup by a batch's model_version_id, and the per-version records
// the storage layer persists.
#include <doctest/doctest.h>

#include "core/model/model_registry.hpp"
#include "model_fixtures.hpp"

using namespace radar;
using namespace radar::test;

TEST_CASE("saved versions are numbered, listed and exported exactly") {
    ModelRegistry registry;
    const ModelSpec spec = parse_or_fail(default_model_text());
    const SaveResult first = registry.save(spec, "An Peeters", "default model", "2024-01-15T09:00:00Z");
    REQUIRE(first.saved.has_value());
    CHECK(first.saved->version == 1);
    CHECK(first.saved->fingerprint.size() == 16);
    ModelSpec edited = spec;
    edited.parameters[0].weight = 8;
    const SaveResult second = registry.save(edited, "Tom Maes", "more weight on serious shortcomings", "2024-02-01T10:00:00Z");
    REQUIRE(second.saved.has_value());
    CHECK(second.saved->version == 2);
    CHECK(second.saved->fingerprint != first.saved->fingerprint);
    const auto versions = registry.list();
    REQUIRE(versions.size() == 2);
    CHECK(versions[1].author == "Tom Maes");
    CHECK(versions[1].note == "more weight on serious shortcomings");
    CHECK(registry.export_json(1) == default_model_text());
    CHECK(registry.spec(2) == edited);
    CHECK_FALSE(registry.export_json(3).has_value());
}

TEST_CASE("a saved version is immutable: editing the model afterwards changes nothing stored") {
    ModelRegistry registry;
    ModelSpec spec = parse_or_fail(default_model_text());
    registry.save(spec, "An", "", "2024-01-15");
    spec.parameters[0].weight = 99;
    CHECK(registry.spec(1)->parameters[0].weight == 6);
}

TEST_CASE("activation picks a saved version") {
    ModelRegistry registry;
    CHECK_FALSE(registry.activate(1));
    registry.save(parse_or_fail(default_model_text()), "An", "", "2024-01-15");
    CHECK_FALSE(registry.active_version().has_value());
    CHECK(registry.activate(1));
    CHECK(registry.active_version() == 1);
    CHECK(registry.active_spec()->id == "childcare-default");
}

TEST_CASE("bad models and anonymous saves are refused") {
    ModelRegistry registry;
    ModelSpec spec = parse_or_fail(default_model_text());
    CHECK(describe_problems(registry.save(spec, "", "", "2024-01-15").problems) == "model version: an author is required");
    spec.parameters[0].transforms[0].min = 10;
    CHECK(describe_problems(registry.save(spec, "An", "", "2024-01-15").problems) ==
          "parameter 'serious_shortcomings': transform 1 (clamp): min 10 is greater than max 3");
    CHECK(describe_problems(registry.import_json("{}", "An", "", "2024-01-15").problems).find("model: 'schema_version' is missing") == 0);
    CHECK(registry.list().empty());
}

TEST_CASE("import parses, checks and saves a new version") {
    ModelRegistry registry;
    const SaveResult saved = registry.import_json(default_model_text(), "An", "imported from file", "2024-03-01");
    REQUIRE(saved.saved.has_value());
    CHECK(saved.saved->model_id == "childcare-default");
    CHECK(saved.saved->note == "imported from file");
}

TEST_CASE("a version keeps the model's name in both languages; records with one name still restore") {
    ModelRegistry registry;
    ModelSpec spec = parse_or_fail(default_model_text());
    REQUIRE(spec.name.nl != spec.name.en);
    CHECK(registry.save(spec, "An", "", "2024-01-15").saved->model_name == spec.name);
    spec.name = {"Eén naam", "Eén naam"};
    registry.save(spec, "An", "", "2024-01-16");
    const std::string two = ModelRegistry::record_json(registry.versions()[0]);
    const std::string one = ModelRegistry::record_json(registry.versions()[1]);
    CHECK(two.find(R"("model_name":{"nl":")") != std::string::npos);
    CHECK(one.find(R"("model_name":"Eén naam")") != std::string::npos);
    ModelRegistry restored;
    CHECK(restored.restore({two, one}, 1).empty());
    CHECK(restored.list()[0].model_name == parse_or_fail(default_model_text()).name);
    CHECK(restored.list()[1].model_name == LocalText{"Eén naam", "Eén naam"});
    std::string broken = one;
    broken.replace(broken.find(R"("model_name":"Eén naam")"), 24, R"("model_name":{"nl":"Eén naam"})");
    CHECK(ModelRegistry().restore({broken}, std::nullopt) ==
          std::vector<std::string>{"a model version record lacks 'model_name'"});
}

TEST_CASE("records restore the registry; damaged records are reported, not loaded") {
    ModelRegistry registry;
    registry.save(parse_or_fail(default_model_text()), "An", "first", "2024-01-15");
    ModelSpec edited = parse_or_fail(default_model_text());
    edited.intercept = -1;
    registry.save(edited, "Tom", "second", "2024-02-01");
    std::vector<std::string> records;
    for (const auto& version : registry.versions()) records.push_back(ModelRegistry::record_json(version));

    ModelRegistry restored;
    CHECK(restored.restore({records[1], records[0]}, 2).empty());
    REQUIRE(restored.list().size() == 2);
    CHECK(restored.list()[0].note == "first");
    CHECK(restored.active_version() == 2);
    CHECK(restored.spec(2) == edited);
    // The next save continues the numbering.
    ModelSpec third = edited;
    third.intercept = -2;
    CHECK(restored.save(third, "An", "third", "2024-03-01").saved->version == 3);

    std::string tampered = records[0];
    tampered.replace(tampered.find("\\\"weight\\\": 6"), 13, "\\\"weight\\\": 7");
    ModelRegistry damaged;
    const auto problems = damaged.restore({tampered, records[1], records[1], "not json"}, 1);
    REQUIRE(problems.size() == 4);
    CHECK(problems[0] == "model version 1 does not match its fingerprint");
    CHECK(problems[1] == "model version 2 appears twice");
    CHECK(problems[2].rfind("a model version record is not valid JSON at byte ", 0) == 0);
    CHECK(problems[3] == "the active model version 1 is missing");
    CHECK(damaged.list().size() == 1);
}

TEST_CASE("the same content is one version: saving, importing or restoring it again adds nothing") {
    ModelRegistry registry;
    const ModelSpec spec = parse_or_fail(default_model_text());
    REQUIRE(registry.save(spec, "An", "start", "2024-01-15").saved);
    ModelSpec edited = spec;
    edited.parameters[0].weight = 8;
    REQUIRE(registry.save(edited, "Tom", "heavier", "2024-02-01").saved);

    const SaveResult again = registry.save(spec, "Bo", "the default once more", "2024-03-01");
    CHECK_FALSE(again.saved.has_value());
    CHECK(again.problems.empty());
    REQUIRE(again.existing.has_value());
    CHECK(again.existing->version == 1);
    CHECK(again.existing->author == "An");
    const SaveResult imported = registry.import_json(model_to_json(edited), "Bo", "from a file", "2024-03-02");
    REQUIRE(imported.existing.has_value());
    CHECK(imported.existing->version == 2);
    CHECK(registry.list().size() == 2);

    // A record that repeats another's content under a new number is reported, the first kept.
    ModelVersion repeated = registry.versions()[0];
    repeated.info.version = 3;
    ModelRegistry restored;
    const auto problems = restored.restore({ModelRegistry::record_json(repeated), ModelRegistry::record_json(registry.versions()[1]),
                                            ModelRegistry::record_json(registry.versions()[0])},
                                           1);
    CHECK(problems == std::vector<std::string>{"model version 3 repeats version 1"});
    CHECK(restored.list().size() == 2);
    CHECK(restored.active_version() == 1);
}

TEST_CASE("a version kept elsewhere is added by content: held content keeps its number, new content is next") {
    ModelRegistry stored;
    const ModelSpec spec = parse_or_fail(default_model_text());
    stored.save(spec, "An", "", "2024-01-15");
    ModelSpec edited = spec;
    edited.intercept = -1;
    stored.save(edited, "An", "", "2024-01-16");

    ModelRegistry other;  // another page started with the default and saved a third model
    other.save(spec, "Bo", "", "2024-01-20");
    ModelSpec theirs = spec;
    theirs.intercept = -3;
    other.save(theirs, "Bo", "", "2024-01-21");
    CHECK(stored.add(other.versions()[0]) == 1);
    CHECK(stored.add(other.versions()[1]) == 3);
    REQUIRE(stored.list().size() == 3);
    CHECK(stored.spec(3) == theirs);
    CHECK(stored.find(3)->info.author == "Bo");
}

TEST_CASE("a frozen batch's model_version_id finds its saved version") {
    ModelRegistry registry;
    const ModelSpec spec = parse_or_fail(default_model_text());
    registry.save(spec, "An", "", "2024-01-15");
    ModelSpec edited = spec;
    edited.parameters[1].weight = 2.5;
    REQUIRE(registry.save(edited, "An", "", "2024-01-16").saved);
    CHECK(registry.find_by_model_version_id(model_version_id(spec))->info.version == 1);
    CHECK(registry.find_by_model_version_id(model_version_id(edited))->info.version == 2);
    CHECK(registry.find_by_fingerprint(registry.versions()[1].info.fingerprint)->info.version == 2);
    ModelSpec unsaved = spec;
    unsaved.intercept = 4;
    CHECK_FALSE(registry.find_by_model_version_id(model_version_id(unsaved)).has_value());
    CHECK_FALSE(registry.find_by_fingerprint("0000000000000000").has_value());
}
