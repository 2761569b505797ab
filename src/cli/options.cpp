// Option parsing for the CLI.
#include "cli/options.hpp"

#include <algorithm>

namespace radar::cli {

Options::Options(const std::vector<std::string>& arguments, const std::set<std::string>& flags) {
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        if (argument.rfind("--", 0) != 0) {
            positional_.push_back(argument);
            continue;
        }
        const std::string name = argument.substr(2);
        if (flags.count(name)) {
            flags_.insert(name);
        } else if (i + 1 < arguments.size()) {
            values_[name] = arguments[++i];
        } else {
            error_ = "option --" + name + " needs a value";
        }
    }
}

std::optional<std::string> Options::value(const std::string& name) const {
    const auto found = values_.find(name);
    if (found == values_.end()) return std::nullopt;
    return found->second;
}

unsigned long long Options::number(const std::string& name, unsigned long long fallback) {
    const auto text = value(name);
    if (!text) return fallback;
    std::size_t used = 0;
    unsigned long long result = 0;
    try {
        result = std::stoull(*text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != text->size() || (*text)[0] == '-') {
        error_ = "--" + name + " takes a whole number, got '" + *text + "'";
        return fallback;
    }
    return result;
}

DayNumber Options::date(const std::string& name, DayNumber fallback) {
    const auto text = value(name);
    if (!text) return fallback;
    const auto parsed = parse_iso_date(*text);
    if (!parsed) {
        error_ = "--" + name + " must be a real date as YYYY-MM-DD, got '" + *text + "'";
        return fallback;
    }
    return *parsed;
}

std::vector<std::string> split_list(const std::string& list) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        if (comma > start) items.push_back(list.substr(start, comma - start));
        start = comma + 1;
    }
    return items;
}

}  // namespace radar::cli
