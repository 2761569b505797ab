// Files in and out of the app: the user picks or drops a file and its bytes arrive in chunks
// (so a 150 MB export never sits in memory twice and the UI keeps drawing), and can be asked for
// again (the browser keeps the picked file's handle, not its bytes), or are read by an import
// worker off the page's main thread; downloads and new tabs are generated locally from bytes.
// Nothing here touches the network.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace radar::platform {

struct IncomingFile {
    std::string name;
    std::uint64_t size = 0;
    std::int32_t changed_day = 0;  // the file's last change, local day since 1970-01-01; 0 = unknown
    bool can_read_again = false;   // read_file_again can deliver its bytes once more
};

// Receives one file at a time. Chunks arrive in order, one per frame at most.
class FileSink {
public:
    virtual ~FileSink() = default;
    // Return false to refuse the file (e.g. another import is running).
    virtual bool begin_file(const IncomingFile& file) = 0;
    // Return false to cancel: no more chunks are delivered and end_file reports the cancel.
    virtual bool file_chunk(std::string_view bytes) = 0;
    // ok == false with a message when reading failed or was cancelled.
    virtual void end_file(bool ok, const std::string& error) = 0;
};

// Hears from an import worker (FileImportWorker), between frames: how far it has read, then
// either its result or why the file could not be read.
class ImportWorkerClient {
public:
    virtual ~ImportWorkerClient() = default;
    virtual void worker_read(std::uint64_t bytes_read) = 0;
    // `result`: encode_import_result's bytes.
    virtual void worker_done(std::string result) = 0;
    virtual void worker_failed(const std::string& error) = 0;
    // The worker could not start (its script or wasm did not load): nothing was read.
    virtual void worker_unavailable() = 0;
};

// Reads the last picked or dropped file (one that can be read again) with an importer of its own,
// off the page's main thread; one worker per read.
class FileImportWorker {
public:
    virtual ~FileImportWorker() = default;
    // Starts reading with `request` (encode_import_request's bytes), stopping a worker still
    // running first; false when none could be started (the caller then reads the file itself).
    virtual bool start(std::string_view request, ImportWorkerClient& client) = 0;
    // Ends the running worker, if any: its client hears nothing more from it.
    virtual void stop() = 0;
};

// The browser's import worker (a Web Worker per read). Only the browser has one: native code
// gives ImportSession none.
FileImportWorker* file_import_worker();

// The sink that receives picked and dropped files (nullptr: files are refused).
void set_file_sink(FileSink* sink);
FileSink* file_sink();

// Opens the browser's file picker; `accept` like ".csv,.tsv,.txt,.json".
void request_file_open(const std::string& accept);

// Delivers the last picked or dropped file's bytes again, to `sink` (file_chunk ... end_file,
// without begin_file); false when there is no such file or one is being read.
bool read_file_again(FileSink& sink);

// Saves bytes as a file in the user's downloads.
void download_file(const std::string& file_name, const std::string& mime_type, std::string_view bytes);

// Opens a self-contained HTML page in a new tab (e.g. a printable report).
void open_html_in_new_tab(std::string_view html);

}  // namespace radar::platform
