#pragma once
// A real vault on disk with one case ready for a report: consent, persons,
// incidents (Chinese text and a Uyghur narrative in Arabic script), a legal
// measure, evidence with an attachment and custody events, a risk assessment,
// an intervention, an interview session, and a marker string in every
// identifying field, so a test can see what a report leaves out. Plus the
// stock tools (pdftotext, pdffonts, pdftoppm, minisign) run on the result.
#include <catch2/catch_test_macros.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "safehold/core/exchange/contacts.hpp"
#include "safehold/crypto/age/x25519.hpp"
#include "safehold/report/report.hpp"
#include "safehold/storage/vault.hpp"
#include "storage_samples.hpp"
#include "test_util.hpp"

namespace safehold::test {

namespace ex = safehold::core::exchange;

// Uyghur ("Uyghur language") and the Chinese text the tests look for.
inline const std::string kUyghur = "ئۇيغۇر تىلى";
inline const std::string kChinese = "父亲被约谈。";

// Markers in identifying fields: none may appear unless asked for and allowed.
inline const std::vector<std::string> kMarkers = {
    "MARKERHANZI", "MARKERPINYIN", "MARKERALIAS", "MARKERADDRESS", "MARKERSAFECONTACT",
    "MARKEREXACTLOC", "MARKERREFNO", "MARKERFILENAME", "MARKERINTERPRETER", "MARKERRECONTACT"};

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

// Runs a stock tool. Arguments are test-made paths and fixed strings.
inline CommandResult run_tool(const std::string& command) {
  CommandResult r;
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  std::size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

struct ReportDesk {
  TempDir dir;
  std::filesystem::path folder = dir / "vault";
  std::optional<storage::Vault> vault;
  std::string contact_id;
  storage::Record the_case, person, consent, incident, uyghur_incident, measure, evidence, custody;

  // `yes`: consent scopes answered yes; `disclosure`: the consent's level.
  explicit ReportDesk(std::vector<std::string> yes = {"be_interviewed", "share_named_ngos", "share_own_lawyer",
                                                      "store_real_identity"},
                      std::string disclosure = "named", bool list_recipient = false) {
    auto v = storage::Vault::create(folder, crypto::SecretBuffer::copy_of("correct horse battery"),
                                    {"Caseworker Lin", storage::KdfParams::insecure_for_tests()});
    if (!v) throw std::runtime_error("create failed: " + v.error().describe());
    vault.emplace(std::move(*v));
    ex::NewContact nc{"Safe Haven NGO", age::X25519Identity::generate().recipient().encode(),
                      crypto::minisign::SecretKey::generate().public_key().key_line(), "Safe Haven", "ngo", ""};
    contact_id = ex::ContactBook(*vault).add(nc).value().id;
    REQUIRE(ex::ContactBook(*vault).verify(contact_id, "in_person"));

    const bool identity = std::find(yes.begin(), yes.end(), "store_real_identity") != yes.end();
    if (identity) yes.push_back("be_recontacted");  // recontact_method holds a marker too
    the_case = add("case", "", case_fields("Father questioned"));
    auto pf = interviewee_fields("Nightingale");
    person = add("person", the_case.id, pf);
    auto cf = consent_fields(person.id, yes);
    cf["disclosure"] = disclosure;
    if (identity) {
      cf["interpreter"] = "MARKERINTERPRETER";
      cf["recontact_method"] = "MARKERRECONTACT";
    }
    if (list_recipient) cf["allowed_recipients"] = {{{"contact", contact_id}}};
    consent = add("consent", the_case.id, cf);
    if (identity) {  // once consent allows storing them
      pf["legal_name"] = {{"hanzi", "MARKERHANZI"}, {"pinyin", "MARKERPINYIN"}};
      pf["aliases"] = {{{"name", "MARKERALIAS"}}};
      pf["exact_address"] = "MARKERADDRESS";
      pf["safe_contact"] = {{"method", "signal"}, {"details", "MARKERSAFECONTACT"}};
      person = vault->records().update(person.id, pf).value();
    }
    auto inf = incident_fields("Father questioned by PSB", kChinese, {"D1", "E1"});
    if (identity) inf["exact_location"] = "MARKEREXACTLOC";
    incident = add("incident", the_case.id, inf);
    auto uf = incident_fields("Relatives summoned", kUyghur, {"D2"});
    uf["narrative"]["language"] = "uig";
    uf["start_date"] = {{"value", "2021-07-04"}, {"precision", "exact"}};
    uyghur_incident = add("incident", the_case.id, uf);
    auto mf = legal_measure_fields();
    if (identity) mf["reference_number"] = "MARKERREFNO";
    measure = add("legal_measure", the_case.id, mf);
    auto ef = evidence_fields("Screenshot of the chat");
    if (identity) ef["original_file_name"] = "MARKERFILENAME";
    evidence = add("evidence_item", the_case.id, ef);
    const auto bytes = pseudo_random_bytes(5000, 7);
    base::SpanSource src(bytes);
    REQUIRE(vault->attachments().import(evidence.id, src, bytes.size()));
    custody = add("custody_event", the_case.id,
                  {{"evidence", evidence.id}, {"at", "2026-11-03T08:00:00Z"}, {"actor", "A. Caseworker"},
                   {"action", "analysed"}, {"note", "compared with the original phone"}, {"hash_verified", true}});
    add("risk_assessment", the_case.id, risk_fields("high"));
    add("intervention", the_case.id, intervention_fields());
    add("interview_session", the_case.id, session_fields("MARKERSESSIONNOTES"));
  }

  storage::Vault& v() { return *vault; }

  storage::Record add(const std::string& entity, const std::string& case_id, nlohmann::json fields) {
    auto r = vault->records().create(entity, case_id, std::move(fields));
    if (!r) throw std::runtime_error(entity + ": " + r.error().describe());
    return *r;
  }

  report::ReportRequest to_contact(bool identifying = false) const {
    report::ReportRequest r;
    r.case_id = the_case.id;
    r.contact_id = contact_id;
    r.include_identifying = identifying;
    r.generated_at = "2026-12-06T08:00:00Z";
    return r;
  }

  std::string evidence_sha256() {
    auto info = vault->attachments().for_evidence(evidence.id).value();
    return to_hex((*info).sha256);
  }
  std::string public_key_line() { return vault->identity().info().value().minisign_public_key; }
};

// Hands the vault to the CLI: the passphrase in a file, the vault closed (the
// CLI needs the folder to itself). Returns the options that open it.
inline std::vector<std::string> hand_to_cli(ReportDesk& d) {
  const auto pass = d.dir / "pass";
  write_file(pass, as_bytes("correct horse battery\n"));
  d.vault.reset();
  return {"--vault", d.folder.string(), "--passphrase-file", pass.string()};
}

// With SAFEHOLD_REPORT_SAMPLES=DIR set, the tests keep a copy of each report
// they read there (how docs/screenshots are made; the data is made up).
inline void keep_sample(const std::filesystem::path& pdf) {
  const char* dir = std::getenv("SAFEHOLD_REPORT_SAMPLES");
  if (dir == nullptr) return;
  std::filesystem::copy_file(pdf, std::filesystem::path(dir) / pdf.filename(),
                             std::filesystem::copy_options::overwrite_existing);
}

// The text of the PDF with every run of white space made one space, so a
// phrase is found wherever the layout wrapped it.
inline std::string pdftotext(const std::filesystem::path& pdf) {
  keep_sample(pdf);
  const auto r = run_tool("pdftotext -enc UTF-8 " + q(pdf) + " -");
  REQUIRE(r.exit_code == 0);
  std::string out;
  for (char c : r.out) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

// pdffonts of `pdf`: how many fonts it lists and how many are not embedded.
struct FontCount {
  std::string listing;
  std::size_t fonts = 0, not_embedded = 0;
};
inline FontCount pdf_fonts(const std::filesystem::path& pdf) {
  const auto r = run_tool("pdffonts " + q(pdf));
  REQUIRE(r.exit_code == 0);
  FontCount out{r.out};
  // Lines after the two header lines: "name type encoding emb sub uni object ID".
  std::size_t start = r.out.find("---");
  REQUIRE(start != std::string::npos);
  start = r.out.find('\n', start) + 1;
  for (std::size_t at = start; at < r.out.size();) {
    const auto end = r.out.find('\n', at);
    const std::string line = r.out.substr(at, end - at);
    at = end == std::string::npos ? r.out.size() : end + 1;
    if (line.empty()) continue;
    ++out.fonts;
    // emb is the first yes/no column after the encoding.
    if (line.find(" yes ") == std::string::npos) ++out.not_embedded;
  }
  return out;
}

// Page `page` (1-based) of `pdf` rendered by pdftoppm in grey at 40 dpi:
// the dark pixels and all pixels.
inline std::pair<std::size_t, std::size_t> dark_pixels(const std::filesystem::path& pdf, int page,
                                                       const std::filesystem::path& work_dir) {
  const auto prefix = work_dir / "page";
  const std::string n = std::to_string(page);
  REQUIRE(run_tool("pdftoppm -r 40 -gray -singlefile -f " + n + " -l " + n + " " + q(pdf) + " " + q(prefix)).exit_code ==
          0);
  const auto bytes = read_file(work_dir / "page.pgm");
  std::filesystem::remove(work_dir / "page.pgm");
  // Binary PGM: header "P5\n<w> <h>\n255\n", then one byte per pixel.
  std::size_t newlines = 0, at = 0;
  while (at < bytes.size() && newlines < 3) newlines += bytes[at++] == '\n';
  std::size_t dark = 0;
  for (std::size_t i = at; i < bytes.size(); ++i) dark += bytes[i] < 128;
  return {dark, bytes.size() - at};
}

// Stock minisign on `file` (with FILE.minisig beside it) and `key_line`:
// its output, whether it verifies, and whether a copy with one byte changed
// (same signature) is refused.
struct SignatureCheck {
  std::string out;
  bool verifies = false;
  bool changed_byte_refused = false;
};
inline SignatureCheck check_signature(const std::filesystem::path& file, const std::string& key_line) {
  SignatureCheck c;
  const auto ok = run_tool("minisign -V -P " + key_line + " -m " + q(file));
  c.out = ok.out;
  c.verifies = ok.exit_code == 0;
  const auto changed = file.parent_path() / ("changed-" + file.filename().string());
  auto bytes = read_file(file);
  bytes[bytes.size() / 2] ^= 0x01;
  write_file(changed, bytes);
  std::filesystem::copy_file(file.string() + ".minisig", changed.string() + ".minisig",
                             std::filesystem::copy_options::overwrite_existing);
  c.changed_byte_refused = run_tool("minisign -V -P " + key_line + " -m " + q(changed)).exit_code != 0;
  return c;
}

// Everything a refused report must leave as it was: the records and the audit chain.
inline std::pair<std::size_t, std::int64_t> vault_state(storage::Vault& v, const std::string& case_id) {
  return {v.records().list(case_id).value().size(), v.audit().verify().value().entries};
}

}  // namespace safehold::test
