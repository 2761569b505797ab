// The list of keyboard shortcuts: a dialog over every screen, opened with "?" (outside text
// fields) or the header's button and closed with Esc or its own button. While it is open the
// screens behind it do not act on the keys pressed.
#pragma once

#include "ui/theme.hpp"

namespace radar::ui {

struct ShortcutsDialog {
    bool open = false;
};

// At the start of the frame, before any screen reads the keyboard: opens the dialog when `asked`
// ("?" was typed), closes it on Esc, and while it is open takes this frame's key presses away
// from the screens.
void take_shortcuts_dialog_keys(ShortcutsDialog& dialog, bool asked);

// Draws the dialog when it is open (inside the main window, after the screens).
void draw_shortcuts_dialog(ShortcutsDialog& dialog, const Fonts& fonts);

}  // namespace radar::ui
