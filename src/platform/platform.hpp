// The one interface between the app and its host (browser or native process). Later issues add
// file open, download and key-value storage here; only platform_web.cpp may use EM_JS/EM_ASM.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/time/civil_date.hpp"
#include "core/time/timestamp.hpp"

namespace radar::platform {

// Today's date in the user's local time zone.
DayNumber today();

// The current time as ISO 8601 UTC, e.g. "2026-11-29T00:47:27Z".
std::string now_iso();
// The current moment in milliseconds since 1970-01-01T00:00:00Z (JavaScript's Date.now()).
std::int64_t now_millis();

// Minutes east of UTC in the user's time zone at that moment (summer time included).
int utc_offset_minutes(Timestamp at);

// 128 bits from the host's cryptographic random source (web: crypto.getRandomValues), for
// event ids that stay unique across devices.
struct RandomBits128 {
    std::uint64_t high = 0;
    std::uint64_t low = 0;
};
RandomBits128 random_bits_128();

// A start-up option: a URL query parameter in the browser, an environment variable natively
// (RADAR_<NAME> upper-cased). Nothing when absent.
std::optional<std::string> start_option(const std::string& name);

// Tells the host the app has drawn its first frames (the page removes its loading screen and
// resolves window.radar.ready). A no-op natively.
void notify_ready();

// Runs `work` in tasks of its own between the frames (web: a message the page posts to itself,
// so no timer clamping), again while it returns true; a later call replaces the work and starts
// it again if it had stopped. Natively, where no frames are drawn, runs it at once until it
// returns false.
void work_between_frames(std::function<bool()> work);

// Tells the host that reading a stored dataset again at start-up began (true) or ended (false).
// The page remembers an unfinished one, so that the next start can offer to skip the dataset
// when it crashed or hung the page. A no-op natively.
void note_dataset_restore(bool in_progress);

// Shows a message the user can read even when no frame can be drawn (e.g. no WebGL2).
void report_fatal_error(const std::string& message);

// Starts the app afresh (after everything stored was forgotten) and has the next start show
// `notice` once (take_start_notice). A no-op natively.
void reload_page_with_notice(const std::string& notice);
// The notice the page was reloaded with, once; nothing otherwise.
std::optional<std::string> take_start_notice();

// The page's offline and trust facts (web: index.html's window.radarOffline; natively: nothing
// to say). `requests_after_start` counts every request the page made after start-up, to any
// server, its own included.
enum class OfflineState { unsupported, installing, ready, failed };
struct OfflineStatus {
    OfflineState state = OfflineState::unsupported;
    bool update_waiting = false;
    int requests_after_start = 0;
};
OfflineStatus offline_status();
// Swaps in the waiting new version and reloads the page (only when the user asks).
void activate_new_version();

// The workspace this page works in: the user's own store, or the demo's store of its own (a
// simulated year on synthetic dossiers, never mixed with real work). The page chooses before the
// app starts: ?workspace=demo|own, otherwise the demo until the browser holds a store of the
// user's own. Natively always the own one.
enum class Workspace { own, demo };
Workspace start_workspace();
// Reloads the page in `workspace`; the demo starts again from a freshly simulated year when
// `fresh_demo`. A no-op natively.
void open_workspace(Workspace workspace, bool fresh_demo);

}  // namespace radar::platform
