// Browser implementation of file_transfer.hpp over web/file_transfer_library.js (and, through it,
// the import worker web/import/radar_import_worker.js).
#include <emscripten/emscripten.h>

#include <utility>

#include "file_transfer.hpp"

extern "C" {
void radar_js_install_file_transfer();
void radar_js_request_file_open(const char* accept);
int radar_js_read_file_again();
void radar_js_download_file(const char* name, const char* mime, const char* bytes, std::size_t length);
void radar_js_open_html(const char* bytes, std::size_t length);
int radar_js_import_in_worker(const char* request, std::size_t length);
void radar_js_stop_import_worker();
}

namespace radar::platform {
namespace {
FileSink* current_sink = nullptr;
FileSink* again_sink = nullptr;  // the sink of the file being read again

// A Web Worker per read (web/import/radar_import_worker.js), started by the page's file library.
class BrowserImportWorker : public FileImportWorker {
public:
    bool start(std::string_view request, ImportWorkerClient& client) override {
        release();
        client_ = &client;
        if (radar_js_import_in_worker(request.data(), request.size())) return true;
        client_ = nullptr;
        return false;
    }
    void stop() override {
        radar_js_stop_import_worker();
        client_ = nullptr;
        release();
    }
    ImportWorkerClient* client() const { return client_; }
    // The worker's result arrives a piece at a time: each is copied into the staging buffer, then
    // appended to the result (reserved whole at first: no zeroing of tens of MB in one task),
    // which then goes to the client.
    void expect_result(std::size_t size) {
        result_.clear();
        result_.reserve(size);
    }
    char* piece_buffer(std::size_t size) {
        if (staging_.size() < size) staging_.resize(size);
        return staging_.data();
    }
    void take_piece(std::size_t size) { result_.append(staging_.data(), size); }
    void deliver_result() {
        if (ImportWorkerClient* client = hand_over()) client->worker_done(std::move(result_));
        release();
    }
    void deliver_failure(const std::string& error) {
        release();
        if (ImportWorkerClient* client = hand_over()) client->worker_failed(error);
    }
    void deliver_unavailable() {
        release();
        if (ImportWorkerClient* client = hand_over()) client->worker_unavailable();
    }

private:
    // The client, which hears nothing more from this worker after what it is now told.
    ImportWorkerClient* hand_over() { return std::exchange(client_, nullptr); }
    // Frees the room of a result that will not be delivered (wasm memory never shrinks, but it
    // is reused).
    void release() {
        result_ = std::string();
        staging_ = std::string();
    }

    ImportWorkerClient* client_ = nullptr;
    std::string result_;
    std::string staging_;
};
BrowserImportWorker browser_import_worker;
}  // namespace

FileImportWorker* file_import_worker() { return &browser_import_worker; }

void set_file_sink(FileSink* sink) {
    current_sink = sink;
    radar_js_install_file_transfer();
}

FileSink* file_sink() { return current_sink; }

void request_file_open(const std::string& accept) { radar_js_request_file_open(accept.c_str()); }

bool read_file_again(FileSink& sink) {
    again_sink = &sink;  // before the library starts: an empty file ends at once
    if (radar_js_read_file_again()) return true;
    again_sink = nullptr;
    return false;
}

void download_file(const std::string& file_name, const std::string& mime_type, std::string_view bytes) {
    radar_js_download_file(file_name.c_str(), mime_type.c_str(), bytes.data(), bytes.size());
}

void open_html_in_new_tab(std::string_view html) { radar_js_open_html(html.data(), html.size()); }

}  // namespace radar::platform

extern "C" {

EMSCRIPTEN_KEEPALIVE int radar_file_begin(const char* name, double size, double changed_day) {
    using radar::platform::current_sink;
    return current_sink && current_sink->begin_file(
                               {name, static_cast<std::uint64_t>(size), static_cast<std::int32_t>(changed_day), true})
               ? 1
               : 0;
}

EMSCRIPTEN_KEEPALIVE int radar_file_chunk(const char* bytes, std::size_t length) {
    using radar::platform::current_sink;
    return current_sink && current_sink->file_chunk(std::string_view(bytes, length)) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void radar_file_end(int ok, const char* error) {
    if (radar::platform::current_sink) radar::platform::current_sink->end_file(ok != 0, error);
}

EMSCRIPTEN_KEEPALIVE int radar_file_again_chunk(const char* bytes, std::size_t length) {
    using radar::platform::again_sink;
    return again_sink && again_sink->file_chunk(std::string_view(bytes, length)) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void radar_import_worker_read(double bytes_read) {
    if (radar::platform::ImportWorkerClient* client = radar::platform::browser_import_worker.client())
        client->worker_read(static_cast<std::uint64_t>(bytes_read));
}

EMSCRIPTEN_KEEPALIVE void radar_import_worker_expect(std::size_t size) {
    radar::platform::browser_import_worker.expect_result(size);
}

EMSCRIPTEN_KEEPALIVE char* radar_import_worker_piece_buffer(std::size_t size) {
    return radar::platform::browser_import_worker.piece_buffer(size);
}

EMSCRIPTEN_KEEPALIVE void radar_import_worker_piece(std::size_t size) {
    radar::platform::browser_import_worker.take_piece(size);
}

EMSCRIPTEN_KEEPALIVE void radar_import_worker_done() { radar::platform::browser_import_worker.deliver_result(); }

EMSCRIPTEN_KEEPALIVE void radar_import_worker_failed(const char* error) {
    radar::platform::browser_import_worker.deliver_failure(error);
}

EMSCRIPTEN_KEEPALIVE void radar_import_worker_unavailable() {
    radar::platform::browser_import_worker.deliver_unavailable();
}

EMSCRIPTEN_KEEPALIVE void radar_file_again_end(int ok, const char* error) {
    radar::platform::FileSink* sink = radar::platform::again_sink;
    radar::platform::again_sink = nullptr;
    if (sink) sink->end_file(ok != 0, error);
}
}
