// Extra columns (mapped to no field) get a type inferred from all their values, a type chosen in
// a mapping profile, keep protection whatever their type, and can be read by a model.
#include <doctest/doctest.h>

#include "core/import/column_inference.hpp"
#include "core/import/import_report.hpp"
#include "core/import/import_snapshot.hpp"
#include "import_test_support.hpp"
#include "core/model/column_parameter.hpp"
#include "core/model/scoring_engine.hpp"

using namespace radar;
using namespace radar::testing;

namespace {

// A ';' file (decimal comma) with an id column and one extra column holding `values`.
ImportResult import_extra(const std::vector<std::string>& values, const std::string& delimiter = ";") {
    std::string text = "dossier_id" + delimiter + "Kenmerk\n";
    for (std::size_t i = 0; i < values.size(); ++i) text += "KO-" + std::to_string(i + 1) + delimiter + values[i] + "\n";
    const ImportResult result = import_text(text);
    REQUIRE(result.ok());
    return result;
}

ValueKind kind_of(const std::vector<std::string>& values, const std::string& delimiter = ";") {
    return import_extra(values, delimiter).columns[1].kind;
}

const Column& extra_column(const ImportResult& result) { return *result.dataset.find("Kenmerk"); }

// A model without parameters yet, for the tests to add inputs to.
ModelSpec test_model_for_columns() {
    ModelSpec spec;
    spec.id = "extra-columns";
    spec.name = {"Extra kolommen", "Extra columns"};
    spec.author = "test";
    spec.created_at = "2026-12-03";
    return spec;
}

}  // namespace

TEST_CASE("each type is inferred from the values of an extra column") {
    CHECK(kind_of({"3", "-12", "0", "40"}) == ValueKind::whole_number);
    CHECK(kind_of({"12,5", "3", "1.234,75"}) == ValueKind::number);
    CHECK(kind_of({"03/12/2026", "2026-01-31", "1-2-2024"}) == ValueKind::date);
    CHECK(kind_of({"ja", "nee", "nee"}) == ValueKind::boolean);
    CHECK(kind_of({"Oost", "West", "Oost", "West", "Oost", "Noord"}) == ValueKind::category);
    CHECK(kind_of({"vriendelijk", "nieuw gebouw", "let op de trap"}) == ValueKind::text);
}

TEST_CASE("mixed values give the wider type; one odd value makes a column text") {
    CHECK(kind_of({"3", "4,5", "7"}) == ValueKind::number);  // whole and decimal: number
    // Numbers and dates together are neither: a few repeated values are a category, else text.
    CHECK(kind_of({"3", "03/12/2026", "3", "03/12/2026"}) == ValueKind::category);
    CHECK(kind_of({"3", "03/12/2026", "7"}) == ValueKind::text);
    std::vector<std::string> amounts;
    for (int i = 0; i < 120; ++i) amounts.push_back(std::to_string(i) + ",5");
    CHECK(kind_of(amounts) == ValueKind::number);
    amounts.push_back("onbekend");
    const ImportResult odd = import_extra(amounts);
    CHECK(odd.columns[1].kind == ValueKind::text);
    // Nothing was dropped: the odd value and all the numbers are there as written.
    CHECK(extra_column(odd).texts[120] == "onbekend");
    CHECK(extra_column(odd).texts[3] == "3,5");
    // Many distinct values are never a category; a few that do not repeat are not either.
    CHECK(kind_of({"a", "b", "c"}) == ValueKind::text);
}

TEST_CASE("Dutch decimals in ';' files, decimal points in ',' files, codes with leading zeros") {
    const ImportResult dutch = import_extra({"1.250", "2,5", "1.000.000,25"});
    CHECK(dutch.columns[1].kind == ValueKind::number);
    CHECK(extra_column(dutch).numbers[0] == 1250.0);  // ';' means the decimal mark is ','
    CHECK(extra_column(dutch).numbers[1] == 2.5);
    CHECK(extra_column(dutch).numbers[2] == 1000000.25);
    const ImportResult english = import_extra({"1.25", "\"1,250\"", "3"}, ",");
    CHECK(english.columns[1].kind == ValueKind::number);
    CHECK(extra_column(english).numbers[0] == 1.25);
    CHECK(extra_column(english).numbers[1] == 1250.0);
    const ImportResult whole = import_extra({"1.250", "12"});
    CHECK(whole.columns[1].kind == ValueKind::whole_number);
    CHECK(extra_column(whole).type == ColumnType::integer);
    // Postcodes with a leading zero and 16-digit account numbers are codes, not quantities.
    CHECK(kind_of({"0123", "0456", "0789"}) == ValueKind::text);
    CHECK(kind_of({"1234567890123456", "2234567890123456"}) == ValueKind::text);
    CHECK(kind_of({"0", "0,5", "10"}) == ValueKind::number);
}

