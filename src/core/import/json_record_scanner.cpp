// Byte-level state machine of the JSON record splitter.
#include "core/import/json_record_scanner.hpp"

namespace radar {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

JsonRecordScanner::JsonRecordScanner(std::size_t max_record_bytes, std::size_t max_depth)
    : max_record_bytes_(max_record_bytes), max_depth_(max_depth) {}

void JsonRecordScanner::feed(std::string_view bytes, JsonRecordSink& sink) {
    for (char c : bytes) {
        if (stopped_) return;
        step(c, sink);
        if (c == '\n') ++line_;
    }
}

bool JsonRecordScanner::capture(char c, JsonRecordSink& sink) {
    record_.push_back(c);
    if (record_.size() > max_record_bytes_) {
        stop();
        sink.on_record_too_long(record_line_);
        return false;
    }
    if (in_string_) {
        if (escaped_) escaped_ = false;
        else if (c == '\\') escaped_ = true;
        else if (c == '"') in_string_ = false;
        return true;
    }
    if (c == '"') {
        in_string_ = true;
    } else if (c == '{' || c == '[') {
        if (++depth_ > 0 && static_cast<std::size_t>(depth_) > max_depth_) {
            stop();
            sink.on_record_too_deep(record_line_);
            return false;
        }
    } else if (c == '}' || c == ']') {
        --depth_;
    }
    return true;
}

void JsonRecordScanner::stop() {
    stopped_ = true;
    std::string().swap(record_);
}

void JsonRecordScanner::clear_record() {
    record_.clear();
    depth_ = 0;
    in_string_ = false;
    escaped_ = false;
    primitive_ = false;
}

void JsonRecordScanner::end_record(JsonRecordSink& sink, bool complete) {
    sink.on_record(record_, record_line_, complete);
    clear_record();
}

void JsonRecordScanner::step(char c, JsonRecordSink& sink) {
    switch (mode_) {
    case Mode::start:
        if (is_space(c)) return;
        if (c == '[') {
            layout_ = SourceFormat::json_array;
            mode_ = Mode::between_records;
        } else {
            // The importer only hands over text starting with '[' or '{'.
            mode_ = Mode::first_object;
            record_line_ = line_;
            capture(c, sink);
        }
        return;

    case Mode::between_records:
        if (is_space(c) || c == ',') return;
        if (c == ']') {
            mode_ = Mode::after_records;
            return;
        }
        mode_ = Mode::in_record;
        record_line_ = line_;
        primitive_ = c != '{' && c != '[';
        [[fallthrough]];
    case Mode::in_record:
        if (primitive_ && !in_string_ && depth_ == 0 && (c == ',' || c == ']' || is_space(c))) {
            end_record(sink, true);
            mode_ = Mode::between_records;
            if (c == ']') mode_ = Mode::after_records;
            return;
        }
        if (!capture(c, sink)) return;
        if (!primitive_ && depth_ == 0 && !in_string_) {
            end_record(sink, true);
            mode_ = Mode::between_records;
        }
        return;

    case Mode::first_object: {
        const bool was_in_string = in_string_;
        if (!capture(c, sink) || was_in_string || is_space(c)) return;
        if (peeking_array_) {
            peeking_array_ = false;
            if (c == '{') {
                // A depth-1 value that is an array of objects: those objects are the records.
                layout_ = SourceFormat::json_object;
                record_.assign(1, '{');
                record_line_ = line_;
                depth_ = 1;
                primitive_ = false;
                mode_ = Mode::in_record;
                return;
            }
        }
        if (expecting_value_) {
            expecting_value_ = false;
            peeking_array_ = c == '[' && depth_ == 2;
        }
        if (c == ':' && depth_ == 1) expecting_value_ = true;
        if (depth_ == 0) {
            layout_ = SourceFormat::ndjson;
            end_record(sink, true);
            mode_ = Mode::ndjson_lines;
            record_line_ = line_ + 1;
        }
        return;
    }

    case Mode::ndjson_lines:
        if (c == '\n') {
            bool blank = true;
            for (char k : record_) blank &= is_space(k);
            if (blank) clear_record();
            else end_record(sink, true);
            record_line_ = line_ + 1;
            return;
        }
        capture(c, sink);
        return;

    case Mode::after_records:
        // In a container the rest of the top-level object follows; after a top-level array only
        // white space should.
        if (is_space(c) || (layout_ == SourceFormat::json_object) || ignored_reported_) return;
        ignored_reported_ = true;
        sink.on_ignored("text after the closing ']' of the records was ignored",
                        "tekst na de sluitende ']' van de records is genegeerd", line_);
        return;
    }
}

void JsonRecordScanner::finish(JsonRecordSink& sink) {
    if (stopped_) return;
    switch (mode_) {
    case Mode::in_record:
        // A primitive element ends at the end of the input; anything else was cut short.
        end_record(sink, primitive_ && !in_string_);
        break;
    case Mode::first_object: end_record(sink, false); break;
    case Mode::ndjson_lines: {
        bool blank = true;
        for (char k : record_) blank &= is_space(k);
        if (!blank) end_record(sink, true);
        break;
    }
    case Mode::between_records:
        sink.on_ignored("the file ends before the closing ']' of the records",
                        "het bestand eindigt voor de sluitende ']' van de records", line_);
        break;
    case Mode::start:
    case Mode::after_records: break;
    }
    mode_ = Mode::after_records;
}

}  // namespace radar
