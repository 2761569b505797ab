// Model screen: parameters (typed weights, clamp caps, step thresholds and category points; inputs
// added on any typed column or removed) on the left, movement against the active version and the
// version list on the right. Every applied edit goes through
// Session::update_model, which re-scores and re-ranks the dossiers before the frame is drawn (an
// edit of one parameter only those whose points it changed).
#include "ui/model_editor_view.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>

#include "core/time/civil_date.hpp"
#include "core/model/column_parameter.hpp"
#include "core/model/model_output.hpp"
#include "core/model/number_text.hpp"
#include "platform/file_transfer.hpp"
#include "platform/platform.hpp"
#include "session/i18n.hpp"
#include "ui/described_widgets.hpp"
#include "ui/import_mapping_view.hpp"
#include "ui/described_combo.hpp"
#include "ui/item_marks.hpp"
#include "ui/narrow_layout.hpp"
#include "ui/learned_weights_view.hpp"
#include "ui/model_card_export.hpp"
#include "session/value_labels.hpp"
#include "session/whole_file_sink.hpp"
#include "ui/session_names.hpp"
#include "ui/table_marks.hpp"
#include "ui/text_widgets.hpp"

namespace radar::ui {
namespace {

const std::string& local(const LocalText& text) { return text_in(text, language()); }

// What the "-" and "+" buttons next to a weight take off or add.
constexpr double weight_step = 0.5;

void error_lines(const std::vector<ModelProblem>& problems) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::error_text);
    ImGui::PushTextWrapPos(0.0f);
    for (const auto& problem : problems) {
        const std::string& message = problem.message_in(language_code());
        wrapped_text(message);
        describe_last_item(Role::status, message, "model-problem:" + problem.parameter + ":" + problem.message);
    }
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void set_message(EditorState& editor_state, TextId message, std::vector<ModelProblem> problems, std::string file = {},
                 int version = 0, std::string fingerprint = {}) {
    editor_state.message = message;
    editor_state.message_problems = std::move(problems);
    editor_state.message_file = std::move(file);
    editor_state.message_version = version;
    editor_state.message_fingerprint = std::move(fingerprint);
}

// The outcome of a save or import as the store sees it: a new version is "saved" only once the
// store confirmed it.
void set_saved_message(EditorState& editor_state, const SaveResult& result, TextId done, std::string file = {}) {
    if (result.saved)
        set_message(editor_state, done, {}, std::move(file), result.saved->version, result.saved->fingerprint);
    else
        set_message(editor_state, TextId::version_exists, {}, {}, result.existing->version);
}

void draw_message(const Session& state, const EditorState& editor_state) {
    if (!editor_state.message) return;
    TextId id = *editor_state.message;
    const SaveStatus* store_save = state.model_save_status(editor_state.message_fingerprint);
    if (store_save && store_save->phase == SavePhase::saving) id = TextId::version_saving;
    if (store_save && store_save->phase == SavePhase::failed) id = TextId::version_not_saved;
    const bool failed = id == TextId::import_failed || id == TextId::save_failed || id == TextId::version_not_saved;
    char line[512];
    if (id == TextId::import_done)
        std::snprintf(line, sizeof line, tr(id), editor_state.message_file.c_str(), editor_state.message_version);
    else if (id == TextId::version_not_saved)
        std::snprintf(line, sizeof line, tr(id), editor_state.message_version, store_save->error_name.c_str());
    else
        std::snprintf(line, sizeof line, tr(id), editor_state.message_version);
    if (failed) ImGui::PushStyleColor(ImGuiCol_Text, palette::error_text);
    wrapped_text(line);
    describe_last_item(Role::status, line, "model-message");
    if (failed) ImGui::PopStyleColor();
    error_lines(editor_state.message_problems);
}

std::string today_text() { return format_iso_date(platform::today()); }

void import_finished_file(Session& state, EditorState& editor_state) {
    auto file = editor_state.sink.take_finished();
    if (!file) return;
    if (!file->error.empty()) {
        // The browser's own words for what went wrong reading the file.
        set_message(editor_state, TextId::import_failed, {model_problem("", same_in_both(file->error))});
        return;
    }
    const SaveResult result = state.import_model(file->bytes, editor_state.author.data(), file->name, today_text());
    if (!result.saved && !result.existing) {
        set_message(editor_state, TextId::import_failed, result.problems);
        return;
    }
    set_saved_message(editor_state, result, TextId::import_done, file->name);
}

// A tooltip wrapped at a readable width.
void wrapped_tooltip(const char* text) {
    ImGui::BeginTooltip();
    push_tooltip_wrap(28.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// One line per model input whose points follow a protected column, with what η means.
void proxy_warnings(const Session& state, const ModelSpec& spec) {
    const ProxySettings settings;
    bool any = false;
    for (const ProxyMeasure& measure : state.proxy_measures()) {
        if (!measure.warns) continue;
        const auto parameter = std::find_if(spec.parameters.begin(), spec.parameters.end(),
                                            [&](const ModelParameter& p) { return p.id == measure.parameter_id; });
        const std::string name = parameter == spec.parameters.end() ? measure.parameter_id : local(parameter->label);
        const std::string attribute = field_label(state.field_dictionary(), measure.protected_column);
        char line[512];
        std::snprintf(line, sizeof line, tr(TextId::proxy_warning), name.c_str(), attribute.c_str(),
                      format_decimal(std::round(measure.eta * 100.0) / 100.0, language()).c_str(),
                      format_decimal(settings.threshold, language()).c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, palette::error_text);
        ImGui::TextUnformatted(line);
        describe_last_item(Role::status, line, "proxy-warning:" + measure.parameter_id);
        ImGui::PopStyleColor();
        any = true;
    }
    if (any) ImGui::TextDisabled("%s", tr(TextId::proxy_explanation));
}

void model_header(const Session& state, const Fonts& fonts, const ModelSpec& spec) {
    const float title_top = ImGui::GetCursorPosY();
    const auto active_version = state.model_registry().active_version();
    char version_line[64] = "";
    if (active_version) std::snprintf(version_line, sizeof version_line, tr(TextId::model_version_line), *active_version);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float after_title = ImGui::CalcTextSize(version_line).x + spacing +
                              (state.model_edited() ? ImGui::CalcTextSize(tr(TextId::model_edited_badge)).x + ImGui::CalcTextSize("()").x + spacing : 0.0f);
    ImGui::PushFont(fonts.title);
    // The version and the "edited" badge stand on the title's baseline where the line has room;
    // in a narrow window the title wraps and they go below it.
    const bool one_line = ImGui::CalcTextSize(local(spec.name).c_str()).x + spacing + after_title <= ImGui::GetContentRegionAvail().x;
    wrapped_text(local(spec.name));
    const std::size_t title_at = view_marks().accessible.size();
    describe_last_item(Role::heading, local(spec.name), "model-title").level = 2;
    const float title_ascent = ImGui::GetFont()->Ascent;
    ImGui::PopFont();
    auto on_title_baseline = [&] {
        if (!one_line) return;
        ImGui::SameLine();
        ImGui::SetCursorPosY(title_top + title_ascent - ImGui::GetFont()->Ascent);
    };
    std::string title = local(spec.name);
    if (active_version) {
        on_title_baseline();
        ImGui::TextDisabled("%s", version_line);
        title += std::string(" ") + version_line;
    }
    if (state.model_edited()) {
        on_title_baseline();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette::score_bar), "(%s)", tr(TextId::model_edited_badge));
        title += std::string(" (") + tr(TextId::model_edited_badge) + ")";
    }
    view_marks().accessible[title_at].name = title;
    ImGui::PushTextWrapPos(0.0f);
    if (!local(spec.description).empty()) {
        ImGui::TextUnformatted(local(spec.description).c_str());
        describe_paragraph(local(spec.description), "model-description");
    }
    const std::string definition = std::string(tr(TextId::display_definition_title)) + ": " + local(display_definition(spec));
    ImGui::TextDisabled("%s", definition.c_str());
    describe_paragraph(definition, "model-definition");
    proxy_warnings(state, spec);
    ImGui::PopTextWrapPos();
}

// A plain number field (no drag handle): shows the value with the language's decimal mark and
// takes "1,5" as well as "1.5". What is typed is applied on Enter or when the field loses focus
// (Escape puts the old text back); an entry that is not a number is refused and the value stays.
// True when `value` changed.
bool number_field(EditorState& editor_state, const std::string& parameter_id, const char* label, double& value,
                  float width) {
    const ImGuiID id = ImGui::GetID(label);
    const auto typed = editor_state.typing.find(id);
    const std::string shown = typed != editor_state.typing.end() ? typed->second : format_decimal(value, language());
    std::array<char, 64> buffer{};
    shown.copy(buffer.data(), buffer.size() - 1);
    ImGui::SetNextItemWidth(width);
    const bool entered = ImGui::InputText(label, buffer.data(), buffer.size(),
                                          ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    // While active the buffer is the live text; on the frame it ends it is the final one (after
    // Escape, the text the field started with).
    const bool ended = entered || ImGui::IsItemDeactivated();
    if (ImGui::IsItemActive() || ended) editor_state.typing[id] = buffer.data();
    if (!ended) return false;
    const auto finished = editor_state.typing.find(id);
    if (finished == editor_state.typing.end()) return false;
    const std::string text = finished->second;
    editor_state.typing.erase(finished);
    const std::optional<double> parsed = parse_decimal(text);
    if (!parsed) {
        editor_state.refused = EditorState::Refusal{parameter_id, text};
        return false;
    }
    editor_state.refused.reset();
    if (*parsed == value) return false;
    value = *parsed;
    return true;
}

// The refused entry of this parameter, if any, in the error colour.
void refusal_line(const EditorState& editor_state, const std::string& parameter_id) {
    if (!editor_state.refused || editor_state.refused->parameter != parameter_id) return;
    char line[256];
    std::snprintf(line, sizeof line, tr(TextId::number_field_refused), editor_state.refused->text.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, palette::error_text);
    wrapped_text(line);
    describe_last_item(Role::status, line, "model-refusal");
    ImGui::PopStyleColor();
}

// The last number field as a text box for the accessibility layer: "<parameter>: <what>".
void describe_number_field(const ModelParameter& parameter, const std::string& what, double value) {
    describe_last_item(Role::textbox, local(parameter.label) + ": " + what).value = format_decimal(value, language());
}

// A threshold or cap: a compact number field with the shared tooltip; `what` names it.
bool threshold_field(EditorState& editor_state, const ModelParameter& parameter, const char* label,
                     const std::string& what, double& value) {
    const bool changed = number_field(editor_state, parameter.id, label, value, ImGui::GetFontSize() * 4.0f);
    describe_number_field(parameter, what, value);
    if (ImGui::IsItemHovered()) wrapped_tooltip(tr(TextId::number_field_tooltip));
    return changed;
}

void labelled(TextId label) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", tr(label));
    ImGui::SameLine();
}

// The editable constants of a parameter's transforms: clamp caps and step thresholds.
bool transform_fields(EditorState& editor_state, ModelParameter& parameter) {
    bool changed = false;
    for (std::size_t t = 0; t < parameter.transforms.size(); ++t) {
        Transform& transform = parameter.transforms[t];
        ImGui::PushID(static_cast<int>(t));
        if (transform.kind == TransformKind::clamp) {
            if (transform.min) {
                labelled(TextId::clamp_min);
                changed |= threshold_field(editor_state, parameter, "##min", tr(TextId::clamp_min), *transform.min);
                if (transform.max) ImGui::SameLine();
            }
            if (transform.max) {
                labelled(TextId::clamp_max);
                changed |= threshold_field(editor_state, parameter, "##max", tr(TextId::clamp_max), *transform.max);
            }
        } else if (transform.kind == TransformKind::categorical) {
            // The points per category: each level's value, times the weight.
            for (std::size_t l = 0; l < transform.levels.size(); ++l) {
                ImGui::PushID(static_cast<int>(l));
                ImGui::AlignTextToFramePadding();
                char level[256];
                std::snprintf(level, sizeof level, tr(TextId::category_level),
                              category_label(transform.levels[l].first).c_str());
                ImGui::TextDisabled("%s", level);
                ImGui::SameLine();
                changed |= threshold_field(editor_state, parameter, "##level", level, transform.levels[l].second);
                ImGui::PopID();
            }
        } else if (transform.kind == TransformKind::step) {
            labelled(TextId::step_below);
            changed |= threshold_field(editor_state, parameter, "##below", tr(TextId::step_below), transform.below);
            for (std::size_t b = 0; b < transform.bins.size(); ++b) {
                ImGui::PushID(static_cast<int>(b));
                labelled(TextId::step_from);
                const std::string bin = std::to_string(b + 1) + " ";
                changed |= threshold_field(editor_state, parameter, "##from", bin + tr(TextId::step_from),
                                           transform.bins[b].from);
                ImGui::SameLine();
                labelled(TextId::step_value);
                changed |= threshold_field(editor_state, parameter, "##value", bin + tr(TextId::step_value),
                                           transform.bins[b].value);
                ImGui::PopID();
            }
        }
        ImGui::PopID();
    }
    return changed;
}

// A parameter's weight: "-", the typed field, "+". The automation box "weight:<id>" is the field.
bool weight_field(EditorState& editor_state, ModelParameter& parameter) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float button = ImGui::GetFrameHeight();
    bool changed = false;
    if (ImGui::Button("-", ImVec2(button, button))) {
        parameter.weight = add_step(parameter.weight, -weight_step);
        editor_state.refused.reset();
        changed = true;
    }
    describe_last_item(Role::button, local(parameter.label) + ": " + tr(TextId::weight_lower));
    ImGui::SameLine(0.0f, style.ItemInnerSpacing.x);
    const float field = ImGui::GetContentRegionAvail().x - button - style.ItemInnerSpacing.x;
    changed |= number_field(editor_state, parameter.id, "##weight", parameter.weight, std::max(field, button));
    note_last_item("weight:" + parameter.id);
    describe_number_field(parameter, tr(TextId::column_weight), parameter.weight);
    if (ImGui::IsItemHovered()) wrapped_tooltip(tr(TextId::weight_field_tooltip));
    ImGui::SameLine(0.0f, style.ItemInnerSpacing.x);
    if (ImGui::Button("+", ImVec2(button, button))) {
        parameter.weight = add_step(parameter.weight, weight_step);
        editor_state.refused.reset();
        changed = true;
    }
    describe_last_item(Role::button, local(parameter.label) + ": " + tr(TextId::weight_raise));
    return changed;
}

