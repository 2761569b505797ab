// Screening screen: the open batch's queue, the chosen dossier (reasons, completeness, timeline,
// fields), and the coding form with its keyboard (1/2/3, Enter, J/K) and corrections.
#include "ui/screening_view.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "screening/event_text.hpp"
#include "screening/score_band.hpp"
#include "ui/dossier_panel.hpp"
#include "ui/i18n.hpp"
#include "ui/item_marks.hpp"
#include "ui/workflow_widgets.hpp"

namespace radar::ui {
namespace {

TextLanguage text_language() { return language() == Language::dutch ? TextLanguage::dutch : TextLanguage::english; }

// What the screener is entering for the current dossier; reset when another dossier is chosen.
struct Draft {
    std::string dossier_id;
    std::optional<ScreeningCode> code;
    std::array<char, 1024> note{};
    std::array<char, 512> reason{};  // corrections only
    FollowUpType follow_up_type = FollowUpType::inspection_visit;
    std::array<char, 16> due_date{};
    bool correcting = false;
    const char* message = nullptr;  // why the last save was refused (a translated text)
    std::string detail;             // the core's refusal, when it refused
};

Draft& draft() {
    static Draft instance;
    return instance;
}

void copy_text(const std::string& text, char* buffer, std::size_t size) {
    const std::size_t length = std::min(text.size(), size - 1);
    std::copy_n(text.begin(), length, buffer);
    buffer[length] = '\0';
}

void reset_draft(const AppState& state, const std::string& dossier_id) {
    Draft& d = draft();
    d = Draft{};
    d.dossier_id = dossier_id;
    const std::string due = format_iso_date(add_months(state.reference_date(), 1));
    copy_text(due, d.due_date.data(), d.due_date.size());
}

const BatchState* chosen_batch(AppState& state) {
    const auto& batches = state.screening().batches;
    auto found = batches.find(state.screening_batch());
    if (found != batches.end()) return &found->second;
    // Default: the newest open batch.
    for (auto it = batches.rbegin(); it != batches.rend(); ++it)
        if (it->second.status() == BatchStatus::open) {
            state.set_screening_batch(it->first);
            return &it->second;
        }
    return nullptr;
}

// The queue: indices into the batch's members (selection order: ranked top-N first), optionally
// only the uncoded ones.
std::vector<std::size_t> queue_of(const BatchState& batch, bool only_uncoded, const std::string& keep) {
    std::vector<std::size_t> queue;
    for (std::size_t i = 0; i < batch.members.size(); ++i)
        if (!only_uncoded || !batch.member_coded[i] || batch.members[i].dossier_id == keep) queue.push_back(i);
    return queue;
}

const char* code_explanation(ScreeningCode code) {
    switch (code) {
        case ScreeningCode::risico: return tr(TextId::code_risico_explanation);
        case ScreeningCode::geen_risico: return tr(TextId::code_geen_risico_explanation);
        case ScreeningCode::verder_onderzoek_nodig: return tr(TextId::code_verder_explanation);
    }
    return "";
}

// The dossier's screening in this batch, if it has one (after corrections, not withdrawn).
const EffectiveScreening* screening_in_batch(const ScreeningState& screening, const std::string& dossier_id,
                                             const std::string& batch_id) {
    const DossierHistory* history = screening.history(dossier_id);
    if (!history) return nullptr;
    for (auto it = history->screenings.rbegin(); it != history->screenings.rend(); ++it) {
        const EffectiveScreening& item = screening.screenings[*it];
        if (item.batch_id == batch_id && !item.withdrawn) return &item;
    }
    return nullptr;
}

std::optional<double> percentile_of(const BatchState& batch, const BatchMember& member) {
    if (member.kind == SelectionKind::control) return std::nullopt;  // the screener must not see it
    return score_percentile(member.rank, batch.ranked_total);
}

// Validates the draft and submits the events of one decision or correction.
void save(AppState& state, const BatchState& batch, const BatchMember& member) {
    Draft& d = draft();
    d.message = nullptr;
    d.detail.clear();
    const SaveStatus* status = state.save_status(member.dossier_id);
    if (status && status->phase == SavePhase::saving) return;
    if (state.screener().empty()) {
        d.message = tr(TextId::screener_required);
        return;
    }
    if (state.storage_mode() == StorageMode::opening) {
        d.message = tr(TextId::storage_opening);
        return;
    }
    if (state.storage_mode() == StorageMode::read_only) {
        d.message = tr(TextId::storage_not_writable);
        return;
    }
    if (!d.code) {
        d.message = tr(TextId::choose_code);
        return;
    }
    const std::optional<double> percentile = percentile_of(batch, member);
    const std::string note = d.note.data();
    if (note_required(*d.code, percentile) && !has_content(note)) {
        d.message = tr(TextId::note_required_message);
        return;
    }
    const EffectiveScreening* existing = screening_in_batch(state.screening(), member.dossier_id, batch.batch_id);
    if (existing) {
        if (!d.correcting) return;
        CorrectionRequest request;
        request.stamp = state.new_stamp();
        request.corrects_event_id = existing->event_id;
        request.reason = d.reason.data();
        request.code = *d.code;
        request.screening_date = state.reference_date();
        request.note = note;
        request.score_percentile = percentile;
        if (!has_content(request.reason)) {
            d.message = tr(TextId::correction_reason_required);
            return;
        }
        Checked<ScreeningEvent> event = record_correction(state.screening(), request);
        if (!event) {
            d.message = tr(TextId::save_refused);
            d.detail = event.error();
            return;
        }
        state.submit(member.dossier_id, {*event});
        d.correcting = false;
        return;
    }
    CodingRequest request;
    request.stamp = state.new_stamp();
    request.dossier_id = member.dossier_id;
    request.batch_id = batch.batch_id;
    request.code = *d.code;
    request.screening_date = state.reference_date();
    request.note = note;
    request.score_percentile = percentile;
    if (*d.code == ScreeningCode::verder_onderzoek_nodig) {
        const std::optional<DayNumber> due = parse_iso_date(d.due_date.data());
        if (!due) {
            d.message = tr(TextId::due_date_invalid);
            return;
        }
        request.follow_up = FollowUpRequest{state.new_stamp().event_id, d.follow_up_type, *due, ""};
    }
    Checked<std::vector<ScreeningEvent>> events = record_screening(state.screening(), request);
    if (!events) {
        d.message = tr(TextId::save_refused);
        d.detail = events.error();
        return;
    }
    state.submit(member.dossier_id, std::move(*events));
}

void code_buttons(Draft& d) {
    const ScreeningCode codes[] = {ScreeningCode::risico, ScreeningCode::geen_risico, ScreeningCode::verder_onderzoek_nodig};
    int key = 1;
    for (ScreeningCode code : codes) {
        const bool chosen = d.code == code;
        if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        const std::string label = std::to_string(key) + "  " + code_label(code, text_language());
        if (ImGui::Button(label.c_str(), ImVec2(ImGui::GetFontSize() * 13.0f, 0))) d.code = code;
        if (chosen) ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", code_explanation(code));
        ImGui::PopTextWrapPos();
        ++key;
    }
}

// The coding form (or, once coded, the code with a correction form). Returns true when the
// screener asked to save with Enter inside a text field.
bool coding_form(AppState& state, const BatchState& batch, const BatchMember& member) {
    Draft& d = draft();
    bool enter = false;
    const EffectiveScreening* existing = screening_in_batch(state.screening(), member.dossier_id, batch.batch_id);
    if (existing) {
        ImGui::Text(tr(TextId::coded_as), code_label(existing->code, text_language()), existing->screener.c_str(),
                    format_iso_date(existing->screening_date).c_str());
        if (!existing->note.empty()) ImGui::TextWrapped(tr(TextId::note_line), existing->note.c_str());
        if (!existing->correction_ids.empty())
            ImGui::TextDisabled(tr(TextId::corrected_line), existing->correction_reason.c_str());
        if (!d.correcting) {
            if (ImGui::Button(tr(TextId::correct_button))) {
                d.correcting = true;
                d.code.reset();
                copy_text(existing->note, d.note.data(), d.note.size());
            }
            const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
            state.note_widget("correct", {min.x, min.y, max.x, max.y});
            ImGui::SameLine();
            draw_save_status(state, member.dossier_id);
            return false;
        }
        ImGui::TextUnformatted(tr(TextId::correction_title));
    }
    code_buttons(d);
    const float em = ImGui::GetFontSize();
    const std::optional<double> percentile = percentile_of(batch, member);
    const bool required = d.code && note_required(*d.code, percentile);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##note", required ? tr(TextId::note_hint_required) : tr(TextId::note_hint_optional),
                                 d.note.data(), d.note.size(), ImGuiInputTextFlags_EnterReturnsTrue))
        enter = true;
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    state.note_widget("note", {min.x, min.y, max.x, max.y});
    if (existing) {
        ImGui::SetNextItemWidth(-1);
        if (ImGui::InputTextWithHint("##reason", tr(TextId::correction_reason_hint), d.reason.data(), d.reason.size(),
                                     ImGuiInputTextFlags_EnterReturnsTrue))
            enter = true;
        min = ImGui::GetItemRectMin();
        max = ImGui::GetItemRectMax();
        state.note_widget("reason", {min.x, min.y, max.x, max.y});
    } else if (d.code == ScreeningCode::verder_onderzoek_nodig) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(TextId::follow_up_label));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 14.0f);
        if (ImGui::BeginCombo("##follow_up_type", follow_up_type_label(d.follow_up_type, text_language()))) {
            for (FollowUpType type : {FollowUpType::inspection_visit, FollowUpType::information_request, FollowUpType::other})
                if (ImGui::Selectable(follow_up_type_label(type, text_language()), d.follow_up_type == type))
                    d.follow_up_type = type;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::TextUnformatted(tr(TextId::due_date_label));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 7.0f);
        ImGui::InputText("##due", d.due_date.data(), d.due_date.size());
    }
    const SaveStatus* status = state.save_status(member.dossier_id);
    ImGui::BeginDisabled(status && status->phase == SavePhase::saving);
    if (ImGui::Button(tr(TextId::save_decision))) save(state, batch, member);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (existing && ImGui::Button(tr(TextId::cancel))) d.correcting = false;
    if (existing) ImGui::SameLine();
    if (d.message) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(ImColor(palette::error_text), "%s", d.message);
        if (!d.detail.empty()) ImGui::TextColored(ImColor(palette::error_text), "%s", d.detail.c_str());
        ImGui::PopTextWrapPos();
    } else {
        draw_save_status(state, member.dossier_id);
    }
    return enter;
}

