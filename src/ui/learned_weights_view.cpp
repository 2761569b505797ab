// The learned-weights what-if in the model editor (see learned_weights_view.hpp). The fit, the
// held-out comparison and the movement come from Session; the view draws them.
#include "ui/learned_weights_view.hpp"

#include <optional>
#include <string>

#include "platform/platform.hpp"
#include "session/i18n.hpp"
#include "ui/session_names.hpp"
#include "ui/item_marks.hpp"
#include "ui/table_marks.hpp"
#include "ui/text_widgets.hpp"

namespace radar::ui {
namespace {

std::string number(double value) { return decimal_text(value, 3); }

void weights_table(const ModelSpec& spec, const LearnedWeights& learned) {
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH;
    if (!ImGui::BeginTable("learned_weights", 3, flags)) return;
    const float number_width = ImGui::CalcTextSize(tr(TextId::learned_current)).x + ImGui::GetFontSize();
    ImGui::TableSetupColumn(tr(TextId::learned_parameter), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(TextId::learned_current), ImGuiTableColumnFlags_WidthFixed, number_width);
    ImGui::TableSetupColumn(tr(TextId::learned_learned), ImGuiTableColumnFlags_WidthFixed, number_width);
    DescribedTable table("learned-weights", tr(TextId::learned_title));
    const auto row = [&table](const std::string& name, double current, double learned_value) {
        table.next_row();
        table.next_cell(name);
        wrapped_text(name);
        table.text_cell(number(current));
        table.text_cell(number(learned_value));
    };
    const TextLanguage language_now = language() == Language::dutch ? TextLanguage::dutch : TextLanguage::english;
    for (std::size_t p = 0; p < learned.weights.size() && p < spec.parameters.size(); ++p) {
        const LearnedWeight& weight = learned.weights[p];
        const std::string name = text_in(spec.parameters[p].label, language_now);
        row(name, weight.current, weight.learned);
        if (weight.current_missing_points && weight.learned_missing_points)
            row(filled(TextId::learned_missing_row, {name}), *weight.current_missing_points, *weight.learned_missing_points);
    }
    table.end();
}

std::optional<SaveResult> learned_weights_section(Session& state, const Fonts& fonts, const std::string& author) {
    section_title(tr(TextId::learned_title), fonts);
    wrapped_muted_text(tr(TextId::learned_explanation));
    wrapped_text(label_definition_statement(state.label_definition(),
                                            language() == Language::dutch ? TextLanguage::dutch : TextLanguage::english));
    const bool run = ImGui::Button(tr(TextId::learned_run));
    note_last_item("button:learn-weights", Role::button, tr(TextId::learned_run));
    if (run) state.run_learned_weights();

    const Session::LearnedWhatIf* what_if = state.learned_weights();
    if (!what_if) return std::nullopt;
    if (!what_if->weights) {
        const std::string refused = filled(TextId::learned_refused, {what_if->weights.error()});
        ImGui::TextColored(ImColor(palette::error_text), "%s", refused.c_str());
        describe_last_item(Role::status, refused, "learned-summary");
        return std::nullopt;
    }
    const LearnedWeights& learned = *what_if->weights;
    const std::string summary = filled(TextId::learned_summary,
                                       {group_thousands(learned.labelled), group_thousands(learned.positives),
                                        learned.first_month, learned.last_month, decimal_text(learned.choice.lambda, 4),
                                        std::to_string(learned.choice.folds)});
    wrapped_text(summary);
    describe_last_item(Role::status, summary, "learned-summary");
    weights_table(learned.spec, learned);
    wrapped_muted_text(tr(TextId::learned_scale_note));
    if (learned.held_out_auc_learned && learned.held_out_auc_current && !learned.held_out_months.empty())
        wrapped_text(filled(TextId::learned_held_out,
                            {learned.held_out_months.front(), learned.held_out_months.back(),
                             group_thousands(learned.held_out_rows), number(*learned.held_out_auc_learned),
                             number(*learned.held_out_auc_current)}));
    else
        wrapped_text(tr(TextId::learned_no_held_out));
    wrapped_text(filled(TextId::learned_movement,
                        {std::to_string(what_if->movement.top_n), std::to_string(what_if->movement.entered.size()),
                         std::to_string(what_if->movement.left.size())}));
    const bool save = ImGui::Button(tr(TextId::learned_save));
    note_last_item("button:save-learned", Role::button, tr(TextId::learned_save));
    wrapped_tooltip(tr(TextId::learned_save_tooltip));
    if (!save) return std::nullopt;
    return state.save_learned_weights(!author.empty() ? author : state.screener(), format_iso_date(platform::today()));
}

}  // namespace

std::optional<SaveResult> draw_learned_weights(Session& state, const Fonts& fonts, const std::string& author) {
    // Its own ID scope: its buttons share a window with the editor's save controls.
    ImGui::PushID("learned_weights");
    const std::optional<SaveResult> saved = learned_weights_section(state, fonts, author);
    ImGui::PopID();
    return saved;
}

}  // namespace radar::ui
