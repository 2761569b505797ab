// Browser implementation of the platform interface: the only file with EM_JS.
#include <emscripten.h>

#include <cstdlib>
#include <functional>

#include "platform.hpp"
#include "wheel_steps.hpp"

namespace {

EM_JS(int, js_today_packed, (), {
    const now = new Date();
    return now.getFullYear() * 10000 + (now.getMonth() + 1) * 100 + now.getDate();
});

// getTimezoneOffset() is minutes west of UTC for that moment's date.
EM_JS(int, js_utc_offset_minutes, (double millis), { return -new Date(millis).getTimezoneOffset(); });

// Date.now() is a whole number of milliseconds; a double holds it exactly.
EM_JS(double, js_now_millis, (), { return Date.now(); });

// Fills four 32-bit words from the browser's cryptographic random source.
EM_JS(void, js_random_words, (unsigned int* words), {
    const values = new Uint32Array(4);
    crypto.getRandomValues(values);
    HEAPU32.set(values, words >> 2);
});

// Returns a malloc'ed UTF-8 copy of the query parameter, or 0 when it is absent.
EM_JS(char*, js_query_parameter, (const char* name), {
    const value = new URLSearchParams(window.location.search).get(UTF8ToString(name));
    if (value === null) return 0;
    const size = lengthBytesUTF8(value) + 1;
    const buffer = _malloc(size);
    stringToUTF8(value, buffer, size);
    return buffer;
});

// Returns a malloc'ed "YYYY-MM-DDTHH:MM:SSZ".
EM_JS(char*, js_now_iso, (), {
    const text = new Date().toISOString().slice(0, 19) + 'Z';
    const buffer = _malloc(text.length + 1);
    stringToUTF8(text, buffer, text.length + 1);
    return buffer;
});

EM_JS(void, js_notify_ready, (), {
    if (Module.onRadarReady) Module.onRadarReady();
});

// The notice waits in sessionStorage (this tab only) for the next start.
EM_JS(void, js_reload_page_with_notice, (const char* notice), {
    try { sessionStorage.setItem('radar.notice', UTF8ToString(notice)); } catch (error) { /* shown nowhere, nothing lost */ }
    window.location.reload();
});

// Returns a malloc'ed copy of the start notice and removes it, or 0 when there is none.
EM_JS(char*, js_take_start_notice, (), {
    let notice = null;
    try {
        notice = sessionStorage.getItem('radar.notice');
        sessionStorage.removeItem('radar.notice');
    } catch (error) { return 0; }
    if (notice === null) return 0;
    const size = lengthBytesUTF8(notice) + 1;
    const buffer = _malloc(size);
    stringToUTF8(notice, buffer, size);
    return buffer;
});

EM_JS(void, js_note_dataset_restore, (int in_progress), {
    if (Module.onRadarRestore) Module.onRadarRestore(in_progress !== 0);
});

EM_JS(void, js_report_fatal_error, (const char* message), {
    if (Module.onRadarFatal) Module.onRadarFatal(UTF8ToString(message));
});

// window.radarOffline (index.html) packed: state (0-3) + 4 x update waiting.
EM_JS(int, js_offline_flags, (), {
    const offline = window.radarOffline;
    if (!offline) return 0;
    const states = ['unsupported', 'installing', 'ready', 'failed'];
    return Math.max(0, states.indexOf(offline.state)) + (offline.updateWaiting ? 4 : 0);
});
EM_JS(int, js_requests_after_start, (), { return window.radarOffline ? window.radarOffline.requestsAfterStart : 0; });
EM_JS(void, js_activate_new_version, (), {
    if (window.radarOffline) window.radarOffline.activateNewVersion();
});

// index.html chose the workspace before the app started (Module.radarWorkspace).
EM_JS(int, js_start_workspace_is_demo, (), { return Module.radarWorkspace === 'demo' ? 1 : 0; });

// The page again, in the other workspace; index.html clears the demo's store first on demoReset.
EM_JS(void, js_open_workspace, (int demo, int fresh_demo), {
    const url = new URL(window.location.href);
    url.searchParams.set('workspace', demo ? 'demo' : 'own');
    if (fresh_demo) url.searchParams.set('demoReset', '1');
    else url.searchParams.delete('demoReset');
    window.location.assign(url.href);
});

// Wheel events over the canvas go to radar_platform_wheel instead of GLFW: captured on the
// window before they reach the canvas, where Emscripten's GLFW listens.
EM_JS(void, js_install_wheel_listener, (), {
    window.addEventListener('wheel', (event) => {
        if (event.target !== Module.canvas) return;
        event.preventDefault();
        event.stopPropagation();
        _radar_platform_wheel(event.deltaX, event.deltaY, event.deltaMode);
    }, { capture: true, passive: false });
});

// One channel whose messages call radar_platform_between_frames, each in a task of its own.
EM_JS(void, js_post_between_frames_task, (), {
    if (!Module.radarBetweenFrames) {
        Module.radarBetweenFrames = new MessageChannel();
        Module.radarBetweenFrames.port1.onmessage = () => _radar_platform_between_frames();
    }
    Module.radarBetweenFrames.port2.postMessage(null);
});

struct BetweenFrames {
    std::function<bool()> work;
    bool posted = false;
};

BetweenFrames& between_frames() {
    static BetweenFrames state;
    return state;
}

std::function<void(radar::platform::WheelSteps)>& wheel_handler() {
    static std::function<void(radar::platform::WheelSteps)> handler;
    return handler;
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void radar_platform_wheel(double delta_x, double delta_y, int delta_mode) {
    if (wheel_handler()) wheel_handler()(radar::platform::wheel_steps(delta_x, delta_y, delta_mode));
}

extern "C" EMSCRIPTEN_KEEPALIVE void radar_platform_between_frames() {
    BetweenFrames& state = between_frames();
    state.posted = false;
    if (!state.work || !state.work()) return;
    state.posted = true;
    js_post_between_frames_task();
}

namespace radar::platform {

void work_between_frames(std::function<bool()> work) {
    BetweenFrames& state = between_frames();
    state.work = std::move(work);
    if (state.posted) return;
    state.posted = true;
    js_post_between_frames_task();
}

void set_wheel_handler(std::function<void(WheelSteps)> handler) {
    const bool first = !wheel_handler();
    wheel_handler() = std::move(handler);
    if (first) js_install_wheel_listener();
}

void notify_ready() { js_notify_ready(); }

OfflineStatus offline_status() {
    const int flags = js_offline_flags();
    OfflineStatus status;
    status.state = static_cast<OfflineState>(flags & 3);
    status.update_waiting = (flags & 4) != 0;
    status.requests_after_start = js_requests_after_start();
    return status;
}

void activate_new_version() { js_activate_new_version(); }

Workspace start_workspace() { return js_start_workspace_is_demo() ? Workspace::demo : Workspace::own; }

void open_workspace(Workspace workspace, bool fresh_demo) {
    js_open_workspace(workspace == Workspace::demo ? 1 : 0, fresh_demo ? 1 : 0);
}

void reload_page_with_notice(const std::string& notice) { js_reload_page_with_notice(notice.c_str()); }

std::optional<std::string> take_start_notice() {
    char* notice = js_take_start_notice();
    if (!notice) return std::nullopt;
    std::string result(notice);
    std::free(notice);
    return result;
}

void note_dataset_restore(bool in_progress) { js_note_dataset_restore(in_progress ? 1 : 0); }

std::string now_iso() {
    char* text = js_now_iso();
    std::string result(text);
    std::free(text);
    return result;
}

void report_fatal_error(const std::string& message) { js_report_fatal_error(message.c_str()); }

DayNumber today() {
    const int packed = js_today_packed();
    return days_from_civil({packed / 10000, packed / 100 % 100, packed % 100});
}

std::int64_t now_millis() { return static_cast<std::int64_t>(js_now_millis()); }

int utc_offset_minutes(Timestamp at) { return js_utc_offset_minutes(static_cast<double>(at.millis)); }

RandomBits128 random_bits_128() {
    unsigned int words[4] = {0, 0, 0, 0};
    js_random_words(words);
    RandomBits128 bits;
    bits.high = (std::uint64_t{words[0]} << 32) | words[1];
    bits.low = (std::uint64_t{words[2]} << 32) | words[3];
    return bits;
}

std::optional<std::string> start_option(const std::string& name) {
    char* value = js_query_parameter(name.c_str());
    if (!value) return std::nullopt;
    std::string result(value);
    std::free(value);
    return result;
}

}  // namespace radar::platform
