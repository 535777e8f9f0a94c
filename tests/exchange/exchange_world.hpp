#pragma once
// Two real vaults on disk that exchange sealed bundles: a caseworker's and an
// NGO's, each with its identity, the other as a verified contact, and the
// caseworker holding a case with consent, records and an attachment. Plus a
// snapshot of everything a refused import must not change, and tools to open
// a real bundle's tar (with the NGO's key) and reseal it with a defect.
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bundle_world.hpp"
#include "cli_runner.hpp"
#include "safehold/core/bundle/sha256sums.hpp"
#include "safehold/core/bundle/trusted_comment.hpp"
#include "safehold/core/exchange/contacts.hpp"
#include "safehold/core/exchange/export.hpp"
#include "safehold/core/exchange/import.hpp"
#include "safehold/schema/model.hpp"
#include "safehold/storage/vault.hpp"
#include "storage_samples.hpp"

namespace safehold::test {

namespace ex = safehold::core::exchange;

inline constexpr std::string_view kDeskPass = "correct horse battery";

// One vault in its own folder, unlocked while the test uses the library and
// locked (released) while the CLI runs on it.
struct Desk {
  TempDir dir;
  std::filesystem::path folder = dir / "vault";
  std::filesystem::path pass_file = dir / "passphrase";
  std::optional<storage::Vault> vault;

  explicit Desk(const std::string& owner) {
    auto v = storage::Vault::create(folder, crypto::SecretBuffer::copy_of(kDeskPass),
                                    {owner, storage::KdfParams::insecure_for_tests()});
    if (!v) throw std::runtime_error("create failed: " + v.error().describe());
    vault.emplace(std::move(*v));
    const std::string line = std::string(kDeskPass) + "\n";
    write_file(pass_file, {reinterpret_cast<const std::uint8_t*>(line.data()), line.size()});
  }
  storage::Vault& v() {
    if (!vault) unlock();
    return *vault;
  }
  void lock() { vault.reset(); }
  void unlock() {
    if (vault) return;
    auto v = storage::Vault::unlock(folder, crypto::SecretBuffer::copy_of(kDeskPass));
    if (!v) throw std::runtime_error("unlock failed: " + v.error().describe());
    vault.emplace(std::move(*v));
  }
  // safehold-cli on this vault (locked for the duration).
  CliResult cli(std::vector<std::string> args) {
    lock();
    args.insert(args.begin(), {"--vault", folder.string(), "--passphrase-file", pass_file.string()});
    return run_cli(args);
  }
  std::string card() { return ex::own_identity(v()).value().card; }
  std::string recipient() { return v().identity().info().value().age_recipient; }
};

// Everything a refused import must leave as it was: every record (as JSON),
// every attachment file (its encrypted bytes), the audit chain (length and
// verification) and the imported-bundle ledger.
struct VaultSnapshot {
  std::map<std::string, std::string> records;
  std::map<std::string, std::string> attachment_files;  // name -> SHA-256 of the file
  std::int64_t audit_entries = 0;
  bool audit_intact = false;
  std::size_t bundles = 0;
  bool operator==(const VaultSnapshot&) const = default;
};

inline VaultSnapshot snapshot(Desk& d) {
  VaultSnapshot s;
  auto& v = d.v();
  for (const auto& def : schema::Model::builtin().entities()) {
    const auto all = v.records().list_entity(def.name).value();
    for (const auto& r : all) s.records[r.id] = r.to_json().dump();
  }
  for (const auto& e : std::filesystem::directory_iterator(d.folder / "attachments")) {
    s.attachment_files[e.path().filename().string()] = to_hex(bundle::sha256_of(read_file(e.path())));
  }
  const auto audit = v.audit().verify().value();
  s.audit_entries = audit.entries;
  s.audit_intact = audit.intact;
  s.bundles = v.bundles().list().value().size();
  return s;
}

// A caseworker with one case ready to share with an NGO, and the NGO.
struct TwoDesks {
  Desk caseworker{"Caseworker Lin"};
  Desk ngo{"NGO Intake"};
  std::string ngo_at_caseworker;  // contact ids
  std::string caseworker_at_ngo;
  storage::Record the_case, interviewee, consent, incident, evidence, empty_evidence;
  std::vector<std::uint8_t> attachment;

  // `consent_yes`: the scopes the interviewee said yes to.
  explicit TwoDesks(std::vector<std::string> consent_yes = {"be_interviewed", "share_named_ngos",
                                                            "store_real_identity"},
                    std::string disclosure = "named", std::size_t attachment_size = 150000)
      : attachment(pseudo_random_bytes(attachment_size, 42)) {
    auto& cw = caseworker.v();
    auto& n = ngo.v();
    const auto a = ex::ContactBook(cw).add_card(bundle::as_bytes(ngo.card()), "Safe Haven NGO", "ngo").value();
    ngo_at_caseworker = ex::ContactBook(cw).verify(a.id, "in_person").value().id;
    const auto b = ex::ContactBook(n).add_card(bundle::as_bytes(caseworker.card()), {}, "ngo").value();
    caseworker_at_ngo = ex::ContactBook(n).verify(b.id, "call").value().id;

    the_case = add("case", "", case_fields("Father questioned"));
    interviewee = add("person", the_case.id, interviewee_fields("Nightingale"));
    auto cf = consent_fields(interviewee.id, consent_yes);
    cf["disclosure"] = disclosure;
    consent = add("consent", the_case.id, cf);
    incident = add("incident", the_case.id, incident_fields("Father questioned by PSB", "父亲被约谈。", {"D1"}));
    auto ef = evidence_fields("Screenshot of the chat");
    // An identifying field, where consent allows storing it.
    const bool identity = std::find(consent_yes.begin(), consent_yes.end(), "store_real_identity") != consent_yes.end();
    if (identity) ef["original_file_name"] = "IMG_passport_scan.png";
    evidence = add("evidence_item", the_case.id, ef);
    base::SpanSource src(attachment);
    REQUIRE(cw.attachments().import(evidence.id, src, attachment.size()));
    empty_evidence = add("evidence_item", the_case.id, evidence_fields("Empty voicemail", "voicemail"));
    base::SpanSource none(std::span<const std::uint8_t>{});
    REQUIRE(cw.attachments().import(empty_evidence.id, none, 0));
  }

