// The import worker's wasm (web/import/radar_import_worker.js runs it in a Web Worker): the core
// Importer alone, no UI, GL or store. The worker script begins an import with the page's request
// (encode_import_request), feeds the file's slices as it reads them, and finishes with the whole
// result (encode_import_result), which it hands to the page as a transferred buffer.
#include <emscripten/emscripten.h>

#include <memory>
#include <string>

#include "core/import/import_transfer.hpp"
#include "core/import/importer.hpp"

namespace {

std::unique_ptr<radar::Importer> importer;
std::string encoded_result;

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

// Finishes the import and encodes its result; radar_worker_result_size gives its length.
EMSCRIPTEN_KEEPALIVE const char* radar_worker_finish() {
    if (!importer) return nullptr;
    radar::ImportResult result = importer->finish();
    importer.reset();
    encoded_result = radar::encode_import_result(result);
    return encoded_result.data();
}

EMSCRIPTEN_KEEPALIVE std::size_t radar_worker_result_size() { return encoded_result.size(); }
}
