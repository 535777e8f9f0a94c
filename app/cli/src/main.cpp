// safehold-cli: the vault without a window (docs/cli.md). main hardens the
// process, parses the command line with CLI11, runs the chosen command and
// maps its outcome to an exit code and one line on stderr.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <new>
#include <string_view>

#include "commands.hpp"
#include "context.hpp"
#include "exit_codes.hpp"
#include "help_command.hpp"
#include "safehold/core/policy/process_start.hpp"
#include "safehold/version.hpp"

namespace {

using safehold::cli::ExitCode;

// One line per error; a message listing several (every schema error of a
// record) holds one per line.
int report(ExitCode code, const std::string& message) {
  std::size_t start = 0;
  for (;;) {
    const auto end = message.find('\n', start);
    const auto line = message.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::fprintf(stderr, "safehold-cli: error: %s\n", line.c_str());
    if (end == std::string::npos) return static_cast<int>(code);
    start = end + 1;
  }
}

// CLI11 messages can span lines; the contract is one line.
std::string one_line(std::string text) {
  for (auto& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// Repeatable options take one value per occurrence (`--tactic D1 --tactic
// C1`), so `--tactic D1 CASE` never swallows the positional CASE.
void one_value_per_flag(CLI::App& app) {
  for (auto* opt : app.get_options()) {
    if (opt->nonpositional()) opt->allow_extra_args(false);
  }
  for (auto* sub : app.get_subcommands({})) one_value_per_flag(*sub);
}

// `--json FILE` was the input option before `--from-file`; say so instead of
// only "arguments were not expected".
std::string json_input_hint(int argc, char** argv) {
  for (int i = 1; i + 1 < argc; ++i) {
    const std::string_view next = argv[i + 1];
    if (std::string_view(argv[i]) == "--json" && (next == "-" || next.rfind("--", 0) != 0)) {
      return " (--json is machine output; a JSON input file is --from-file FILE)";
    }
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  if (!safehold::core::start_process()) {
    return report(ExitCode::io, "cannot apply process protections (core dumps, ptrace); refusing to run");
  }
  try {
    CLI::App app{"safehold-cli: the Safehold vault on the command line (offline; see docs/cli.md)",
                 "safehold-cli"};
    app.set_help_all_flag("--help-all", "Show help for every command");
    app.set_version_flag("--version", safehold::version_line("safehold-cli"),
                         "Print the version and the git commit it was built from");
    app.fallthrough();
    safehold::cli::Context ctx;
    app.add_option("--vault", ctx.options.vault_dir,
                   "Vault folder (default $SAFEHOLD_VAULT, else $XDG_DATA_HOME/safehold/vault or "
                   "~/.local/share/safehold/vault; an existing vault in the older default "
                   "~/.local/share/safehold is still used)")
        ->type_name("DIR");
    app.add_option("--passphrase-file", ctx.options.passphrase_file,
                   "Read the passphrase from FILE ('-' = stdin; one trailing newline is stripped) instead of a prompt")
        ->type_name("FILE");
    app.add_option("--new-passphrase-file", ctx.options.new_passphrase_file,
                   "Read the new passphrase for init/passwd from FILE ('-' = stdin) instead of asking twice")
        ->type_name("FILE");
    safehold::cli::register_all_commands(app, ctx);
    safehold::cli::add_help_command(app);
    one_value_per_flag(app);
    if (const auto topic = safehold::cli::help_topic(argc, argv)) return safehold::cli::print_help(app, *topic);

    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
      return report(ExitCode::usage, one_line(e.what()) + json_input_hint(argc, argv) + " (see --help)");
    }
    if (!ctx.has_action()) return report(ExitCode::usage, safehold::cli::group_without_subcommand(app));
    const auto outcome = ctx.run();
    if (!outcome) return report(outcome.error().code, outcome.error().message);
    return 0;
  } catch (const std::bad_alloc&) {
    return report(ExitCode::io, "out of memory");
  } catch (const std::exception&) {
    return report(ExitCode::integrity, "unexpected internal error");
  }
}
