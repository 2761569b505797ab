// libFuzzer target: the CSV importer (format forced to CSV). See import_fuzz_check.hpp.
#include "import_fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    radar::fuzzing::check_import(data, size, radar::FormatChoice::csv);
    return 0;
}