void parameter_table(Session& state, EditorState& editor_state) {
    const float em = ImGui::GetFontSize();
    // A window too narrow for the names beside the weight and thresholds (zoomed in, larger text):
    // the names keep ten characters' width and the table scrolls sideways, as data tables may.
    const float fixed_columns = em * (9.0f + 17.5f);
    const bool narrow = ImGui::GetContentRegionAvail().x < fixed_columns + em * 10.0f;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_ScrollY | (narrow ? ImGuiTableFlags_ScrollX : 0);
    if (!ImGui::BeginTable("parameters", 3, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    if (narrow) ImGui::TableSetupColumn(tr(TextId::column_parameter), ImGuiTableColumnFlags_WidthFixed, em * 10.0f);
    else ImGui::TableSetupColumn(tr(TextId::column_parameter), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn(tr(TextId::column_weight), ImGuiTableColumnFlags_WidthFixed, em * 9.0f);
    ImGui::TableSetupColumn(tr(TextId::column_thresholds), ImGuiTableColumnFlags_WidthFixed, em * 17.5f);
    DescribedTable table("model-parameters", tr(TextId::column_parameter));
    bool changed = false;
    for (std::size_t p = 0; p < editor_state.draft.parameters.size(); ++p) {
        ModelParameter& parameter = editor_state.draft.parameters[p];
        ImGui::PushID(static_cast<int>(p));
        table.next_row();
        table.next_cell(local(parameter.label));
        ImGui::AlignTextToFramePadding();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(local(parameter.label).c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            push_tooltip_wrap(28.0f);
            ImGui::TextUnformatted(local(parameter.rationale).c_str());
            ImGui::TextDisabled(tr(TextId::field_line), parameter.field.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        std::vector<ModelProblem> own;
        for (const auto& problem : editor_state.problems)
            if (problem.parameter == parameter.id) own.push_back(problem);
        error_lines(own);
        refusal_line(editor_state, parameter.id);

        const bool remove = ImGui::SmallButton(tr(TextId::remove_input));
        describe_last_item(Role::button, local(parameter.label) + ": " + tr(TextId::remove_input));
        if (remove) {
            editor_state.draft.parameters.erase(editor_state.draft.parameters.begin() + static_cast<std::ptrdiff_t>(p));
            ImGui::PopID();
            changed = true;
            break;
        }

        table.next_cell("");
        changed |= weight_field(editor_state, parameter);

        table.next_cell("");
        changed |= transform_fields(editor_state, parameter);
        ImGui::PopID();
    }
    table.end();
    if (changed) editor_state.problems = state.update_model(editor_state.draft);
}

// "Add an input": any column a model may read (dictionary fields and typed extra columns of an
// import; never protected ones or free text), with a first pipeline fitting its type.
void add_input_row(Session& state, EditorState& editor_state) {
    const std::vector<InputColumn> columns =
        model_input_columns(state.dataset(), state.protected_fields(), state.engine()->context().id_field);
    if (columns.empty()) return;
    labelled(TextId::add_input_label);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0f);
    DescribedCombo combo("##add-input", tr(TextId::add_input_label), tr(TextId::add_input_hint), ImGuiComboFlags_HeightLargest);
    if (combo.open())
        for (const InputColumn& column : columns) {
            const std::string item = field_label(state.field_dictionary(), column.name) + "  (" + kind_label(column.kind) + ")";
            if (!combo.option(item, false)) continue;
            if (const Column* found = state.dataset().find(column.name)) {
                editor_state.draft.parameters.push_back(parameter_for_column(editor_state.draft, *found));
                editor_state.problems = state.update_model(editor_state.draft);
            }
        }
    combo.end();
    note_last_item("combo:add-input");
    if (ImGui::IsItemHovered()) wrapped_tooltip(tr(TextId::add_input_tooltip));
}

const char* count_text(std::size_t value, std::string& storage) {
    storage = group_thousands(value);
    return storage.c_str();
}

void move_cell(DescribedTable& table, const RankMove& move, bool entered) {
    const std::int64_t up = move.places_up();
    const std::string places = (up > 0 ? "+" : "") + std::to_string(up);
    table.next_cell(entered ? tr(TextId::move_new) : places);
    if (entered) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette::score_bar), "%s", tr(TextId::move_new));
    else if (up > 0) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette::score_bar), "%s", places.c_str());
    else if (up < 0) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette::relief_bar), "%s", places.c_str());
    else ImGui::TextDisabled("0");
}

