// libFuzzer target: the JSON importer (format forced to JSON). See import_fuzz_check.hpp.
#include "import_fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    radar::fuzzing::check_import(data, size, radar::FormatChoice::json);
    return 0;
}
