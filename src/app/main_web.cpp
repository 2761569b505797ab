// Browser entry point: GLFW window on the page's canvas, WebGL2, Dear ImGui, and the frame loop.
// ImGui runs in device pixels: every frame the canvas backing store is sized to CSS size x
// devicePixelRatio (Emscripten 3.1.6's GLFW ignores the ratio), and fonts/style follow the ratio
// times the text size setting.
#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <optional>
#include <string>

#include "app/accessibility_bridge.hpp"
#include "app/automation_hook.hpp"
#include "app/drawn_frame_memory.hpp"
#include "app/input_event_queue.hpp"
#include "app/webgl_renderer.hpp"
#include "app/wheel_scroll_chaining.hpp"
#include "platform/platform.hpp"
#include "core/import/field_dictionary.hpp"
#include "platform/file_transfer.hpp"
#include "platform/store.hpp"
#include "platform/wheel_steps.hpp"
#include "session/session.hpp"
#include "session/audit_work.hpp"
#include "session/import_session.hpp"
#include "session/import_work.hpp"
#include "session/i18n.hpp"
#include "ui/main_window.hpp"
#include "ui/text_field_focus.hpp"
#include "ui/text_size.hpp"
#include "ui/theme.hpp"

namespace {

constexpr const char* canvas_selector = "#canvas";
constexpr std::size_t default_dossier_count = 2400;
constexpr std::size_t max_dossier_count = 1'000'000;
// The page's loading screen waits this long at most for the store to tell whether a dataset is
// stored (a store that cannot open says so sooner; one blocked by another tab may not).
constexpr double store_answer_wait_ms = 3000.0;
// While the page shows only the import's progress (session::import_shows_only_progress), it draws
// a frame this often, and at once on input: the progress needs no more, and on two cores the
// page's 60 software-rendered frames a second took the CPU from the work (a 900,000-row file was
// read by the worker in 1.5-1.6 s with the page paused and 1.9-2.7 s with it drawing).
constexpr double frame_interval_while_importing_ms = 100.0;

struct App {
    GLFWwindow* window = nullptr;
    radar::session::Session state;
    std::optional<radar::session::ImportSession> import_session;  // needs the field dictionary
    radar::session::BackupSession backup;
    radar::session::AuditWork audit;
    radar::ui::ViewState views;
    std::unique_ptr<radar::platform::Store> store;  // the durable store (IndexedDB + journal)
    radar::ui::Fonts fonts;
    radar::app::WebGlRenderer renderer;
    radar::app::DrawnFrameMemory drawn_frame;  // what the canvas shows
    float drawn_scale = 0.0f;  // device pixels per CSS pixel times the text size setting
    int frames = 0;            // drawn while the loading screen was up
    double started_ms = 0.0;
    bool shown = false;      // the page's loading screen is gone
    bool restoring = false;  // a stored dataset is being read again (told to the page)
    double built_ms = 0.0;   // when the last frame was built (drawn or not: drawn_frame)
    double built_cursor_x = 0.0, built_cursor_y = 0.0;  // where the pointer was then
};

App app;

std::size_t requested_dossier_count() {
    const auto option = radar::platform::start_option("dossiers");
    if (!option) return default_dossier_count;
    char* end = nullptr;
    const unsigned long long value = std::strtoull(option->c_str(), &end, 10);
    if (end == option->c_str() || *end != '\0' || value == 0 || value > max_dossier_count) {
        std::fprintf(stderr, "Ignoring ?dossiers=%s: expected 1..%zu\n", option->c_str(), max_dossier_count);
        return default_dossier_count;
    }
    return static_cast<std::size_t>(value);
}

// Matches the canvas backing store to its CSS size times the device pixel ratio; makes the fonts
// again and rescales the style when the ratio (zoom, moving to another screen) or the text size
// setting changes, so that text is drawn sharp at its size.
void sync_canvas_and_scale() {
    double css_width = 0, css_height = 0;
    emscripten_get_element_css_size(canvas_selector, &css_width, &css_height);
    const float ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    const int width = static_cast<int>(std::lround(css_width * ratio));
    const int height = static_cast<int>(std::lround(css_height * ratio));
    int current_width = 0, current_height = 0;
    emscripten_get_canvas_element_size(canvas_selector, &current_width, &current_height);
    if (width != current_width || height != current_height)
        emscripten_set_canvas_element_size(canvas_selector, width, height);
    const float scale = ratio * static_cast<float>(radar::ui::text_size_percent(app.state)) / 100.0f;
    if (scale != app.drawn_scale) {
        app.drawn_scale = scale;
        app.fonts = radar::ui::load_fonts(scale);
        if (!app.fonts.embedded) std::fprintf(stderr, "Embedded font missing: using ImGui's built-in font\n");
        radar::ui::apply_theme(scale);
        app.renderer.rebuild_fonts_texture();
        app.drawn_frame.forget();
    }
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
}

radar::ui::Shortcuts read_shortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    radar::ui::Shortcuts shortcuts;
    // "?" by the character typed, whatever keys the keyboard's layout needs for it (on many it is
    // Shift and the "/" key, which must then not also go to the search box).
    const bool question_mark = std::find(io.InputQueueCharacters.begin(), io.InputQueueCharacters.end(), '?') !=
                               io.InputQueueCharacters.end();
    shortcuts.show_shortcuts = !radar::ui::text_field_is_editing() && question_mark;
    shortcuts.focus_search = !radar::ui::text_field_is_editing() && !question_mark && ImGui::IsKeyPressed(GLFW_KEY_SLASH, false);
    shortcuts.toggle_language = io.KeyAlt && ImGui::IsKeyPressed(GLFW_KEY_L, false);
    return shortcuts;
}

