// Screening screen: the open batch's queue, the chosen dossier (reasons, completeness, timeline,
// fields), the coding form with its keyboard (1/2/3, Enter, J/K) and corrections, and once coded
// the outcomes after the screening (O puts the keyboard in their form). A batch with
// a control sample is screened blind: one shuffled queue, and no kind, rank, score or reasons of
// a dossier until its code is saved. A dossier awaiting the screener's blind second code (Audit tab)
// shows none of its codes, notes, corrections, follow-ups or outcomes until that code is saved.
#include "ui/screening_view.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

#include "core/screening/blind_queue.hpp"
#include "core/screening/event_text.hpp"
#include "core/screening/score_band.hpp"
#include "ui/described_widgets.hpp"
#include "ui/dossier_panel.hpp"
#include "session/i18n.hpp"
#include "session/double_coding_work.hpp"
#include "session/screening_work.hpp"
#include "ui/session_names.hpp"
#include "ui/text_field_focus.hpp"
#include "ui/view_state.hpp"
#include "ui/choice_box.hpp"
#include "ui/item_marks.hpp"
#include "ui/narrow_layout.hpp"
#include "ui/outcome_form.hpp"
#include "ui/text_widgets.hpp"
#include "ui/workflow_widgets.hpp"

namespace radar::ui {
namespace {

void copy_text(const std::string& text, char* buffer, std::size_t size) {
    const std::size_t length = std::min(text.size(), size - 1);
    std::copy_n(text.begin(), length, buffer);
    buffer[length] = '\0';
}

// Describes the last item as an entry of the list described at `list_at`, which grows to hold it.
void list_entry(const char* list, std::size_t list_at, std::string text, std::string key) {
    AccessibleItem& entry = describe_last_item(Role::listitem, std::move(text), std::move(key));
    entry.container = list;
    grow_box(view_marks().accessible[list_at].box, entry.box);
}

void reset_draft(const Session& state, ScreeningDraft& d, const std::string& dossier_id) {
    d = ScreeningDraft{};
    d.dossier_id = dossier_id;
    const std::string due = date_text(add_months(state.reference_date(), 1));
    copy_text(due, d.due_date.data(), d.due_date.size());
}

const BatchState* chosen_batch(Session& state) {
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

// The queue: the screening order, optionally only the uncoded members (and `keep`).
std::vector<std::size_t> queue_of(const BatchState& batch, const std::vector<std::size_t>& order, bool only_uncoded,
                                  const std::string& keep) {
    std::vector<std::size_t> queue;
    for (std::size_t i : order)
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

// Submits the draft through the session's rule; true when submitted, else the refusal is shown.
bool save(Session& state, ScreeningDraft& d, const BatchState& batch, const BatchMember& member) {
    d.message = nullptr;
    d.detail.clear();
    CodingDraft coding;
    coding.code = d.code;
    coding.note = d.note.data();
    coding.correcting = d.correcting;
    coding.correction_reason = d.reason.data();
    coding.follow_up_type = d.follow_up_type;
    coding.due_date = d.due_date.data();
    const std::optional<CodingRefusal> refusal = save_coding(state, batch, member, coding);
    if (!refusal) {
        d.correcting = false;
        return true;
    }
    if (*refusal->message) d.message = refusal->message;
    d.detail = refusal->detail;
    d.focus_note = d.focus_note || refusal->focus_note;
    return false;
}

void start_correction(ScreeningDraft& d, const EffectiveScreening& existing) {
    d.correcting = true;
    d.code.reset();
    copy_text(existing.note, d.note.data(), d.note.size());
}

void code_buttons(ScreeningDraft& d) {
    const ScreeningCode codes[] = {ScreeningCode::risico, ScreeningCode::geen_risico, ScreeningCode::verder_onderzoek_nodig};
    int key = 1;
    for (ScreeningCode code : codes) {
        const bool chosen = d.code == code;
        if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        const std::string label = std::to_string(key) + "  " + code_label(code, language());
        if (ImGui::Button(label.c_str(), ImVec2(ImGui::GetFontSize() * 13.0f, 0))) d.code = code;
        describe_last_item(Role::button, code_label(code, language()), "code-button:" + std::to_string(key)).selected = chosen;
        if (chosen) ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::AlignTextToFramePadding();
        wrapped_muted_text(code_explanation(code));
        ImGui::PopTextWrapPos();
        ++key;
    }
}

// In place of a code, note, correction, follow-up or outcome the current screener may not see yet.
void hidden_line() {
    ImGui::PushTextWrapPos(0.0f);
    wrapped_muted_text(tr(TextId::hidden_until_second_code));
    ImGui::PopTextWrapPos();
}

// The coding form (or, once coded, the code with a correction form). Returns true when the
// screener asked to save with Enter inside a text field.
bool coding_form(Session& state, ScreeningDraft& d, const BatchState& batch, const BatchMember& member) {
    bool enter = false;
    const EffectiveScreening* existing = screening_in_batch(state.screening(), member.dossier_id, batch.batch_id);
    if (existing && awaiting_second_code(state, member.dossier_id)) {
        hidden_line();
        return false;
    }
    if (existing) {
        ImGui::Text(tr(TextId::coded_as), code_label(existing->code, language()), existing->screener.c_str(),
                    date_text(existing->screening_date).c_str());
        if (!existing->note.empty()) wrapped_text(filled(TextId::note_line, {existing->note}));
        if (!existing->correction_ids.empty())
            ImGui::TextDisabled(tr(TextId::corrected_line), existing->correction_reason.c_str());
        if (!d.correcting) {
            if (ImGui::Button(tr(TextId::correct_button))) start_correction(d, *existing);
            note_last_item("correct", Role::button, tr(TextId::correct_button));
            ImGui::SameLine();
            draw_save_status(state, member.dossier_id);
            return false;
        }
        ImGui::TextUnformatted(tr(TextId::correction_title));
    }
    code_buttons(d);
    const float em = ImGui::GetFontSize();
    const std::optional<double> percentile = visible_percentile(batch, member);
    const bool required = d.code && note_required(*d.code, percentile);
    ImGui::SetNextItemWidth(-1);
    if (d.focus_note && !existing) {
        ImGui::SetKeyboardFocusHere();
        d.focus_note = false;
    }
    const char* note_hint = required ? tr(TextId::note_hint_required) : tr(TextId::note_hint_optional);
    if (ImGui::InputTextWithHint("##note", note_hint, d.note.data(), d.note.size(), ImGuiInputTextFlags_EnterReturnsTrue))
        enter = true;
    note_last_item("note", Role::textbox, note_hint).value = d.note.data();
    if (existing) {
        ImGui::SetNextItemWidth(-1);
        if (d.focus_note) {
            ImGui::SetKeyboardFocusHere();
            d.focus_note = false;
        }
        if (ImGui::InputTextWithHint("##reason", tr(TextId::correction_reason_hint), d.reason.data(), d.reason.size(),
                                     ImGuiInputTextFlags_EnterReturnsTrue))
            enter = true;
        note_last_item("reason", Role::textbox, tr(TextId::correction_reason_hint)).value = d.reason.data();
    } else if (d.code == ScreeningCode::verder_onderzoek_nodig) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(TextId::follow_up_label));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 14.0f);
        if (begin_choice_box("##follow_up_type", "follow-up-type", tr(TextId::follow_up_type_name),
                             follow_up_type_label(d.follow_up_type, language()))) {
            for (FollowUpType type : {FollowUpType::inspection_visit, FollowUpType::information_request, FollowUpType::other})
                if (choice_option("follow-up-type", follow_up_type_label(type, language()), d.follow_up_type == type))
                    d.follow_up_type = type;
            end_choice_box();
        }
        ImGui::SameLine();
        ImGui::TextUnformatted(tr(TextId::due_date_label));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 10.0f);
        ImGui::InputTextWithHint("##due", tr(TextId::date_hint), d.due_date.data(), d.due_date.size());
        describe_last_item(Role::textbox, std::string(tr(TextId::follow_up_label)) + " " + tr(TextId::due_date_label), "due-date")
            .value = d.due_date.data();
    }
    const SaveStatus* status = state.save_status(member.dossier_id);
    ImGui::BeginDisabled(status && status->phase == SavePhase::saving);
    if (ImGui::Button(tr(TextId::save_decision))) save(state, d, batch, member);
    describe_last_item(Role::button, tr(TextId::save_decision), "save-decision");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (existing) {
        if (ImGui::Button(tr(TextId::cancel))) d.correcting = false;
        describe_last_item(Role::button, tr(TextId::cancel), "cancel-correction");
        ImGui::SameLine();
    }
    if (d.message) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(ImColor(palette::error_text), "%s", d.message);
        describe_last_item(Role::status, d.message, "screening-refusal");
        if (!d.detail.empty()) ImGui::TextColored(ImColor(palette::error_text), "%s", d.detail.c_str());
        ImGui::PopTextWrapPos();
    } else {
        draw_save_status(state, member.dossier_id);
    }
    return enter;
}

