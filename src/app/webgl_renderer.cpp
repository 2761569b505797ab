// Shaders, buffers and the per-frame draw of WebGlRenderer. Vertices are ImGui's ImDrawVert
// (position, texture coordinate, packed RGBA colour), indices ImDrawIdx; each draw command is
// clipped with the scissor rectangle and drawn with its texture.
#include "app/webgl_renderer.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>

namespace radar::app {
namespace {

constexpr const char* vertex_shader_source = R"(#version 300 es
precision highp float;
layout (location = 0) in vec2 position;
layout (location = 1) in vec2 texture_coordinate;
layout (location = 2) in vec4 colour;
uniform mat4 projection;
out vec2 fragment_texture_coordinate;
out vec4 fragment_colour;
void main() {
    fragment_texture_coordinate = texture_coordinate;
    fragment_colour = colour;
    gl_Position = projection * vec4(position, 0.0, 1.0);
}
)";

constexpr const char* fragment_shader_source = R"(#version 300 es
precision mediump float;
uniform sampler2D atlas;
in vec2 fragment_texture_coordinate;
in vec4 fragment_colour;
layout (location = 0) out vec4 output_colour;
void main() {
    output_colour = fragment_colour * texture(atlas, fragment_texture_coordinate);
}
)";

GLuint compile_shader(GLenum kind, const char* source) {
    const GLuint shader = glCreateShader(kind);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint compiled = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &compiled);
    if (compiled == GL_TRUE) return shader;
    char log[1024] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    std::fprintf(stderr, "WebGL shader did not compile: %s\n", log);
    glDeleteShader(shader);
    return 0;
}

}  // namespace

bool WebGlRenderer::init() {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "radar_webgl2";
    const GLuint vertex_shader = compile_shader(GL_VERTEX_SHADER, vertex_shader_source);
    const GLuint fragment_shader = compile_shader(GL_FRAGMENT_SHADER, fragment_shader_source);
    if (!vertex_shader || !fragment_shader) return false;
    program_ = glCreateProgram();
    glAttachShader(program_, vertex_shader);
    glAttachShader(program_, fragment_shader);
    glLinkProgram(program_);
    glDeleteShader(vertex_shader);
    glDeleteShader(fragment_shader);
    GLint linked = GL_FALSE;
    glGetProgramiv(program_, GL_LINK_STATUS, &linked);
    if (linked != GL_TRUE) {
        std::fprintf(stderr, "WebGL program did not link\n");
        return false;
    }
    projection_location_ = glGetUniformLocation(program_, "projection");
    texture_location_ = glGetUniformLocation(program_, "atlas");

    // The vertex array keeps the attribute layout and the index buffer binding.
    glGenVertexArrays(1, &vertex_array_);
    glGenBuffers(1, &vertex_buffer_);
    glGenBuffers(1, &index_buffer_);
    glBindVertexArray(vertex_array_);
    glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, index_buffer_);
    const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
    return true;
}

void WebGlRenderer::rebuild_fonts_texture() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    if (fonts_texture_ != 0) glDeleteTextures(1, &fonts_texture_);
    glGenTextures(1, &fonts_texture_);
    glBindTexture(GL_TEXTURE_2D, fonts_texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(fonts_texture_)));
}

void WebGlRenderer::set_up_state(const ImDrawData& draw_data, int framebuffer_width, int framebuffer_height) {
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, framebuffer_width, framebuffer_height);
    // Display coordinates (top left at DisplayPos) to clip space, y pointing down.
    const float left = draw_data.DisplayPos.x;
    const float right = draw_data.DisplayPos.x + draw_data.DisplaySize.x;
    const float top = draw_data.DisplayPos.y;
    const float bottom = draw_data.DisplayPos.y + draw_data.DisplaySize.y;
    const float projection[16] = {
        2.0f / (right - left), 0.0f, 0.0f, 0.0f,
        0.0f, 2.0f / (top - bottom), 0.0f, 0.0f,
        0.0f, 0.0f, -1.0f, 0.0f,
        (right + left) / (left - right), (top + bottom) / (bottom - top), 0.0f, 1.0f,
    };
    glUseProgram(program_);
    glUniform1i(texture_location_, 0);
    glUniformMatrix4fv(projection_location_, 1, GL_FALSE, projection);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vertex_array_);
    glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);
}

void WebGlRenderer::render(const ImDrawData& draw_data) {
    const int framebuffer_width = static_cast<int>(draw_data.DisplaySize.x * draw_data.FramebufferScale.x);
    const int framebuffer_height = static_cast<int>(draw_data.DisplaySize.y * draw_data.FramebufferScale.y);
    if (framebuffer_width <= 0 || framebuffer_height <= 0) return;
    set_up_state(draw_data, framebuffer_width, framebuffer_height);
    const ImVec2 origin = draw_data.DisplayPos;
    const ImVec2 scale = draw_data.FramebufferScale;
    constexpr GLenum index_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    for (int list_index = 0; list_index < draw_data.CmdListsCount; ++list_index) {
        const ImDrawList& list = *draw_data.CmdLists[list_index];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.VtxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawVert)),
                     list.VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.IdxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawIdx)),
                     list.IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& command : list.CmdBuffer) {
            if (command.UserCallback) {
                if (command.UserCallback == ImDrawCallback_ResetRenderState)
                    set_up_state(draw_data, framebuffer_width, framebuffer_height);
                else
                    command.UserCallback(&list, &command);
                continue;
            }
            // The clip rectangle in framebuffer pixels; GL's scissor origin is the bottom left.
            const float clip_left = (command.ClipRect.x - origin.x) * scale.x;
            const float clip_top = (command.ClipRect.y - origin.y) * scale.y;
            const float clip_right = (command.ClipRect.z - origin.x) * scale.x;
            const float clip_bottom = (command.ClipRect.w - origin.y) * scale.y;
            if (clip_right <= clip_left || clip_bottom <= clip_top) continue;
            glScissor(static_cast<GLint>(clip_left), static_cast<GLint>(static_cast<float>(framebuffer_height) - clip_bottom),
                      static_cast<GLsizei>(clip_right - clip_left), static_cast<GLsizei>(clip_bottom - clip_top));
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(command.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(command.ElemCount), index_type,
                           reinterpret_cast<void*>(static_cast<std::uintptr_t>(command.IdxOffset) * sizeof(ImDrawIdx)));
        }
    }
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);
}

}  // namespace radar::app
