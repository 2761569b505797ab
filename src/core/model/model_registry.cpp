// Model versions in memory. A version's model JSON is stored as text, so what was saved is what
// is exported and fingerprinted, byte for byte.
#include "core/model/model_registry.hpp"

#include <algorithm>
#include <cstdio>

#include "core/data/csv_writer.hpp"
#include "core/model/model_json.hpp"

namespace radar {
namespace {

std::string fingerprint_of(std::string_view text) {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(fnv1a_64(text)));
    return buffer;
}

std::optional<ModelVersion> parse_record(std::string_view text, std::string& error) {
    const Checked<Json> parsed = parse_json_strict(text);
    if (!parsed) {
        error = json_refusal("a model version record", parsed.error());
        return std::nullopt;
    }
    const Json& json = *parsed;
    if (!json.is_object()) {
        error = "a model version record is not a JSON object";
        return std::nullopt;
    }
    ModelVersion version;
    auto text_field = [&](const char* key, std::string& out) {
        if (json.contains(key) && json[key].is_string()) out = json[key].get<std::string>();
        else if (error.empty()) error = std::string("a model version record lacks '") + key + "'";
    };
    if (json.contains("version") && json["version"].is_number_integer()) version.info.version = json["version"].get<int>();
    else error = "a model version record lacks 'version'";
    text_field("model_id", version.info.model_id);
    // The model's name: one text (records written before names had two languages) or {"nl", "en"}.
    if (json.contains("model_name") && json["model_name"].is_string()) {
        version.info.model_name.nl = version.info.model_name.en = json["model_name"].get<std::string>();
    } else if (json.contains("model_name") && json["model_name"].is_object() && json["model_name"].contains("nl") &&
               json["model_name"]["nl"].is_string() && json["model_name"].contains("en") &&
               json["model_name"]["en"].is_string()) {
        version.info.model_name = {json["model_name"]["nl"].get<std::string>(), json["model_name"]["en"].get<std::string>()};
    } else if (error.empty()) {
        error = "a model version record lacks 'model_name'";
    }
    text_field("author", version.info.author);
    text_field("note", version.info.note);
    text_field("saved_at", version.info.saved_at);
    text_field("fingerprint", version.info.fingerprint);
    text_field("model_json", version.model_json);
    if (!error.empty()) return std::nullopt;
    if (fingerprint_of(version.model_json) != version.info.fingerprint) {
        error = "model version " + std::to_string(version.info.version) + " does not match its fingerprint";
        return std::nullopt;
    }
    return version;
}

}  // namespace

SaveResult ModelRegistry::save(const ModelSpec& spec, const std::string& author, const std::string& note,
                               const std::string& saved_at) {
    SaveResult result;
    result.problems = check_model_spec(spec);
    if (author.empty())
        result.problems.push_back(
            model_problem("", {"model version: an author is required", "modelversie: een auteur is verplicht"}));
    if (!result.problems.empty()) return result;
    ModelVersion version;
    version.model_json = model_to_json(spec);
    if (const auto same = find_by_fingerprint(fingerprint_of(version.model_json))) {
        result.existing = same->info;
        return result;
    }
    version.info.version = versions_.empty() ? 1 : versions_.back().info.version + 1;
    version.info.model_id = spec.id;
    version.info.model_name = spec.name;
    version.info.author = author;
    version.info.note = note;
    version.info.saved_at = saved_at;
    version.info.fingerprint = fingerprint_of(version.model_json);
    result.saved = version.info;
    versions_.push_back(std::move(version));
    return result;
}

SaveResult ModelRegistry::import_json(std::string_view model_json, const std::string& author, const std::string& note,
                                      const std::string& saved_at) {
    ModelParseResult parsed = parse_model_json(model_json);
    if (!parsed.ok()) return SaveResult::refused(std::move(parsed.problems));
    return save(*parsed.spec, author, note, saved_at);
}

std::optional<std::string> ModelRegistry::export_json(int version) const {
    const auto found = find(version);
    if (!found) return std::nullopt;
    return found->model_json;
}

