// The common face of the CSV and JSON readers the Importer drives: bytes in, rows into a TableBuilder.
#pragma once

#include <string_view>

#include "core/import/import_result.hpp"

namespace radar {

class FormatReader {
public:
    virtual ~FormatReader() = default;
    virtual void feed(std::string_view bytes) = 0;
    virtual void finish() = 0;
    virtual SourceFormat format() const = 0;
};

}  // namespace radar