// One table of moves (`name` says which): dossier, name, rank before and now, places moved.
void move_table(const char* id, const std::string& name, const Session& state, const std::vector<RankMove>& moves,
                std::size_t top_n, bool mark_entered, float height) {
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable(id, 5, flags, ImVec2(0.0f, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    // Ids, ranks and moves keep the width of their header or widest value; the name takes the rest.
    auto fixed = [](TextId header, const char* widest) {
        return std::max(ImGui::CalcTextSize(tr(header)).x, ImGui::CalcTextSize(widest).x);
    };
    ImGui::TableSetupColumn(tr(TextId::column_dossier), ImGuiTableColumnFlags_WidthFixed, fixed(TextId::column_dossier, "KO-000000"));
    ImGui::TableSetupColumn(tr(TextId::column_name), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(TextId::column_rank_before), ImGuiTableColumnFlags_WidthFixed, fixed(TextId::column_rank_before, "00000"));
    ImGui::TableSetupColumn(tr(TextId::column_rank_now), ImGuiTableColumnFlags_WidthFixed, fixed(TextId::column_rank_now, "00000"));
    ImGui::TableSetupColumn(tr(TextId::column_move), ImGuiTableColumnFlags_WidthFixed,
                            std::max(fixed(TextId::column_move, "-00000"), ImGui::CalcTextSize(tr(TextId::move_new)).x));
    DescribedTable table(id, name, static_cast<int>(moves.size()) + 1);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(moves.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const RankMove& move = moves[static_cast<std::size_t>(i)];
            table.next_row(i);
            table.text_cell(state.id(move.row));
            table.text_cell(state.name(move.row));
            // A name cut off by the column is shown whole on hover.
            if (ImGui::IsItemHovered() && ImGui::CalcTextSize(state.name(move.row).c_str()).x > ImGui::GetColumnWidth())
                ImGui::SetTooltip("%s", state.name(move.row).c_str());
            table.text_cell(std::to_string(move.rank_before));
            table.text_cell(std::to_string(move.rank_after));
            move_cell(table, move, mark_entered && move.rank_before > top_n);
        }
    table.end();
}

// `height` is the whole right-hand column: the two tables take about half of it, the versions the rest.
void movement_section(Session& state, const Fonts& fonts, float height) {
    const float em = ImGui::GetFontSize();
    ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted(tr(TextId::movement_title));
    describe_last_item(Role::heading, tr(TextId::movement_title), "movement-title").level = 3;
    ImGui::PopFont();
    labelled(TextId::movement_top_label);
    int top_n = static_cast<int>(state.movement_top_n());
    const int most = std::max(1, static_cast<int>(std::min<std::size_t>(state.dataset().row_count(), 10000)));
    ImGui::SetNextItemWidth(em * 7.0f);
    bool top_changed = ImGui::InputInt("##top_n", &top_n, 5, 25);
    describe_last_range(Role::spinbutton, tr(TextId::movement_top_label), top_n, 1, most, 5, "movement-top");
    if (const std::optional<double> asked = take_requested_value("movement-top")) {
        top_n = static_cast<int>(*asked);
        top_changed = true;
    }
    if (top_changed) state.set_movement_top_n(static_cast<std::size_t>(std::clamp(top_n, 1, most)));
    const Movement movement = state.movement();
    std::string entered, n, left, moved;
    if (movement.entered.empty() && movement.left.empty() && movement.moved_in_top == 0) {
        wrapped_text(tr(TextId::movement_none));
        describe_last_item(Role::status, tr(TextId::movement_none), "movement-summary");
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    char summary[256];
    std::snprintf(summary, sizeof summary, tr(TextId::movement_summary), count_text(movement.entered.size(), entered),
                  count_text(movement.top_n, n), count_text(movement.left.size(), left),
                  count_text(movement.moved_in_top, moved));
    ImGui::TextUnformatted(summary);
    describe_last_item(Role::status, summary, "movement-summary");
    ImGui::PopTextWrapPos();
    const float table_height = std::max(em * 6.0f, height * 0.3f);
    const std::string top_title = std::string(tr(TextId::movement_top_label)) + " " + std::to_string(movement.top_n);
    ImGui::TextDisabled("%s", top_title.c_str());
    move_table("top_moves", top_title, state, movement.top, movement.top_n, true, table_height);
    if (!movement.left.empty()) {
        const std::string left_title = std::string(tr(TextId::movement_left)) + " " + std::to_string(movement.top_n);
        ImGui::TextDisabled("%s", left_title.c_str());
        move_table("left_moves", left_title, state, movement.left, movement.top_n, false, std::max(em * 5.0f, height * 0.18f));
    }
}

void save_controls(Session& state, EditorState& editor_state) {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 9.0f);
    ImGui::InputTextWithHint("##author", tr(TextId::author_hint), editor_state.author.data(), editor_state.author.size());
    describe_last_item(Role::textbox, tr(TextId::author_hint), "model-author").value = editor_state.author.data();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##note", tr(TextId::note_hint), editor_state.note.data(), editor_state.note.size());
    describe_last_item(Role::textbox, tr(TextId::note_hint), "model-note").value = editor_state.note.data();
    const bool save_clicked = ImGui::Button(tr(TextId::save_version));
    describe_last_item(Role::button, tr(TextId::save_version), "model-save");
    if (save_clicked) {
        const SaveResult result = state.save_model_version(editor_state.author.data(), editor_state.note.data(), today_text());
        if (result.saved || result.existing) {
            set_saved_message(editor_state, result, TextId::version_saved);
            editor_state.note[0] = '\0';
        } else {
            set_message(editor_state, TextId::save_failed, result.problems);
        }
    }
    const bool export_clicked = ImGui::Button(tr(TextId::export_model));
    note_last_item("button:export", Role::button, tr(TextId::export_model));
    if (export_clicked) {
        const auto& registry = state.model_registry();
        if (const auto active = registry.active_version())
            if (const auto json = registry.export_json(*active)) {
                const std::string name = registry.find(*active)->info.model_id + "-v" + std::to_string(*active) + ".json";
                platform::download_file(name, "application/json", *json);
            }
    }
    const bool card_clicked = ImGui::Button(tr(TextId::model_card_download));
    note_last_item("button:model_card", Role::button, tr(TextId::model_card_download));
    wrapped_tooltip(tr(TextId::model_card_tooltip));
    if (card_clicked) {
        const ModelCardInput input =
            model_card_input(state, state.is_synthetic() ? tr(TextId::synthetic_badge) : "", Timestamp{platform::now_millis()});
        platform::download_file(model_card_file_name(state), "text/html", model_card_html(input, language()));
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(editor_state.sink.reading());
    const bool import_clicked = ImGui::Button(tr(TextId::import_model));
    note_last_item("button:import", Role::button, tr(TextId::import_model));
    if (import_clicked) {
        // Only one sink receives files at a time: the editor claims it when the user asks.
        platform::set_file_sink(&editor_state.sink);
        platform::request_file_open(".json,application/json");
    }
    ImGui::EndDisabled();
    if (editor_state.sink.reading()) ImGui::TextDisabled("%s", tr(TextId::import_reading));
    draw_message(state, editor_state);
}

// Under a version's note: "saving…" until the store confirmed it, or why it was not saved with a
// retry. Nothing for versions read from the store or kept in memory only.
void version_save_state(Session& state, const ModelVersionInfo& info) {
    const SaveStatus* status = state.model_save_status(info.fingerprint);
    if (!status) return;
    if (status->phase == SavePhase::saving) {
        ImGui::TextDisabled("%s", tr(TextId::saving));
    } else if (status->phase == SavePhase::failed) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette::error_text);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::Text(tr(TextId::save_error), status->error_name.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        const bool retry = ImGui::SmallButton(tr(TextId::retry));
        describe_last_item(Role::button, tr(TextId::retry));
        if (retry) state.retry_model_save(info.fingerprint);
    } else if (state.storage_mode() == StoreMode::memory_only) {
        ImGui::TextDisabled("%s", tr(TextId::saved_in_memory));
    }
}

void version_table(Session& state, EditorState& editor_state) {
    const auto& registry = state.model_registry();
    if (!state.model_notice().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette::error_text);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(state.model_notice().c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("versions", 4, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    const auto& versions = registry.versions();
    // Saved as an ISO date (or time); shown in the app's date format, never cut off.
    auto saved_text = [](const ModelVersionInfo& info) {
        const std::optional<DayNumber> saved_day = parse_iso_date(info.saved_at.substr(0, 10));
        return saved_day ? date_text(*saved_day) : info.saved_at;
    };
    float date_width = ImGui::CalcTextSize(tr(TextId::column_saved_at)).x;
    for (const ModelVersion& version : versions)
        date_width = std::max(date_width, ImGui::CalcTextSize(saved_text(version.info).c_str()).x);
    const float button_width =
        std::max(ImGui::CalcTextSize(tr(TextId::activate_version)).x + ImGui::GetStyle().FramePadding.x * 2.0f,
                 ImGui::CalcTextSize(tr(TextId::active_marker)).x);
    ImGui::TableSetupColumn(tr(TextId::column_version), ImGuiTableColumnFlags_WidthFixed,
                            std::max(ImGui::CalcTextSize(tr(TextId::column_version)).x, ImGui::CalcTextSize("000").x));
    // The note stands under its author, so it wraps at the width of both (in a column of its own
    // beside the dates and buttons it had a word or two a line).
    ImGui::TableSetupColumn(tr(TextId::column_author_and_note), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(TextId::column_saved_at), ImGuiTableColumnFlags_WidthFixed, date_width);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, button_width);
    DescribedTable table("model-versions", tr(TextId::versions_title));
    for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
        const ModelVersionInfo& info = it->info;
        ImGui::PushID(info.version);
        table.next_row();
        table.next_cell(std::to_string(info.version));
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%d", info.version);
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(local(info.model_name).c_str());
            ImGui::TextDisabled(tr(TextId::fingerprint_line), info.fingerprint.c_str());
            ImGui::EndTooltip();
        }
        table.next_cell(info.note.empty() ? info.author : info.author + ": " + info.note);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(info.author.c_str());
        if (!info.note.empty()) ImGui::TextDisabled("%s", info.note.c_str());
        ImGui::PopTextWrapPos();
        version_save_state(state, info);
        table.text_cell(saved_text(info));
        if (registry.active_version() == info.version) {
            table.next_cell(tr(TextId::active_marker));
            ImGui::TextDisabled("%s", tr(TextId::active_marker));
        } else {
            table.next_cell("");
            const bool activate = ImGui::SmallButton(tr(TextId::activate_version));
            describe_last_item(Role::button, std::string(tr(TextId::activate_version)) + " " + std::to_string(info.version));
            if (activate) {
                state.activate_model_version(info.version);
                editor_state.problems.clear();
            }
        }
        ImGui::PopID();
    }
    table.end();
}

}  // namespace

