// Export from a caseworker's vault, import into an NGO's: every record and
// attachment arrives byte-identical with its id, provenance and custody
// events; identifying fields stay home unless asked for and allowed; a second
// import changes nothing and says so.
#include <catch2/catch_test_macros.hpp>

#include "exchange_world.hpp"

using namespace safehold;
using namespace safehold::test;

namespace {

std::vector<std::uint8_t> plaintext_of(storage::Vault& v, const std::string& evidence_id) {
  const auto info = v.attachments().for_evidence(evidence_id).value();
  REQUIRE(info.has_value());
  auto reader = v.attachments().get(info->id).value();
  std::vector<std::uint8_t> out, buf(65536);
  for (;;) {
    auto n = reader->read(buf);
    REQUIRE(n);
    if (*n == 0) break;
    out.insert(out.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(*n));
  }
  return out;
}

std::vector<storage::Record> custody(storage::Vault& v, const std::string& case_id, const std::string& action) {
  std::vector<storage::Record> out;
  auto all = v.records().list(case_id, "custody_event").value();
  for (auto& r : all) {
    if (r.fields.value("action", "") == action) out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

TEST_CASE("exchange: caseworker to NGO, every record and attachment byte-identical", "[exchange][roundtrip]") {
  TwoDesks w;
  // What the bundle carries: the case as it is when sealed.
  std::vector<storage::Record> sent = {w.caseworker.v().records().get(w.the_case.id).value()};
  auto rest = w.caseworker.v().records().list(w.the_case.id).value();
  for (auto& r : rest) sent.push_back(std::move(r));
  REQUIRE(sent.size() >= 6);

  const auto file = w.caseworker.dir / "case.age";
  const auto exported = w.export_to(file);
  CHECK(std::filesystem::exists(file));
  CHECK(exported.records == sent.size());
  CHECK(exported.attachments == 2);
  CHECK(exported.bytes == std::filesystem::file_size(file));
  // Nothing but the bundle itself was left beside it (no temporary).
  CHECK(std::distance(std::filesystem::directory_iterator(w.caseworker.dir.path()),
                      std::filesystem::directory_iterator()) == 3);  // vault, passphrase, case.age

  const auto verified = ex::verify_bundle(w.ngo.v(), file);
  REQUIRE(verified);
  CHECK(verified->bundle_id == exported.bundle_id);
  CHECK(verified->sender.contact_id == w.caseworker_at_ngo);
  CHECK_FALSE(verified->already_imported);

  const auto imported = ex::import_bundle(w.ngo.v(), file);
  INFO((imported ? "" : imported.error().describe()));
  REQUIRE(imported);
  CHECK_FALSE(imported->already_imported);
  CHECK(imported->records_written == sent.size());
  CHECK(imported->attachments == 2);

  auto& ngo = w.ngo.v();
  const auto signer_key = w.caseworker.v().identity().info().value().minisign_public_key;
  for (const auto& r : sent) {
    INFO(r.entity << " " << r.id);
    const auto got = ngo.records().get(r.id);
    REQUIRE(got);
    CHECK(got->to_json().dump() == r.to_json().dump());  // same id, times, fields
    const auto found = ngo.bundles().provenance(r.id);
    INFO((found ? "" : found.error().describe()));
    REQUIRE(found);
    const auto& prov = *found;
    REQUIRE(prov.has_value());
    CHECK(prov->bundle.bundle_id == exported.bundle_id);
    CHECK(prov->first_bundle_id == exported.bundle_id);
    CHECK(prov->bundle.signer_key == signer_key);
    CHECK(prov->bundle.sender_contact_id == w.caseworker_at_ngo);
    CHECK(prov->bundle.sender_name == "Caseworker Lin");
    CHECK_FALSE(prov->bundle.unverified);
    CHECK_FALSE(prov->bundle.imported_at.empty());
  }
  CHECK(plaintext_of(ngo, w.evidence.id) == w.attachment);
  CHECK(plaintext_of(ngo, w.empty_evidence.id).empty());

  // Custody: "transferred" at the sender, "received" at the receiver, one per attachment.
  CHECK(custody(w.caseworker.v(), w.the_case.id, "transferred").size() == 2);
  const auto received = custody(ngo, w.the_case.id, "received");
  REQUIRE(received.size() == 2);
  for (const auto& c : received) {
    CHECK(c.fields.value("note", "").find(exported.bundle_id) != std::string::npos);
  }
  // Audit: the exported and imported case, both chains intact.
  const auto sent_to = w.caseworker.v().consent().sent_to(w.the_case.id).value();
  REQUIRE(sent_to.size() == 1);
  CHECK(sent_to[0].contact_id == w.ngo_at_caseworker);
  CHECK(sent_to[0].reference == exported.bundle_id);
  bool imported_entry = false;
  const auto case_audit = ngo.audit().for_case(w.the_case.id).value();
  for (const auto& e : case_audit) {
    imported_entry = imported_entry || (e.action == "bundle_imported" && e.reference == exported.bundle_id);
  }
  CHECK(imported_entry);
  CHECK(ngo.audit().verify().value().intact);
  CHECK(w.caseworker.v().audit().verify().value().intact);
  CHECK(ngo.bundles().audit_excerpts(w.the_case.id).value().size() == 1);
  CHECK(ngo.check_integrity().value().ok());
}

TEST_CASE("exchange: importing the same bundle again changes nothing and says so", "[exchange][roundtrip]") {
  TwoDesks w;
  const auto file = w.caseworker.dir / "case.age";
  const auto exported = w.export_to(file);
  REQUIRE(ex::import_bundle(w.ngo.v(), file));
  const auto before = snapshot(w.ngo);
  const auto again = ex::import_bundle(w.ngo.v(), file);
  REQUIRE(again);
  CHECK(again->already_imported);
  CHECK(again->records_written == 0);
  CHECK(snapshot(w.ngo) == before);
  const auto report = ex::verify_bundle(w.ngo.v(), file);
  REQUIRE(report);
  CHECK(report->already_imported);
  CHECK_FALSE(report->imported_at.empty());

  // And through the CLI: exit 0, the message says nothing changed.
  const auto r = w.ngo.cli({"import", file.string()});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("already imported") != std::string::npos);
  CHECK(r.err.find("nothing changed") != std::string::npos);
  CHECK(snapshot(w.ngo) == before);
}

TEST_CASE("exchange: identifying fields stay home unless asked for and allowed", "[exchange][identifying]") {
  TwoDesks w;
  const auto file = w.caseworker.dir / "plain.age";
  w.export_to(file, false);
  REQUIRE(ex::import_bundle(w.ngo.v(), file));
  const auto at_home = w.caseworker.v().records().get(w.evidence.id).value();
  const auto arrived = w.ngo.v().records().get(w.evidence.id).value();
  CHECK(at_home.fields.contains("original_file_name"));
  CHECK_FALSE(arrived.fields.contains("original_file_name"));
  CHECK(arrived.fields.value("description", "") == "Screenshot of the chat");
  // Nowhere in the bundle either (the NGO's copy is what was sealed).
  const OpenedExport opened(w, file);
  for (const auto& e : opened.entries) {
    const std::string text(e.bytes.begin(), e.bytes.end());
    CHECK(text.find("IMG_passport_scan") == std::string::npos);
  }
}

TEST_CASE("exchange: an import marked unverified with --allow-unverified", "[exchange][roundtrip]") {
  TwoDesks w;
  const auto file = w.caseworker.dir / "case.age";
  w.export_to(file);
  // The NGO re-adds the caseworker without verifying.
  REQUIRE(ex::ContactBook(w.ngo.v()).remove(w.caseworker_at_ngo));
  REQUIRE(ex::ContactBook(w.ngo.v()).add_card(bundle::as_bytes(w.caseworker.card()), {}, "ngo"));
  const auto done = ex::import_bundle(w.ngo.v(), file, {.allow_unverified = true});
  REQUIRE(done);
  CHECK(done->report.unverified_sender);
  const auto prov = w.ngo.v().bundles().provenance(w.the_case.id).value();
  REQUIRE(prov.has_value());
  CHECK(prov->bundle.unverified);
}