TEST_CASE("empty cells are missing, never 0, and do not decide the type") {
    const ImportResult result = import_extra({"", "4", " ", "7"});
    const Column& column = extra_column(result);
    CHECK(result.columns[1].kind == ValueKind::whole_number);
    CHECK(column.is_missing(0));
    CHECK(column.is_missing(2));
    CHECK_FALSE(column.is_missing(1));
    CHECK(column.numbers[1] == 4.0);
    CHECK(kind_of({"", ""}) == ValueKind::text);
    const ImportResult yes_only = import_extra({"x", "", "x", "x"});
    CHECK(yes_only.columns[1].kind == ValueKind::category);  // "x" alone is not a yes/no column
    CHECK(extra_column(yes_only).is_missing(1));
}

TEST_CASE("booleans in several vocabularies, stored as 0/1; a third word makes a category") {
    for (const auto& pair : std::vector<std::pair<std::string, std::string>>{
             {"ja", "nee"}, {"JA", "Nee"}, {"j", "n"}, {"yes", "no"}, {"true", "false"}, {"waar", "onwaar"},
             {"1", "0"}, {"oui", "non"}}) {
        const ImportResult result = import_extra({pair.first, pair.second, pair.first, ""});
        CAPTURE(pair.first);
        CHECK(result.columns[1].kind == ValueKind::boolean);
        const Column& column = extra_column(result);
        CHECK(column.type == ColumnType::integer);
        CHECK(column.numbers[0] == 1.0);
        CHECK(column.numbers[1] == 0.0);
        CHECK(column.is_missing(3));
    }
    CHECK(kind_of({"ja", "Ja", "JA", "nee"}) == ValueKind::boolean);  // case does not count
    CHECK(kind_of({"ja", "yes", "nee", "ja", "yes", "nee"}) == ValueKind::category);
    CHECK(kind_of({"1", "0", "2"}) == ValueKind::whole_number);
}

TEST_CASE("JSON numbers, booleans and dates in extra keys are typed the same way") {
    const ImportResult result = import_text(
        R"([{"dossier_id": "KO-1", "Score": 1.5, "Actief": true, "Gezien": "2026-01-02"},
            {"dossier_id": "KO-2", "Score": 2, "Actief": false, "Gezien": null}])");
    REQUIRE(result.ok());
    CHECK(result.dataset.find("Score")->kind == ValueKind::number);
    CHECK(result.dataset.find("Actief")->kind == ValueKind::boolean);
    CHECK(result.dataset.find("Gezien")->kind == ValueKind::date);
    CHECK(result.dataset.find("Gezien")->is_missing(1));
}

TEST_CASE("the import result, its report and the accepted dataset carry each column's type") {
    const std::string text =
        "dossier_id;Kindplaatsen;Bedrag;Vergund;Regio;Opmerking\n"
        "KO-1;12;12,5;ja;Oost;eerste\nKO-2;8;3;nee;West;tweede\nKO-3;20;7,25;ja;Oost;derde\nKO-4;5;1;nee;West;vierde\n";
    ImportResult result = import_text(text);
    REQUIRE(result.ok());
    CHECK(result.columns[1].kind == ValueKind::whole_number);  // the capacity field
    CHECK_FALSE(result.columns[1].extra);
    CHECK(result.columns[2].kind == ValueKind::number);
    CHECK(result.columns[3].kind == ValueKind::boolean);
    CHECK(result.columns[4].kind == ValueKind::category);
    CHECK(result.columns[5].kind == ValueKind::text);
    CHECK_FALSE(result.columns[2].kind_chosen);
    const std::string report = import_report_json(result);
    CHECK(report.find(R"("type": "boolean")") != std::string::npos);
    AcceptOutcome accepted = accept_import(result, "2026-12-03T10:00:00Z");
    REQUIRE(accepted.accepted);
    CHECK(accepted.accepted->dataset.find("Bedrag")->type == ColumnType::number);
    CHECK(accepted.accepted->dataset.find("Vergund")->kind == ValueKind::boolean);
    CHECK(accepted.accepted->dataset.find("Regio")->kind == ValueKind::category);
}

