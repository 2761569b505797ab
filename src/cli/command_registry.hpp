// Subcommands of the native `radar` tool. Each command lives in its own command_<name>.cpp
// and registers itself with a static CommandRegistration; radar_main.cpp dispatches by name.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace radar::cli {

// Receives the arguments after the command name; returns the process exit code
// (0 success, 1 the work failed or found problems, 2 bad usage).
using CommandFunction = std::function<int(const std::vector<std::string>& arguments)>;

struct Command {
    std::string usage;    // e.g. "rank [--count N] [--top K]"
    std::string summary;  // one line
    CommandFunction run;
};

std::map<std::string, Command>& command_registry();

struct CommandRegistration {
    CommandRegistration(const std::string& name, Command command);
};

}  // namespace radar::cli
