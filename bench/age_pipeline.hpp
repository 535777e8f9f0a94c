#pragma once
// Bench-only I/O pipelining: a thread that reads the input ahead and a thread
// that writes the output behind, so that file I/O overlaps with encryption on
// a second core (age itself does its I/O and crypto in one sequence). Blocks
// are SecretBuffers because they carry plaintext on one side.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "safehold/crypto/byte_io.hpp"
#include "safehold/crypto/secret.hpp"

namespace safehold::bench {

constexpr std::size_t kBlockSize = 128 * 1024;
constexpr std::size_t kBlocks = 8;

// Blocks travel producer -> consumer through `full` and back through `free`.
class BlockPipe {
 public:
  struct Block {
    crypto::SecretBuffer buf;
    std::size_t len = 0;
  };
  BlockPipe() {
    for (std::size_t i = 0; i < kBlocks; ++i) free_.push_back(Block{crypto::SecretBuffer(kBlockSize)});
  }
  Block take_free() { return take(free_); }
  Block take_full() { return take(full_); }
  void put_free(Block b) { put(free_, std::move(b)); }
  void put_full(Block b) { put(full_, std::move(b)); }

 private:
  Block take(std::deque<Block>& q) {
    std::unique_lock lock(m_);
    cv_.wait(lock, [&] { return !q.empty(); });
    Block b = std::move(q.front());
    q.pop_front();
    return b;
  }
  void put(std::deque<Block>& q, Block b) {
    {
      std::lock_guard lock(m_);
      q.push_back(std::move(b));
    }
    cv_.notify_all();
  }
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<Block> free_, full_;
};

// Reads `in` ahead on its own thread. A block of length 0 ends the input.
class PrefetchSource final : public io::ByteSource {
 public:
  explicit PrefetchSource(io::ByteSource& in) : thread_([this, &in] { run(in); }) {}
  ~PrefetchSource() override {
    while (!ended_) next_block();  // let the reader reach the end, then join
    thread_.join();
  }
  expected<std::size_t, io::IoError> read(std::span<std::uint8_t> out) override {
    auto span = next_span(out.size());
    if (!span) return unexpected(span.error());
    std::copy_n(span->data(), span->size(), out.data());
    return span->size();
  }
  // Zero-copy read: up to `max` bytes of the current block (empty at the end).
  expected<std::span<const std::uint8_t>, io::IoError> next_span(std::size_t max = kBlockSize) {
    while (pos_ == cur_.len) {
      if (ended_) {
        if (failed_) return unexpected(io::IoError::read_failed);
        return std::span<const std::uint8_t>();
      }
      next_block();
    }
    const std::size_t n = std::min(max, cur_.len - pos_);
    std::span<const std::uint8_t> s(cur_.buf.data() + pos_, n);
    pos_ += n;
    return s;
  }

 private:
  void next_block() {
    if (cur_.buf.size() != 0) pipe_.put_free(std::move(cur_));
    cur_ = pipe_.take_full();
    pos_ = 0;
    if (cur_.len == 0) ended_ = true;
  }
  void run(io::ByteSource& in) {
    for (;;) {
      BlockPipe::Block b = pipe_.take_free();
      auto n = in.read_full(b.buf.span());
      b.len = n ? *n : 0;
      if (!n) failed_ = true;
      const bool last = b.len == 0;
      pipe_.put_full(std::move(b));
      if (last) return;
    }
  }
  BlockPipe pipe_;
  BlockPipe::Block cur_;
  std::size_t pos_ = 0;
  bool ended_ = false;
  std::atomic<bool> failed_ = false;
  std::thread thread_;  // last: starts after the members it uses exist
};

// Writes to a file descriptor on its own thread; finish() flushes and joins.
class BackgroundFdSink final : public io::ByteSink {
 public:
  explicit BackgroundFdSink(int fd) : fd_(fd), thread_([this] { run(); }) { cur_ = pipe_.take_free(); }
  ~BackgroundFdSink() override { (void)finish(); }
  expected<void, io::IoError> write(std::span<const std::uint8_t> data) override {
    while (!data.empty()) {
      const std::size_t n = std::min(data.size(), kBlockSize - cur_.len);
      std::copy_n(data.data(), n, cur_.buf.data() + cur_.len);
      data = data.subspan(n);
      commit(n);
    }
    return failed_ ? expected<void, io::IoError>(unexpected(io::IoError::write_failed))
                   : expected<void, io::IoError>();
  }
  // Zero-copy write: fill free_space(), then commit() what was written.
  std::span<std::uint8_t> free_space() { return cur_.buf.span().subspan(cur_.len); }
  void commit(std::size_t n) {
    cur_.len += n;
    if (cur_.len == kBlockSize) {
      pipe_.put_full(std::move(cur_));
      cur_ = pipe_.take_free();
    }
  }
  expected<void, io::IoError> finish() {
    if (!finished_) {
      finished_ = true;
      if (cur_.len > 0) pipe_.put_full(std::move(cur_));
      pipe_.put_full(BlockPipe::Block{crypto::SecretBuffer(1), 0});  // end marker
      thread_.join();
    }
    return failed_ ? expected<void, io::IoError>(unexpected(io::IoError::write_failed))
                   : expected<void, io::IoError>();
  }

 private:
  void run() {
    for (;;) {
      BlockPipe::Block b = pipe_.take_full();
      if (b.len == 0) return;
      const std::uint8_t* p = b.buf.data();
      std::size_t left = b.len;
      while (left > 0 && !failed_) {
        const ssize_t n = ::write(fd_, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) failed_ = true;
        else p += n, left -= static_cast<std::size_t>(n);
      }
      b.len = 0;
      pipe_.put_free(std::move(b));
    }
  }
  int fd_;
  BlockPipe pipe_;
  BlockPipe::Block cur_;
  std::atomic<bool> failed_ = false;
  bool finished_ = false;
  std::thread thread_;  // last: starts after the members it uses exist
};

}  // namespace safehold::bench
