// Saved model versions: immutable once saved (author, note, time, content fingerprint), listed,
// activated, imported and exported as JSON. One version per content: saving a model whose content
// is already saved adds nothing. Kept in memory; the app persists each version as one JSON record
// (record_json, keyed by its fingerprint) and hands them back through restore().
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/strict_json.hpp"
#include "core/model/model_check.hpp"
#include "core/model/model_spec.hpp"

namespace radar {

// The stored setting that names the active version (its fingerprint), in the app's store and in backups.
constexpr const char* active_model_setting = "active_model";

struct ModelVersionInfo {
    int version = 0;  // 1, 2, 3... in save order
    std::string model_id;
    LocalText model_name;  // the model's name in both languages
    std::string author;    // who saved this version
    std::string note;      // why
    std::string saved_at;  // the caller's timestamp (the core has no clock)
    std::string fingerprint;  // FNV-1a 64 of the model JSON, 16 hex digits: same content, same value
};

struct ModelVersion {
    ModelVersionInfo info;
    std::string model_json;  // canonical model JSON, exactly as saved
};

struct SaveResult {
    std::optional<ModelVersionInfo> saved;  // set when a version was added
    std::vector<ModelProblem> problems;
    std::optional<ModelVersionInfo> existing;  // set instead when this content is already that version

    static SaveResult refused(std::vector<ModelProblem> problems) { return {std::nullopt, std::move(problems), std::nullopt}; }
};

class ModelRegistry {
public:
    // Adds the next version. Refused (problems) if the model is not well formed or author is empty;
    // nothing is added (`existing`) when a saved version has the same content.
    SaveResult save(const ModelSpec& spec, const std::string& author, const std::string& note,
                    const std::string& saved_at);
    // Parses model JSON (e.g. an imported file) and saves it as the next version.
    SaveResult import_json(std::string_view model_json, const std::string& author, const std::string& note,
                           const std::string& saved_at);
    // The saved model JSON of a version, for download.
    std::optional<std::string> export_json(int version) const;

    std::vector<ModelVersionInfo> list() const;  // in version order
    std::optional<ModelVersion> find(int version) const;
    std::optional<ModelSpec> spec(int version) const;
    // The version with this content fingerprint, or whose model has this model_version_id (the
    // name a frozen batch records of the model that selected it).
    std::optional<ModelVersion> find_by_fingerprint(std::string_view fingerprint) const;
    std::optional<ModelVersion> find_by_model_version_id(std::string_view model_version_id) const;

    bool activate(int version);  // false if there is no such version
    std::optional<int> active_version() const { return active_; }
    std::optional<ModelSpec> active_spec() const;

    // Persistence: one record per version, written once (versions never change).
    static OrderedJson record_json_value(const ModelVersion& version);
    static std::string record_json(const ModelVersion& version);  // the value above as compact text
    // Replaces the contents with these records and the active version. Records that do not
    // parse (strictly: a key written twice is refused), repeat a version number or content, or
    // fail their fingerprint are skipped and reported.
    std::vector<std::string> restore(const std::vector<std::string>& records, std::optional<int> active);
    // Adds a version kept elsewhere (in memory but not yet in the store) by content: the same
    // content is the version already held, new content becomes the next version. Its number here.
    int add(ModelVersion version);
    const std::vector<ModelVersion>& versions() const { return versions_; }

private:
    std::vector<ModelVersion> versions_;
    std::optional<int> active_;
};

}  // namespace radar
