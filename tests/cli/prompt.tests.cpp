// The passphrase prompt on a real (pseudo-)terminal: echo is off while
// typing, the terminal is restored afterwards (also after Ctrl-C), and a
// new passphrase must be typed twice alike.
#include <catch2/catch_test_macros.hpp>

#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "cli_fixture.hpp"

using namespace safehold::test;

namespace {

// safehold-cli ARGS with a pseudo-terminal as its controlling terminal.
class PtyCli {
 public:
  explicit PtyCli(const std::vector<std::string>& args) {
    std::vector<std::string> argv{cli_binary()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> cargv;
    for (auto& a : argv) cargv.push_back(a.data());
    cargv.push_back(nullptr);
    pid_ = ::forkpty(&master_, nullptr, nullptr, nullptr);
    if (pid_ < 0) throw std::runtime_error("forkpty");
    if (pid_ == 0) {
      ::execv(cargv[0], cargv.data());
      ::_exit(127);
    }
  }
  ~PtyCli() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    ::close(master_);
  }
  PtyCli(const PtyCli&) = delete;
  PtyCli& operator=(const PtyCli&) = delete;

  // Reads the terminal until `text` appeared (or 20 s passed).
  bool wait_for(const std::string& text) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (screen_.find(text, seen_) == std::string::npos) {
      if (std::chrono::steady_clock::now() > deadline || !read_some()) return false;
    }
    seen_ = screen_.find(text, seen_) + text.size();
    return true;
  }
  void type(std::string_view keys) { REQUIRE(::write(master_, keys.data(), keys.size()) == static_cast<ssize_t>(keys.size())); }
  bool echo_on() const {
    termios t{};
    return ::tcgetattr(master_, &t) == 0 && (t.c_lflag & ECHO) != 0;
  }
  // Exit status; a CLI still running after 30 s is killed (and fails the test).
  int wait() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (read_some() && std::chrono::steady_clock::now() < deadline) {
    }
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
    }
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  const std::string& screen() const { return screen_; }

 private:
  // False once the child has gone (EIO); true after a quiet second too, so
  // that callers check their deadline.
  bool read_some() {
    pollfd p{master_, POLLIN, 0};
    if (::poll(&p, 1, 1000) == 0) return true;
    char buf[4096];
    const auto n = ::read(master_, buf, sizeof buf);
    if (n <= 0) return false;
    screen_.append(buf, static_cast<std::size_t>(n));
    return true;
  }
  pid_t pid_ = -1;
  int master_ = -1;
  std::string screen_;
  std::size_t seen_ = 0;
};

}  // namespace

TEST_CASE("cli prompt: the passphrase is read with echo off", "[cli][prompt]") {
  CliVault v;
  PtyCli cli({"--vault", v.folder.string(), "case", "new", "--title", "Typed"});
  REQUIRE(cli.wait_for("Passphrase: "));
  cli.type(std::string(kPassphrase) + "\n");
  CHECK(cli.wait() == 0);
  CHECK(cli.screen().find(kPassphrase) == std::string::npos);
  CHECK(cli.echo_on());
  CHECK(v.cli({"case", "list"}).out.find("Typed") != std::string::npos);
}

TEST_CASE("cli prompt: a wrong passphrase typed is exit 3", "[cli][prompt]") {
  CliVault v;
  PtyCli cli({"--vault", v.folder.string(), "case", "list"});
  REQUIRE(cli.wait_for("Passphrase: "));
  cli.type("not it\r\n");
  CHECK(cli.wait() == 3);
  CHECK(cli.screen().find("not it") == std::string::npos);
}

TEST_CASE("cli prompt: Ctrl-C at the prompt restores the terminal", "[cli][prompt]") {
  CliVault v;
  PtyCli cli({"--vault", v.folder.string(), "case", "list"});
  REQUIRE(cli.wait_for("Passphrase: "));
  CHECK_FALSE(cli.echo_on());
  cli.type("half typ");
  cli.type("\x03");  // VINTR
  CHECK(cli.wait() == 130);
  CHECK(cli.echo_on());
  CHECK(cli.screen().find("half typ") == std::string::npos);
}

TEST_CASE("cli prompt: init asks twice and refuses two different passphrases", "[cli][prompt]") {
  TempDir dir;
  PtyCli cli({"--vault", (dir / "vault").string(), "init", "--name", "Me"});
  REQUIRE(cli.wait_for("New passphrase: "));
  cli.type("first one\n");
  REQUIRE(cli.wait_for("Repeat the new passphrase: "));
  cli.type("second one\n");
  CHECK(cli.wait() == 2);
  CHECK(cli.screen().find("differ") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "vault"));
}

TEST_CASE("cli progress: backup, verify and restore show progress on a terminal, none in a pipe",
          "[cli][prompt][backup]") {
  CliVault v;
  (void)v.case_with_consent();
  const auto file = v.dir / "travel.shbackup";
  const auto restored = v.dir / "restored";
  {
    PtyCli cli(v.with_vault({"backup", "-o", file.string()}));
    CHECK(cli.wait() == 0);
    CHECK(cli.screen().find("writing backup: 100.0%") != std::string::npos);
  }
  {
    PtyCli cli(v.with_vault({"backup", "verify", file.string()}));
    CHECK(cli.wait() == 0);
    CHECK(cli.screen().find("verifying: 100.0%") != std::string::npos);
  }
  {
    PtyCli cli({"--vault", restored.string(), "--passphrase-file", v.pass_file.string(), "restore", file.string()});
    CHECK(cli.wait() == 0);
    INFO(cli.screen());
    CHECK(cli.screen().find("restoring: 100.0%") != std::string::npos);
  }
  // Not a terminal (a script, a log): no progress line.
  const auto again = run_cli({"--vault", (v.dir / "again").string(), "--passphrase-file", v.pass_file.string(),
                              "restore", file.string()});
  INFO(again.err);
  CHECK(again.exit_code == 0);
  CHECK(again.err.find("restoring:") == std::string::npos);
}
