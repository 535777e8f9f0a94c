#pragma once
// Internal: the one writer of everything the report module hands out (the
// report PDF, data export files): FILE and FILE.minisig written to
// temporaries beside the destination while the bytes are hashed in the same
// stream, signed with the vault's minisign key, then published without
// replacing anything, the signature first so FILE never appears without it.
// Until publish(), dropping a SignedTemporaries removes both temporaries.
#include <filesystem>
#include <functional>
#include <string>

#include "safehold/base/file_io.hpp"
#include "safehold/crypto/minisign.hpp"
#include "safehold/crypto/sha256.hpp"
#include "safehold/report/error.hpp"

namespace safehold::report::detail {

struct SignedTemporaries {
  std::filesystem::path destination;
  std::filesystem::path signature_path;  // destination + ".minisig"
  base::AtomicFileWriter file;
  base::AtomicFileWriter signature;
  crypto::Sha256Digest sha256{};
  std::uint64_t bytes = 0;
};

// Refuses (ReportError::exists) when `destination` or its .minisig exists,
// and says what is wrong with a path that cannot be looked at.
[[nodiscard]] ReportResult<void> check_destination_free(const std::filesystem::path& destination);

// Writes what `produce` sends to its sink into a temporary (mode 0600) beside
// `destination`, and its signature (trusted comment `trusted`) beside it.
[[nodiscard]] ReportResult<SignedTemporaries> write_signed_temporaries(
    const std::filesystem::path& destination, const crypto::minisign::SecretKey& key, const std::string& trusted,
    const std::string& untrusted, const std::function<ReportResult<void>(base::ByteSink&)>& produce);

// Signature first, then the file; if the file cannot be published the
// signature is removed again.
[[nodiscard]] ReportResult<void> publish(SignedTemporaries& t);

ReportFailure file_failure(base::FileError e, const std::filesystem::path& path);

}  // namespace safehold::report::detail
