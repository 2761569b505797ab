// Parsing of "--name value" and "--flag" command-line options shared by all subcommands.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/time/civil_date.hpp"

namespace radar::cli {

class Options {
public:
    // `flags` are options without a value (e.g. "json"); every other --name takes one value.
    // Arguments not starting with "--" are positional. Sets error() on malformed input.
    Options(const std::vector<std::string>& arguments, const std::set<std::string>& flags = {});

    const std::string& error() const { return error_; }
    const std::vector<std::string>& positional() const { return positional_; }
    bool flag(const std::string& name) const { return flags_.count(name) != 0; }
    std::optional<std::string> value(const std::string& name) const;
    // Whole number option; on a malformed value sets error() and returns the fallback.
    unsigned long long number(const std::string& name, unsigned long long fallback);
    // YYYY-MM-DD option; on a malformed value sets error() and returns the fallback.
    DayNumber date(const std::string& name, DayNumber fallback);

private:
    std::map<std::string, std::string> values_;
    std::set<std::string> flags_;
    std::vector<std::string> positional_;
    std::string error_;
};

// "a,b,,c" -> {"a", "b", "c"}: a comma-separated option value, empty items dropped, order kept.
std::vector<std::string> split_list(const std::string& list);

}  // namespace radar::cli
