// The outcome list and form of the screening view.
#include "ui/outcome_form.hpp"

#include <algorithm>
#include <array>

#include "core/screening/screening_actions.hpp"
#include "session/i18n.hpp"
#include "session/screening_work.hpp"
#include "ui/session_names.hpp"
#include "ui/item_marks.hpp"
#include "ui/theme.hpp"
#include "ui/workflow_widgets.hpp"

namespace radar::ui {
namespace {

void copy_text(const std::string& text, char* buffer, std::size_t size) {
    const std::size_t length = std::min(text.size(), size - 1);
    std::copy_n(text.begin(), length, buffer);
    buffer[length] = '\0';
}

void reset(const Session& state, OutcomeDraft& d, const std::string& dossier_id) {
    d = OutcomeDraft{};
    d.dossier_id = dossier_id;
    copy_text(date_text(state.reference_date()), d.date.data(), d.date.size());
}

void start_correction(const Session& state, OutcomeDraft& d, const OutcomeState& outcome, bool withdraw) {
    reset(state, d, outcome.dossier_id);
    d.corrects = outcome.outcome_id;
    d.withdraw = withdraw;
    d.open = true;
    d.details = outcome.details;
    copy_text(outcome.details.handed_over_to, d.handed_over_to.data(), d.handed_over_to.size());
    copy_text(date_text(outcome.details.outcome_date), d.date.data(), d.date.size());
    copy_text(outcome.details.note, d.note.data(), d.note.size());
}

template <typename Enum, std::size_t N>
void choice(const char* id, Enum& value, const Enum (&options)[N], const char* (*label)(Enum, TextLanguage), float width) {
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo(id, label(value, language()))) {
        for (Enum option : options)
            if (ImGui::Selectable(label(option, language()), value == option)) value = option;
        ImGui::EndCombo();
    }
}

void labelled(const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    ImGui::SameLine();
}

void form(Session& state, OutcomeDraft& d, bool focus_form) {
    const float em = ImGui::GetFontSize();
    const bool correcting = !d.corrects.empty();
    ImGui::TextUnformatted(tr(d.withdraw ? TextId::outcome_withdraw_title
                                         : correcting ? TextId::outcome_correct_title : TextId::outcome_record_title));
    bool enter = false;
    if (!d.withdraw) {
        static constexpr OutcomeType types[] = {OutcomeType::none,        OutcomeType::support,     OutcomeType::warning,
                                                OutcomeType::enforcement, OutcomeType::handed_over, OutcomeType::inspection};
        static constexpr EnforcementMeasure measures[] = {EnforcementMeasure::aanmaning, EnforcementMeasure::schorsing,
                                                          EnforcementMeasure::opheffing, EnforcementMeasure::other};
        static constexpr InspectionResult results[] = {InspectionResult::no_shortcomings, InspectionResult::shortcomings,
                                                       InspectionResult::serious_shortcomings};
        labelled(tr(TextId::outcome_type_label));
        choice("##outcome_type", d.details.type, types, outcome_type_label, em * 16.0f);
        note_last_item("outcome-type");
        if (focus_form) ImGui::SetScrollHereY(0.3f);
        if (d.details.type == OutcomeType::enforcement) {
            ImGui::SameLine();
            labelled(tr(TextId::outcome_measure_label));
            choice("##outcome_measure", d.details.measure, measures, enforcement_measure_label, em * 11.0f);
        } else if (d.details.type == OutcomeType::inspection) {
            ImGui::SameLine();
            labelled(tr(TextId::outcome_result_label));
            choice("##outcome_result", d.details.inspection_result, results, inspection_result_label, em * 11.0f);
        } else if (d.details.type == OutcomeType::handed_over) {
            ImGui::SameLine();
            labelled(tr(TextId::outcome_handed_over_label));
            ImGui::SetNextItemWidth(em * 14.0f);
            ImGui::InputText("##outcome_to", d.handed_over_to.data(), d.handed_over_to.size());
        }
        labelled(tr(TextId::outcome_date_label));
        ImGui::SetNextItemWidth(em * 10.0f);
        ImGui::InputTextWithHint("##outcome_date", tr(TextId::date_hint), d.date.data(), d.date.size());
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-1);
        if (focus_form) ImGui::SetKeyboardFocusHere();
        if (ImGui::InputTextWithHint("##outcome_note", tr(TextId::outcome_note_hint), d.note.data(), d.note.size(),
                                     ImGuiInputTextFlags_EnterReturnsTrue))
            enter = true;
    }
    if (correcting) {
        ImGui::SetNextItemWidth(-1);
        if (d.withdraw && focus_form) ImGui::SetKeyboardFocusHere();
        if (ImGui::InputTextWithHint("##outcome_reason", tr(TextId::correction_reason_hint), d.reason.data(),
                                     d.reason.size(), ImGuiInputTextFlags_EnterReturnsTrue))
            enter = true;
    }
    const std::string subject = outcome_subject(d.dossier_id);
    const SaveStatus* status = state.save_status(subject);
    ImGui::BeginDisabled(status && status->phase == SavePhase::saving);
    const bool pressed = ImGui::Button(tr(d.withdraw ? TextId::outcome_withdraw : TextId::outcome_save));
    note_last_item("outcome-save");
    ImGui::EndDisabled();
    if (pressed || enter) {
        OutcomeInput input;
        input.dossier_id = d.dossier_id;
        input.corrects = d.corrects;
        input.withdraw = d.withdraw;
        input.reason = d.reason.data();
        input.details = d.details;
        input.details.handed_over_to = d.details.type == OutcomeType::handed_over ? d.handed_over_to.data() : "";
        input.details.note = d.note.data();
        const std::optional<DayNumber> date = parse_date_text(d.date.data());
        if (!date && !d.withdraw) {
            d.message = tr(TextId::outcome_date_invalid);
        } else {
            input.details.outcome_date = date.value_or(0);
            d.message = submit_outcome(state, input);
            if (d.message.empty()) reset(state, d, d.dossier_id);
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(TextId::cancel))) reset(state, d, d.dossier_id);
    ImGui::SameLine();
    if (!d.message.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(ImColor(palette::error_text), "%s", d.message.c_str());
        ImGui::PopTextWrapPos();
    } else {
        draw_save_status(state, subject);
    }
}

}  // namespace

