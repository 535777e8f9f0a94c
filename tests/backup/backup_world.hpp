#pragma once
// A vault worth backing up, for the backup tests and benchmark: cases in
// English and Chinese, interviewees and consent, attachments (empty, small,
// large), contacts, and a long audit trail. Every text holds a marker that
// must never appear in a backup file. `Contents` is what must survive a
// backup, wipe and restore unchanged.
#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "safehold/crypto/sha256.hpp"
#include "folder_snapshot.hpp"  // names_in
#include "safehold/storage/vault.hpp"
#include "storage_samples.hpp"
#include "vault_test_support.hpp"

namespace safehold::test {

inline const std::vector<std::string>& backup_markers() {
  static const std::vector<std::string> m = {"MARKER-EN-Kestrel", "护照被没收MARKER", "MARKER-ATTACH-PLAIN",
                                             "MARKER-CONTACT-Lin", "MARKER-ORG-Harbour", "MARKER-EVIDENCE-desc"};
  return m;
}

// A source of `size` pseudo-random bytes without holding them in memory.
class PatternSource final : public base::ByteSource {
 public:
  explicit PatternSource(std::uint64_t size) : left_(size) {}
  expected<std::size_t, base::IoError> read(std::span<std::uint8_t> out) override {
    const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(out.size(), left_));
    for (std::size_t i = 0; i < n; ++i) {
      state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
      out[i] = static_cast<std::uint8_t>(state_ >> 56);
    }
    left_ -= n;
    return n;
  }

 private:
  std::uint64_t left_;
  std::uint64_t state_ = 42;
};

inline void fill_backup_world(storage::Vault& v, std::uint64_t big_attachment, int audit_updates = 150) {
  auto& m = backup_markers();
  auto en = v.records().create("case", "", case_fields(m[0] + " testimony")).value();
  auto zh = v.records().create("case", "", case_fields(m[1] + "（喀什）")).value();
  for (const auto* kase : {&en, &zh}) {
    auto person = v.records().create("person", kase->id, interviewee_fields("Crane")).value();
    (void)v.records().create("consent", kase->id, consent_fields(person.id, {"be_interviewed"})).value();
  }
  auto add = [&](const storage::Record& kase, base::ByteSource& content) {
    auto ev = v.records().create("evidence_item", kase.id, evidence_fields(m[5])).value();
    auto a = v.attachments().import(ev.id, content);
    if (!a) throw std::runtime_error("import: " + a.error().describe());
  };
  base::SpanSource empty({});
  add(en, empty);
  const std::string small = m[2] + " the officer said 他们没收了护照 " + std::string(70000, 'x');
  base::SpanSource small_src(as_bytes(small));
  add(zh, small_src);
  if (big_attachment > 0) {
    PatternSource big(big_attachment);
    add(en, big);
  }
  (void)v.records().create("contact", "", contact_fields(m[3], m[4])).value();
  (void)v.records().create("contact", "", contact_fields("联系人 王", "人权组织")).value();
  for (int i = 0; i < audit_updates; ++i) {
    auto f = case_fields(m[0] + " update " + std::to_string(i));
    (void)v.records().update(en.id, f).value();
  }
}

// Everything a restore must bring back, in comparable form.
struct Contents {
  std::vector<std::string> records;                     // JSON of every record
  std::map<std::string, std::string> attachment_sha;    // id -> sha256 hex of the plaintext read back
  std::vector<std::string> audit;                       // entry hashes in order
  std::string identity;                                 // public keys
  std::string owner;
  bool operator==(const Contents&) const = default;
};

inline std::string sha_of(storage::AttachmentReader& r) {
  crypto::Sha256 h;
  std::vector<std::uint8_t> buf(1 << 16);
  for (;;) {
    auto n = r.read(buf);
    if (!n) throw std::runtime_error("attachment read failed");
    if (*n == 0) break;
    h.update(std::span<const std::uint8_t>(buf).first(*n));
  }
  const auto d = h.finish();
  return to_hex(d);
}

// Entry hashes of the whole audit trail, in order. (Lists are held in a
// local: a range-for over .value() of a temporary would dangle.)
inline std::vector<std::string> audit_hashes(storage::Vault& v) {
  std::vector<std::string> out;
  const auto entries = v.audit().page(0, 1000000).value();
  for (const auto& e : entries) out.push_back(to_hex(e.entry_hash));
  return out;
}

// Reads the audit trail before the attachments (reading one is audited).
inline Contents contents_of(storage::Vault& v) {
  Contents c;
  c.audit = audit_hashes(v);
  for (const char* entity : {"case", "person", "consent", "evidence_item", "contact"}) {
    const auto records = v.records().list_entity(entity).value();
    for (const auto& r : records) c.records.push_back(r.to_json().dump());
  }
  const auto evidence = v.records().list_entity("evidence_item").value();
  for (const auto& r : evidence) {
    auto info = v.attachments().for_evidence(r.id).value();
    if (!info) continue;
    auto reader = v.attachments().get(info->id).value();
    c.attachment_sha[info->id] = sha_of(*reader);
  }
  const auto id = v.identity().info().value();
  c.identity = id.age_recipient + "|" + id.minisign_public_key;
  c.owner = v.owner_name();
  return c;
}

}  // namespace safehold::test