void draw_model_editor_view(Session& state, const Fonts& fonts, EditorState& editor_state) {
    const ScoringEngine* engine = state.engine();
    if (!engine) return;  // the main window already lists why the model was refused
    import_finished_file(state, editor_state);
    if (engine->spec() != editor_state.based_on) {
        // The model changed elsewhere (saved edit, activation, import, automation): follow it.
        editor_state.based_on = engine->spec();
        editor_state.draft = editor_state.based_on;
        editor_state.problems.clear();
        editor_state.refused.reset();
    }
    const float em = ImGui::GetFontSize();
    const ImGuiStyle& style = ImGui::GetStyle();
    // Parameters beside movement and versions when both fit; in a narrow window (zoomed in, large
    // text) one scrolling column, parameters above, so neither is squeezed to a word a line.
    const bool stacked = ImGui::GetContentRegionAvail().x < em * 60.0f;
    if (stacked) ImGui::BeginChild("model_column", ImVec2(0, 0));
    model_header(state, fonts, editor_state.draft);

    const float right_width = std::max(em * 26.0f, ImGui::GetContentRegionAvail().x * 0.42f);
    const float stacked_height = std::max(em * 22.0f, ImGui::GetContentRegionAvail().y);
    ImGui::BeginChild("parameters_area", stacked ? ImVec2(0, stacked_height) : ImVec2(-right_width - style.ItemSpacing.x, 0));
    std::vector<ModelProblem> general;
    for (const auto& problem : editor_state.problems)
        if (problem.parameter.empty()) general.push_back(problem);
    error_lines(general);
    if (state.model_edited() || !editor_state.problems.empty()) {
        const bool undo = ImGui::Button(tr(TextId::undo_edits));
        describe_last_item(Role::button, tr(TextId::undo_edits), "model-undo");
        if (undo && state.saved_model()) {
            editor_state.problems.clear();
            editor_state.refused.reset();
            editor_state.draft = *state.saved_model();
            state.update_model(editor_state.draft);
        }
    }
    add_input_row(state, editor_state);
    parameter_table(state, editor_state);
    ImGui::EndChild();
    if (!stacked) ImGui::SameLine();
    ImGui::BeginChild("movement_and_versions", ImVec2(0, stacked ? stacked_height * 1.5f : 0.0f));
    movement_section(state, fonts, ImGui::GetContentRegionAvail().y);
    ImGui::Separator();
    ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted(tr(TextId::versions_title));
    describe_last_item(Role::heading, tr(TextId::versions_title), "versions-title").level = 3;
    ImGui::PopFont();
    save_controls(state, editor_state);
    version_table(state, editor_state);
    if (const std::optional<SaveResult> learned = draw_learned_weights(state, fonts, editor_state.author.data())) {
        if (learned->saved || learned->existing) set_saved_message(editor_state, *learned, TextId::version_saved);
        else set_message(editor_state, TextId::save_failed, learned->problems);
    }
    ImGui::EndChild();
    if (stacked) ImGui::EndChild();
}

}  // namespace radar::ui
