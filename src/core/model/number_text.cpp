// Number formatting through snprintf, whose correctly rounded output is the same in glibc and musl.
#include "model/number_text.hpp"

#include <cstdio>
#include <cstdlib>

namespace radar {

std::string format_number(double value) {
    char buffer[40];
    for (int precision = 15; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
        if (std::strtod(buffer, nullptr) == value) break;
    }
    return buffer;
}

std::string format_fixed(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

}  // namespace radar
