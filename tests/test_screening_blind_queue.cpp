// Blind screening: which batches are screened blind, and their queue order (a permutation of all
// members, the same for the same batch and seed, another for another seed or batch).
#include <doctest/doctest.h>

#include <algorithm>

#include "core/screening/blind_queue.hpp"
#include "screening_fixtures.hpp"

using namespace radar;
using namespace radar::fixtures;

TEST_CASE("a batch with a control sample is screened blind, in one shuffled order that a reload repeats") {
    CHECK_FALSE(screened_blind(batch_of("2026-11", 25, 0)));
    const BatchState batch = batch_of("2026-11", 25, 5);
    CHECK(screened_blind(batch));

    const std::vector<std::size_t> order = blind_queue_order(batch, 123456789);
    std::vector<std::size_t> sorted = order;
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::size_t> every(batch.members.size());
    for (std::size_t i = 0; i < every.size(); ++i) every[i] = i;
    CHECK(sorted == every);
    CHECK(order != every);
    CHECK(blind_queue_order(batch, 123456789) == order);
    CHECK(blind_queue_order(batch, 123456790) != order);
    CHECK(blind_queue_order(batch_of("2026-12", 25, 5), 123456789) != order);

    // The control members are spread through the queue, not gathered at its end.
    std::size_t control_in_first_half = 0;
    for (std::size_t n = 0; n < order.size() / 2; ++n)
        control_in_first_half += batch.members[order[n]].kind == SelectionKind::control;
    CHECK(control_in_first_half > 0);
}
