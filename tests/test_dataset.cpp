// Dataset columns: lookup, missing cells and cell formatting.
#include <doctest/doctest.h>

#include "dataset.hpp"

using namespace radar;

TEST_CASE("cells format by column type and missing stays distinct from zero") {
    Dataset dataset;
    Column& count = dataset.add_column("count", ColumnType::integer);
    Column& when = dataset.add_column("when", ColumnType::date);
    Column& ratio = dataset.add_column("ratio", ColumnType::number);
    count.push_number(0);
    count.push_missing();
    when.push_number(days_from_civil({2024, 5, 1}));
    when.push_missing();
    ratio.push_number(0.25);
    ratio.push_number(3);
    CHECK(dataset.row_count() == 2);
    CHECK(dataset.cell_text(0, 0) == "0");
    CHECK(dataset.cell_text(0, 1).empty());
    CHECK(dataset.cell_text(1, 0) == "2024-05-01");
    CHECK(dataset.cell_text(2, 0) == "0.25");
    CHECK(dataset.cell_text(2, 1) == "3");
    CHECK(dataset.index_of("when") == 1u);
    CHECK(dataset.find("absent") == nullptr);
}