void timeline(const AppState& state, const std::string& dossier_id) {
    const DossierHistory* history = state.screening().history(dossier_id);
    if (!history || history->timeline.empty()) {
        ImGui::TextDisabled("%s", tr(TextId::timeline_empty));
        return;
    }
    for (std::size_t index : history->timeline)
        ImGui::BulletText("%s", describe_event(state.screening().events[index], dossier_id, text_language()).c_str());
}

// The dossier's follow-ups with their state; an open one can be marked done (one event).
void follow_ups(AppState& state, const std::string& dossier_id) {
    const ScreeningState& screening = state.screening();
    const DossierHistory* history = screening.history(dossier_id);
    if (!history || history->follow_ups.empty()) {
        ImGui::TextDisabled("%s", tr(TextId::follow_ups_none));
        return;
    }
    for (std::size_t index : history->follow_ups) {
        const FollowUpState& follow_up = screening.follow_ups[index];
        const TextId status = follow_up.status == FollowUpStatus::done   ? TextId::follow_up_done
                              : follow_up.overdue(state.reference_date()) ? TextId::follow_up_overdue
                                                                          : TextId::follow_up_open;
        ImGui::PushID(follow_up.follow_up_id.c_str());
        ImGui::AlignTextToFramePadding();
        ImGui::BulletText(tr(TextId::follow_up_line), follow_up_type_label(follow_up.type, text_language()),
                          long_date(follow_up.due_date).c_str(), tr(status));
        const std::string subject = "follow-up:" + follow_up.follow_up_id;
        if (follow_up.status == FollowUpStatus::open) {
            ImGui::SameLine();
            if (ImGui::SmallButton(tr(TextId::follow_up_mark_done))) {
                FollowUpUpdateRequest request;
                request.stamp = state.new_stamp();
                request.follow_up_id = follow_up.follow_up_id;
                request.type = follow_up.type;
                request.due_date = follow_up.due_date;
                request.status = FollowUpStatus::done;
                request.note = follow_up.note;
                if (Checked<ScreeningEvent> event = record_follow_up_update(screening, request))
                    state.submit(subject, {std::move(*event)});
            }
            note_last_item(state, "follow-up-done");
        }
        ImGui::SameLine();
        draw_save_status(state, subject);
        ImGui::PopID();
    }
}