  storage::Record add(const std::string& entity, const std::string& case_id, nlohmann::json fields) {
    auto r = caseworker.v().records().create(entity, case_id, std::move(fields));
    if (!r) throw std::runtime_error(entity + ": " + r.error().describe());
    return *r;
  }

  ex::ExportRequest request(bool identifying = true) const {
    return {{the_case.id}, {ngo_at_caseworker}, identifying};
  }
  // Exports the case to the NGO into `file`.
  ex::ExportResult export_to(const std::filesystem::path& file, bool identifying = true) {
    auto r = ex::export_bundle(caseworker.v(), request(identifying), file);
    if (!r) throw std::runtime_error("export: " + r.error().describe());
    return *r;
  }
};

// ---- opening a real bundle's tar and resealing it with a defect ----

// Splits a ustar archive (as Safehold's writer makes it: no pax headers for
// files under 8 GiB) into its entries.
inline std::vector<Entry> untar(std::span<const std::uint8_t> tar) {
  std::vector<Entry> out;
  std::size_t at = 0;
  while (at + 512 <= tar.size() && tar[at] != 0) {
    const auto* h = tar.data() + at;
    std::string name(reinterpret_cast<const char*>(h), strnlen(reinterpret_cast<const char*>(h), 100));
    const std::string prefix(reinterpret_cast<const char*>(h + 345), strnlen(reinterpret_cast<const char*>(h + 345), 155));
    if (!prefix.empty()) name = prefix + "/" + name;
    const std::size_t size = std::stoull(std::string(reinterpret_cast<const char*>(h + 124), 11), nullptr, 8);
    at += 512;
    out.push_back({name, {tar.begin() + static_cast<std::ptrdiff_t>(at),
                          tar.begin() + static_cast<std::ptrdiff_t>(at + size)}});
    at += (size + 511) / 512 * 512;
  }
  return out;
}

// Sets the typeflag (and link name) of entry `index` in a tar made by tar_of,
// fixing the header checksum: a symlink or hard link entry.
inline void make_link(std::vector<std::uint8_t>& tar, std::size_t index, char typeflag, std::string_view target) {
  std::size_t at = 0;
  for (std::size_t i = 0;; ++i) {
    const std::size_t size =
        std::stoull(std::string(reinterpret_cast<const char*>(tar.data() + at + 124), 11), nullptr, 8);
    if (i == index) break;
    at += 512 + (size + 511) / 512 * 512;
  }
  auto* h = tar.data() + at;
  h[156] = static_cast<std::uint8_t>(typeflag);
  std::copy(target.begin(), target.end(), h + 157);
  std::fill(h + 148, h + 156, static_cast<std::uint8_t>(' '));
  unsigned sum = 0;
  for (std::size_t i = 0; i < 512; ++i) sum += h[i];
  std::snprintf(reinterpret_cast<char*>(h + 148), 8, "%06o", sum);
  h[155] = ' ';
}

// The entries of a bundle exported to the NGO, decrypted with the NGO's key;
// and the keys to re-sign and re-encrypt altered versions.
struct OpenedExport {
  std::vector<Entry> entries;
  bundle::Manifest manifest;
  crypto::minisign::SecretKey signer;

  OpenedExport(TwoDesks& w, const std::filesystem::path& file)
      : signer(w.caseworker.v().identity().signing_key().value()) {
    Party ngo;  // the NGO's real age identity; the signing key is unused
    ngo.age = w.ngo.v().identity().age_identity().value();
    entries = untar(age_decrypt(read_file(file), ngo));
    const std::string text(entries.at(0).bytes.begin(), entries.at(0).bytes.end());
    manifest = bundle::parse_manifest(bundle::as_bytes(text)).value();
  }

  // Entries with `m` as manifest, SHA256SUMS and signature consistent with it.
  std::vector<Entry> resigned(const bundle::Manifest& m, std::optional<std::string> sums_text = {}) const {
    const std::string text = bundle::encode_manifest(m);
    const std::string sums = sums_text ? *sums_text : bundle::format_sums(bundle::sha256_of(text), m);
    auto e = entries;
    e[0].bytes = bytes_of(text);
    e[1].bytes = bytes_of(sums);
    e[2].bytes = bytes_of(sign_text(signer, sums, bundle::build_trusted_comment(m)));
    return e;
  }
};

}  // namespace safehold::test
