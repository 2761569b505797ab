// Shared by the test_model_*.cpp files: reading the shipped default model, JSON builders for
// small models, and a hand-made dataset whose every value is known.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "core/data/dataset.hpp"
#include "core/model/model_json.hpp"

namespace radar::test {

inline std::string read_text_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

inline std::string default_model_text() { return read_text_file(std::string(RADAR_ASSETS_DIR) + "/models/default.json"); }

inline ModelSpec parse_or_fail(const std::string& text) {
    ModelParseResult parsed = parse_model_json(text);
    return parsed.ok() ? *parsed.spec : ModelSpec{};
}

inline DayNumber day(int year, int month, int day_of_month) { return days_from_civil({year, month, day_of_month}); }

// Five dossiers: ids out of order, one of each missing kind, values chosen for hand computation.
inline Dataset small_dossiers() {
    Dataset d;
    Column& id = d.add_column("dossier_id", ColumnType::text);
    Column& count = d.add_column("complaints", ColumnType::integer);
    Column& amount = d.add_column("amount", ColumnType::number);
    Column& status = d.add_column("status", ColumnType::text);
    Column& inspected = d.add_column("last_inspection", ColumnType::date);
    Column& nationality = d.add_column("nationality", ColumnType::text);
    for (const char* text : {"KO-5", "KO-3", "KO-1", "KO-4", "KO-2"}) id.push_text(text);
    count.push_number(0);
    count.push_number(3);
    count.push_number(7);
    count.push_missing();
    count.push_number(1);
    amount.push_number(2.5);
    amount.push_number(-4.0);
    amount.push_missing();
    amount.push_number(100.0);
    amount.push_number(0.25);
    status.push_text("geen");
    status.push_text("aanmaning");
    status.push_text("schorsing");
    status.push_text("onbekend niveau");
    status.push_missing();
    inspected.push_number(day(2021, 5, 3));
    inspected.push_number(day(2023, 11, 20));
    inspected.push_missing();
    inspected.push_number(day(2020, 1, 31));
    inspected.push_number(day(2023, 12, 1));
    for (int i = 0; i < 5; ++i) nationality.push_text("BE");
    return d;
}

}  // namespace radar::test

namespace radar::test {

// A complete model JSON around the given parameter objects (comma-separated JSON text).
inline std::string model_json_with(const std::string& parameters, const std::string& output =
                                       R"({"logistic": false, "display": {"mapping": "range", "min": 0, "max": 10}})",
                                   const std::string& intercept = "0") {
    return R"({"schema_version": 1, "id": "test", "name": "Test model", "author": "tests",
              "created_at": "2024-01-15", "description": "", "intercept": )" +
           intercept + R"(, "output": )" + output + R"(, "parameters": [)" + parameters + "]}";
}

// One parameter's JSON with the usual labels; `transforms` and `missing` are JSON text.
inline std::string parameter_json(const std::string& id, const std::string& field, const std::string& transforms,
                                  const std::string& weight = "1",
                                  const std::string& missing = R"({"policy": "unknown"})") {
    return R"({"id": ")" + id + R"(", "field": ")" + field + R"(", "transforms": )" + transforms +
           R"(, "weight": )" + weight + R"(, "missing": )" + missing +
           R"(, "label": {"nl": "Label", "en": "Label"}, "rationale": {"nl": "Waarom", "en": "Why"}})";
}

}  // namespace radar::test
