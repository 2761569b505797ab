// Whether a text field is editing right now. ImGui's io.WantTextInput says whether one was
// editing in the previous frame: in the frame after Enter ends an edit it is still true, so a
// shortcut pressed in that frame (a code right after saving with a note) would be taken as text
// and lost. Views and the input queue ask this instead.
#pragma once

namespace radar::ui {

// True while the active widget is a text field (its edit state belongs to the active id).
bool text_field_is_editing();

}  // namespace radar::ui
