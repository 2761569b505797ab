// Entry point of the native `radar` command-line tool: dispatches to registered subcommands.
#include <iostream>

#include "cli/command_registry.hpp"

namespace {

void print_usage(std::ostream& out) {
    out << "usage: radar <command> [options]\n\ncommands:\n";
    for (const auto& [name, command] : radar::cli::command_registry())
        out << "  radar " << command.usage << "\n      " << command.summary << "\n";
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> arguments(argv + 1, argv + argc);
    if (arguments.empty() || arguments[0] == "--help" || arguments[0] == "-h" || arguments[0] == "help") {
        print_usage(std::cout);
        return arguments.empty() ? 2 : 0;
    }
    const auto& commands = radar::cli::command_registry();
    const auto found = commands.find(arguments[0]);
    if (found == commands.end()) {
        std::cerr << "radar: unknown command '" << arguments[0] << "'\n";
        print_usage(std::cerr);
        return 2;
    }
    return found->second.run(std::vector<std::string>(arguments.begin() + 1, arguments.end()));
}