// The dossier's events; screened blind, its selections say no kind or rank. For a screener who
// still owes it a second code only its batches show, and one line says the rest is hidden.
void timeline(const Session& state, const std::string& dossier_id, bool blind) {
    const DossierHistory* history = state.screening().history(dossier_id);
    if (!history || history->timeline.empty()) {
        ImGui::TextDisabled("%s", tr(TextId::timeline_empty));
        return;
    }
    const bool hiding = awaiting_second_code(state, dossier_id);
    bool hid = false;
    const std::size_t list_at = view_marks().accessible.size();
    describe("timeline", Role::list, tr(TextId::timeline_title));
    for (std::size_t index : history->timeline) {
        const ScreeningEvent& event = state.screening().events[index];
        if (hiding && hidden_until_second_code(event)) {
            hid = true;
            continue;
        }
        const std::string line = describe_event(event, dossier_id, language(), local_utc_offset(), blind);
        wrapped_bullet(line);
        list_entry("timeline", list_at, line, "timeline:" + std::to_string(index));
    }
    if (hid) hidden_line();
}

void mark_follow_up_done(Session& state, const FollowUpState& follow_up) {
    FollowUpUpdateRequest request;
    request.stamp = state.new_stamp();
    request.follow_up_id = follow_up.follow_up_id;
    request.type = follow_up.type;
    request.due_date = follow_up.due_date;
    request.status = FollowUpStatus::done;
    request.note = follow_up.note;
    if (Checked<ScreeningEvent> event = record_follow_up_update(state.screening(), request))
        state.submit("follow-up:" + follow_up.follow_up_id, {std::move(*event)});
}

