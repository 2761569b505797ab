// Storage of the registered commands (a function-local static, so registration order between
// translation units does not matter).
#include "cli/command_registry.hpp"

namespace radar::cli {

std::map<std::string, Command>& command_registry() {
    static std::map<std::string, Command> commands;
    return commands;
}

CommandRegistration::CommandRegistration(const std::string& name, Command command) {
    command_registry()[name] = std::move(command);
}

}  // namespace radar::cli
