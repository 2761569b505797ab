// JSON form of screening events: one object per event, with strict validation on the way in
// (every error names the event and the field).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/checked.hpp"
#include "core/screening/screening_event.hpp"
#include "core/base/strict_json.hpp"

namespace radar {

Json event_to_json(const ScreeningEvent& event);
// `context` prefixes error messages, e.g. "events[12]".
Checked<ScreeningEvent> event_from_json(const Json& value, const std::string& context = "event");

// Canonical text of one event (what identical/conflicting duplicates are compared on).
std::string event_to_text(const ScreeningEvent& event);
Checked<ScreeningEvent> parse_event(std::string_view text);

// A JSON array of events, one per line (the history file of the CLI, a readable export).
std::string events_to_text(const std::vector<ScreeningEvent>& events);
Checked<std::vector<ScreeningEvent>> events_from_json(const Json& array, const std::string& context = "events");
Checked<std::vector<ScreeningEvent>> parse_events(std::string_view text);

}  // namespace radar
