// Regression (issue 10, finding 8): nothing in a bundle lets a recipient test
// guesses about fields the export left out, or learn who else received the
// case. The audit excerpt used to carry, per entry, the SHA-256 of the full
// record (identifying fields included) and the counterparty of earlier exports.
#include <catch2/catch_test_macros.hpp>

#include <set>

#include "exchange_world.hpp"
#include "safehold/core/exchange/record_files.hpp"

using namespace safehold;
using namespace safehold::test;

namespace {

std::string hex_sha256(std::string_view text) { return to_hex(bundle::sha256_of(text)); }

}  // namespace

TEST_CASE("export: no digest of a full record, of a withheld field, or of another recipient in the bundle",
          "[exchange][export][regression]") {
  TwoDesks w;
  const std::string marker = "Marker Legalname Qzxvwy";
  auto& cw = w.caseworker.v();
  auto person = w.interviewee.fields;
  person["legal_name"] = {{"pinyin", marker}};  // consent store_real_identity = yes
  REQUIRE(cw.records().update(w.interviewee.id, person));

  // An earlier export of the case to another organisation.
  Desk other("Other Org Recipient");
  const auto c = ex::ContactBook(cw).add_card(bundle::as_bytes(other.card()), "Second NGO Name", "ngo").value();
  REQUIRE(ex::ContactBook(cw).verify(c.id, "qr"));
  const auto first = ex::export_bundle(cw, {{w.the_case.id}, {c.id}, true}, w.caseworker.dir / "first.age");
  REQUIRE(first);

  // The export to the NGO, without identifying fields.
  const auto file = w.caseworker.dir / "ngo.age";
  w.export_to(file, /*identifying=*/false);
  Party ngo;
  ngo.age = w.ngo.v().identity().age_identity().value();
  const auto plain_bytes = age_decrypt(read_file(file), ngo);
  const std::string plain(plain_bytes.begin(), plain_bytes.end());
  REQUIRE(plain.find("audit.jsonl") != std::string::npos);

  CHECK(plain.find(marker) == std::string::npos);
  CHECK(plain.find(hex_sha256(marker)) == std::string::npos);
  CHECK(plain.find(hex_sha256("\"" + marker + "\"")) == std::string::npos);
  // Every record that the export did not send whole (the interviewee): no
  // digest of the vault's full copy. (SHA256SUMS lists the digest of each
  // record file exactly as exported, which tells nothing new.)
  auto records = cw.records().list(w.the_case.id).value();
  records.push_back(cw.records().get(w.the_case.id).value());
  std::set<std::string> withheld;
  for (const auto& r : records) {
    if (plain.find(ex::encode_record_file(r)) != std::string::npos) continue;
    withheld.insert(r.id);
    INFO(r.entity << " " << r.id);
    CHECK(plain.find(hex_sha256(r.to_json().dump())) == std::string::npos);
    CHECK(plain.find(hex_sha256(ex::encode_record_file(r))) == std::string::npos);
    CHECK(plain.find(hex_sha256(r.fields.dump())) == std::string::npos);
  }
  CHECK(withheld.contains(w.interviewee.id));  // its legal name stayed home
  // Nor the sender's audit digests of those records, nor any chain hash
  // (computed from full records).
  const auto entries = cw.audit().for_case(w.the_case.id).value();
  for (const auto& e : entries) {
    INFO("audit entry " << e.seq << " " << e.action);
    if (withheld.contains(e.object_id)) CHECK(plain.find(to_hex(e.digest)) == std::string::npos);
    CHECK(plain.find(to_hex(e.entry_hash)) == std::string::npos);
    if (e.seq > 1) CHECK(plain.find(to_hex(e.prev_hash)) == std::string::npos);
  }
  // Nothing about the other recipient or the other bundle.
  CHECK(plain.find("Second NGO Name") == std::string::npos);
  CHECK(plain.find("Other Org Recipient") == std::string::npos);
  CHECK(plain.find(other.recipient()) == std::string::npos);
  CHECK(plain.find(c.id) == std::string::npos);
  CHECK(plain.find(first->bundle_id) == std::string::npos);
  // The excerpt still says that the case was exported before, and when.
  CHECK(plain.find("\"action\":\"bundle_exported\"") != std::string::npos);
}
