#pragma once
// Runs the real safehold-cli binary as a child process: arguments, standard
// input, environment, captured stdout/stderr and exit status. Child also
// lets a test signal a running CLI (Ctrl-C tests).
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace safehold::test {

inline const char* cli_binary() { return SAFEHOLD_CLI_PATH; }

struct CliResult {
  int exit_code = -1;  // exit status, or 128 + signal
  std::string out;
  std::string err;
};

// The environment of the test minus SAFEHOLD_VAULT, plus `extra` (NAME=VALUE).
inline std::vector<std::string> child_environment(const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    const auto name = entry.substr(0, entry.find('='));
    bool overridden = name == "SAFEHOLD_VAULT";
    for (const auto& x : extra) overridden = overridden || x.substr(0, x.find('=')) == name;
    if (!overridden) env.push_back(entry);
  }
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

class Child {
 public:
  // `argv[0]` is the program; `stdin_is_null` gives the child /dev/null.
  Child(const std::vector<std::string>& argv, const std::vector<std::string>& env_extra) {
    ::signal(SIGPIPE, SIG_IGN);  // a child that exits early must not kill the test
    int in[2], out[2], err[2];
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
      throw std::runtime_error("pipe");
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_adddup2(&fa, err[1], 2);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // A new session: no controlling terminal, like a script run by cron.
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const auto env = child_environment(env_extra);
    std::vector<char*> envp;
    for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    const int rc = ::posix_spawnp(&pid_, args[0], &fa, &attr, args.data(), envp.data());
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    in_ = in[1];
    out_ = out[0];
    err_ = err[0];
    if (rc != 0) throw std::runtime_error("cannot start " + argv[0]);
  }
  ~Child() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    close_fd(in_);
    close_fd(out_);
    close_fd(err_);
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // Writes to the child's stdin; false once the child stopped reading.
  bool write_stdin(std::string_view data) {
    while (!data.empty()) {
      pollfd p{in_, POLLOUT, 0};
      drain(0);
      if (::poll(&p, 1, 50) <= 0) continue;
      const auto n = ::write(in_, data.data(), data.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return false;
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }
  void close_stdin() { close_fd(in_); }
  void signal(int sig) const { ::kill(pid_, sig); }

  CliResult wait() {
    close_stdin();
    while (out_ >= 0 || err_ >= 0) drain(-1);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    result_.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result_;
  }

 private:
  static void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
  void drain(int timeout_ms) {
    pollfd p[2] = {{out_, POLLIN, 0}, {err_, POLLIN, 0}};
    if (::poll(p, 2, timeout_ms) <= 0) return;
    read_into(out_, p[0].revents, result_.out);
    read_into(err_, p[1].revents, result_.err);
  }
  static void read_into(int& fd, short revents, std::string& sink) {
    if (fd < 0 || (revents & (POLLIN | POLLHUP | POLLERR)) == 0) return;
    char buf[65536];
    const auto n = ::read(fd, buf, sizeof buf);
    if (n > 0) {
      sink.append(buf, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      close_fd(fd);
    }
  }

  pid_t pid_ = -1;
  int in_ = -1, out_ = -1, err_ = -1;
  CliResult result_;
};

// safehold-cli ARGS with `stdin_data`, to completion.
inline CliResult run_cli(const std::vector<std::string>& args, std::string_view stdin_data = {},
                         const std::vector<std::string>& env_extra = {}) {
  std::vector<std::string> argv{cli_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  Child child(argv, env_extra);
  if (!stdin_data.empty()) child.write_stdin(stdin_data);
  return child.wait();
}

// The first line of stdout, without its newline.
inline std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace safehold::test