void draw_outcomes_section(Session& state, OutcomeDraft& d, const std::string& dossier_id, bool focus_form) {
    if (d.dossier_id != dossier_id) reset(state, d, dossier_id);
    ImGui::PushID("outcomes");
    const auto current = state.screening().current_outcomes(dossier_id);
    if (current.empty()) ImGui::TextDisabled("%s", tr(TextId::outcomes_none));
    for (const OutcomeState* outcome : current) {
        ImGui::PushID(outcome->outcome_id.c_str());
        ImGui::AlignTextToFramePadding();
        std::string line = describe_outcome(outcome->details, language());
        if (!outcome->details.note.empty()) line += " \xE2\x80\x94 " + outcome->details.note;
        ImGui::BulletText(tr(TextId::outcome_line), date_text(outcome->details.outcome_date).c_str(), line.c_str());
        if (!outcome->correction_ids.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled(tr(TextId::corrected_line), outcome->correction_reason.c_str());
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(TextId::correct_button))) start_correction(state, d, *outcome, false);
        note_last_item("outcome-correct");
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(TextId::outcome_withdraw))) start_correction(state, d, *outcome, true);
        note_last_item("outcome-withdraw");
        ImGui::PopID();
    }
    if (state.storage_mode() == StoreMode::read_only) {
        ImGui::TextDisabled("%s", tr(TextId::storage_not_writable));
    } else if (state.screening().current_screening(dossier_id)) {
        if (focus_form) d.open = true;
        if (d.open) {
            form(state, d, focus_form);
        } else {
            if (ImGui::Button(tr(TextId::outcome_record_title))) d.open = true;
            note_last_item("outcome-open");
            ImGui::SameLine();
            draw_save_status(state, outcome_subject(dossier_id));
        }
    } else {
        ImGui::TextDisabled("%s", tr(TextId::outcome_needs_screening));
    }
    ImGui::PopID();
}

}  // namespace radar::ui
