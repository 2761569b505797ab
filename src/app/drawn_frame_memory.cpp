// The bytes of a frame's draw lists (display, vertices, indices, commands) and their comparison
// with those last drawn.
#include "app/drawn_frame_memory.hpp"

#include <string_view>

#include "core/base/text_hash.hpp"

namespace radar::app {
namespace {

template <typename Value>
void append_bytes(std::string& bytes, const Value& value) {
    bytes.append(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename Value>
void append_vector(std::string& bytes, const ImVector<Value>& values) {
    append_bytes(bytes, values.Size);
    bytes.append(reinterpret_cast<const char*>(values.Data), static_cast<std::size_t>(values.Size) * sizeof(Value));
}

void append_frame(std::string& bytes, const ImDrawData& draw_data) {
    append_bytes(bytes, draw_data.DisplayPos);
    append_bytes(bytes, draw_data.DisplaySize);
    append_bytes(bytes, draw_data.FramebufferScale);
    append_bytes(bytes, draw_data.CmdListsCount);
    for (int list = 0; list < draw_data.CmdListsCount; ++list) {
        const ImDrawList& commands = *draw_data.CmdLists[list];
        append_vector(bytes, commands.VtxBuffer);
        append_vector(bytes, commands.IdxBuffer);
        append_bytes(bytes, commands.CmdBuffer.Size);
        for (const ImDrawCmd& command : commands.CmdBuffer) {
            append_bytes(bytes, command.ClipRect);
            append_bytes(bytes, command.TextureId);
            append_bytes(bytes, command.VtxOffset);
            append_bytes(bytes, command.IdxOffset);
            append_bytes(bytes, command.ElemCount);
            append_bytes(bytes, command.UserCallback);
            append_bytes(bytes, command.UserCallbackData);
        }
    }
}

}  // namespace

bool DrawnFrameMemory::same_as_drawn(const ImDrawData& draw_data) {
    current_.clear();
    append_frame(current_, draw_data);
    if (!drawn_.empty() && same_text(current_, drawn_)) return true;
    drawn_.swap(current_);
    return false;
}

}  // namespace radar::app
