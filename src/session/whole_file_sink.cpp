// A file sink that keeps the whole file in memory, refusing files beyond its limit.
#include "session/whole_file_sink.hpp"

namespace radar::session {

bool WholeFileSink::begin_file(const platform::IncomingFile& file) {
    if (reading_) return false;
    reading_ = true;
    current_ = PickedFile{file.name, {}, {}};
    return true;
}

bool WholeFileSink::file_chunk(std::string_view bytes) {
    if (current_.bytes.size() + bytes.size() > max_bytes_) {
        current_.error = too_large_();
        return false;
    }
    current_.bytes.append(bytes);
    return true;
}

void WholeFileSink::end_file(bool ok, const std::string& error) {
    if (!ok && current_.error.empty()) current_.error = error;
    reading_ = false;
    finished_ = std::move(current_);
}

std::optional<PickedFile> WholeFileSink::take_finished() {
    auto finished = std::move(finished_);
    finished_.reset();
    return finished;
}

}  // namespace radar::session
