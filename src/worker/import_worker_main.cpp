// The import worker's wasm (web/import/radar_import_worker.js runs it in a Web Worker): the core
// Importer alone, no UI, GL or store. The worker script begins an import with the page's request
// (encode_import_request), feeds the file's slices as it reads them, then finishes it and hands
// the result (ImportResultWriter's bytes) to the page a piece at a time, so that the worker never
// holds the encoded result whole next to the dataset.
#include <emscripten/emscripten.h>

#include <memory>
#include <optional>
#include <string>

#include "core/import/import_transfer.hpp"
#include "core/import/importer.hpp"

namespace {

std::unique_ptr<radar::Importer> importer;
std::optional<radar::ImportResult> result;
std::unique_ptr<radar::ImportResultWriter> result_writer;  // over `result`
std::string piece;

}  // namespace

extern "C" {

// 1 when the request was read and the import begun, 0 when the bytes are not a request.
EMSCRIPTEN_KEEPALIVE int radar_worker_begin(const char* request, std::size_t length) {
    std::optional<radar::ImportRequest> decoded = radar::decode_import_request(std::string_view(request, length));
    if (!decoded) return 0;
    importer = std::make_unique<radar::Importer>(std::move(decoded->dictionary), std::move(decoded->options));
    return 1;
}

// 1 while the importer wants more of the file, 0 once it has failed or reached its row limit.
EMSCRIPTEN_KEEPALIVE int radar_worker_feed(const char* bytes, std::size_t length) {
    if (!importer) return 0;
    importer->feed(std::string_view(bytes, length));
    return importer->stopped() ? 0 : 1;
}

// Finishes the import; returns the length of its encoded result (all pieces together).
EMSCRIPTEN_KEEPALIVE double radar_worker_finish() {
    if (!importer) return 0;
    result = importer->finish();
    importer.reset();
    result_writer = std::make_unique<radar::ImportResultWriter>(*result);
    return static_cast<double>(result_writer->size());
}

// The next piece of the encoded result (radar_worker_piece_size bytes); null once all are given.
EMSCRIPTEN_KEEPALIVE const char* radar_worker_next_piece() {
    if (!result_writer) return nullptr;
    piece = result_writer->next_piece();
    return piece.empty() ? nullptr : piece.data();
}

EMSCRIPTEN_KEEPALIVE std::size_t radar_worker_piece_size() { return piece.size(); }
}
