// Every transform and every missing-value policy, cell by cell on a hand-made dataset.
#include <doctest/doctest.h>

#include <cmath>

#include "core/model/transform_eval.hpp"
#include "model_fixtures.hpp"

using namespace radar;
using namespace radar::test;

namespace {

const DayNumber reference = day(2023, 12, 1);

ModelParameter parameter_of(const std::string& field, const std::string& transforms,
                            const std::string& missing = R"({"policy": "unknown"})") {
    const ModelSpec spec = parse_or_fail(model_json_with(parameter_json("p", field, transforms, "1", missing)));
    REQUIRE(spec.parameters.size() == 1);
    return spec.parameters.front();
}

// Transform outputs of all five rows, through the column path.
std::vector<double> outputs(const std::string& field, const std::string& transforms,
                            const std::string& missing = R"({"policy": "unknown"})") {
    const Dataset dataset = small_dossiers();
    const ModelParameter parameter = parameter_of(field, transforms, missing);
    std::vector<double> result(dataset.row_count());
    transform_column(parameter, *dataset.find(field), reference, result.data());
    // The single-cell path (explanations) must agree with the column path (scoring).
    for (std::size_t row = 0; row < result.size(); ++row)
        CHECK(transform_cell(parameter, *dataset.find(field), row, reference).output == result[row]);
    return result;
}

using Values = std::vector<double>;

}  // namespace

TEST_CASE("linear passes the value through") {
    CHECK(outputs("amount", R"([{"type": "linear"}])") == Values{2.5, -4.0, 0.0, 100.0, 0.25});
}

TEST_CASE("clamp caps at min and max, either alone or both") {
    CHECK(outputs("amount", R"([{"type": "clamp", "min": 0, "max": 10}])") == Values{2.5, 0.0, 0.0, 10.0, 0.25});
    CHECK(outputs("amount", R"([{"type": "clamp", "max": 1}])") == Values{1.0, -4.0, 0.0, 1.0, 0.25});
    CHECK(outputs("amount", R"([{"type": "clamp", "min": 1}])") == Values{2.5, 1.0, 0.0, 100.0, 1.0});
}

TEST_CASE("step gives the value of the highest threshold reached, 'below' under the first") {
    const std::string step = R"([{"type": "step", "bins": [{"from": 0.25, "value": 1}, {"from": 2.5, "value": 5}, {"from": 50, "value": 9}], "below": -2}])";
    CHECK(outputs("amount", step) == Values{5.0, -2.0, 0.0, 9.0, 1.0});
}

TEST_CASE("boolean: non-zero numbers, or listed text levels") {
    CHECK(outputs("complaints", R"([{"type": "boolean"}])") == Values{0.0, 1.0, 1.0, 0.0, 1.0});
    CHECK(outputs("status", R"([{"type": "boolean", "true_levels": ["aanmaning", "schorsing"]}])") ==
          Values{0.0, 1.0, 1.0, 0.0, 0.0});
}

TEST_CASE("categorical maps levels to values and unseen levels to the default") {
    const std::string levels = R"([{"type": "categorical", "levels": {"schorsing": 10, "aanmaning": 6, "geen": 0}, "default": 1.5}])";
    CHECK(outputs("status", levels) == Values{0.0, 6.0, 10.0, 1.5, 0.0});
}

TEST_CASE("levels over a dictionary column (each value once) and over a pooled column equal the cell by cell path") {
    const std::string levels = R"([{"type": "categorical", "levels": {"schorsing": 10, "aanmaning": 6}, "default": 1.5}])";
    const std::string flags = R"([{"type": "boolean", "true_levels": ["aanmaning"]}])";
    Dataset dataset;
    Column& few = dataset.add_column("status", ColumnType::text);      // a dictionary of 4 values
    Column& many = dataset.add_column("remark", ColumnType::text);     // past the dictionary limit: a pool
    const char* statuses[] = {"schorsing", "aanmaning", "geen", "onbekend"};
    const std::size_t rows = 2 * TextColumn::dictionary_limit;  // a third of them one value
    for (std::size_t row = 0; row < rows; ++row) {
        if (row % 9 == 4) few.push_missing();
        else few.push_text(statuses[row % 4]);
        many.push_text(row % 3 == 0 ? std::string("aanmaning") : "opmerking " + std::to_string(row));
    }
    REQUIRE_FALSE(few.texts.pooled());
    REQUIRE(many.texts.pooled());
    for (const std::string& transforms : {levels, flags})
        for (const char* field : {"status", "remark"}) {
            CAPTURE(field);
            const ModelParameter parameter = parameter_of(field, transforms);
            const Column& column = *dataset.find(field);
            std::vector<double> result(rows);
            transform_column(parameter, column, reference, result.data());
            bool same = true;
            for (std::size_t row = 0; row < rows; ++row)
                same = same && transform_cell(parameter, column, row, reference).output == result[row];
            CHECK(same);
        }
    std::vector<double> status_levels(rows);
    transform_column(parameter_of("status", levels), few, reference, status_levels.data());
    CHECK(std::vector<double>(status_levels.begin(), status_levels.begin() + 5) == Values{10.0, 6.0, 1.5, 1.5, 0.0});
}

