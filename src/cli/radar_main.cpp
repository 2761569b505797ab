// Entry point of the native `radar` command-line tool.
#include "cli/cli_commands.hpp"

int main(int argc, char** argv) {
    return radar::cli::run(std::vector<std::string>(argv + 1, argv + argc));
}