TEST_CASE("a chosen type is kept in the mapping profile and read again; misfits get a warning") {
    const std::string text = "dossier_id;Bedrag;Code\nKO-1;12,5;10\nKO-2;n.v.t.;20\nKO-3;3;10\n";
    const ImportResult first = import_text(text);
    REQUIRE(first.ok());
    CHECK(first.columns[1].kind == ValueKind::text);  // "n.v.t." among the numbers
    CHECK(first.columns[2].kind == ValueKind::whole_number);

    std::vector<HeaderMapping> mappings = first.mappings();
    choose_column_kind(mappings, 1, ValueKind::number);
    choose_column_kind(mappings, 2, ValueKind::category);
    choose_column_kind(mappings, 0, ValueKind::number);  // a field keeps its own type
    CHECK_FALSE(mappings[0].kind);
    const std::string json = mapping_profile_to_json(profile_from_mappings("bedragen", mappings));
    CHECK(json.find(R"("type": "number")") != std::string::npos);
    const ProfileLoad loaded = load_mapping_profile(json, shipped_dictionary());
    REQUIRE(loaded.profile);
    CHECK(loaded.profile->entries[1].kind == ValueKind::number);
    CHECK(loaded.profile->entries[2].kind == ValueKind::category);

    ImportOptions options;
    options.profile = loaded.profile;
    const ImportResult chosen = import_text(text, shipped_dictionary(), options);
    REQUIRE(chosen.ok());
    CHECK(chosen.columns[1].kind == ValueKind::number);
    CHECK(chosen.columns[1].kind_chosen);
    CHECK(chosen.columns[2].kind == ValueKind::category);
    const Column& amount = *chosen.dataset.find("Bedrag");
    CHECK(amount.type == ColumnType::number);
    CHECK(amount.numbers[0] == 12.5);
    CHECK(amount.is_missing(1));
    // The value that is not a number is not dropped silently: a warning names it.
    const Diagnostic* warning = find_diagnostic(chosen, DiagnosticReason::unparsable_number);
    REQUIRE(warning);
    CHECK(warning->value == "n.v.t.");
    CHECK(warning->column == "Bedrag");
    CHECK(chosen.dataset.find("Code")->texts[0] == "10");
    // The review's mapping of the chosen import gives the same profile again.
    CHECK(chosen.mappings()[1].kind == ValueKind::number);
    CHECK_FALSE(chosen.mappings()[2].kind == std::nullopt);

    // Going back to the inferred type.
    std::vector<HeaderMapping> again = chosen.mappings();
    choose_column_kind(again, 1, std::nullopt);
    CHECK(mapping_profile_to_json(profile_from_mappings("", again)).find(R"("header": "Bedrag",)") != std::string::npos);
    CHECK_FALSE(profile_from_mappings("", again).entries[1].kind);

    CHECK(load_mapping_profile(R"({"columns": [{"header": "X", "field": null, "type": "money"}]})", shipped_dictionary())
              .errors.size() == 1);
    CHECK(load_mapping_profile(R"({"columns": [{"header": "Plaatsen", "field": "capacity", "type": "number"}]})",
                               shipped_dictionary())
              .errors.size() == 1);
}

TEST_CASE("a protected column stays protected and refused whatever its type") {
    const std::string text = "dossier_id;Leeftijd;Geboorteland\nKO-1;34;BE\nKO-2;51;NL\nKO-3;34;BE\nKO-4;29;BE\n";
    ImportOptions options;
    MappingProfile profile;
    profile.entries = {{"dossier_id", "dossier_id"}, {"Leeftijd", ""}, {"Geboorteland", ""}};
    options.profile = profile;
    ImportResult result = import_text(text, shipped_dictionary(), options);
    REQUIRE(result.ok());
    CHECK(result.columns[1].extra);
    CHECK(result.columns[1].kind == ValueKind::whole_number);
    CHECK(result.columns[1].protected_attribute);
    CHECK(result.columns[2].kind == ValueKind::category);
    CHECK(result.columns[2].protected_attribute);
    AcceptOutcome accepted = accept_import(result, "");
    REQUIRE(accepted.accepted);
    const Dataset& dataset = accepted.accepted->dataset;
    CHECK(model_input_columns(dataset, {}, "dossier_id").empty());
    ModelSpec spec = test_model_for_columns();
    spec.parameters.push_back(parameter_for_column(spec, *dataset.find("Leeftijd")));
    ScoringContext context;
    const EngineResult engine = ScoringEngine::create(spec, dataset, context);
    CHECK_FALSE(engine.engine);
    CHECK(describe_problems(engine.problems).find("is protected and can never be a model input") != std::string::npos);
}

