#include "safehold/core/bundle/sha256sums.hpp"

#include <catch2/catch_test_macros.hpp>

#include "bundle_fixtures.hpp"
#include "safehold/core/bundle/trusted_comment.hpp"
#include "test_util.hpp"

using namespace safehold::core::bundle;
using safehold::test::quote;
using safehold::test::run_output;

TEST_CASE("SHA256SUMS: our text is what sha256sum prints for the same files",
          "[bundle][sums][interop]") {
  safehold::test::TempDir dir;
  Manifest m = safehold::test::sample_manifest(5);
  const std::string manifest_text = encode_manifest(m);
  std::string args = "manifest.json";
  std::filesystem::create_directories(dir / "attachments");
  for (auto& f : m.files) {
    const auto bytes = safehold::test::pseudo_random_bytes(f.size, static_cast<unsigned>(f.size));
    std::filesystem::create_directories((dir / f.path).parent_path());
    safehold::test::write_file(dir / f.path, bytes);
    f.sha256 = sha256_of(bytes);
    args += " " + f.path;
  }
  safehold::test::write_file(dir / "manifest.json", as_bytes(manifest_text));
  const std::string ours = format_sums(sha256_of(manifest_text), m);
  CHECK(ours == run_output("cd " + quote(dir.path()) + " && sha256sum " + args));

  const auto parsed = parse_sums(as_bytes(ours));
  REQUIRE(parsed);
  REQUIRE(parsed->size() == m.files.size() + 1);
  CHECK((*parsed)[0].path == "manifest.json");
  CHECK(check_sums_match_files(*parsed, m));
}

TEST_CASE("SHA256SUMS: exactly one format is accepted", "[bundle][sums]") {
  const Manifest m = safehold::test::sample_manifest(2);
  const std::string good = format_sums(sha256_of("x"), m);
  REQUIRE(parse_sums(as_bytes(good)));
  auto error_of = [](const std::string& text) {
    const auto r = parse_sums(as_bytes(text));
    REQUIRE_FALSE(r);
    return r.error().code;
  };
  std::string t;
  t = good;
  t.pop_back();
  CHECK(error_of(t) == BundleError::malformed_sums);  // no final LF
  t = good;
  t.insert(t.find('\n'), "\r");
  CHECK(error_of(t) == BundleError::malformed_sums);  // CR
  t = good;
  t[65] = '*';
  CHECK(error_of(t) == BundleError::malformed_sums);  // binary marker
  t = good;
  t.erase(64, 1);
  CHECK(error_of(t) == BundleError::malformed_sums);  // one space
  t = good;
  t[0] = 'A';
  CHECK(error_of(t) == BundleError::malformed_sums);  // uppercase hex
  t = good + "\n";
  CHECK(error_of(t) == BundleError::malformed_sums);  // empty line
  t = good.substr(good.find('\n') + 1);
  CHECK(error_of(t) == BundleError::malformed_sums);  // manifest not first
  t = good;
  t.insert(t.find('\n'), "x");
  CHECK(error_of(t) == BundleError::malformed_sums);  // other first name
  t = good + std::string(64, '0') + "  ../etc/passwd\n";
  CHECK(error_of(t) == BundleError::malformed_sums);  // unsafe path
  t = "\\" + good;
  CHECK(error_of(t) == BundleError::malformed_sums);  // escaped name
  CHECK(error_of("") == BundleError::malformed_sums);
}

TEST_CASE("SHA256SUMS: disagreement with the manifest is its own kind", "[bundle][sums]") {
  const Manifest m = safehold::test::sample_manifest(3);
  auto lines = parse_sums(as_bytes(format_sums(sha256_of("x"), m)));
  REQUIRE(lines);
  auto kind = [&](std::vector<SumsLine> l) {
    const auto r = check_sums_match_files(l, m);
    REQUIRE_FALSE(r);
    return r.error().code;
  };
  auto changed_hash = *lines;
  changed_hash[2].sha256[5] ^= 1;
  CHECK(kind(changed_hash) == BundleError::manifest_sums_mismatch);
  auto dropped = *lines;
  dropped.pop_back();
  CHECK(kind(dropped) == BundleError::manifest_sums_mismatch);
  auto swapped = *lines;
  std::swap(swapped[1], swapped[2]);
  CHECK(kind(swapped) == BundleError::manifest_sums_mismatch);
}

TEST_CASE("trusted comment: digest is what printf | sha256sum gives",
          "[bundle][comment][interop]") {
  const Manifest m = safehold::test::sample_manifest();
  const std::string theirs = run_output("printf '%s\\n' " + m.recipients[0] + " " +
                                        m.recipients[1] + " | sha256sum | cut -d' ' -f1");
  CHECK(to_hex(recipients_digest(m.recipients)) + "\n" == theirs);
  const std::string comment = build_trusted_comment(m);
  CHECK(comment == "safehold-bundle v1 id=" + m.bundle_id + " recipients=" + theirs.substr(0, 64));
  CHECK(trusted_comment_matches(comment, m));
  CHECK_FALSE(trusted_comment_matches(comment + " ", m));
  CHECK_FALSE(trusted_comment_matches("timestamp:1 file:SHA256SUMS", m));
  Manifest other = m;
  other.recipients.pop_back();
  CHECK_FALSE(trusted_comment_matches(comment, other));
  other = m;
  other.bundle_id = random_uuid4();
  CHECK_FALSE(trusted_comment_matches(comment, other));
}
