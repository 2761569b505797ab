// Layout for narrow windows (browser zoom up to 400%, 320 CSS pixels wide; larger text): a row of
// items that goes on below instead of running past the window's edge, and text that wraps at a
// readable width or at the window's edge, whichever is nearer (WCAG 1.4.10, reflow).
#pragma once

namespace radar::ui {

// The room left on the line is under 36 font sizes (400% zoom, a large text size): side-by-side
// layouts stack and wide tables keep fixed columns and scroll sideways.
bool narrow_room();

// On the same line as the last item while `width` more still fits, else on the next.
void same_line_if_fits(float width);

// The width of a button labelled `label` (its text and frame padding), and of a radio button or a
// checkbox with its label.
float button_width(const char* label);
float choice_width(const char* label);

// Narrows the width set for the next item (ImGui::SetNextItemWidth) to the room left on the line
// where it is wider: a combo box of a set width stays whole in a narrow window.
void fit_next_item_width();

// Wraps the text drawn until ImGui::PopTextWrapPos at `ems` font sizes from the cursor (lines
// a reader can follow on a wide screen), or at the window's edge where that is nearer.
void push_readable_wrap(float ems);

// The same inside a tooltip: at `ems` font sizes, or narrower than the window where that is
// narrower (a tooltip is placed within the window; wider, it would be cut).
void push_tooltip_wrap(float ems);

}  // namespace radar::ui