TEST_CASE("the scoring engine reads extra numeric, boolean and category columns") {
    const std::string text =
        "dossier_id;Bedrag;Vergund;Regio;Opmerking\n"
        "KO-1;12,5;ja;Oost;a\nKO-2;3;nee;West;b\nKO-3;7,25;ja;Oost;c\nKO-4;1;nee;West;d\n";
    ImportResult result = import_text(text);
    AcceptOutcome accepted = accept_import(result, "");
    REQUIRE(accepted.accepted);
    const Dataset& dataset = accepted.accepted->dataset;
    const std::vector<InputColumn> inputs = model_input_columns(dataset, {"nationality"}, "dossier_id");
    REQUIRE(inputs.size() == 3);  // not the id, not free text
    CHECK(inputs[0].name == "Bedrag");
    CHECK(inputs[1].kind == ValueKind::boolean);
    CHECK(inputs[2].kind == ValueKind::category);

    ModelSpec spec = test_model_for_columns();
    for (const char* name : {"Bedrag", "Vergund", "Regio"}) spec.parameters.push_back(parameter_for_column(spec, *dataset.find(name)));
    CHECK(spec.parameters[0].transforms[0].kind == TransformKind::linear);
    CHECK(spec.parameters[1].transforms[0].kind == TransformKind::boolean);
    REQUIRE(spec.parameters[2].transforms[0].kind == TransformKind::categorical);
    REQUIRE(spec.parameters[2].transforms[0].levels.size() == 2);
    spec.parameters[1].weight = 10.0;
    spec.parameters[2].transforms[0].levels[1].second = 100.0;  // West
    const EngineResult engine = ScoringEngine::create(spec, dataset, ScoringContext{});
    REQUIRE_MESSAGE(engine.engine, describe_problems(engine.problems));
    CHECK(engine.engine->raw_score(0) == doctest::Approx(12.5 + 10.0));
    CHECK(engine.engine->raw_score(1) == doctest::Approx(3.0 + 100.0));
    CHECK(engine.engine->raw_score(2) == doctest::Approx(7.25 + 10.0));
    CHECK(engine.engine->raw_score(3) == doctest::Approx(1.0 + 100.0));
    CHECK(engine.engine->ids().texts[engine.engine->ranking()[0]] == "KO-2");
    // A second parameter on the same column gets its own id.
    CHECK(parameter_for_column(spec, *dataset.find("Bedrag")).id == "Bedrag_2");
}

TEST_CASE("a custom field dictionary can only add protected fields") {
    const FieldDictionary& built_in = shipped_dictionary();
    const std::string custom = R"({"version": 1, "fields": [
        {"name": "dossier_id", "type": "text", "label": {"nl": "Dossier", "en": "Dossier"}, "id": true, "required": true},
        {"name": "herkomstland", "type": "text", "label": {"nl": "Herkomstland", "en": "Home country"},
         "synonyms": ["nationaliteit"]},
        {"name": "budget", "type": "number", "label": {"nl": "Budget", "en": "Budget"}}]})";
    const DictionaryLoad load = load_custom_field_dictionary(custom, built_in);
    REQUIRE_MESSAGE(load.dictionary, (load.errors.empty() ? "" : load.errors.front()));
    const FieldDictionary& dictionary = *load.dictionary;
    CHECK(dictionary.find("budget"));
    // Spelling "nationaliteit" makes the custom field protected, and it takes over the other
    // spellings of nationality; every other built-in protected field is added.
    CHECK(dictionary.is_protected("herkomstland"));
    CHECK_FALSE(dictionary.find("nationality"));
    for (const std::string& name : built_in.protected_names())
        if (name != "nationality") CHECK(dictionary.is_protected(name));
    const ImportResult result =
        import_text("Dossier;Geboorteland;Budget;Citizenship\nKO-1;BE;12,5;BE\n", dictionary);
    REQUIRE(result.ok());
    CHECK(result.columns[1].field == "country_of_birth");
    CHECK(result.columns[1].protected_attribute);
    CHECK(result.columns[2].field == "budget");
    CHECK(result.columns[3].field == "herkomstland");
    CHECK(result.columns[3].protected_attribute);

    // A custom dictionary cannot switch protection off, nor make a protected spelling the id.
    const std::string unprotecting = R"({"fields": [
        {"name": "dossier_id", "type": "text", "label": {"nl": "Dossier", "en": "Dossier"}, "id": true, "required": true},
        {"name": "nationality", "type": "text", "label": {"nl": "Nationaliteit", "en": "Nationality"}, "protected": false}]})";
    const DictionaryLoad kept = load_custom_field_dictionary(unprotecting, built_in);
    REQUIRE(kept.dictionary);
    CHECK(kept.dictionary->is_protected("nationality"));
    const std::string id_is_protected = R"({"fields": [
        {"name": "code", "type": "text", "label": {"nl": "Geboorteland", "en": "Code"}, "id": true, "required": true}]})";
    const DictionaryLoad refused = load_custom_field_dictionary(id_is_protected, built_in);
    CHECK_FALSE(refused.dictionary);
    REQUIRE_FALSE(refused.errors.empty());
    CHECK(refused.errors.front().find("built-in protected field 'country_of_birth'") != std::string::npos);
    CHECK_FALSE(load_custom_field_dictionary("{", built_in).dictionary);
}

