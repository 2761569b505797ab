// Subcommands of the native `radar` tool; each returns a process exit code.
#pragma once

#include <string>
#include <vector>

namespace radar::cli {

int run(const std::vector<std::string>& arguments);

}  // namespace radar::cli
