// Strict JSON parsing (over nlohmann's SAX interface, so errors are values, not exceptions) and
// the field reader used by every stored record type.
#include "core/base/strict_json.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace radar {
namespace {

constexpr std::string_view not_valid_json = "not valid JSON";

// Builds the DOM through nlohmann's own builder while refusing duplicate keys, limiting the
// nesting depth and remembering the first error with its position.
template <typename JsonType>
class StrictDomBuilder {
public:
    using Dom = nlohmann::detail::json_sax_dom_parser<JsonType>;
    using number_integer_t = typename JsonType::number_integer_t;
    using number_unsigned_t = typename JsonType::number_unsigned_t;
    using number_float_t = typename JsonType::number_float_t;
    using binary_t = typename JsonType::binary_t;

    StrictDomBuilder(JsonType& root, std::size_t text_size) : dom_(root, false), text_size_(text_size) {}

    bool null() { return dom_.null(); }
    bool boolean(bool value) { return dom_.boolean(value); }
    bool number_integer(number_integer_t value) { return dom_.number_integer(value); }
    bool number_unsigned(number_unsigned_t value) { return dom_.number_unsigned(value); }
    bool number_float(number_float_t value, const std::string& text) { return dom_.number_float(value, text); }
    bool string(std::string& value) { return dom_.string(value); }
    bool binary(binary_t& value) { return dom_.binary(value); }
    bool start_object(std::size_t size) {
        if (!enter()) return false;
        keys_.emplace_back();
        return dom_.start_object(size);
    }
    bool key(std::string& value) {
        if (!keys_.back().insert(value).second) {
            error_ = "the key \"" + value + "\" occurs twice in one object";
            duplicate_key_ = true;
            return false;
        }
        return dom_.key(value);
    }
    bool end_object() {
        keys_.pop_back();
        --depth_;
        return dom_.end_object();
    }
    bool start_array(std::size_t size) { return enter() && dom_.start_array(size); }
    bool end_array() {
        --depth_;
        return dom_.end_array();
    }
    bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& problem) {
        if (!error_.empty()) return false;
        // nlohmann's message reads "[json.exception.parse_error.101] parse error at line 1, column 7: <reason>".
        std::string reason = problem.what();
        const auto column = reason.find("column ");
        const auto colon = column == std::string::npos ? std::string::npos : reason.find(": ", column);
        if (colon != std::string::npos) reason = reason.substr(colon + 2);
        const bool truncated = position >= text_size_ || reason.find("unexpected end of input") != std::string::npos;
        // nlohmann counts the end of input as one more character read; report a real byte offset.
        error_ = std::string(not_valid_json) + " at byte " + std::to_string(std::min(position, text_size_)) +
                 (truncated ? " (the text ends too early: truncated?)" : " near '" + last_token + "'") + ": " + reason;
        return false;
    }

    const std::string& error() const { return error_; }
    bool duplicate_key() const { return duplicate_key_; }

private:
    bool enter() {
        if (++depth_ <= 64) return true;
        error_ = "JSON nested deeper than 64 levels";
        return false;
    }

    Dom dom_;
    std::size_t text_size_;
    std::vector<std::set<std::string>> keys_;
    int depth_ = 0;
    std::string error_;
    bool duplicate_key_ = false;
};

template <typename JsonType>
Checked<JsonType> parse_strict(std::string_view text, bool* duplicate_key) {
    JsonType root;
    StrictDomBuilder<JsonType> builder(root, text.size());
    const bool parsed = JsonType::sax_parse(text.begin(), text.end(), &builder);
    if (duplicate_key) *duplicate_key = builder.duplicate_key();
    if (!parsed || !builder.error().empty())
        return Checked<JsonType>::failure(builder.error().empty() ? std::string(not_valid_json) : builder.error());
    return root;
}

std::string quoted(const Json& value) {
    std::string text = canonical_json(value);
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return text;
}

}  // namespace

Checked<Json> parse_json_strict(std::string_view text, bool* duplicate_key) {
    return parse_strict<Json>(text, duplicate_key);
}

Checked<OrderedJson> parse_ordered_json_strict(std::string_view text, bool* duplicate_key) {
    return parse_strict<OrderedJson>(text, duplicate_key);
}

std::string json_refusal_reason(const std::string& strict_error) {
    if (strict_error.rfind(not_valid_json, 0) != 0) return strict_error;
    const std::size_t rest = strict_error.find_first_not_of(' ', not_valid_json.size());
    return rest == std::string::npos ? std::string() : strict_error.substr(rest);
}

std::string json_refusal(std::string_view subject, const std::string& strict_error) {
    const std::string reason = json_refusal_reason(strict_error);
    const bool says_where = strict_error.rfind(not_valid_json, 0) == 0;  // "at byte 17 ..." follows
    const char* joint = reason.empty() ? "" : says_where ? " " : ": ";
    return std::string(subject) + " is " + std::string(not_valid_json) + joint + reason;
}

