// write_bundle_tar: the leading three entries, then every file streamed and
// hashed again against its declared size and SHA-256.
#include <vector>

#include "safehold/core/bundle/bundle_writer.hpp"
#include "safehold/core/bundle/paths.hpp"
#include "safehold/core/bundle/tar_writer.hpp"

namespace safehold::core::bundle {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

Result<void> put_text(TarWriter& tar, std::string_view path, std::string_view text) {
  if (auto r = tar.begin_entry(path, text.size()); !r) return r;
  if (auto r = tar.write(as_bytes(text)); !r) return r;
  return tar.end_entry();
}

// A failing source while sealing: a damaged stored file is a mismatch with
// what was recorded, anything else a read failure.
BundleFailure source_failure(base::IoError e, const std::string& path) {
  switch (e) {
    case base::IoError::corrupt:
    case base::IoError::truncated:
      return {BundleError::source_mismatch, path};
    case base::IoError::cancelled:
      return {BundleError::cancelled, {}};
    default:
      return {BundleError::read_failed, path};
  }
}

class FileStreamer {
 public:
  FileStreamer(TarWriter& tar, const ProgressFn& progress, std::uint64_t total)
      : tar_(tar), progress_(progress), total_(total), buffer_(kChunk) {}

  Result<void> put(const OutgoingFile& f) {
    auto source = f.open();
    if (!source) return unexpected(source.error());
    if (!*source) return fail(BundleError::read_failed, f.path);
    if (auto r = tar_.begin_entry(f.path, f.size); !r) return r;
    Sha256 hash;
    std::uint64_t seen = 0;
    for (;;) {
      auto n = (*source)->read(buffer_);
      if (!n) return unexpected(source_failure(n.error(), f.path));
      if (*n == 0) break;
      if (*n > f.size - seen) return fail(BundleError::source_mismatch, f.path);
      const std::span<const std::uint8_t> piece(buffer_.data(), *n);
      hash.update(piece);
      if (auto r = tar_.write(piece); !r) return r;
      seen += *n;
      done_ += *n;
      if (progress_ && !progress_(done_, total_)) return fail(BundleError::cancelled);
    }
    if (seen != f.size || !digests_equal(hash.finish(), f.sha256)) {
      return fail(BundleError::source_mismatch, f.path);
    }
    return tar_.end_entry();
  }

 private:
  TarWriter& tar_;
  const ProgressFn& progress_;
  std::uint64_t total_;
  std::uint64_t done_ = 0;
  std::vector<std::uint8_t> buffer_;
};

}  // namespace

Result<void> write_bundle_tar(const PreparedBundle& b, base::ByteSink& out,
                              const ProgressFn& progress) {
  TarWriter tar(out, b.manifest.created);
  if (auto r = put_text(tar, kManifestPath, b.manifest_text); !r) return r;
  if (auto r = put_text(tar, kSumsPath, b.sums_text); !r) return r;
  if (auto r = put_text(tar, kSignaturePath, b.signature_text); !r) return r;
  std::uint64_t total = 0;
  for (const auto& f : b.files) total += f.size;
  if (progress && !progress(0, total)) return fail(BundleError::cancelled);
  FileStreamer streamer(tar, progress, total);
  for (const auto& f : b.files) {
    if (auto r = streamer.put(f); !r) return r;
  }
  return tar.finish();
}

}  // namespace safehold::core::bundle
