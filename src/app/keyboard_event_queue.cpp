// Keyboard events handed to ImGui a frame at a time (see the header).
#include "app/keyboard_event_queue.hpp"

#include <GLFW/glfw3.h>
#include <imgui_impl_glfw.h>

#include <deque>
#include <set>

namespace radar::app {
namespace {

struct KeyboardEvent {
    GLFWwindow* window = nullptr;
    bool is_character = false;
    unsigned int character = 0;
    int key = 0, scancode = 0, action = 0, mods = 0;
};

std::deque<KeyboardEvent> queued;

void on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
    queued.push_back(KeyboardEvent{window, false, 0, key, scancode, action, mods});
}

void on_character(GLFWwindow* window, unsigned int character) {
    queued.push_back(KeyboardEvent{window, true, character});
}

}  // namespace

void queue_keyboard_events(GLFWwindow* window) {
    glfwSetKeyCallback(window, on_key);
    glfwSetCharCallback(window, on_character);
}

void pass_on_keyboard_events() {
    std::set<int> changed_keys;  // a second change of one of these waits for the next frame
    while (!queued.empty()) {
        const KeyboardEvent event = queued.front();
        if (event.is_character) {
            ImGui_ImplGlfw_CharCallback(event.window, event.character);
        } else {
            if (event.action != GLFW_REPEAT && !changed_keys.insert(event.key).second) return;
            ImGui_ImplGlfw_KeyCallback(event.window, event.key, event.scancode, event.action, event.mods);
        }
        queued.pop_front();
    }
}

}  // namespace radar::app
