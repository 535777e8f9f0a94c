#include "safehold/appmodel/demo_exchange.hpp"

#include "safehold/appmodel/demo_data.hpp"
#include "safehold/core/exchange/contacts.hpp"
#include "safehold/core/exchange/export.hpp"
#include "safehold/crypto/age/x25519.hpp"
#include "safehold/base/byte_io.hpp"
#include "safehold/crypto/minisign.hpp"
#include "safehold/storage/vault.hpp"

namespace safehold::appmodel {

namespace ex = core::exchange;

namespace {

constexpr const char* kClinic = "Sample Legal Clinic (fictional)";
constexpr const char* kLawyer = "Sample Lawyer (fictional)";

unexpected<std::string> fail(const char* step, const std::string& detail) {
  return unexpected(std::string("demo exchange: ") + step + ": " + detail);
}

}  // namespace

std::filesystem::path demo_bundle_path(const std::filesystem::path& folder) {
  return folder / "from-sample-legal-clinic.age";
}

expected<void, std::string> seed_demo_exchange(storage::Vault& vault, const std::filesystem::path& folder) {
  // The clinic's vault is opened by nobody: its passphrase is 256 random bits
  // that are never kept, so the lowest Argon2id cost protects it as well as
  // any (the cost only matters for guessable passphrases).
  auto pass = crypto::SecretBuffer::random(32);
  auto clinic = storage::Vault::create(folder / "sample-clinic-vault", pass,
                                       {.owner_name = kClinic, .kdf = storage::KdfParams::insecure_for_tests()});
  if (!clinic) return fail("clinic vault", clinic.error().describe());
  if (auto s = seed_demo_cases(*clinic, {.cases = 1, .rich = true}); !s) return fail("clinic case", s.error().describe());

  auto own = ex::own_identity(vault);
  auto clinic_own = ex::own_identity(*clinic);
  if (!own) return fail("identity", own.error().describe());
  if (!clinic_own) return fail("clinic identity", clinic_own.error().describe());

  // Each side holds the other as a verified contact (compared in person).
  ex::ContactBook mine(vault);
  auto c = mine.add({kClinic, clinic_own->info.age_recipient, clinic_own->info.minisign_public_key,
                     "Fictional NGO", "ngo", "Fictional contact for the demo."});
  if (!c) return fail("contact", c.error().describe());
  if (auto v = mine.verify(c->id, "in_person"); !v) return fail("verify", v.error().describe());
  ex::ContactBook theirs(*clinic);
  auto me = theirs.add({own->info.name, own->info.age_recipient, own->info.minisign_public_key, {}, "ngo", {}});
  if (!me) return fail("clinic contact", me.error().describe());
  if (auto v = theirs.verify(me->id, "in_person"); !v) return fail("clinic verify", v.error().describe());

  // A lawyer whose card was added but whose fingerprint was not compared yet.
  const auto age = age::X25519Identity::generate();
  const auto sign = crypto::minisign::SecretKey::generate();
  auto l = mine.add({kLawyer, age.recipient().encode(), sign.public_key().key_line(), {}, "lawyer", {}});
  if (!l) return fail("lawyer", l.error().describe());

  auto cases = clinic->cases().list({});
  if (!cases || cases->empty()) return fail("clinic case list", "empty");
  // A fictional note as the case's evidence, so the bundle carries a file
  // and its chain of custody.
  const std::string_view note = "Fictional sample evidence for the Safehold demo. No real person or event.\n";
  auto ev = clinic->records().create("evidence_item", cases->front().case_id,
                                     {{"kind", "letter"}, {"acquisition", "electronic_copy"},
                                      {"acquired_at", "2026-01-15T10:30:00Z"}, {"media_type", "text/plain"},
                                      {"description", "Fictional sample note"}});
  if (!ev) return fail("clinic evidence", ev.error().describe());
  base::SpanSource content({reinterpret_cast<const std::uint8_t*>(note.data()), note.size()});
  if (auto a = clinic->attachments().import(ev->id, content, note.size()); !a) {
    return fail("clinic evidence file", a.error().describe());
  }
  auto sent = ex::export_bundle(*clinic, {{cases->front().case_id}, {me->id}, false}, demo_bundle_path(folder));
  if (!sent) return fail("bundle", sent.error().describe());
  return {};
}

}  // namespace safehold::appmodel
