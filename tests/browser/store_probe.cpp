// A small wasm program for the browser test of the C++ store bridge (storage_bridge.test.mjs):
// drives radar::platform::Store (store_web.cpp + radar_store_library.js) through a scenario
// chosen by the page (?scenario=write|verify|quota) and publishes the outcome as JSON through
// probe_result(), which the test polls with ccall.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "platform/store.hpp"

namespace {

using radar::platform::RecordKind;
using radar::platform::StoreResult;
using nlohmann::json;

std::unique_ptr<radar::platform::Store> store;
json result = {{"done", false}};
std::string result_text;

void finish(json fields) {
    fields["done"] = true;
    result = std::move(fields);
}

void fail(const std::string& step, const StoreResult& outcome) {
    finish({{"ok", false}, {"step", step}, {"error", outcome.error_name}, {"message", outcome.message}});
}

std::string event_key(int index) {
    char key[16];
    std::snprintf(key, sizeof key, "ev-%06d", index);
    return key;
}

// Non-ASCII JSON text, different per event (checked byte for byte after reading back).
std::string event_data(int index) {
    return "{\"id\":\"" + event_key(index) + "\",\"code\":\"verder_onderzoek\",\"note\":\"geëvalueerd – “ok” ✓\",\"n\":" +
           std::to_string(index * 7919 % 10007) + "}";
}

// Incompressible text so the quota fills (storage compresses repetitive values).
std::string noise(std::uint32_t seed, std::size_t size) {
    std::string text;
    std::uint32_t state = seed * 2654435761u + 1;
    while (text.size() < size) {
        state = state * 1664525u + 1013904223u;
        text += static_cast<char>('a' + (state >> 24) % 26);
    }
    return text;
}

std::string snapshot_content() {
    std::string text = "dossier_id,name\n";
    for (int row = 0; row < 40000; ++row) text += "D" + std::to_string(row) + ",Crèche “Zonneschijn” " + std::to_string(row) + "\n";
    return text;
}

constexpr int single_events = 200;
constexpr int bulk_events = 10000;

void verify(json report) {
    const double started = emscripten_get_now();
    store->load_all([report, started](const StoreResult& outcome, radar::platform::StoreContents contents) mutable {
        if (!outcome.ok) return fail("load_all", outcome);
        report["loadMs"] = emscripten_get_now() - started;
        int mismatches = 0;
        const int expected = single_events + bulk_events;
        if (static_cast<int>(contents.events.size()) != expected) mismatches = -1;
        for (int i = 0; i < expected && mismatches >= 0 && i < static_cast<int>(contents.events.size()); ++i)
            if (contents.events[i].key != event_key(i) || contents.events[i].data != event_data(i)) ++mismatches;
        report["events"] = contents.events.size();
        report["mismatches"] = mismatches;
        report["snapshotIdentical"] = contents.snapshots.size() == 1 && contents.snapshots[0].content == snapshot_content() &&
                                      contents.snapshots[0].meta == "{\"rows\":40000}";
        report["settings"] = contents.settings.size() == 1 ? contents.settings[0].data : "";
        report["ok"] = true;
        finish(report);
    });
}

void write_scenario() {
    json report;
    auto latencies = std::make_shared<std::vector<double>>();
    // Sequential single-event commits, each started when the previous one is confirmed.
    auto next = std::make_shared<std::function<void(int)>>();
    *next = [report, latencies, next](int index) mutable {
        if (index == single_events) {
            std::sort(latencies->begin(), latencies->end());
            report["singleMedianMs"] = (*latencies)[single_events / 2];
            report["singleP95Ms"] = (*latencies)[single_events * 95 / 100];
            std::vector<radar::platform::StoreRecord> bulk;
            for (int i = single_events; i < single_events + bulk_events; ++i) bulk.push_back({event_key(i), event_data(i)});
            const double started = emscripten_get_now();
            store->put_many(RecordKind::event, std::move(bulk), [report, started](const StoreResult& outcome) mutable {
                if (!outcome.ok) return fail("put_many", outcome);
                report["bulkMs"] = emscripten_get_now() - started;
                const double snapshot_started = emscripten_get_now();
                store->put_snapshot({"dataset", "{\"rows\":40000}", snapshot_content()},
                                    [report, snapshot_started](const StoreResult& stored) mutable {
                    if (!stored.ok) return fail("put_snapshot", stored);
                    report["snapshotMs"] = emscripten_get_now() - snapshot_started;
                    store->put(RecordKind::setting, "screener", "\"An Peeters\"", [report](const StoreResult& setting) mutable {
                        if (!setting.ok) return fail("put setting", setting);
                        store->put(RecordKind::event, event_key(0), "\"again\"", [report](const StoreResult& duplicate) mutable {
                            report["duplicateError"] = duplicate.error_name;
                            store->put(RecordKind::setting, "bad", std::string("\xC3\x28", 2), [report](const StoreResult& bad) mutable {
                                report["invalidUtf8Error"] = bad.error_name;
                                store->export_all([report](const StoreResult& exported, std::string text) mutable {
                                    if (!exported.ok) return fail("export_all", exported);
                                    report["exportBytes"] = text.size();
                                    store->restore(text, radar::platform::RestoreMode::merge,
                                                   [report](const StoreResult& merged, const radar::platform::RestoreReport& merge) mutable {
                                        if (!merged.ok) return fail("restore", merged);
                                        report["mergeUnchanged"] = merge.unchanged;
                                        report["mergeConflicts"] = merge.conflicts.size();
                                        verify(report);
                                    });
                                });
                            });
                        });
                    });
                });
            });
            return;
        }
        const double started = emscripten_get_now();
        store->put(RecordKind::event, event_key(index), event_data(index), [index, started, latencies, next](const StoreResult& outcome) {
            if (!outcome.ok) return fail("put " + event_key(index), outcome);
            latencies->push_back(emscripten_get_now() - started);
            (*next)(index + 1);
        });
    };
    (*next)(0);
}

void quota_scenario() {
    auto confirmed = std::make_shared<int>(0);
    auto failures = std::make_shared<json>(json::object());
    auto streak = std::make_shared<int>(0);
    auto next = std::make_shared<std::function<void(int)>>();
    *next = [confirmed, failures, streak, next](int index) {
        if (*streak >= 100 || index >= 3000) {
            store->load_all([confirmed, failures](const StoreResult& outcome, radar::platform::StoreContents contents) {
                if (!outcome.ok) return fail("load_all", outcome);
                finish({{"ok", true}, {"confirmed", *confirmed}, {"stored", contents.events.size()}, {"failures", *failures}});
            });
            return;
        }
        store->put(RecordKind::event, event_key(index), "\"" + noise(static_cast<std::uint32_t>(index), 1000) + "\"",
                   [index, confirmed, failures, streak, next](const StoreResult& outcome) {
            if (outcome.ok) {
                ++*confirmed;
                *streak = 0;
            } else {
                (*failures)[outcome.error_name] = failures->value(outcome.error_name, 0) + 1;
                ++*streak;
            }
            (*next)(index + 1);
        });
    };
    (*next)(0);
}

}  // namespace

extern "C" {

// The scenario's outcome as JSON ({"done": false} until it has finished).
EMSCRIPTEN_KEEPALIVE const char* probe_result() {
    result_text = result.dump();
    return result_text.c_str();
}

EMSCRIPTEN_KEEPALIVE void probe_start(const char* scenario) {
    const std::string name = scenario;
    store = radar::platform::make_web_store();
    store->open([name](const StoreResult& outcome, const radar::platform::StoreStatus& status) {
        if (!outcome.ok) return fail("open", outcome);
        if (status.mode != radar::platform::StoreMode::writer) return fail("open", StoreResult::failure("NotWriter", "read-only"));
        if (name == "write") write_scenario();
        else if (name == "verify") verify({{"journal", status.journal}});
        else if (name == "quota") quota_scenario();
        else fail("start", StoreResult::failure("UnknownScenario", name));
    });
}

}  // extern "C"

int main() { return 0; }
