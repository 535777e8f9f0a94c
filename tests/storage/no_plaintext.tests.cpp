// No plaintext on disk: unique markers (ASCII and Chinese) written through
// every path that takes content (records, search, drafts, settings,
// attachments, exports of the index) never appear in any file of the vault or
// of the system temp folder, in UTF-8 or UTF-16.
#include <chrono>
#include <random>

#include <catch2/catch_test_macros.hpp>

#include "storage_samples.hpp"
#include "vault_test_support.hpp"

using namespace safehold;
using namespace safehold::storage;
using namespace safehold::test;
namespace fs = std::filesystem;

namespace {

std::string random_marker_ascii(std::mt19937& rng) {
  return "SHMARK" + std::to_string(rng()) + "Q" + std::to_string(rng());
}

// Six random CJK Unified Ideographs after a fixed word.
std::string random_marker_han(std::mt19937& rng) {
  std::string out = "护照";
  for (int i = 0; i < 6; ++i) {
    const auto c = static_cast<char32_t>(0x4E00 + rng() % 0x5000);
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

std::u16string utf16(const std::string& utf8) {
  std::u16string out;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    if (b < 0x80) {
      out += static_cast<char16_t>(b);
      i += 1;
    } else {  // the markers hold only ASCII and 3-byte sequences
      out += static_cast<char16_t>((b & 0x0F) << 12 | (utf8[i + 1] & 0x3F) << 6 | (utf8[i + 2] & 0x3F));
      i += 3;
    }
  }
  return out;
}

std::vector<std::string> encodings(const std::string& marker) {
  std::vector<std::string> out = {marker};
  std::string le, be;
  for (char16_t c : utf16(marker)) {
    le += static_cast<char>(c & 0xff);
    le += static_cast<char>(c >> 8);
    be += static_cast<char>(c >> 8);
    be += static_cast<char>(c & 0xff);
  }
  out.push_back(le);
  out.push_back(be);
  return out;
}

// Files to scan: everything under the vault, and whatever in the temp folder
// changed since the test began (other programs' old files are not ours).
std::vector<fs::path> files_to_scan(const fs::path& vault, fs::file_time_type since) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(vault, ec); it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) out.push_back(it->path());
  }
  const auto opts = fs::directory_options::skip_permission_denied;
  for (auto it = fs::recursive_directory_iterator(fs::temp_directory_path(), opts, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (!it->is_regular_file(ec) || it->path().string().starts_with(vault.string())) continue;
    if (it->last_write_time(ec) >= since && it->file_size(ec) < (256u << 20)) out.push_back(it->path());
  }
  return out;
}

void require_absent(const std::vector<fs::path>& files, const std::vector<std::string>& needles) {
  for (const auto& f : files) {
    std::string bytes;
    try {
      const auto b = read_file(f);
      bytes.assign(b.begin(), b.end());
    } catch (const std::exception&) {
      continue;  // vanished or unreadable meanwhile: not ours
    }
    for (const auto& n : needles) {
      INFO("file " << f.string());
      CHECK(bytes.find(n) == std::string::npos);
    }
  }
}

}  // namespace

TEST_CASE("no plaintext on disk: records, search, drafts and attachments", "[security][plaintext]") {
  const auto since = fs::file_time_type::clock::now() - std::chrono::seconds(2);
  std::mt19937 rng(std::random_device{}());
  const std::string ascii = random_marker_ascii(rng);
  const std::string han = random_marker_han(rng);
  std::vector<std::string> needles;
  for (const auto& m : {ascii, han}) {
    for (const auto& e : encodings(m)) needles.push_back(e);
  }

  VaultFixture f;
  auto& v = f.vault;
  auto kase = v.records().create("case", "", case_fields("Case " + ascii + " " + han)).value();
  auto person = v.records().create("person", kase.id, interviewee_fields("Pseudonym " + han)).value();
  auto consent = v.records().create("consent", kase.id,
                                    consent_fields(person.id, {"be_interviewed", "store_real_identity"})).value();
  auto named = person.fields;
  named["legal_name"] = {{"hanzi", han}, {"pinyin", ascii}};
  REQUIRE(v.records().update(person.id, named));
  for (int i = 0; i < 50; ++i) {  // enough to spill out of one page and into the WAL
    REQUIRE(v.records().create("incident", kase.id,
                               incident_fields("Incident " + std::to_string(i) + " " + ascii,
                                               std::string(2000, 'n') + " " + han + " " + ascii, {"D1"})));
  }
  auto evidence = v.records().create("evidence_item", kase.id, evidence_fields("Scan " + ascii)).value();
  const std::string content = std::string(100000, 'c') + ascii + han + std::string(100000, 'd');
  base::SpanSource src(as_bytes(content));
  auto attachment = v.attachments().import(evidence.id, src).value();
  REQUIRE(v.drafts().put("intake/" + kase.id, "{\"narrative\": \"" + ascii + han + "\"}"));
  REQUIRE(v.settings().put("last_search", ascii));
  SearchQuery q;
  q.text = han.substr(0, 6);
  CHECK_FALSE(v.search().find(q)->empty());
  CaseQuery cq;
  cq.text = ascii;
  CHECK(v.cases().count(cq).value() == 1);
  auto reader = v.attachments().get(attachment.id).value();
  std::vector<std::uint8_t> sink(300000);
  CHECK(reader->read_full(sink).value() == content.size());

  // While unlocked: the WAL holds the recent pages.
  CHECK(fs::exists(f.folder / "vault.db-wal"));
  require_absent(files_to_scan(f.folder, since), needles);
  // Deleting must not leave readable remains either.
  REQUIRE(v.drafts().remove("intake/" + kase.id));
  v.lock();
  require_absent(files_to_scan(f.folder, since), needles);

  const auto db = read_file(f.folder / "vault.db");
  CHECK(std::string(db.begin(), db.begin() + 16) != std::string("SQLite format 3\0", 16));
  RawDb raw(f.folder);
  CHECK(raw.scalar("PRAGMA encoding") == "UTF-8");  // so scanning UTF-16 is belt and braces
}
