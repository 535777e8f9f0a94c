#include "passphrase_input.hpp"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>

#include "failure.hpp"
#include "interrupt.hpp"

namespace safehold::cli {
namespace {

// Closes a descriptor we opened (never stdin).
struct FdCloser {
  int fd = -1;
  bool owned = false;
  ~FdCloser() {
    if (owned && fd >= 0) ::close(fd);
  }
};

expected<crypto::SecretBuffer, Failure> refuse_empty(crypto::SecretBuffer secret) {
  if (secret.empty()) return fail(ExitCode::usage, "the passphrase is empty");
  return secret;
}

void write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const auto n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

// Reads one line from the terminal into `out` (without the LF).
expected<std::size_t, Failure> read_line(int fd, crypto::SecretBuffer& out) {
  std::size_t len = 0;
  for (;;) {
    if (!wait_readable(fd)) return fail(ExitCode::interrupted, "interrupted");
    std::uint8_t byte = 0;
    const auto n = ::read(fd, &byte, 1);
    if (n < 0 && errno == EINTR) {
      if (interrupt_requested()) return fail(ExitCode::interrupted, "interrupted");
      continue;
    }
    if (n < 0) return fail(ExitCode::io, "cannot read the passphrase from the terminal");
    if (n == 0 || byte == '\n') return len;
    if (len == out.size()) return fail(ExitCode::usage, "the passphrase is too long");
    out.data()[len++] = byte;
  }
}

}  // namespace

expected<crypto::SecretBuffer, Failure> read_passphrase_file(const std::string& file) {
  FdCloser in;
  if (file == "-") {
    in.fd = STDIN_FILENO;
  } else {
    in.fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    in.owned = true;
    if (in.fd < 0) return unexpected(open_failure(file, errno));
  }
  // Room for the longest passphrase, CRLF, and one byte to detect overlong input.
  crypto::SecretBuffer buf(kMaxPassphraseBytes + 3);
  std::size_t len = 0;
  for (;;) {
    if (len == buf.size()) return fail(ExitCode::usage, typed_path(file) + ": longer than a passphrase may be");
    const auto n = ::read(in.fd, buf.data() + len, buf.size() - len);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(ExitCode::io, typed_path(file) + ": cannot read");
    if (n == 0) break;
    len += static_cast<std::size_t>(n);
  }
  if (len >= 1 && buf.data()[len - 1] == '\n') {
    --len;
    if (len >= 1 && buf.data()[len - 1] == '\r') --len;
  }
  if (len > kMaxPassphraseBytes) return fail(ExitCode::usage, typed_path(file) + ": longer than a passphrase may be");
  buf.truncate(len);
  return refuse_empty(std::move(buf));
}

expected<crypto::SecretBuffer, Failure> prompt_passphrase(std::string_view prompt) {
  FdCloser tty;
  tty.fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
  tty.owned = true;
  termios saved{};
  if (tty.fd < 0 || ::tcgetattr(tty.fd, &saved) != 0) {
    return fail(ExitCode::usage, "no terminal to ask for the passphrase; use --passphrase-file FILE");
  }
  InterruptScope interrupts;
  // Echo off first (dropping anything typed ahead), then the prompt: what is
  // typed after the prompt appears is never echoed and never lost.
  termios quiet = saved;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  quiet.c_lflag |= ECHONL;
  if (::tcsetattr(tty.fd, TCSAFLUSH, &quiet) != 0) {
    return fail(ExitCode::io, "cannot switch off terminal echo");
  }
  write_all(tty.fd, prompt);
  crypto::SecretBuffer buf(kMaxPassphraseBytes);
  auto len = read_line(tty.fd, buf);
  ::tcsetattr(tty.fd, TCSANOW, &saved);
  if (!len) {
    write_all(tty.fd, "\n");
    return unexpected(len.error());
  }
  if (len.value() >= 1 && buf.data()[len.value() - 1] == '\r') --len.value();
  buf.truncate(len.value());
  return refuse_empty(std::move(buf));
}

expected<crypto::SecretBuffer, Failure> prompt_new_passphrase() {
  auto first = prompt_passphrase("New passphrase: ");
  if (!first) return first;
  auto second = prompt_passphrase("Repeat the new passphrase: ");
  if (!second) return second;
  if (!crypto::equal_constant_time(first->span(), second->span())) {
    return fail(ExitCode::usage, "the two passphrases differ");
  }
  return first;
}

}  // namespace safehold::cli
