// All user-visible UI strings in Dutch (default) and English, looked up through one table.
#pragma once

#include <string>

#include "civil_date.hpp"

namespace radar::ui {

enum class Language { dutch, english };

enum class TextId {
    app_title,
    app_tagline,
    synthetic_badge,
    synthetic_tooltip,
    dataset_label,
    dossiers_unit,
    export_date_label,
    reference_date_label,
    score_disclaimer,
    filter_hint,
    filter_shortcut_hint,
    column_rank,
    column_dossier,
    column_name,
    column_municipality,
    column_care_type,
    column_score,
    showing_rows,
    no_matches,
    score_breakdown_title,
    language_switch_tooltip,
    all_provinces,
    all_care_types,
    province_label,
    care_type_label,
    min_score_label,
    dossier_panel_hint,
    dossier_rank_line,
    dossier_reasons,
    dossier_no_reasons,
    dossier_fields,
    field_column,
    value_column,
    missing_value,
    close_panel,
    dossier_completeness,
    share_line,
    screen_report,
    report_period_label,
    period_month,
    period_quarter,
    period_year,
    period_all_time,
    period_custom,
    report_from,
    report_to,
    report_date_invalid,
    report_possible_risk,
    report_possible_risk_tooltip,
    report_download_json,
    report_open_html,
    report_download_html,
    report_exports_local,
    report_csv_tooltip,
    report_no_history,
    report_generated_line,
    report_none,
    report_key_figures,
    report_unique,
    report_possible,
    report_screenings,
    report_follow_ups,
    report_follow_up_detail,
    report_summary,
    report_charts,
    report_tables,
    report_lift_title,
    report_top_group,
    report_control_group,
    report_no_control,
    report_difference,
    report_lift_ratio,
    report_total,
    report_no_screenings,
    model_refused,
    screen_ranking,
    screen_model,
    model_version_line,
    model_edited_badge,
    display_definition_title,
    column_parameter,
    column_weight,
    column_thresholds,
    weight_tooltip,
    field_line,
    clamp_min,
    clamp_max,
    step_below,
    step_from,
    step_value,
    undo_edits,
    movement_title,
    movement_top_label,
    movement_summary,
    movement_none,
    movement_entered,
    movement_left,
    column_rank_before,
    column_rank_now,
    column_move,
    versions_title,
    author_hint,
    note_hint,
    save_version,
    version_saved,
    save_failed,
    column_version,
    column_author,
    column_note,
    column_saved_at,
    activate_version,
    active_marker,
    fingerprint_line,
    export_model,
    import_model,
    import_reading,
    import_done,
    import_failed,
    import_too_large,
    move_new,
    count
};

void set_language(Language language);
Language language();
const char* language_code();  // "nl" or "en"

const char* tr(TextId id);
// Care type codes in the data are Dutch ("gezinsopvang"); shown translated.
const char* care_type_label(const std::string& code);
// "28 november 2026" / "28 November 2026".
std::string long_date(DayNumber day);
// Thousands separators: "100.000" (nl) / "100,000" (en).
std::string group_thousands(std::size_t value);
// One decimal with the language's decimal mark: "12,5" / "12.5".
std::string one_decimal(double value);

}  // namespace radar::ui
