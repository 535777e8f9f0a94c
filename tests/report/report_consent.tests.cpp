// What a report leaves out, and every refusal: nothing written (no PDF, no
// signature, no temporary), no audit entry, the vault unchanged.
#include <catch2/catch_test_macros.hpp>

#include "report_world.hpp"

using namespace safehold;
using namespace safehold::test;

namespace {

std::size_t files_in(const std::filesystem::path& dir) {
  std::size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) n += e.is_regular_file();
  return n;
}

// Runs a request that must be refused with `code`, and checks nothing changed.
void expect_refused(ReportDesk& d, const report::ReportRequest& req, report::ReportError code,
                    report::PlaintextConsent plaintext = report::PlaintextConsent::given) {
  const auto out_dir = d.dir / "out";
  std::filesystem::create_directories(out_dir);
  const auto before = vault_state(d.v(), d.the_case.id);
  auto r = report::write_report(d.v(), req, out_dir / "r.pdf", plaintext);
  REQUIRE_FALSE(r);
  INFO(r.error().describe());
  CHECK(r.error().code == code);
  CHECK(files_in(out_dir) == 0);
  CHECK(vault_state(d.v(), d.the_case.id) == before);
  // No marker, no testimony in the message.
  for (const auto& m : kMarkers) CHECK(r.error().describe().find(m) == std::string::npos);
}

}  // namespace

TEST_CASE("report: identifying fields are left out unless asked for, and listed as left out", "[report][consent]") {
  ReportDesk d;
  const auto pdf = d.dir / "plain.pdf";
  REQUIRE(report::write_report(d.v(), d.to_contact(false), pdf, report::PlaintextConsent::given));
  const auto text = pdftotext(pdf);
  for (const auto& m : kMarkers) {
    INFO(m);
    CHECK(text.find(m) == std::string::npos);
  }
  CHECK(text.find("MARKERSESSIONNOTES") == std::string::npos);  // interview sessions never go
  CHECK(text.find("Identifying fields (not requested") != std::string::npos);
  CHECK(text.find("Interview sessions") != std::string::npos);
}

TEST_CASE("report: identifying fields asked for and allowed by consent are all there", "[report][consent]") {
  ReportDesk d;
  const auto pdf = d.dir / "named.pdf";
  REQUIRE(report::write_report(d.v(), d.to_contact(true), pdf, report::PlaintextConsent::given));
  const auto text = pdftotext(pdf);
  for (const auto& m : kMarkers) {
    INFO(m);
    CHECK(text.find(m) != std::string::npos);
  }
  CHECK(text.find("MARKERSESSIONNOTES") == std::string::npos);
}

TEST_CASE("report: identifying fields asked for but not allowed (disclosure pseudonym) is a refusal", "[report][consent]") {
  ReportDesk d({"be_interviewed", "share_named_ngos", "store_real_identity"}, "pseudonym");
  expect_refused(d, d.to_contact(true), report::ReportError::consent_refused);
  // Without asking, the report goes, without the markers.
  const auto pdf = d.dir / "ok.pdf";
  REQUIRE(report::write_report(d.v(), d.to_contact(false), pdf, report::PlaintextConsent::given));
  const auto text = pdftotext(pdf);
  for (const auto& m : kMarkers) CHECK(text.find(m) == std::string::npos);
}

TEST_CASE("report: refused without the plaintext confirmation", "[report][consent]") {
  ReportDesk d;
  expect_refused(d, d.to_contact(), report::ReportError::invalid_request, report::PlaintextConsent::not_given);
}

TEST_CASE("report: refused when consent does not share with the audience", "[report][consent]") {
  ReportDesk d({"be_interviewed"}, "pseudonym");
  expect_refused(d, d.to_contact(), report::ReportError::consent_refused);
  auto req = d.to_contact();
  req.contact_id.clear();
  req.audience_kind = "host_authority";
  expect_refused(d, req, report::ReportError::consent_refused);
}

TEST_CASE("report: refused after consent is withdrawn", "[report][consent]") {
  // Without identifying fields stored: a full withdrawal would refuse them.
  ReportDesk d({"be_interviewed", "share_named_ngos"}, "pseudonym");
  auto f = d.consent.fields;
  f["withdrawal"] = {{"at", "2026-11-20T10:00:00Z"}, {"extent", "all"}};
  REQUIRE(d.v().records().update(d.consent.id, f));
  expect_refused(d, d.to_contact(), report::ReportError::consent_refused);
}

TEST_CASE("report: an audience kind is refused when consent names its recipients", "[report][consent]") {
  ReportDesk d({"be_interviewed", "share_named_ngos"}, "pseudonym", true);
  auto req = d.to_contact();
  req.contact_id.clear();
  req.audience_kind = "ngo";
  expect_refused(d, req, report::ReportError::consent_refused);
  // The named contact itself may have it.
  REQUIRE(report::write_report(d.v(), d.to_contact(), d.dir / "named.pdf", report::PlaintextConsent::given));
}

TEST_CASE("report: an audience kind the consent allows", "[report][consent]") {
  ReportDesk d;
  auto req = d.to_contact();
  req.contact_id.clear();
  req.audience_kind = "lawyer";
  REQUIRE(report::write_report(d.v(), req, d.dir / "lawyer.pdf", report::PlaintextConsent::given));
  const auto entries = d.v().audit().for_case(d.the_case.id).value();
  REQUIRE_FALSE(entries.empty());
  CHECK(entries.back().action == "report_written");
  CHECK(entries.back().counterparty == "kind:lawyer");
  auto bad = req;
  bad.audience_kind = "journalist";
  expect_refused(d, bad, report::ReportError::invalid_request);
}

TEST_CASE("report: an unverified contact is refused", "[report][consent]") {
  ReportDesk d;
  ex::NewContact nc{"Unchecked", age::X25519Identity::generate().recipient().encode(),
                    crypto::minisign::SecretKey::generate().public_key().key_line(), "", "ngo", ""};
  auto req = d.to_contact();
  req.contact_id = ex::ContactBook(d.v()).add(nc).value().id;
  expect_refused(d, req, report::ReportError::not_allowed);
}

TEST_CASE("report: an existing PDF or signature is never replaced", "[report][consent]") {
  ReportDesk d;
  const auto out_dir = d.dir / "out";
  std::filesystem::create_directories(out_dir);
  write_file(out_dir / "r.pdf.minisig", as_bytes("old"));
  const auto before = vault_state(d.v(), d.the_case.id);
  auto r = report::write_report(d.v(), d.to_contact(), out_dir / "r.pdf", report::PlaintextConsent::given);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == report::ReportError::exists);
  CHECK(files_in(out_dir) == 1);
  CHECK(read_file(out_dir / "r.pdf.minisig") == std::vector<std::uint8_t>{'o', 'l', 'd'});
  CHECK(vault_state(d.v(), d.the_case.id) == before);
}

TEST_CASE("report: audited once, with the PDF's SHA-256 and never content", "[report][consent]") {
  ReportDesk d;
  const auto pdf = d.dir / "audited.pdf";
  auto r = report::write_report(d.v(), d.to_contact(), pdf, report::PlaintextConsent::given);
  REQUIRE(r);
  const auto entries = d.v().audit().for_case(d.the_case.id).value();
  const auto& e = entries.back();
  CHECK(e.action == "report_written");
  CHECK(e.counterparty == d.contact_id);
  CHECK(e.reference == r->report_id);
  CHECK(to_hex(e.digest) == to_hex(crypto::sha256_of(read_file(pdf))));
  CHECK(d.v().audit().verify().value().intact);
}