void strong(const Fonts& fonts, const char* text) {
    ImGui::Spacing();
    ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

void dossier_detail(AppState& state, const Fonts& fonts, const BatchState& batch, const BatchMember& member, bool enter_pressed) {
    const std::optional<std::size_t> row = state.row_of(member.dossier_id);
    ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted(row ? state.name(*row).c_str() : member.dossier_id.c_str());
    ImGui::PopFont();
    const bool control = member.kind == SelectionKind::control;
    if (control) ImGui::TextDisabled(tr(TextId::control_line), member.dossier_id.c_str());
    else ImGui::TextDisabled(tr(TextId::member_line), member.dossier_id.c_str(), member.rank, group_thousands(batch.ranked_total).c_str());
    if (state.export_date() > 0)
        ImGui::TextDisabled(tr(TextId::data_age_line), long_date(state.export_date()).c_str(),
                            group_thousands(static_cast<std::uint64_t>(std::max(0, state.reference_date() - state.export_date()))).c_str());
    if (coding_form(state, batch, member) || enter_pressed) save(state, batch, member);
    ImGui::Separator();
    ImGui::BeginChild("dossier_scroll", ImVec2(0, 0), false);
    if (row && state.engine()) {
        const Explanation explanation = explain_row(*state.engine(), *row);
        if (!control) {
            strong(fonts, tr(TextId::dossier_reasons));
            draw_score_reasons(explanation);
        }
        strong(fonts, tr(TextId::dossier_completeness));
        draw_completeness(explanation.completeness);
    }
    strong(fonts, tr(TextId::timeline_title));
    timeline(state, member.dossier_id);
    strong(fonts, tr(TextId::follow_ups_title));
    follow_ups(state, member.dossier_id);
    if (row) {
        strong(fonts, tr(TextId::dossier_fields));
        draw_dossier_fields(state, *row);
    }
    ImGui::EndChild();
}

}  // namespace

