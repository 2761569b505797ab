// The demo workspace on screen: a band under the header on every screen saying what the demo is
// (a simulated year on synthetic dossiers, in a store of its own) with its actions (the guided
// tour, starting the demo again, starting with one's own data); the way into the demo from one's
// own workspace; and the presenter's guided tour of the screens (next / previous / Esc).
#pragma once

#include "session/session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

struct DemoTourState {
    bool open = false;
    int step = 0;
};

// Nothing outside the demo workspace.
void draw_demo_band(Session& state, DemoTourState& tour);
// "Demo met een gesimuleerd jaar": opens the demo workspace (own workspace only).
void draw_demo_offer(const Session& state);
// The tour's current step over the screen it explains; nothing while closed.
void draw_demo_tour(DemoTourState& tour, const Fonts& fonts);

}  // namespace radar::ui
