// CSV output quoting and the FNV-1a fingerprint.
#include <doctest/doctest.h>

#include "core/data/csv_writer.hpp"

using namespace radar;

TEST_CASE("fields with separators, quotes or newlines are quoted") {
    Dataset dataset;
    Column& name = dataset.add_column("name", ColumnType::text);
    name.push_text("plain");
    name.push_text("a,b");
    name.push_text("say \"hi\"");
    name.push_text("two\nlines");
    name.push_missing();
    CHECK(write_csv(dataset) == "name\nplain\n\"a,b\"\n\"say \"\"hi\"\"\"\n\"two\nlines\"\n\n");
}

TEST_CASE("FNV-1a matches its published test vectors") {
    CHECK(fnv1a_64("") == 0xcbf29ce484222325ULL);
    CHECK(fnv1a_64("a") == 0xaf63dc4c8601ec8cULL);
    CHECK(fnv1a_64("foobar") == 0x85944171f73967e8ULL);
}
