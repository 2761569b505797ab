// Input events handed to ImGui a frame at a time (see the header).
#include "app/input_event_queue.hpp"

#include <GLFW/glfw3.h>
#include <imgui_impl_glfw.h>

#include <imgui.h>

#include <deque>
#include <set>

#include "ui/text_field_focus.hpp"

namespace radar::app {
namespace {

enum class Kind { key, character, mouse_button };

struct InputEvent {
    Kind kind = Kind::key;
    GLFWwindow* window = nullptr;
    int code = 0;  // the key, the character or the mouse button
    int scancode = 0, action = 0, mods = 0;
};

std::deque<InputEvent> queued;

void on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
    queued.push_back(InputEvent{Kind::key, window, key, scancode, action, mods});
}

void on_character(GLFWwindow* window, unsigned int character) {
    queued.push_back(InputEvent{Kind::character, window, static_cast<int>(character)});
}

void on_mouse_button(GLFWwindow* window, int button, int action, int mods) {
    queued.push_back(InputEvent{Kind::mouse_button, window, button, 0, action, mods});
}

// Keys whose being down matters to a text field: ImGui's mapped keys (arrows, Backspace, Enter,
// Ctrl+A/C/V/X/Y/Z's letters, ...) and the modifiers. Other letters only bring their characters.
bool is_editing_key(int key) {
    const ImGuiIO& io = ImGui::GetIO();
    for (const int mapped : io.KeyMap)
        if (mapped == key) return true;
    return key >= GLFW_KEY_LEFT_SHIFT && key <= GLFW_KEY_RIGHT_SUPER;
}

}  // namespace

void queue_input_events(GLFWwindow* window) {
    glfwSetKeyCallback(window, on_key);
    glfwSetCharCallback(window, on_character);
    glfwSetMouseButtonCallback(window, on_mouse_button);
}

bool input_events_waiting() { return !queued.empty(); }

void pass_on_input_events() {
    // While a text field is editing, typed text goes on at once; otherwise every key counts.
    const bool typing = ui::text_field_is_editing();
    std::set<int> changed_keys;  // a second change of one of these waits for the next frame
    bool clicked = false;        // keys and characters after a click wait for the frame that moved the focus
    while (!queued.empty()) {
        const InputEvent event = queued.front();
        if (clicked && event.kind != Kind::mouse_button) return;
        switch (event.kind) {
            case Kind::key:
                if (event.action != GLFW_REPEAT && (!typing || is_editing_key(event.code)) &&
                    !changed_keys.insert(event.code).second)
                    return;
                ImGui_ImplGlfw_KeyCallback(event.window, event.code, event.scancode, event.action, event.mods);
                break;
            case Kind::character:
                ImGui_ImplGlfw_CharCallback(event.window, static_cast<unsigned int>(event.code));
                break;
            case Kind::mouse_button:  // ImGui sees a press even when its release follows in this frame
                ImGui_ImplGlfw_MouseButtonCallback(event.window, event.code, event.action, event.mods);
                clicked = true;
                break;
        }
        queued.pop_front();
    }
}

}  // namespace radar::app
