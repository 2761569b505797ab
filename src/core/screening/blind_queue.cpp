// The blind queue: a Fisher-Yates shuffle driven by the batch's seed and id.
#include "core/screening/blind_queue.hpp"

#include <numeric>

#include "core/base/random.hpp"
#include "core/base/stable_hash.hpp"

namespace radar {

bool screened_blind(const BatchState& batch) {
    for (const BatchMember& member : batch.members)
        if (member.kind == SelectionKind::control) return true;
    return false;
}

std::vector<std::size_t> blind_queue_order(const BatchState& batch, std::uint64_t control_seed) {
    std::vector<std::size_t> order(batch.members.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    // Another stream than the control draw's (which starts from the seed itself).
    Random random(control_seed ^ stable_text_hash(batch.batch_id));
    for (std::size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[random.below(static_cast<std::uint32_t>(i))]);
    return order;
}

}  // namespace radar