TEST_CASE("time since a date in whole days or whole calendar months, relative to the reference date") {
    CHECK(outputs("last_inspection", R"([{"type": "time_since", "unit": "days"}])") ==
          Values{double(reference - day(2021, 5, 3)), 11.0, 0.0, double(reference - day(2020, 1, 31)), 0.0});
    // 2021-05-03 -> 2023-12-01 is 30 whole months (the 31st would end on 2023-12-03).
    CHECK(outputs("last_inspection", R"([{"type": "time_since", "unit": "months"}])") == Values{30.0, 0.0, 0.0, 46.0, 0.0});
    CHECK(whole_months_between(day(2023, 1, 31), day(2023, 2, 28)) == 1);  // month ends clamp, like add_months
    CHECK(whole_months_between(day(2023, 1, 31), day(2023, 2, 27)) == 0);
    CHECK(whole_months_between(day(2024, 2, 29), day(2025, 2, 28)) == 12);
    CHECK(whole_months_between(day(2023, 12, 15), day(2023, 12, 1)) == -1);
    CHECK(whole_months_between(day(2023, 12, 1), day(2023, 12, 1)) == 0);
}

TEST_CASE("month ages over a column of many days, repeated and sharing remembered slots, equal month by month") {
    // Days over 30 years (more days than the pipeline remembers), each twice, and days 4,096 apart
    // (the same slot) one after the other.
    Dataset dataset;
    Column& dates = dataset.add_column("last_inspection", ColumnType::date);
    std::vector<DayNumber> days;
    for (DayNumber d = day(1995, 1, 1); d <= reference + 40; d += 3) days.push_back(d);
    for (DayNumber d = day(1995, 1, 1); d <= reference + 40; d += 7) days.push_back(d);
    for (DayNumber d = day(2001, 3, 31); d + 4096 <= reference; d += 97) {
        days.push_back(d);
        days.push_back(d + 4096);
        days.push_back(d);
    }
    for (const DayNumber d : days) dates.push_number(d);
    const ModelParameter parameter = parameter_of("last_inspection", R"([{"type": "time_since", "unit": "months"}])");
    std::vector<double> result(days.size());
    transform_column(parameter, dates, reference, result.data());
    for (std::size_t row = 0; row < days.size(); ++row) REQUIRE(result[row] == whole_months_between(days[row], reference));
}

TEST_CASE("time since feeds later steps: an inspection-age step") {
    const std::string pipeline = R"([{"type": "time_since", "unit": "months"},
        {"type": "step", "bins": [{"from": 24, "value": 3}, {"from": 36, "value": 6}], "below": 0}])";
    CHECK(outputs("last_inspection", pipeline) == Values{3.0, 0.0, 0.0, 6.0, 0.0});
}

TEST_CASE("log(1+x), with negative values taken as 0") {
    const Values values = outputs("amount", R"([{"type": "log1p"}])");
    CHECK(values[0] == std::log1p(2.5));
    CHECK(values[1] == 0.0);
    CHECK(values[3] == std::log1p(100.0));
    CHECK(values[3] == doctest::Approx(4.61512051684126));
}

TEST_CASE("pipelines apply their steps in order") {
    CHECK(outputs("amount", R"([{"type": "clamp", "min": 0, "max": 3}, {"type": "log1p"}])")[3] == std::log1p(3.0));
    CHECK(outputs("amount", R"([{"type": "log1p"}, {"type": "clamp", "max": 1}])")[3] == 1.0);
}

TEST_CASE("missing policy 'neutral' transforms the stated value") {
    // complaints is missing in row 3; amount in row 2; status in row 4; last_inspection in row 2.
    CHECK(outputs("complaints", R"([{"type": "clamp", "max": 5}])", R"({"policy": "neutral", "value": 9})")[3] == 5.0);
    CHECK(outputs("status", R"([{"type": "categorical", "levels": {"aanmaning": 6}, "default": 1}])",
                  R"({"policy": "neutral", "value": "aanmaning"})")[4] == 6.0);
    // After time_since, the neutral value is an age in the step's unit.
    CHECK(outputs("last_inspection", R"([{"type": "time_since", "unit": "months"}, {"type": "clamp", "max": 40}])",
                  R"({"policy": "neutral", "value": 48})")[2] == 40.0);
    const Dataset dataset = small_dossiers();
    const TransformedCell cell = transform_cell(
        parameter_of("complaints", R"([{"type": "linear"}])", R"({"policy": "neutral", "value": 2})"),
        *dataset.find("complaints"), 3, reference);
    CHECK(cell.missing);
    CHECK(cell.input == 2.0);
    CHECK(cell.output == 2.0);
}

TEST_CASE("missing policies 'points' and 'unknown' leave the transform output at 0") {
    const Dataset dataset = small_dossiers();
    for (const char* missing : {R"({"policy": "points", "points": 7})", R"({"policy": "unknown"})"}) {
        CHECK(outputs("complaints", R"([{"type": "linear"}])", missing)[3] == 0.0);
        const TransformedCell cell =
            transform_cell(parameter_of("complaints", R"([{"type": "linear"}])", missing), *dataset.find("complaints"), 3, reference);
        CHECK(cell.missing);
        CHECK_FALSE(cell.input.has_value());
    }
}