std::vector<ModelVersionInfo> ModelRegistry::list() const {
    std::vector<ModelVersionInfo> infos;
    for (const auto& version : versions_) infos.push_back(version.info);
    return infos;
}

std::optional<ModelVersion> ModelRegistry::find(int version) const {
    for (const auto& item : versions_)
        if (item.info.version == version) return item;
    return std::nullopt;
}

std::optional<ModelVersion> ModelRegistry::find_by_fingerprint(std::string_view fingerprint) const {
    for (const auto& item : versions_)
        if (item.info.fingerprint == fingerprint) return item;
    return std::nullopt;
}

std::optional<ModelVersion> ModelRegistry::find_by_model_version_id(std::string_view model_version_id) const {
    for (const auto& item : versions_) {
        const ModelParseResult parsed = parse_model_json(item.model_json);
        if (parsed.ok() && radar::model_version_id(*parsed.spec) == model_version_id) return item;
    }
    return std::nullopt;
}

int ModelRegistry::add(ModelVersion version) {
    if (const auto same = find_by_fingerprint(version.info.fingerprint)) return same->info.version;
    version.info.version = versions_.empty() ? 1 : versions_.back().info.version + 1;
    versions_.push_back(std::move(version));
    return versions_.back().info.version;
}

std::optional<ModelSpec> ModelRegistry::spec(int version) const {
    const auto found = find(version);
    if (!found) return std::nullopt;
    return parse_model_json(found->model_json).spec;
}

bool ModelRegistry::activate(int version) {
    if (!find(version)) return false;
    active_ = version;
    return true;
}

std::optional<ModelSpec> ModelRegistry::active_spec() const {
    if (!active_) return std::nullopt;
    return spec(*active_);
}

OrderedJson ModelRegistry::record_json_value(const ModelVersion& version) {
    OrderedJson json = OrderedJson::object();
    json["version"] = version.info.version;
    json["model_id"] = version.info.model_id;
    // Same form as the model JSON's name: one text when both languages agree.
    if (version.info.model_name.nl == version.info.model_name.en) json["model_name"] = version.info.model_name.nl;
    else json["model_name"] = {{"nl", version.info.model_name.nl}, {"en", version.info.model_name.en}};
    json["author"] = version.info.author;
    json["note"] = version.info.note;
    json["saved_at"] = version.info.saved_at;
    json["fingerprint"] = version.info.fingerprint;
    json["model_json"] = version.model_json;
    return json;
}

std::string ModelRegistry::record_json(const ModelVersion& version) {
    return record_json_value(version).dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

std::vector<std::string> ModelRegistry::restore(const std::vector<std::string>& records, std::optional<int> active) {
    std::vector<std::string> problems;
    versions_.clear();
    active_.reset();
    for (const auto& record : records) {
        std::string error;
        auto version = parse_record(record, error);
        if (!version) {
            problems.push_back(error);
            continue;
        }
        if (find(version->info.version)) {
            problems.push_back("model version " + std::to_string(version->info.version) + " appears twice");
            continue;
        }
        versions_.push_back(std::move(*version));
    }
    std::sort(versions_.begin(), versions_.end(),
              [](const ModelVersion& a, const ModelVersion& b) { return a.info.version < b.info.version; });
    // One version per content: the first number it was saved under stays.
    std::vector<ModelVersion> distinct;
    for (auto& version : versions_) {
        const auto same = std::find_if(distinct.begin(), distinct.end(), [&](const ModelVersion& kept) {
            return kept.info.fingerprint == version.info.fingerprint;
        });
        if (same == distinct.end()) distinct.push_back(std::move(version));
        else problems.push_back("model version " + std::to_string(version.info.version) + " repeats version " +
                                std::to_string(same->info.version));
    }
    versions_ = std::move(distinct);
    if (active && !activate(*active)) problems.push_back("the active model version " + std::to_string(*active) + " is missing");
    return problems;
}

}  // namespace radar