void draw_screening_view(AppState& state, const Fonts& fonts) {
    static bool only_uncoded = false;
    const BatchState* batch = chosen_batch(state);
    if (!batch) {
        ImGui::TextWrapped("%s", tr(TextId::no_open_batch));
        draw_screener_field(state);
        return;
    }
    const float em = ImGui::GetFontSize();
    ImGui::BeginChild("queue", ImVec2(em * 24.0f, 0), true);
    ImGui::PushFont(fonts.strong);
    ImGui::Text(tr(TextId::batch_title), batch->batch_id.c_str());
    ImGui::PopFont();
    const float fraction = batch->total() ? static_cast<float>(batch->coded_count) / static_cast<float>(batch->total()) : 0.0f;
    const std::string progress = std::to_string(batch->coded_count) + " / " + std::to_string(batch->total()) + " " + tr(TextId::coded_suffix);
    ImGui::ProgressBar(fraction, ImVec2(-1, 0), progress.c_str());
    ImGui::Checkbox(tr(TextId::only_uncoded), &only_uncoded);
    draw_screener_field(state);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", tr(TextId::queue_keys_hint));
    ImGui::PopStyleColor();
    ImGui::Separator();

    const std::vector<std::size_t> queue = queue_of(*batch, only_uncoded, state.screening_dossier());
    std::size_t position = 0;
    bool found = false;
    for (std::size_t i = 0; i < queue.size(); ++i)
        if (batch->members[queue[i]].dossier_id == state.screening_dossier()) {
            position = i;
            found = true;
        }
    if (!found && !queue.empty()) state.set_screening_dossier(batch->members[queue[0]].dossier_id);

    // Keys act only when no text field has the keyboard.
    const ImGuiIO& io = ImGui::GetIO();
    bool enter_pressed = false;
    // No key repeat: a slow frame while a key is held must not skip past a dossier.
    if (!io.WantTextInput && !queue.empty()) {
        if (ImGui::IsKeyPressed('J', false) && position + 1 < queue.size())
            state.set_screening_dossier(batch->members[queue[++position]].dossier_id);
        if (ImGui::IsKeyPressed('K', false) && position > 0)
            state.set_screening_dossier(batch->members[queue[--position]].dossier_id);
    }
    if (draft().dossier_id != state.screening_dossier()) reset_draft(state, state.screening_dossier());
    if (!io.WantTextInput) {
        if (ImGui::IsKeyPressed('1', false)) draft().code = ScreeningCode::risico;
        if (ImGui::IsKeyPressed('2', false)) draft().code = ScreeningCode::geen_risico;
        if (ImGui::IsKeyPressed('3', false)) draft().code = ScreeningCode::verder_onderzoek_nodig;
        enter_pressed = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
    }

    ImGui::BeginChild("queue_list", ImVec2(0, 0), false);
    for (std::size_t i = 0; i < queue.size(); ++i) {
        const BatchMember& member = batch->members[queue[i]];
        const bool control = member.kind == SelectionKind::control;
        const std::optional<ScreeningCode> code = batch->member_coded[queue[i]] ? state.screening().current_code(member.dossier_id)
                                                                                : std::nullopt;
        std::string label = (control ? std::string("\xE2\x80\x94") : std::to_string(member.rank)) + "  " + member.dossier_id;
        if (code) label += std::string("  [") + code_label(*code, text_language()) + "]";
        if (const auto row = state.row_of(member.dossier_id)) label += "  " + state.name(*row);
        label += "##" + member.dossier_id;
        const bool selected = member.dossier_id == state.screening_dossier();
        if (ImGui::Selectable(label.c_str(), selected)) state.set_screening_dossier(member.dossier_id);
        if (selected && (ImGui::IsKeyPressed('J', false) || ImGui::IsKeyPressed('K', false))) ImGui::SetScrollHereY();
    }
    ImGui::EndChild();
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("screening_dossier", ImVec2(0, 0), true);
    if (const BatchMember* member = batch->member(state.screening_dossier()))
        dossier_detail(state, fonts, *batch, *member, enter_pressed);
    state.note_screening_refusal(draft().message ? draft().message : "");
    ImGui::EndChild();
}

}  // namespace radar::ui