// The dossier's first open follow-up (the F key marks it done); nullptr when none.
const FollowUpState* first_open_follow_up(const Session& state, const std::string& dossier_id) {
    const DossierHistory* history = state.screening().history(dossier_id);
    if (!history) return nullptr;
    for (std::size_t index : history->follow_ups)
        if (state.screening().follow_ups[index].status == FollowUpStatus::open) return &state.screening().follow_ups[index];
    return nullptr;
}

// The dossier's follow-ups with their state; an open one can be marked done (one event).
void follow_ups(Session& state, const std::string& dossier_id) {
    if (awaiting_second_code(state, dossier_id)) {
        hidden_line();
        return;
    }
    const ScreeningState& screening = state.screening();
    const DossierHistory* history = screening.history(dossier_id);
    if (!history || history->follow_ups.empty()) {
        ImGui::TextDisabled("%s", tr(TextId::follow_ups_none));
        return;
    }
    const std::size_t list_at = view_marks().accessible.size();
    describe("follow-ups", Role::list, tr(TextId::follow_ups_title));
    for (std::size_t index : history->follow_ups) {
        const FollowUpState& follow_up = screening.follow_ups[index];
        const TextId status = follow_up.status == FollowUpStatus::done   ? TextId::follow_up_done
                              : follow_up.overdue(state.reference_date()) ? TextId::follow_up_overdue
                                                                          : TextId::follow_up_open;
        ImGui::PushID(follow_up.follow_up_id.c_str());
        ImGui::AlignTextToFramePadding();
        const std::string line = filled(TextId::follow_up_line, {follow_up_type_label(follow_up.type, language()),
                                                                 date_text(follow_up.due_date), tr(status)});
        wrapped_bullet(line);
        const std::string subject = "follow-up:" + follow_up.follow_up_id;
        list_entry("follow-ups", list_at, line, subject);
        if (follow_up.status == FollowUpStatus::open) {
            same_line_if_fits(button_width(tr(TextId::follow_up_mark_done)));
            if (ImGui::SmallButton(tr(TextId::follow_up_mark_done))) mark_follow_up_done(state, follow_up);
            note_last_item("follow-up-done");
            describe_last_item(Role::button, std::string(tr(TextId::follow_up_mark_done)) + ": " + line,
                               "follow-up-done:" + follow_up.follow_up_id);
        }
        ImGui::SameLine();
        draw_save_status(state, subject);
        ImGui::PopID();
    }
}

