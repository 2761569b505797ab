// The field dictionary asset and its validation.
#include <doctest/doctest.h>

#include <set>

#include "core/data/demo_data.hpp"
#include "import_test_support.hpp"

using namespace radar;
using namespace radar::testing;

namespace {

std::vector<std::string> errors_of(const std::string& json) { return load_field_dictionary(json).errors; }

bool mentions(const std::vector<std::string>& errors, const std::string& text) {
    for (const std::string& error : errors)
        if (error.find(text) != std::string::npos) return true;
    return false;
}

const char* id_field = R"({"name": "dossier_id", "type": "text", "id": true, "required": true,
                           "label": {"nl": "Dossiernummer", "en": "Dossier id"}})";

std::string dictionary_with(const std::string& field) { return std::string(R"({"fields": [)") + id_field + "," + field + "]}"; }

}  // namespace

TEST_CASE("assets/fields.json: every demo column is a canonical field of the same type") {
    const FieldDictionary& dictionary = shipped_dictionary();
    const Dataset demo = generate_demo_data({10, 1, 19000}).dataset;
    for (const Column& column : demo.columns()) {
        const FieldSpec* field = dictionary.find(column.name);
        REQUIRE_MESSAGE(field, column.name);
        CHECK_MESSAGE(column_type_for(field->type) == column.type, column.name);
        CHECK_FALSE(field->protected_attribute);
        CHECK_FALSE(field->label_nl.empty());
        CHECK_FALSE(field->label_en.empty());
    }
    CHECK(dictionary.id_field().name == "dossier_id");
    CHECK(dictionary.id_field().required);
    CHECK(dictionary.find("subsidy_recovery_12m")->type == FieldType::boolean);
}

TEST_CASE("assets/fields.json: protected attributes are marked and never required") {
    const FieldDictionary& dictionary = shipped_dictionary();
    std::set<std::string> protected_fields;
    for (const FieldSpec& field : dictionary.fields)
        if (field.protected_attribute) {
            protected_fields.insert(field.name);
            CHECK_FALSE(field.required);
        }
    CHECK(protected_fields == std::set<std::string>{"nationality", "country_of_birth", "ethnicity", "religion", "language",
                                                   "gender", "date_of_birth", "disability", "health"});
    CHECK(dictionary.is_protected("religion"));
    CHECK_FALSE(dictionary.is_protected("capacity"));
    CHECK_FALSE(dictionary.is_protected("no_such_field"));
}

TEST_CASE("dictionary validation reports each mistake") {
    CHECK(load_field_dictionary(dictionary_with(R"({"name": "capacity", "type": "integer", "min": 0, "max": 10,
        "label": {"nl": "Kindplaatsen", "en": "Capacity"}})")).dictionary);
    CHECK(mentions(errors_of("not json"), "the field dictionary is not valid JSON at byte "));
    const std::string type_twice = R"({"name": "x", "type": "text", "type": "date", "label": {"nl": "X", "en": "X"}})";
    CHECK(errors_of(dictionary_with(type_twice)) ==
          std::vector<std::string>{"the field dictionary is not valid JSON: the key \"type\" occurs twice in one "
                                   "object"});
    CHECK(mentions(errors_of(R"({"velden": []})"), "\"fields\" list"));
    CHECK(mentions(errors_of(R"({"fields": []})"), "exactly one field must be the id"));
    CHECK(mentions(errors_of(dictionary_with(R"({"name": "x", "type": "colour", "label": {"nl": "X", "en": "X"}})")),
                   "\"type\" must be one of"));
    CHECK(mentions(errors_of(dictionary_with(R"({"name": "x", "type": "text", "label": {"nl": "X"}})")),
                   "needs an English label"));
    CHECK(mentions(errors_of(dictionary_with(R"({"name": "x", "type": "text", "synonym": ["y"], "label": {"nl": "X", "en": "X"}})")),
                   "unknown key 'synonym'"));
    CHECK(mentions(errors_of(dictionary_with(R"({"name": "Cap ity", "type": "text", "label": {"nl": "X", "en": "X"}})")),
                   "name may only hold"));
    CHECK(mentions(errors_of(dictionary_with(R"({"name": "x", "type": "integer", "min": 5, "max": 1, "label": {"nl": "X", "en": "X"}})")),
                   "min is greater than max"));
    CHECK(mentions(errors_of(dictionary_with(R"({"name": "x", "type": "date", "min": "01/01/2000", "label": {"nl": "X", "en": "X"}})")),
                   "YYYY-MM-DD"));
    CHECK(mentions(errors_of(dictionary_with(R"({"name": "x", "type": "integer", "values": ["a"], "label": {"nl": "X", "en": "X"}})")),
                   "values only apply to text"));
    CHECK(mentions(errors_of(dictionary_with(R"({"name": "x", "type": "text", "protected": true, "required": true, "label": {"nl": "X", "en": "X"}})")),
                   "protected field cannot be required"));
    CHECK(mentions(errors_of(dictionary_with(R"({"name": "dossier_id", "type": "text", "label": {"nl": "X", "en": "X"}})")),
                   "defined twice"));
    CHECK(mentions(errors_of(dictionary_with(R"({"name": "x", "type": "text", "synonyms": ["Dossier-nummer"], "label": {"nl": "X", "en": "X"}})")),
                   "matches both 'dossier_id' and 'x'"));
    CHECK(mentions(errors_of(R"({"fields": [{"name": "id", "type": "integer", "id": true, "required": true, "label": {"nl": "X", "en": "X"}}]})"),
                   "the id field must be text"));
}