namespace {

// A text column of `values` ("" is a missing cell), as the importer reads an extra column.
Column text_column_of(const std::vector<std::string>& values) {
    Column column;
    column.name = "Bedrag";
    column.protected_attribute = true;
    for (const std::string& value : values) {
        if (value.empty())
            column.push_missing();
        else
            column.push_text(value);
    }
    return column;
}

// Five thousand distinct values made by `value_of(i)`, every seventh cell empty, and `last` at the end.
std::vector<std::string> distinct_values(std::string (*value_of)(int), const std::string& last) {
    std::vector<std::string> values;
    for (int i = 0; i < 5000; ++i) values.push_back(i % 7 == 3 ? "" : value_of(i));
    values.push_back(last);
    return values;
}

}  // namespace

TEST_CASE("extra columns: a pooled column is inferred and converted as the two steps do, each value parsed once") {
    const auto amount = [](int i) { return std::to_string(1000 + i) + "," + std::to_string(10 + i % 90); };
    const auto whole = [](int i) { return std::to_string(i * 3 + 1); };
    const auto date = [](int i) {
        const CivilDate day = civil_from_days(10000 + i);
        const auto two = [](int n) { return std::to_string(100 + n).substr(1); };
        return two(day.day) + "/" + two(day.month) + "/" + std::to_string(day.year);
    };
    struct Case {
        std::vector<std::string> values;
        ValueKind expected;
    };
    const std::vector<Case> cases = {
        {distinct_values(+amount, "7,5"), ValueKind::number},
        {distinct_values(+whole, "12"), ValueKind::whole_number},
        {distinct_values(+whole, "12,5"), ValueKind::number},  // one fraction at the end
        {distinct_values(+date, "29/02/2024"), ValueKind::date},
        {distinct_values(+date, "30/02/2024"), ValueKind::text},  // no such day
        {distinct_values(+amount, "onbekend"), ValueKind::text},
        {distinct_values(+whole, "0123"), ValueKind::text},  // a code, not a quantity
    };
    for (const Case& c : cases) {
        CAPTURE(c.values.back());
        const Column text = text_column_of(c.values);
        REQUIRE(text.texts.pooled());
        const ValueKind two_step_kind = infer_value_kind(text, DecimalMark::comma);
        const Column two_steps = converted_column(text, two_step_kind, DecimalMark::comma);
        const Column once = inferred_column(text, DecimalMark::comma);
        CHECK(two_step_kind == c.expected);
        REQUIRE(once.kind == c.expected);
        REQUIRE(once.type == two_steps.type);
        CHECK(once.name == "Bedrag");
        CHECK(once.protected_attribute);
        REQUIRE(once.size() == text.size());
        for (std::size_t row = 0; row < once.size(); ++row) {
            REQUIRE(once.is_missing(row) == two_steps.is_missing(row));
            if (once.type == ColumnType::text)
                REQUIRE(once.texts[row] == two_steps.texts[row]);
            else
                REQUIRE(once.numbers[row] == two_steps.numbers[row]);
        }
        if (once.type != ColumnType::text) CHECK(once.numbers.wide() == two_steps.numbers.wide());
    }
    // Through an import: five thousand distinct amounts make a number column.
    const ImportResult result = import_extra(distinct_values(+amount, "7,5"));
    CHECK(result.columns[1].kind == ValueKind::number);
    CHECK(extra_column(result).numbers[0] == doctest::Approx(1000.10));
    CHECK(extra_column(result).numbers[5000] == doctest::Approx(7.5));
    CHECK(extra_column(result).is_missing(3));
}
