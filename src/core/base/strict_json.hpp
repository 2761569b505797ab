// Strict JSON reading, the one way the app reads JSON from outside (files, stored records, backups,
// the browser): parsing that reports where the text broke and refuses duplicate keys, and a field
// reader whose every error names the field.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/base/checked.hpp"
#include "core/time/civil_date.hpp"
#include "core/time/timestamp.hpp"

namespace radar {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

// Parses JSON text; never throws. Errors give the byte position and the reason, e.g.
// "not valid JSON at byte 5120 (the text ends too early: truncated?)", or name the key that
// occurs twice in one object (which value was meant is unknown, so none is taken) or say that
// the nesting passes 64 levels. `duplicate_key`, when given, tells whether a failure was a key
// occurring twice.
Checked<Json> parse_json_strict(std::string_view text, bool* duplicate_key = nullptr);
// The same keeping every object's keys in the order written, for texts where that order means
// something (a model's categorical levels, the columns of a JSON export).
Checked<OrderedJson> parse_ordered_json_strict(std::string_view text, bool* duplicate_key = nullptr);

// A strict parse error said of what was read, e.g. "the field dictionary is not valid JSON at
// byte 17 near '}': ..." or "the field dictionary is not valid JSON: the key \"name\" occurs twice
// in one object".
std::string json_refusal(std::string_view subject, const std::string& strict_error);
// Where and why, without the words "not valid JSON" (for messages that say them in their own
// language): "at byte 17 near '}': ..." or "the key \"name\" occurs twice in one object".
std::string json_refusal_reason(const std::string& strict_error);

// Compact, key-sorted text of a value: the canonical form hashed by backups. Invalid UTF-8
// (which strict parsing never produces) is replaced instead of throwing.
std::string canonical_json(const Json& value);


// Reads the fields of one JSON object. The first problem is kept (later reads return defaults)
// and is phrased "<context>: field '<name>': <problem>". finish() refuses fields never read.
class FieldReader {
public:
    FieldReader(const Json& object, std::string context);

    std::string text(const char* name, bool allow_empty = false);
    std::string optional_text(const char* name);  // absent or "" -> ""
    // One of the given words; returns its index.
    std::size_t choice(const char* name, std::initializer_list<const char*> words);
    DayNumber date(const char* name);
    std::optional<DayNumber> optional_date(const char* name);
    Timestamp timestamp(const char* name);
    std::int64_t integer(const char* name, std::int64_t min, std::int64_t max);
    std::uint64_t unsigned_integer(const char* name, std::uint64_t max);
    double number(const char* name);
    bool boolean(const char* name);
    // The raw value of a field that must be an array / an object / anything (nullptr on error).
    const Json* array(const char* name);
    const Json* object(const char* name);
    const Json* any(const char* name);
    bool has(const char* name) const;

    // Refuses any field that was not read; returns ok().
    bool finish();
    void fail(const std::string& field, const std::string& problem);
    // Keeps a complete message from a nested reader (already carrying its own context).
    void fail_nested(const std::string& message);
    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }
    const std::string& context() const { return context_; }

private:
    const Json* field(const char* name, bool required);

    const Json& object_;
    std::string context_;
    std::string error_;
    std::set<std::string> read_;
};

}  // namespace radar