// A section's title, a heading for the page's layer.
void strong(const Fonts& fonts, const char* text) {
    ImGui::Spacing();
    ImGui::PushFont(fonts.strong);
    wrapped_text(text);
    ImGui::PopFont();
    describe_last_item(Role::heading, text, std::string("section:") + text).level = 3;
}

// The keys pressed this frame outside text fields.
struct ScreeningKeys {
    bool save = false;             // Enter
    bool focus_note = false;       // N
    bool correct = false;          // C
    bool follow_up_done = false;   // F
    bool outcome = false;          // O
};

// The first uncoded member after `from` in screening order (wrapping round), or "" when all are coded.
std::string next_uncoded(const BatchState& batch, const std::vector<std::size_t>& order, const std::string& from) {
    std::size_t start = 0;
    for (std::size_t n = 0; n < order.size(); ++n)
        if (batch.members[order[n]].dossier_id == from) start = n + 1;
    for (std::size_t n = 0; n < order.size(); ++n) {
        const std::size_t i = order[(start + n) % order.size()];
        if (!batch.member_coded[i]) return batch.members[i].dossier_id;
    }
    return {};
}

void dossier_detail(Session& state, const Fonts& fonts, ViewState& views, const BatchState& batch, const BatchMember& member,
                    ScreeningKeys keys) {
    ScreeningDraft& d = views.screening.draft;
    const std::optional<std::size_t> row = state.row_of(member.dossier_id);
    // Its lines wrap in a narrow window rather than run out of it.
    ImGui::PushTextWrapPos(0.0f);
    ImGui::PushFont(fonts.strong);
    wrapped_text(row ? state.name(*row) : member.dossier_id);
    ImGui::PopFont();
    // Spoken when the screener moves on to another dossier.
    AccessibleItem& title = describe_last_item(Role::heading, row ? state.name(*row) : member.dossier_id, "screening-dossier");
    title.level = 2;
    title.announced = true;
    const bool blind = member_hidden(batch, member);
    if (blind) ImGui::TextDisabled(tr(TextId::blind_member_line), member.dossier_id.c_str());
    else if (member.kind == SelectionKind::control)
        ImGui::TextDisabled(tr(TextId::control_line), member.dossier_id.c_str(), member.rank, group_thousands(batch.ranked_total).c_str());
    else ImGui::TextDisabled(tr(TextId::member_line), member.dossier_id.c_str(), member.rank, group_thousands(batch.ranked_total).c_str());
    if (state.export_date() > 0)
        ImGui::TextDisabled(tr(TextId::data_age_line), date_text(state.export_date()).c_str(),
                            counted_text(CountedText::days_old,
                                         static_cast<std::uint64_t>(std::max(0, state.reference_date() - state.export_date())))
                                .c_str());
    const bool hidden = awaiting_second_code(state, member.dossier_id);
    const EffectiveScreening* existing = screening_in_batch(state.screening(), member.dossier_id, batch.batch_id);
    if (keys.focus_note) d.focus_note = true;
    if (keys.correct && existing && !hidden && !d.correcting) {
        start_correction(d, *existing);
        d.focus_note = false;
    }
    if (keys.follow_up_done && !hidden)
        if (const FollowUpState* open = first_open_follow_up(state, member.dossier_id)) mark_follow_up_done(state, *open);
    // The form's widgets are this dossier's: a note field still active after Enter saved the
    // previous dossier lets go, so the next keys are codes again, not note text.
    ImGui::PushID(member.dossier_id.c_str());
    // A code hidden from this screener cannot be corrected here: Enter saves nothing.
    const bool save_asked = coding_form(state, d, batch, member) || (keys.save && !(hidden && existing));
    ImGui::PopID();
    if (save_asked && save(state, d, batch, member) && state.advance_after_save() && !existing)
        views.screening.advance_after_save = member.dossier_id;
    ImGui::Separator();
    ImGui::BeginChild("dossier_scroll", ImVec2(0, 0), false);
    if (row && state.engine()) {
        const Explanation explanation = explain_row(*state.engine(), *row);
        // A blind batch shows the reasons once the code is saved; otherwise they show at once
        // (and the coding event records that they were seen).
        if (!blind) {
            strong(fonts, tr(TextId::dossier_reasons));
            draw_score_reasons(state.dataset(), state.engine()->spec(), *row, explanation);
            state.note_reasons_shown(member.dossier_id);
        }
        strong(fonts, tr(TextId::dossier_completeness));
        draw_completeness(explanation.completeness);
    }
    strong(fonts, tr(TextId::timeline_title));
    timeline(state, member.dossier_id, blind);
    strong(fonts, tr(TextId::follow_ups_title));
    follow_ups(state, member.dossier_id);
    if (existing) {
        strong(fonts, tr(TextId::outcomes_title));
        if (hidden) hidden_line();
        else draw_outcomes_section(state, views.outcome, member.dossier_id, keys.outcome);
    }
    if (row) {
        strong(fonts, tr(TextId::dossier_fields));
        draw_dossier_fields(state, *row);
    }
    ImGui::EndChild();
    ImGui::PopTextWrapPos();
}

}  // namespace

