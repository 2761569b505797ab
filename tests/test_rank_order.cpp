// The tie order by dossier id and the stable key sort under it (both also run in steps): the radix
// path must give exactly the order of a stable comparison sort, whatever the ids share, hold or lack.
#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "core/model/key_sort.hpp"
#include "core/model/rank_order.hpp"
#include "core/base/random.hpp"

using namespace radar;

namespace {

// The definition: missing ids first, then ids ascending by unsigned bytes, equal ids in row order.
std::vector<std::uint32_t> reference_order(const Column& ids) {
    std::vector<std::uint32_t> order(ids.size());
    std::iota(order.begin(), order.end(), std::uint32_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (ids.missing[a] != ids.missing[b]) return ids.missing[a] > ids.missing[b];
        if (ids.missing[a]) return false;
        return ids.texts[a] < ids.texts[b];
    });
    return order;
}

Column text_ids(const std::vector<std::string>& values, const std::vector<bool>& missing = {}) {
    Column column;
    column.type = ColumnType::text;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i < missing.size() && missing[i]) column.push_missing();
        else column.push_text(values[i]);
    }
    return column;
}

// Random ids over a small alphabet (so that equal ids and shared prefixes are common) behind a
// prefix every id shares, of random lengths around the 8 key bytes.
std::vector<std::string> random_ids(Random& random, std::size_t count, const std::string& shared) {
    const std::string alphabet{'a', 'b', '\0', '\x7f', '\x80', '\xff'};
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < count; ++i) {
        std::string id = shared;
        const std::uint32_t length = random.below(14);
        for (std::uint32_t c = 0; c < length; ++c) id.push_back(alphabet[random.below(static_cast<std::uint32_t>(alphabet.size()))]);
        ids.push_back(id);
    }
    return ids;
}

}  // namespace

TEST_CASE("the tie order puts missing ids first, then ids by bytes, equal ids in row order") {
    const Column ids = text_ids({"KO-1000002", "KO-1000001", "", "KO-100", "KO-1000001", "KO-10000010", "A"},
                                {false, false, true, false, false, false, false});
    CHECK(order_by_id(ids) == std::vector<std::uint32_t>{2, 6, 3, 1, 4, 5, 0});
}

TEST_CASE("the tie order of text ids equals a stable comparison sort on random ids") {
    Random random(20261129);
    for (const std::string& shared : std::vector<std::string>{"", "KO-1", "DOSSIER-00000000", std::string("\xff\xff\0", 3)}) {
        for (int round = 0; round < 40; ++round) {
            const std::size_t count = random.below(300);
            const std::vector<std::string> values = random_ids(random, count, shared);
            std::vector<bool> missing;
            for (std::size_t i = 0; i < count; ++i) missing.push_back(random.below(10) == 0);
            const Column ids = text_ids(values, missing);
            INFO("shared prefix size " << shared.size() << ", " << count << " ids");
            CHECK(order_by_id(ids) == reference_order(ids));
        }
    }
}

TEST_CASE("the tie order built in slices of rows equals a stable comparison sort, within its planned steps") {
    // Over two and a half slices, with missing ids and long runs of equal keys across the
    // slices' edges (ids that differ only after the 8 key bytes).
    Random random(20261206);
    const std::size_t count = IdOrderBuild::rows_per_step * 5 / 2 + 17;
    std::vector<std::string> values;
    std::vector<bool> missing;
    for (std::size_t i = 0; i < count; ++i) {
        // After the shared "KO-", the 8 key bytes: two letters of 49 groups, then six dashes.
        const std::string group{static_cast<char>('a' + random.below(7)), static_cast<char>('a' + random.below(7))};
        values.push_back("KO-" + group + "------" + std::to_string(random.below(1000)));
        missing.push_back(random.below(20) == 0);
    }
    const Column ids = text_ids(values, missing);
    IdOrderBuild build(ids);
    std::size_t steps = 1;
    while (!build.advance()) ++steps;
    CHECK(steps > 3 * 3);  // the rows, their shared prefix and keys: three slices each
    CHECK(steps <= IdOrderBuild::planned_steps(count));
    CHECK(build.take() == reference_order(ids));
}

TEST_CASE("the tie order of numeric ids is by value, missing first") {
    Column ids;
    ids.type = ColumnType::number;
    ids.push_number(3);
    ids.push_missing();
    ids.push_number(-1);
    ids.push_number(3);
    CHECK(order_by_id(ids) == std::vector<std::uint32_t>{1, 2, 0, 3});
}

TEST_CASE("the stable key sort, at once or a pass per step, orders keys ascending and keeps rows with equal keys in order") {
    Random random(7);
    StableKeySort sorter;
    for (int round = 0; round < 20; ++round) {
        const std::size_t count = random.below(5000);
        std::vector<std::uint64_t> keys;
        for (std::size_t i = 0; i < count; ++i) {
            // Keys differing in high bits only, in low bits only, or anywhere.
            const std::uint64_t value = random.next();
            keys.push_back(round % 3 == 0 ? value >> 60 << 60 : round % 3 == 1 ? value & 0x3ff : value);
        }
        std::vector<std::uint32_t> rows(count);
        std::iota(rows.begin(), rows.end(), std::uint32_t{0});
        std::vector<std::uint32_t> expected = rows;
        std::stable_sort(expected.begin(), expected.end(), [&](std::uint32_t a, std::uint32_t b) { return keys[a] < keys[b]; });
        std::vector<std::uint64_t> expected_keys;
        for (const std::uint32_t row : expected) expected_keys.push_back(keys[row]);
        if (round % 2 == 0) {
            sorter.sort(keys, rows);
        } else {
            sorter.start(keys);
            int passes = 1;
            while (!sorter.pass(keys, rows)) ++passes;
            CHECK(passes <= 6);
        }
        CHECK(rows == expected);
        CHECK(keys == expected_keys);
    }
}
