// Draws Dear ImGui's draw lists with WebGL2 (OpenGL ES 3.0 through Emscripten). It is the page's
// only GL user, so it sets the state it needs every frame and never reads GL state back: in
// Chromium each glGetIntegerv/glIsEnabled waits for the GPU process, and the stock ImGui backend
// makes about twenty per frame to save and restore state (92% of an idle page's main thread
// under SwiftShader, time taken from imports and the store).
#pragma once

#include <GLES3/gl3.h>
#include <imgui.h>

namespace radar::app {

class WebGlRenderer {
public:
    // Compiles the shaders and makes the buffers; false (with a message on stderr) if it failed.
    // The font atlas texture is made by rebuild_fonts_texture, once the fonts are loaded.
    bool init();
    // (Re)builds the font atlas texture, e.g. after the fonts were reloaded for another pixel ratio.
    void rebuild_fonts_texture();
    // Draws a frame's lists over what is on the canvas. Leaves the scissor test off, so the next
    // frame's glClear clears the whole canvas.
    void render(const ImDrawData& draw_data);

private:
    void set_up_state(const ImDrawData& draw_data, int framebuffer_width, int framebuffer_height);

    GLuint program_ = 0;
    GLint projection_location_ = -1;
    GLint texture_location_ = -1;
    GLuint vertex_array_ = 0;
    GLuint vertex_buffer_ = 0;
    GLuint index_buffer_ = 0;
    GLuint fonts_texture_ = 0;
};

}  // namespace radar::app
