// Merging two sets of screening events by event id (another screener's export, a restored
// backup): idempotent, identical duplicates ignored, conflicting duplicates reported.
#pragma once

#include <string>
#include <vector>

#include "core/screening/screening_event.hpp"

namespace radar {

struct EventConflict {
    std::string event_id;
    std::string local_text;     // canonical JSON of the event already held
    std::string incoming_text;  // canonical JSON of the differing incoming event
};

struct EventMerge {
    std::vector<ScreeningEvent> added;  // incoming events not held yet: what the store must write
    std::size_t identical = 0;          // incoming events already held byte-for-byte
    std::vector<EventConflict> conflicts;  // same id, different content: the local event is kept
};

EventMerge merge_events(const std::vector<ScreeningEvent>& local, const std::vector<ScreeningEvent>& incoming);

}  // namespace radar
