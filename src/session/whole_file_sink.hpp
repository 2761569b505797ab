// Receives one picked file whole, up to a size limit, for screens that read small files (a model,
// a backup); the screen takes the finished file in a later frame.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "platform/file_transfer.hpp"

namespace radar::session {

struct PickedFile {
    std::string name;
    std::string bytes;
    std::string error;  // empty when the whole file arrived
};

class WholeFileSink final : public platform::FileSink {
public:
    // `too_large` is the error a file beyond `max_bytes` gets (already translated by the caller).
    WholeFileSink(std::size_t max_bytes, std::string (*too_large)()) : max_bytes_(max_bytes), too_large_(too_large) {}

    bool begin_file(const platform::IncomingFile& file) override;
    bool file_chunk(std::string_view bytes) override;
    void end_file(bool ok, const std::string& error) override;

    bool reading() const { return reading_; }
    std::optional<PickedFile> take_finished();

private:
    std::size_t max_bytes_;
    std::string (*too_large_)();
    bool reading_ = false;
    PickedFile current_;
    std::optional<PickedFile> finished_;
};

}  // namespace radar::session
