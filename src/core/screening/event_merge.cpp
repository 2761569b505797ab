// Merge of event sets by id.
#include "core/screening/event_merge.hpp"

#include <map>

#include "core/screening/event_json.hpp"

namespace radar {

EventMerge merge_events(const std::vector<ScreeningEvent>& local, const std::vector<ScreeningEvent>& incoming) {
    std::map<std::string, std::string> held;  // event id -> canonical text
    for (const ScreeningEvent& event : local) held.emplace(event.event_id, event_to_text(event));
    EventMerge merge;
    for (const ScreeningEvent& event : incoming) {
        std::string text = event_to_text(event);
        const auto [found, inserted] = held.emplace(event.event_id, text);
        if (inserted) {
            merge.added.push_back(event);
        } else if (found->second == text) {
            ++merge.identical;
        } else {
            merge.conflicts.push_back({event.event_id, found->second, std::move(text)});
        }
    }
    return merge;
}

}  // namespace radar
