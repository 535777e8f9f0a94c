#pragma once
// `help [COMMAND [SUBCOMMAND]]` (CLI11's own help text, the text the man
// pages are generated from), and the answer to a group given without its
// subcommand (`safehold-cli case`): its subcommands in the one error line
// (errors are one line, docs/cli.md), exit 2.
#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace safehold::cli {

// The direct subcommand `name` of `app`, or nullptr.
CLI::App* subcommand_named(CLI::App& app, const std::string& name);

// Registers `help` (so it is listed) and lets every group take at most one
// subcommand without requiring one: a missing subcommand is answered by
// `group_without_subcommand`, not by CLI11's "A subcommand is required".
void add_help_command(CLI::App& app);

// The words after `help` when the command line asks for help that way
// (global options may come first), else nullopt. Read before CLI11 parses:
// inside `help`, CLI11 would take `case` for the `case` command itself.
std::optional<std::vector<std::string>> help_topic(int argc, const char* const* argv);

// Prints the help of the command the topic names to stdout; returns the
// exit code (0, or 2 naming an unknown command on stderr).
int print_help(CLI::App& app, const std::vector<std::string>& topic);

// After a parse that chose no command to run: the one-line usage error
// naming the deepest group given (or the tool) and its subcommands.
std::string group_without_subcommand(CLI::App& app);

}  // namespace safehold::cli