void draw_screening_view(Session& state, const Fonts& fonts, ViewState& views) {
    ScreeningViewState& view = views.screening;
    ScreeningDraft& d = view.draft;
    const BatchState* batch = chosen_batch(state);
    if (!batch) {
        wrapped_text(tr(TextId::no_open_batch));
        if (ImGui::Button(tr(TextId::go_to_selection))) request_screen(Screen::selection);
        note_last_item("go-to-selection", Role::button, tr(TextId::go_to_selection));
        ImGui::Spacing();
        draw_screener_field(state, views.screener_name);
        return;
    }
    const float em = ImGui::GetFontSize();
    // The queue beside the dossier, taking at most 40% of the width; in a narrow window (zoomed
    // in, larger text) above it, each the whole width, the queue in 40% of the height.
    const ImVec2 room = ImGui::GetContentRegionAvail();
    const bool stacked = narrow_room();
    ImGui::BeginChild("queue", stacked ? ImVec2(0, room.y * 0.4f) : ImVec2(std::min(em * 26.0f, room.x * 0.4f), 0), true);
    ImGui::PushFont(fonts.strong);
    ImGui::Text(tr(TextId::batch_title), batch->batch_id.c_str());
    ImGui::PopFont();
    char batch_title[200];
    std::snprintf(batch_title, sizeof batch_title, tr(TextId::batch_title), batch->batch_id.c_str());
    describe_last_item(Role::heading, batch_title, "screening-batch").level = 2;
    const float fraction = batch->total() ? static_cast<float>(batch->coded_count) / static_cast<float>(batch->total()) : 0.0f;
    const std::string progress = std::to_string(batch->coded_count) + " / " + std::to_string(batch->total()) + " " + tr(TextId::coded_suffix);
    ImGui::ProgressBar(fraction, ImVec2(-1, 0), progress.c_str());
    describe_last_item(Role::progressbar, tr(TextId::coded_suffix), "screening-progress").value = progress;
    described_checkbox(tr(TextId::only_uncoded), view.only_uncoded, "checkbox:only-uncoded");
    bool advance = state.advance_after_save();
    if (described_checkbox(tr(TextId::advance_after_save), advance, "checkbox:advance-after-save")) state.set_advance_after_save(advance);
    draw_screener_field(state, views.screener_name);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    wrapped_text(tr(TextId::queue_keys_hint));
    if (screened_blind(*batch)) wrapped_text(tr(TextId::blind_queue_hint));
    ImGui::PopStyleColor();
    ImGui::Separator();
    const std::vector<std::size_t> order = state.screening_order(*batch);

    // A confirmed save moves on to the next uncoded dossier (a failed one stays).
    if (!view.advance_after_save.empty()) {
        const SaveStatus* status = state.save_status(view.advance_after_save);
        if (!status || status->phase != SavePhase::saving) {
            if (status && status->phase == SavePhase::saved && state.screening_dossier() == view.advance_after_save) {
                const std::string next = next_uncoded(*batch, order, view.advance_after_save);
                if (!next.empty()) state.set_screening_dossier(next);
            }
            view.advance_after_save.clear();
        }
    }
    const std::vector<std::size_t> queue = queue_of(*batch, order, view.only_uncoded, state.screening_dossier());
    std::size_t position = 0;
    bool found = false;
    for (std::size_t i = 0; i < queue.size(); ++i)
        if (batch->members[queue[i]].dossier_id == state.screening_dossier()) {
            position = i;
            found = true;
        }
    // Opening the screen resumes at the first uncoded dossier, not at the top of the batch.
    if (!found && !queue.empty()) {
        const std::string first_uncoded = next_uncoded(*batch, order, "");
        state.set_screening_dossier(first_uncoded.empty() ? batch->members[queue[0]].dossier_id : first_uncoded);
        for (std::size_t i = 0; i < queue.size(); ++i)
            if (batch->members[queue[i]].dossier_id == state.screening_dossier()) position = i;
    }

    // Keys act only when no text field has the keyboard; no key repeat: a slow frame while a key
    // is held must not skip past a dossier.
    ScreeningKeys keys;
    bool moved = false;
    if (!text_field_is_editing() && !queue.empty()) {
        if (ImGui::IsKeyPressed('J', false) && position + 1 < queue.size()) {
            state.set_screening_dossier(batch->members[queue[++position]].dossier_id);
            moved = true;
        }
        if (ImGui::IsKeyPressed('K', false) && position > 0) {
            state.set_screening_dossier(batch->members[queue[--position]].dossier_id);
            moved = true;
        }
    }
    if (d.dossier_id != state.screening_dossier()) reset_draft(state, d, state.screening_dossier());
    if (!text_field_is_editing()) {
        if (ImGui::IsKeyPressed('1', false)) d.code = ScreeningCode::risico;
        if (ImGui::IsKeyPressed('2', false)) d.code = ScreeningCode::geen_risico;
        if (ImGui::IsKeyPressed('3', false)) d.code = ScreeningCode::verder_onderzoek_nodig;
        keys.save = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                    ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
        keys.focus_note = ImGui::IsKeyPressed('N', false);
        keys.correct = ImGui::IsKeyPressed('C', false);
        keys.follow_up_done = ImGui::IsKeyPressed('F', false);
        keys.outcome = ImGui::IsKeyPressed('O', false);
    }

    // Stacked, the queue's own lines above the list leave it little of its 40%: it keeps at least
    // six rows' height and the queue scrolls as a whole to show them.
    ImGui::BeginChild("queue_list", ImVec2(0, stacked ? std::max(ImGui::GetContentRegionAvail().y, em * 9.0f) : 0.0f), false);
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg;
    if (ImGui::BeginTable("queue_table", 3, flags)) {
        ImGui::TableSetupColumn("rank", ImGuiTableColumnFlags_WidthFixed, em * 1.8f);
        ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("code", ImGuiTableColumnFlags_WidthFixed);
        for (std::size_t i = 0; i < queue.size(); ++i) {
            const BatchMember& member = batch->members[queue[i]];
            // A blind batch's queue has no rank column content: nothing tells one kind from another.
            const bool unranked = member.kind == SelectionKind::control || screened_blind(*batch);
            const std::optional<ScreeningCode> code =
                batch->member_coded[queue[i]] ? state.screening().current_code(member.dossier_id) : std::nullopt;
            const bool selected = member.dossier_id == state.screening_dossier();
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string rank = (unranked ? std::string("\xE2\x80\x94") : std::to_string(member.rank)) + "##" + member.dossier_id;
            if (ImGui::Selectable(rank.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns))
                state.set_screening_dossier(member.dossier_id);
            const auto row = state.row_of(member.dossier_id);
            // One button per queue entry for the page's layer: its place, name and code.
            std::string entry = (unranked ? std::string() : std::to_string(member.rank) + " ") +
                                (row ? state.name(*row) : member.dossier_id);
            if (code) entry += ", " + std::string(awaiting_second_code(state, member.dossier_id) ? tr(TextId::hidden_code_chip)
                                                                                                : code_label(*code, language()));
            describe_last_item(Role::button, entry, "queue:" + member.dossier_id).selected = selected;
            if (selected && moved) ImGui::SetScrollHereY();
            ImGui::TableNextColumn();
            fitted_text(row ? state.name(*row) : member.dossier_id);
            ImGui::TableNextColumn();
            if (code && awaiting_second_code(state, member.dossier_id)) ImGui::TextDisabled("%s", tr(TextId::hidden_code_chip));
            else if (code) code_chip(*code, true);
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
    ImGui::EndChild();
    if (!stacked) ImGui::SameLine();
    ImGui::BeginChild("screening_dossier", ImVec2(0, 0), true);
    if (const BatchMember* member = batch->member(state.screening_dossier())) dossier_detail(state, fonts, views, *batch, *member, keys);
    view_marks().screening_refusal = d.message ? d.message : "";
    ImGui::EndChild();
}

}  // namespace radar::ui
