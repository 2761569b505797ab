// ImGui 1.86 reads which keys are down once a frame, so a key pressed and released between two
// frames (a screen reader's or a test's synthetic keys, a quick tap on a slow frame) would never
// be seen, and Backspace pressed five times at once would count once. The app's callbacks
// therefore queue key, character and mouse-button events and hand them to ImGui's backend a frame
// at a time: in the order they came (a click after typing lands after the typed text, and what is
// typed after a click goes to the field it chose), with at most one change of each key per frame.
#pragma once

struct GLFWwindow;

namespace radar::app {

// After ImGui_ImplGlfw_InitForOpenGL: puts the app's callbacks in front of ImGui's.
void queue_input_events(GLFWwindow* window);
// Before a frame: passes on the queued events this frame can see.
void pass_on_input_events();
// Key, character or mouse-button events wait for a frame.
bool input_events_waiting();

}  // namespace radar::app
