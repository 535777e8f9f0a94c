// write_signed_temporaries and publish (signed_file.hpp).
#include "signed_file.hpp"

#include <system_error>

namespace safehold::report::detail {
namespace {

// Passes the bytes to the temporary file while hashing them for the
// signature (BLAKE2b-512 prehash) and the audit entry (SHA-256), in one
// stream.
class TeeSink final : public base::ByteSink {
 public:
  explicit TeeSink(base::ByteSink& file) : file_(file) {}
  [[nodiscard]] expected<void, base::IoError> write(std::span<const std::uint8_t> data) override {
    if (auto w = file_.write(data); !w) return w;
    if (auto w = prehash_.write(data); !w) return w;
    sha_.update(data);
    bytes_ += data.size();
    return {};
  }
  crypto::minisign::Prehash prehash() { return prehash_.finish(); }
  crypto::Sha256Digest sha256() { return sha_.finish(); }
  std::uint64_t bytes() const noexcept { return bytes_; }

 private:
  base::ByteSink& file_;
  crypto::minisign::Prehasher prehash_;
  crypto::Sha256 sha_;
  std::uint64_t bytes_ = 0;
};

}  // namespace

ReportFailure file_failure(base::FileError e, const std::filesystem::path& path) {
  if (e == base::FileError::exists) return {ReportError::exists, path.string() + " already exists"};
  return {ReportError::file_failed, std::string(base::describe(e)) + ": " + path.string()};
}

ReportResult<void> check_destination_free(const std::filesystem::path& destination) {
  const std::filesystem::path sig_path = destination.string() + ".minisig";
  std::error_code ec;
  for (const auto& p : {destination, sig_path}) {
    // A path that cannot be looked at (too long, a symlink loop) is not one
    // that exists: say what is wrong with it.
    // (libstdc++ sets `ec` for a path that does not exist too.)
    const auto type = std::filesystem::symlink_status(p, ec).type();
    if (type == std::filesystem::file_type::not_found) continue;
    if (type == std::filesystem::file_type::none) {
      return report_fail(ReportError::file_failed, ec.message() + ": " + p.string());
    }
    return report_fail(ReportError::exists, p.string() + " already exists");
  }
  return {};
}

ReportResult<SignedTemporaries> write_signed_temporaries(
    const std::filesystem::path& destination, const crypto::minisign::SecretKey& key, const std::string& trusted,
    const std::string& untrusted, const std::function<ReportResult<void>(base::ByteSink&)>& produce) {
  const std::filesystem::path sig_path = destination.string() + ".minisig";
  auto file = base::AtomicFileWriter::create(destination, 0600, base::Publish::no_replace);
  if (!file) return unexpected(file_failure(file.error(), destination));
  TeeSink tee(*file);
  if (auto p = produce(tee); !p) return unexpected(p.error());
  auto signature = crypto::minisign::sign_prehashed(key, tee.prehash(), trusted, untrusted);
  if (!signature) return report_fail(ReportError::signing_failed, crypto::minisign::describe(signature.error()));
  const std::string sig_text = signature->text();
  auto sig_file = base::AtomicFileWriter::create(sig_path, 0600, base::Publish::no_replace);
  if (!sig_file) return unexpected(file_failure(sig_file.error(), sig_path));
  if (auto w = sig_file->write({reinterpret_cast<const std::uint8_t*>(sig_text.data()), sig_text.size()}); !w) {
    return report_fail(ReportError::file_failed, std::string(base::describe(w.error())) + ": " + sig_path.string());
  }
  return SignedTemporaries{destination, sig_path, std::move(*file), std::move(*sig_file), tee.sha256(), tee.bytes()};
}

ReportResult<void> publish(SignedTemporaries& t) {
  if (auto c = t.signature.commit(); !c) return unexpected(file_failure(c.error(), t.signature_path));
  if (auto c = t.file.commit(); !c) {
    std::error_code ec;
    std::filesystem::remove(t.signature_path, ec);
    return unexpected(file_failure(c.error(), t.destination));
  }
  return {};
}

}  // namespace safehold::report::detail
