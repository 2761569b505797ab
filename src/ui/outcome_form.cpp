// The outcome list and form of the screening view.
#include "ui/outcome_form.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "core/screening/screening_actions.hpp"
#include "session/i18n.hpp"
#include "session/screening_work.hpp"
#include "ui/session_names.hpp"
#include "ui/text_widgets.hpp"
#include "ui/choice_box.hpp"
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

// A combo box over `options`, named `name` in the page's layer.
template <typename Enum, std::size_t N>
void choice(const char* id, const char* name, Enum& value, const Enum (&options)[N], const char* (*label)(Enum, TextLanguage),
            float width) {
    ImGui::SetNextItemWidth(width);
    const std::string key = std::string("outcome-") + (id + 2);  // without the "##"
    if (begin_choice_box(id, key, name, label(value, language()))) {
        for (Enum option : options)
            if (choice_option(key, label(option, language()), value == option)) value = option;
        end_choice_box();
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
    const char* title = tr(d.withdraw ? TextId::outcome_withdraw_title
                                      : correcting ? TextId::outcome_correct_title : TextId::outcome_record_title);
    ImGui::TextUnformatted(title);
    describe_last_item(Role::heading, title, "outcome-form").level = 4;
    bool enter = false;
    if (!d.withdraw) {
        static constexpr OutcomeType types[] = {OutcomeType::none,        OutcomeType::support,     OutcomeType::warning,
                                                OutcomeType::enforcement, OutcomeType::handed_over, OutcomeType::inspection};
        static constexpr EnforcementMeasure measures[] = {EnforcementMeasure::aanmaning, EnforcementMeasure::schorsing,
                                                          EnforcementMeasure::opheffing, EnforcementMeasure::other};
        static constexpr InspectionResult results[] = {InspectionResult::no_shortcomings, InspectionResult::shortcomings,
                                                       InspectionResult::serious_shortcomings};
        labelled(tr(TextId::outcome_type_label));
        choice("##outcome_type", tr(TextId::outcome_type_label), d.details.type, types, outcome_type_label, em * 16.0f);
        note_last_item("outcome-type");
        if (focus_form) ImGui::SetScrollHereY(0.3f);
        if (d.details.type == OutcomeType::enforcement) {
            ImGui::SameLine();
            labelled(tr(TextId::outcome_measure_label));
            choice("##outcome_measure", tr(TextId::outcome_measure_label), d.details.measure, measures, enforcement_measure_label,
                   em * 11.0f);
        } else if (d.details.type == OutcomeType::inspection) {
            ImGui::SameLine();
            labelled(tr(TextId::outcome_result_label));
            choice("##outcome_result", tr(TextId::outcome_result_label), d.details.inspection_result, results,
                   inspection_result_label, em * 11.0f);
        } else if (d.details.type == OutcomeType::handed_over) {
            ImGui::SameLine();
            labelled(tr(TextId::outcome_handed_over_label));
            ImGui::SetNextItemWidth(em * 14.0f);
            ImGui::InputText("##outcome_to", d.handed_over_to.data(), d.handed_over_to.size());
            describe_last_item(Role::textbox, tr(TextId::outcome_handed_over_label), "outcome-handed-over-to").value =
                d.handed_over_to.data();
        }
        labelled(tr(TextId::outcome_date_label));
        ImGui::SetNextItemWidth(em * 10.0f);
        ImGui::InputTextWithHint("##outcome_date", tr(TextId::date_hint), d.date.data(), d.date.size());
        describe_last_item(Role::textbox, tr(TextId::outcome_date_label), "outcome-date").value = d.date.data();
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-1);
        if (focus_form) ImGui::SetKeyboardFocusHere();
        if (ImGui::InputTextWithHint("##outcome_note", tr(TextId::outcome_note_hint), d.note.data(), d.note.size(),
                                     ImGuiInputTextFlags_EnterReturnsTrue))
            enter = true;
        describe_last_item(Role::textbox, tr(TextId::outcome_note_hint), "outcome-note").value = d.note.data();
    }
    if (correcting) {
        ImGui::SetNextItemWidth(-1);
        if (d.withdraw && focus_form) ImGui::SetKeyboardFocusHere();
        if (ImGui::InputTextWithHint("##outcome_reason", tr(TextId::correction_reason_hint), d.reason.data(),
                                     d.reason.size(), ImGuiInputTextFlags_EnterReturnsTrue))
            enter = true;
        describe_last_item(Role::textbox, tr(TextId::correction_reason_hint), "outcome-reason").value = d.reason.data();
    }
    const std::string subject = outcome_subject(d.dossier_id);
    const SaveStatus* status = state.save_status(subject);
    ImGui::BeginDisabled(status && status->phase == SavePhase::saving);
    const bool pressed = ImGui::Button(tr(d.withdraw ? TextId::outcome_withdraw : TextId::outcome_save));
    note_last_item("outcome-save", Role::button, tr(d.withdraw ? TextId::outcome_withdraw : TextId::outcome_save));
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
    describe_last_item(Role::button, tr(TextId::cancel), "outcome-cancel");
    ImGui::SameLine();
    if (!d.message.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(ImColor(palette::error_text), "%s", d.message.c_str());
        describe_last_item(Role::status, d.message, "outcome-refusal");
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
    // In the page's layer a list of the outcomes, each with its two buttons named after it.
    const std::size_t list_at = view_marks().accessible.size();
    if (!current.empty()) describe("outcomes", Role::list, tr(TextId::outcomes_title));
    for (const OutcomeState* outcome : current) {
        ImGui::PushID(outcome->outcome_id.c_str());
        ImGui::AlignTextToFramePadding();
        std::string line = describe_outcome(outcome->details, language());
        if (!outcome->details.note.empty()) line += " \xE2\x80\x94 " + outcome->details.note;
        std::string entry = filled(TextId::outcome_line, {date_text(outcome->details.outcome_date), line});
        wrapped_bullet(entry);
        WidgetBox entry_box{ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                            ImGui::GetItemRectMax().y};
        if (!outcome->correction_ids.empty()) {
            ImGui::SameLine();
            const std::string corrected = filled(TextId::corrected_line, {outcome->correction_reason});
            ImGui::TextDisabled("%s", corrected.c_str());
            entry += " " + corrected;
            grow_box(entry_box, WidgetBox{ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                                          ImGui::GetItemRectMax().y});
        }
        AccessibleItem& item = describe("outcome:" + outcome->outcome_id, Role::listitem, entry, entry_box);
        item.container = "outcomes";
        grow_box(view_marks().accessible[list_at].box, item.box);
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(TextId::correct_button))) start_correction(state, d, *outcome, false);
        note_last_item("outcome-correct");
        describe_last_item(Role::button, std::string(tr(TextId::correct_button)) + ": " + entry,
                           "outcome-correct:" + outcome->outcome_id);
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(TextId::outcome_withdraw))) start_correction(state, d, *outcome, true);
        note_last_item("outcome-withdraw");
        describe_last_item(Role::button, std::string(tr(TextId::outcome_withdraw)) + ": " + entry,
                           "outcome-withdraw:" + outcome->outcome_id);
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
            note_last_item("outcome-open", Role::button, tr(TextId::outcome_record_title));
            ImGui::SameLine();
            draw_save_status(state, outcome_subject(dossier_id));
        }
    } else {
        ImGui::TextDisabled("%s", tr(TextId::outcome_needs_screening));
    }
    ImGui::PopID();
}

}  // namespace radar::ui
