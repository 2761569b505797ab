// The demo workspace: the simulated year written into the demo's own store when it holds no work,
// then read back like any stored work (so coding, reports, audits and backups take the same paths
// as real work).
#include "core/backup/backup_merge.hpp"
#include "core/selection/demo_year.hpp"
#include "platform/store_backup.hpp"
#include "session/session.hpp"

namespace radar::session {
namespace {

constexpr int demo_months = 12;
constexpr int demo_model_change_month = 7;
constexpr std::size_t demo_corrections = 5;
constexpr const char* demo_screener = "Demo";
constexpr std::uint32_t demo_control_size = 5;

}  // namespace

void Session::use_demo_workspace() {
    demo_workspace_ = true;
    selection_settings_.control_size = demo_control_size;
}

bool Session::demo_year_missing() const {
    return demo_workspace_ && !demo_year_written_ && store_ && storage_mode_ == StoreMode::writer && events_.empty() &&
           frozen_batches_.empty();
}

void Session::load_demo_year_span() {
    demo_year_span_ = {"", 0};
    const std::string* stored = stored_setting(demo_year_setting);
    if (!stored) return;
    const Checked<Json> value = parse_json_strict(*stored);
    if (!value || !value->is_object()) return;
    demo_year_span_ = {value->value("first_month", std::string()), value->value("months", 0)};
}

void Session::write_demo_year() {
    demo_year_written_ = true;
    const std::optional<ModelSpec> model = registry_.spec(1);
    if (!model) return;
    DemoYearSettings settings;
    settings.first_month = add_months(first_of_month(reference_date_), -demo_months);
    settings.months = demo_months;
    settings.scores_as_of = export_date_;
    settings.model_change_month = demo_model_change_month;
    settings.selection.control_size = demo_control_size;
    settings.seed = demo_settings_.seed;
    settings.corrections = demo_corrections;
    settings.protected_fields = protected_fields_;
    const Checked<DemoYear> year = build_demo_year(generate_demo_data(demo_settings_), *model, field_dictionary_.get(), settings);
    if (!year) {
        demo_year_problem_ = year.error();
        return;
    }
    BackupContent content = demo_year_backup_content(year.value(), true);
    content.settings[demo_year_setting] = Json{{"synthetic", true},
                                               {"first_month", format_iso_date(settings.first_month).substr(0, 7)},
                                               {"months", demo_months}};
    std::vector<platform::StoreWrite> writes = platform::store_writes_for_merge(merge_backup(BackupContent{}, content));
    // The presenter codes as the year's screener until they type another name.
    if (screener_.empty())
        writes.push_back({platform::RecordKind::setting, screener_setting, Json(demo_screener).dump(), false});
    storage_loaded_ = false;  // the screens wait for the year, as for any opening store
    store_->commit(std::move(writes),
                   [this](const platform::StoreResult& result) {
                       if (result.ok) {
                           reload_from_store();
                           return;
                       }
                       demo_year_problem_ = result.failure_text();
                       storage_loaded_ = true;
                   });
}

}  // namespace radar::session
