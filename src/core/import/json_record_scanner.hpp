// Incremental splitter of JSON imports into record texts, one record in memory at a time:
// [ {...}, ... ], { "dossiers": [ {...}, ... ] } (the first array of objects inside the top-level
// object), and newline-delimited JSON (one object per line). Records are parsed by the caller,
// only after the scanner has checked their size and nesting depth (parsing and flattening recurse).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/import/import_result.hpp"

namespace radar {

class JsonRecordSink {
public:
    // `text` is one array element or NDJSON line; `complete` is false when the file ended inside it.
    virtual void on_record(std::string_view text, std::uint32_t line, bool complete) = 0;
    // Something that is not a record was skipped (e.g. text after the closing bracket); `what`
    // says so in English, `what_nl` in Dutch.
    virtual void on_ignored(std::string_view what, std::string_view what_nl, std::uint32_t line) = 0;
    // The record starting on `line` is longer than the size limit, or nested deeper than the
    // depth limit. The scanner reads nothing more.
    virtual void on_record_too_long(std::uint32_t line) = 0;
    virtual void on_record_too_deep(std::uint32_t line) = 0;

protected:
    ~JsonRecordSink() = default;
};

class JsonRecordScanner {
public:
    // `max_record_bytes`: the most bytes of one record; `max_depth`: the most levels of objects
    // and arrays in one record (a record {...} is one level).
    JsonRecordScanner(std::size_t max_record_bytes, std::size_t max_depth);
    void feed(std::string_view bytes, JsonRecordSink& sink);
    void finish(JsonRecordSink& sink);
    // json_array until the first top-level object shows what the file is.
    SourceFormat layout() const { return layout_; }

private:
    enum class Mode : std::uint8_t {
        start,            // before the first value
        between_records,  // inside the records array, between elements
        in_record,        // inside one element of the records array
        first_object,     // inside a top-level object: a container or the first NDJSON record
        ndjson_lines,     // after the first top-level object: one record per line
        after_records,    // after the records array: the rest is skipped
    };
    void step(char c, JsonRecordSink& sink);
    // Adds `c` to the captured record, with the string and nesting bookkeeping; false (and the
    // scanner stopped) when the record passed a limit.
    bool capture(char c, JsonRecordSink& sink);
    void end_record(JsonRecordSink& sink, bool complete);
    void clear_record();
    void stop();

    std::size_t max_record_bytes_;
    std::size_t max_depth_;
    Mode mode_ = Mode::start;
    SourceFormat layout_ = SourceFormat::json_array;
    std::string record_;
    std::uint32_t record_line_ = 0;
    std::uint32_t line_ = 1;
    int depth_ = 0;             // nesting inside the captured value
    bool in_string_ = false;
    bool escaped_ = false;
    bool primitive_ = false;    // the current array element is not an object or array
    // Container detection while reading the first top-level object.
    bool expecting_value_ = false;  // after a ':' at depth 1
    bool peeking_array_ = false;    // a depth-1 value just opened '['
    bool ignored_reported_ = false;
    bool stopped_ = false;  // a record passed a limit
};

}  // namespace radar
