#pragma once
// Builders shared by the bundle tests: valid manifests, ids, tar archives
// made with the real `tar`, and running stock tools.
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "safehold/core/bundle/manifest.hpp"
#include "safehold/core/bundle/paths.hpp"
#include "safehold/core/bundle/text_formats.hpp"
#include "safehold/crypto/age/x25519.hpp"
#include "safehold/crypto/minisign.hpp"

namespace safehold::test {

namespace bundle = safehold::core::bundle;

// A fresh, real age recipient ("age1…").
inline std::string new_age_recipient() {
  return age::X25519Identity::generate().recipient().encode();
}

inline bundle::Manifest sample_manifest(std::size_t files = 3) {
  bundle::Manifest m;
  m.bundle_id = bundle::random_uuid4();
  m.created = 1795881600;  // 2026-11-28T16:00:00Z
  m.app_version = "0.1.0";
  m.sender.name = "Caseworker 林";
  const auto key = crypto::minisign::SecretKey::generate().public_key();
  m.sender.minisign_public_key = key.key_line();
  m.sender.minisign_key_id = crypto::minisign::key_id_hex(key.key_id());
  m.sender.age_recipient = new_age_recipient();
  m.recipients = {new_age_recipient(), new_age_recipient()};
  std::sort(m.recipients.begin(), m.recipients.end());
  std::string case_id = bundle::random_uuid4();
  m.cases = {case_id};
  std::vector<bundle::ManifestFile> out;
  for (std::size_t i = 0; i < files; ++i) {
    bundle::ManifestFile f;
    if (i % 3 == 0) f.path = "cases/" + case_id + "/" + bundle::random_uuid4() + ".json";
    if (i % 3 == 1) f.path = "attachments/" + bundle::random_uuid4();
    if (i % 3 == 2) f.path = "audit/" + case_id + "/log-" + std::to_string(i) + ".jsonl";
    f.size = i * 100;
    f.sha256[0] = static_cast<std::uint8_t>(i);
    out.push_back(f);
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return bundle::canonical_less(a.path, b.path); });
  m.files = std::move(out);
  return m;
}

// Runs a shell command; returns its exit status.
inline int run(const std::string& command) {
  const int rc = std::system(command.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

// Runs a shell command and returns its standard output.
inline std::string run_output(const std::string& command) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (p == nullptr) return out;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  ::pclose(p);
  return out;
}

inline std::string quote(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

}  // namespace safehold::test
