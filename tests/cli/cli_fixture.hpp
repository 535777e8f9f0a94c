#pragma once
// A vault for CLI tests, created through the library with cheap Argon2id
// parameters (the CLI unlocks with whatever the key file records), and a
// passphrase file; cli() runs safehold-cli against it.
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "safehold/storage/vault.hpp"
#include "test_util.hpp"

namespace safehold::test {

inline constexpr std::string_view kPassphrase = "correct horse battery";

inline void write_text(const std::filesystem::path& p, std::string_view text) {
  write_file(p, {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
}

struct CliVault {
  TempDir dir;
  std::filesystem::path folder = dir / "vault";
  std::filesystem::path pass_file = dir / "passphrase";

  CliVault() {
    auto v = storage::Vault::create(folder, crypto::SecretBuffer::copy_of(kPassphrase),
                                    {"Test Worker", storage::KdfParams::insecure_for_tests()});
    if (!v) throw std::runtime_error("create failed: " + v.error().describe());
    write_text(pass_file, std::string(kPassphrase) + "\n");
  }  // the library's Vault is locked again here: the CLI needs the folder lock

  std::vector<std::string> with_vault(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--vault", folder.string(), "--passphrase-file", pass_file.string()});
    return args;
  }
  CliResult cli(const std::vector<std::string>& args, std::string_view stdin_data = {},
                const std::vector<std::string>& env = {}) const {
    return run_cli(with_vault(args), stdin_data, env);
  }
  // Runs a command that must succeed; returns the first line of its output.
  std::string ok(const std::vector<std::string>& args, std::string_view stdin_data = {}) const {
    const auto r = cli(args, stdin_data);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    return first_line(r.out);
  }
  // A case whose consent allows everything; returns its id.
  std::string case_with_consent(const std::string& title = "Test case") const {
    const auto id = ok({"case", "new", "--title", title});
    ok({"consent", "record", id, "--method", "oral-noted", "--scope", "all=yes"});
    return id;
  }
};

}  // namespace safehold::test