// True when this animation frame can be skipped, neither built nor drawn: the page shows only
// the import's progress, nothing was typed, clicked, scrolled or pointed at (nor a test's text
// capture asked for) since the last frame, and that frame is recent. The canvas keeps showing the
// last frame meanwhile.
bool frame_can_wait() {
    const double now = emscripten_get_now();
    double cursor_x = 0.0, cursor_y = 0.0;
    glfwGetCursorPos(app.window, &cursor_x, &cursor_y);
    const ImGuiIO& io = ImGui::GetIO();
    const bool input = radar::app::input_events_waiting() || io.MouseWheel != 0.0f || io.MouseWheelH != 0.0f ||
                       cursor_x != app.built_cursor_x || cursor_y != app.built_cursor_y ||
                       radar::app::drawn_text_requested();
    if (radar::session::import_shows_only_progress(app.state, *app.import_session) && !input &&
        now - app.built_ms < frame_interval_while_importing_ms)
        return true;
    app.built_ms = now;
    app.built_cursor_x = cursor_x;
    app.built_cursor_y = cursor_y;
    return false;
}

void frame() {
    if (frame_can_wait()) return;
    glfwPollEvents();
    radar::app::pass_on_input_events();
    ImGui_ImplGlfw_NewFrame();
    sync_canvas_and_scale();
    radar::app::hand_wheel_to_outer_window();
    ImGui::NewFrame();
    radar::session::advance_import_work(app.state, *app.import_session);
    if (radar::session::import_work_waits_between_frames(app.state, *app.import_session))
        radar::platform::work_between_frames(
            [] { return radar::session::advance_import_work_between_frames(app.state, *app.import_session); });
    // A mapping change reads the picked file again from the browser's handle to it.
    if (app.import_session->take_file_request() && !radar::platform::read_file_again(*app.import_session))
        app.import_session->end_file(false, "the file can no longer be read");
    const bool restoring = app.import_session->restoring() != nullptr || app.state.stored_dataset_reading().has_value();
    if (restoring != app.restoring) {
        app.restoring = restoring;
        radar::platform::note_dataset_restore(restoring);
    }
    radar::ui::draw_main_window(app.state, *app.import_session, app.backup, app.audit, app.views, app.fonts, read_shortcuts());
    radar::ui::finish_describing_frame();
    radar::app::publish_accessible_items(app.views.marks);
    if (auto file = app.backup.take_download()) radar::platform::download_file(file->name, file->mime_type, file->bytes);
    if (auto notice = app.backup.take_reload_notice()) radar::platform::reload_page_with_notice(*notice);
    ImGui::Render();
    const ImDrawData& draw_data = *ImGui::GetDrawData();
    radar::app::capture_drawn_text_if_requested(draw_data);
    if (!app.drawn_frame.same_as_drawn(draw_data)) {
        const ImVec2 size = ImGui::GetIO().DisplaySize;
        glViewport(0, 0, static_cast<int>(size.x), static_cast<int>(size.y));
        glClearColor(0.965f, 0.969f, 0.976f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        app.renderer.render(draw_data);
    }
    // The page hides its loading screen once a real frame has been drawn and the store has told
    // whether a dataset is stored: a stored dataset's restore is then on screen from the first
    // frame seen, not the synthetic demo it replaces.
    const bool store_answered =
        app.state.storage_loaded() || restoring || emscripten_get_now() - app.started_ms > store_answer_wait_ms;
    if (!app.shown && ++app.frames >= 2 && store_answered) {
        app.shown = true;
        radar::platform::notify_ready();
    }
}

// Files embedded at link time (--embed-file), e.g. the default model.
std::string read_embedded_file(const char* path) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

}  // namespace