std::string canonical_json(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

FieldReader::FieldReader(const Json& object, std::string context) : object_(object), context_(std::move(context)) {
    if (!object_.is_object()) error_ = context_ + ": expected a JSON object, got " + quoted(object_);
}

void FieldReader::fail(const std::string& field, const std::string& problem) {
    if (error_.empty()) error_ = context_ + ": field '" + field + "': " + problem;
}

bool FieldReader::has(const char* name) const { return object_.is_object() && object_.contains(name); }

void FieldReader::fail_nested(const std::string& message) {
    if (error_.empty()) error_ = message;
}

const Json* FieldReader::field(const char* name, bool required) {
    if (!ok()) return nullptr;
    read_.insert(name);
    const auto found = object_.find(name);
    if (found == object_.end()) {
        if (required) fail(name, "is missing");
        return nullptr;
    }
    return &*found;
}

std::string FieldReader::text(const char* name, bool allow_empty) {
    const Json* value = field(name, true);
    if (!value) return {};
    if (!value->is_string()) {
        fail(name, "expected text, got " + quoted(*value));
        return {};
    }
    std::string result = value->get<std::string>();
    if (result.empty() && !allow_empty) fail(name, "must not be empty");
    return result;
}

std::string FieldReader::optional_text(const char* name) {
    const Json* value = field(name, false);
    if (!value) return {};
    if (!value->is_string()) {
        fail(name, "expected text, got " + quoted(*value));
        return {};
    }
    return value->get<std::string>();
}

std::size_t FieldReader::choice(const char* name, std::initializer_list<const char*> words) {
    const std::string value = text(name);
    if (!ok()) return 0;
    std::size_t index = 0;
    std::string allowed;
    for (const char* word : words) {
        if (value == word) return index;
        allowed += (index++ ? ", " : "") + std::string(word);
    }
    fail(name, "expected one of " + allowed + "; got \"" + value + "\"");
    return 0;
}

DayNumber FieldReader::date(const char* name) {
    const std::string value = text(name);
    if (!ok()) return 0;
    const auto day = parse_iso_date(value);
    if (!day) fail(name, "expected a real date as YYYY-MM-DD, got \"" + value + "\"");
    return day.value_or(0);
}

std::optional<DayNumber> FieldReader::optional_date(const char* name) {
    if (!has(name)) {
        read_.insert(name);
        return std::nullopt;
    }
    const DayNumber day = date(name);
    if (!ok()) return std::nullopt;
    return day;
}

Timestamp FieldReader::timestamp(const char* name) {
    const std::string value = text(name);
    if (!ok()) return {};
    const auto time = parse_timestamp(value);
    if (!time) fail(name, "expected a UTC time as YYYY-MM-DDTHH:MM:SS.mmmZ, got \"" + value + "\"");
    return time.value_or(Timestamp{});
}

std::int64_t FieldReader::integer(const char* name, std::int64_t min, std::int64_t max) {
    const Json* value = field(name, true);
    if (!value) return min;
    std::int64_t result = 0;
    if (value->is_number_unsigned()) {
        const auto raw = value->get<std::uint64_t>();
        if (max < 0 || raw > static_cast<std::uint64_t>(max)) {
            fail(name, "must be at most " + std::to_string(max) + ", got " + std::to_string(raw));
            return min;
        }
        result = static_cast<std::int64_t>(raw);
    } else if (value->is_number_integer()) {
        result = value->get<std::int64_t>();
    } else {
        fail(name, "expected a whole number, got " + quoted(*value));
        return min;
    }
    if (result < min || result > max) {
        fail(name, "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " +
                       std::to_string(result));
        return min;
    }
    return result;
}

std::uint64_t FieldReader::unsigned_integer(const char* name, std::uint64_t max) {
    const Json* value = field(name, true);
    if (!value) return 0;
    // Values built in memory are signed integers even when positive; parsed ones are unsigned.
    if (!value->is_number_integer() || (!value->is_number_unsigned() && value->get<std::int64_t>() < 0)) {
        fail(name, "expected a whole number of at least 0, got " + quoted(*value));
        return 0;
    }
    const auto result = value->get<std::uint64_t>();
    if (result > max) {
        fail(name, "must be at most " + std::to_string(max) + ", got " + std::to_string(result));
        return 0;
    }
    return result;
}

double FieldReader::number(const char* name) {
    const Json* value = field(name, true);
    if (!value) return 0.0;
    if (!value->is_number()) {
        fail(name, "expected a number, got " + quoted(*value));
        return 0.0;
    }
    const double result = value->get<double>();
    if (!std::isfinite(result)) fail(name, "must be a finite number");
    return result;
}

bool FieldReader::boolean(const char* name) {
    const Json* value = field(name, true);
    if (!value) return false;
    if (!value->is_boolean()) {
        fail(name, "expected true or false, got " + quoted(*value));
        return false;
    }
    return value->get<bool>();
}

const Json* FieldReader::array(const char* name) {
    const Json* value = field(name, true);
    if (value && !value->is_array()) {
        fail(name, "expected a list, got " + quoted(*value));
        return nullptr;
    }
    return value;
}

const Json* FieldReader::object(const char* name) {
    const Json* value = field(name, true);
    if (value && !value->is_object()) {
        fail(name, "expected an object, got " + quoted(*value));
        return nullptr;
    }
    return value;
}

const Json* FieldReader::any(const char* name) { return field(name, true); }

bool FieldReader::finish() {
    if (!ok()) return false;
    for (const auto& item : object_.items()) {
        if (!read_.count(item.key())) {
            fail(item.key(), "is not a known field");
            break;
        }
    }
    return ok();
}

}  // namespace radar
