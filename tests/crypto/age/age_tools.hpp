#pragma once
// Runs the real age / age-keygen binaries for interop tests: plain runs with
// captured output, and runs on a pseudo-terminal for `age -p`, which reads
// passphrases only from a terminal.
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

extern char** environ;

namespace safehold::age::test {

struct ToolResult {
  int status = -1;  // exit code, or -1 if it did not exit normally
  std::string out;  // stdout (or the whole terminal transcript for pty runs)
  std::string err;
};

inline std::filesystem::path find_tool(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const std::filesystem::path candidate = std::filesystem::path(dirs.substr(start, end - start)) / name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return {};
}

inline bool have_age_tools() { return !find_tool("age").empty() && !find_tool("age-keygen").empty(); }

inline std::vector<char*> c_argv(std::vector<std::string>& args) {
  std::vector<char*> v;
  for (auto& a : args) v.push_back(a.data());
  v.push_back(nullptr);
  return v;
}

// Runs argv[0] (looked up in PATH) with stdin closed-empty, capturing output.
inline ToolResult run_tool(std::vector<std::string> args) {
  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) return {};
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&fa, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&fa, err_pipe[1], 2);
  auto argv = c_argv(args);
  pid_t pid = -1;
  const int rc = ::posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  ToolResult r;
  if (rc == 0) {
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&r.out, &r.err};
    int open_fds = 2;
    char buf[65536];
    while (open_fds > 0 && ::poll(fds, 2, -1) >= 0) {
      for (int i = 0; i < 2; ++i) {
        if (fds[i].fd < 0 || fds[i].revents == 0) continue;
        const ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
        if (n > 0) {
          sinks[i]->append(buf, static_cast<std::size_t>(n));
        } else {
          fds[i].fd = -1;
          --open_fds;
        }
      }
    }
    int st = 0;
    ::waitpid(pid, &st, 0);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  }
  ::close(out_pipe[0]);
  ::close(err_pipe[0]);
  return r;
}

// Runs argv on a new pseudo-terminal and types `passphrase` + Enter at every
// prompt that asks for a passphrase. Gives up (killing the child) after
// `timeout`.
inline ToolResult run_on_pty(std::vector<std::string> args, const std::string& passphrase,
                             std::chrono::seconds timeout = std::chrono::seconds(60)) {
  int master = -1;
  auto argv = c_argv(args);
  const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  if (pid < 0) return {};
  if (pid == 0) {
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  ToolResult r;
  std::size_t answered = 0;
  std::size_t scan_from = 0;  // prompts before this offset have been answered
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  char buf[4096];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      ::kill(pid, SIGKILL);
      r.err = "timed out";
      break;
    }
    pollfd p{master, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(std::min<long>(left.count(), 1000))) <= 0) continue;
    const ssize_t n = ::read(master, buf, sizeof buf);
    if (n <= 0) break;  // EIO once the child closed the terminal
    r.out.append(buf, static_cast<std::size_t>(n));
    // A prompt is complete when "passphrase" is followed by ": " at the end.
    const std::size_t at = r.out.find("passphrase", scan_from);
    if (at != std::string::npos && r.out.ends_with(": ")) {
      const std::string line = passphrase + "\n";
      if (::write(master, line.data(), line.size()) != static_cast<ssize_t>(line.size())) break;
      ++answered;
      scan_from = r.out.size();
    }
  }
  ::close(master);
  int st = 0;
  ::waitpid(pid, &st, 0);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  if (answered == 0) r.err += " (no passphrase prompt seen)";
  return r;
}

}  // namespace safehold::age::test