int main() {
    if (!glfwInit()) {
        radar::platform::report_fatal_error("GLFW could not start.");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    double css_width = 0, css_height = 0;
    emscripten_get_element_css_size(canvas_selector, &css_width, &css_height);
    app.window = glfwCreateWindow(static_cast<int>(css_width), static_cast<int>(css_height), "Dossier Radar", nullptr, nullptr);
    if (!app.window) {
        radar::platform::report_fatal_error("WebGL2 is not available in this browser.");
        return 1;
    }
    glfwMakeContextCurrent(app.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    radar::ui::use_view_marks(app.views.marks);
    ImGui::GetIO().IniFilename = nullptr;  // layout is not persisted; storage is the app's own
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(app.window, true);
    radar::app::queue_input_events(app.window);
    // The wheel comes normalised from the page (GLFW's pixel deltas scroll a hundred rows a notch).
    radar::platform::set_wheel_handler([](radar::platform::WheelSteps steps) {
        ImGuiIO& io = ImGui::GetIO();
        io.MouseWheelH += steps.horizontal;
        io.MouseWheel += steps.vertical;
    });
    if (!app.renderer.init()) {
        radar::platform::report_fatal_error("WebGL2 could not draw the interface.");
        return 1;
    }

    const radar::DayNumber today = radar::platform::today();
    if (const auto language = radar::platform::start_option("lang"); language && *language == "en")
        radar::session::set_language(radar::session::Language::english);
    radar::DictionaryLoad dictionary = radar::load_field_dictionary(read_embedded_file("/fields.json"));
    if (!dictionary.dictionary) {
        radar::platform::report_fatal_error("assets/fields.json is invalid: " + dictionary.errors.front());
        return 1;
    }
    app.state.load_demo(requested_dossier_count(), radar::first_of_month(today), today,
                        read_embedded_file("/models/default.json"), dictionary.dictionary->protected_names());
    // Imports, stored mapping profiles and the dataset snapshot are read with the active
    // dictionary: this one, until a custom one is loaded (the Gegevens tab) or read from the store.
    app.state.set_built_in_dictionary(std::move(*dictionary.dictionary));
    app.import_session.emplace(app.state.shared_field_dictionary());
    app.import_session->use_worker(radar::platform::file_import_worker());
    app.import_session->set_saved_profiles(&app.state.mapping_profiles());
    // The demo works in a store of its own and reads no files (the Gegevens tab says why).
    const bool demo = radar::platform::start_workspace() == radar::platform::Workspace::demo;
    if (demo) app.state.use_demo_workspace();
    else radar::platform::set_file_sink(&*app.import_session);
    // Screening events and batches load asynchronously; until then the banner says "opening"
    // and saving waits. If the store cannot open, the app works in memory with a warning.
    // ?skipDataset=1: the page's offer after a crash or an unfinished start-up was taken.
    if (radar::platform::start_option("skipDataset")) app.state.skip_stored_dataset_at_start();
    if (auto notice = radar::platform::take_start_notice()) app.state.set_start_notice(std::move(*notice));
    app.store = radar::platform::make_web_store(demo ? radar::platform::demo_database_name : radar::platform::own_database_name);
    app.state.connect_store(app.store.get());
    // Links for presenters: ?screen=report&period=2026-Q3 opens that screen and report period.
    if (const auto screen = radar::platform::start_option("screen"))
        app.views.marks.requested_screen = radar::ui::screen_from_code(*screen);
    if (const auto period = radar::platform::start_option("period"))
        app.views.report.linked_period = radar::parse_linked_period(*period);
    radar::app::attach_automation_hook({&app.state, &*app.import_session, &app.backup, &app.audit, &app.views, &app.fonts});

    app.started_ms = emscripten_get_now();
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
