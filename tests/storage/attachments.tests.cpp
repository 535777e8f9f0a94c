// Attachments: streamed import with SHA-256, read back, plaintext export,
// crypto-shredding, cancellation, damaged files, and their audit trail.
#include <sodium.h>

#include <catch2/catch_test_macros.hpp>

#include "safehold/base/file_io.hpp"
#include "safehold/storage/attachment_file.hpp"
#include "storage_samples.hpp"
#include "vault_test_support.hpp"

using namespace safehold;
using namespace safehold::storage;
using namespace safehold::test;
namespace fs = std::filesystem;

namespace {

struct EvidenceFixture : VaultFixture {
  Record kase = vault.records().create("case", "", case_fields("Evidence case")).value();
  Record person = vault.records().create("person", kase.id, interviewee_fields("Crane")).value();
  Record consent = vault.records().create("consent", kase.id, consent_fields(person.id, {"be_interviewed"})).value();
  Record evidence = vault.records().create("evidence_item", kase.id, evidence_fields("chat export")).value();

  Record another_evidence() {
    return vault.records().create("evidence_item", kase.id, evidence_fields("second")).value();
  }
  std::vector<fs::path> attachment_files() const {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(folder / "attachments")) out.push_back(e.path());
    return out;
  }
};

std::vector<std::uint8_t> read_all(base::ByteSource& src) {
  base::VectorSink sink;
  std::vector<std::uint8_t> buf(10007);
  for (;;) {
    auto n = src.read(buf);
    if (!n) throw std::runtime_error(base::describe(n.error()));
    if (*n == 0) break;
    (void)sink.write(std::span(buf).first(*n));
  }
  return std::move(sink.bytes());
}

// A source that fails after `limit` bytes, like a USB stick pulled mid-copy.
class FailingSource final : public base::ByteSource {
 public:
  FailingSource(std::span<const std::uint8_t> data, std::size_t limit) : data_(data), limit_(limit) {}
  expected<std::size_t, base::IoError> read(std::span<std::uint8_t> out) override {
    if (pos_ >= limit_) return unexpected(base::IoError::read_failed);
    const std::size_t n = std::min({out.size(), data_.size() - pos_, limit_ - pos_});
    std::copy_n(data_.begin() + static_cast<std::ptrdiff_t>(pos_), n, out.begin());
    pos_ += n;
    return n;
  }

 private:
  std::span<const std::uint8_t> data_;
  std::size_t limit_;
  std::size_t pos_ = 0;
};

}  // namespace

TEST_CASE("attachments: import, hash, read back, evidence fields and custody", "[attachments]") {
  EvidenceFixture f;
  // Sizes around the 64 KiB chunk boundary, and empty.
  for (std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{65536}, std::size_t{65537}, std::size_t{300001}}) {
    INFO("size " << size);
    auto ev = size == 0 ? f.evidence : f.another_evidence();
    const auto data = pseudo_random_bytes(size, static_cast<std::uint32_t>(size));
    base::SpanSource src(data);
    std::uint64_t last_progress = 0;
    OperationHooks hooks;
    hooks.progress = [&](std::uint64_t done, std::uint64_t total) {
      CHECK(total == size);
      last_progress = done;
    };
    auto info = f.vault.attachments().import(ev.id, src, size, hooks);
    REQUIRE(info);
    CHECK(last_progress == size);
    CHECK(info->size == size);
    std::array<std::uint8_t, 32> expected_hash{};
    crypto_hash_sha256(expected_hash.data(), data.data(), data.size());
    CHECK(info->sha256 == expected_hash);
    CHECK(info->evidence_id == ev.id);
    CHECK(info->case_id == f.kase.id);

    auto updated = f.vault.records().get(ev.id).value();
    CHECK(updated.fields["size"] == size);
    CHECK(updated.fields["sha256"] == to_hex(info->sha256));
    auto reader = f.vault.attachments().get(info->id);
    if (!reader) FAIL(reader.error().describe());
    CHECK(read_all(**reader) == data);
    CHECK(f.vault.attachments().for_evidence(ev.id).value()->id == info->id);
  }
  auto custody = f.vault.records().list(f.kase.id, "custody_event").value();
  CHECK(custody.size() == 5);
  CHECK(custody[0].fields["action"] == "hashed");
  CHECK(custody[0].fields["actor"] == "Test Worker");
  std::size_t imported = 0, read = 0;
  const auto trail = f.vault.audit().for_case(f.kase.id).value();
  for (const auto& e : trail) {
    imported += e.action == "attachment_imported";
    read += e.action == "attachment_read";
  }
  CHECK(imported == 5);
  CHECK(read == 5);
  CHECK(f.vault.audit().verify()->intact);
}

TEST_CASE("attachments: the file on disk is header + STREAM, never plaintext", "[attachments]") {
  EvidenceFixture f;
  const std::string marker = "PLAINTEXT-MARKER-护照-" + std::string(5000, 'x');
  base::SpanSource src(as_bytes(marker));
  auto info = f.vault.attachments().import(f.evidence.id, src);
  REQUIRE(info);
  const auto files = f.attachment_files();
  REQUIRE(files.size() == 1);
  CHECK((fs::status(files[0]).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
  const std::string name = files[0].filename().string();
  CHECK(name.size() == 32);
  CHECK(name.find(f.evidence.id) == std::string::npos);
  const auto bytes = read_file(files[0]);
  CHECK(parse_attachment_header(bytes).has_value());
  CHECK(bytes.size() == kAttachmentHeaderSize + marker.size() + 16);
  const std::string as_text(bytes.begin(), bytes.end());
  CHECK(as_text.find("PLAINTEXT-MARKER") == std::string::npos);
  CHECK(as_text.find("xxxxxxxx") == std::string::npos);
}

TEST_CASE("attachments: one content per evidence item, evidence only", "[attachments]") {
  EvidenceFixture f;
  const auto data = pseudo_random_bytes(100);
  base::SpanSource a(data);
  REQUIRE(f.vault.attachments().import(f.evidence.id, a));
  base::SpanSource b(data);
  CHECK(f.vault.attachments().import(f.evidence.id, b).error().code == VaultError::attachment_exists);
  base::SpanSource c(data);
  CHECK(f.vault.attachments().import(f.person.id, c).error().code == VaultError::not_allowed);
  base::SpanSource d(data);
  CHECK(f.vault.attachments().import("5f0c9a52-5d0e-4c7b-9a51-0c1d7e2b9f10", d).error().code == VaultError::not_found);
  CHECK(f.attachment_files().size() == 1);
}

TEST_CASE("attachments: cancelled or failing imports leave nothing behind", "[attachments]") {
  EvidenceFixture f;
  const auto data = pseudo_random_bytes(1 << 20);
  SECTION("cancelled half way") {
    base::SpanSource src(data);
    std::uint64_t seen = 0;
    OperationHooks hooks;
    hooks.progress = [&](std::uint64_t done, std::uint64_t) { seen = done; };
    hooks.cancel_requested = [&] { return seen >= data.size() / 2; };
    CHECK(f.vault.attachments().import(f.evidence.id, src, data.size(), hooks).error().code == VaultError::cancelled);
  }
  SECTION("source fails half way") {
    FailingSource src(data, data.size() / 2);
    CHECK(f.vault.attachments().import(f.evidence.id, src).error().code == VaultError::io_failed);
  }
  CHECK(f.attachment_files().empty());
  CHECK_FALSE(f.vault.attachments().for_evidence(f.evidence.id).value().has_value());
  CHECK_FALSE(f.vault.records().get(f.evidence.id)->fields.contains("sha256"));
  base::SpanSource again(data);
  CHECK(f.vault.attachments().import(f.evidence.id, again).has_value());
}

TEST_CASE("attachments: plaintext export on request, atomically, audited", "[attachments]") {
  EvidenceFixture f;
  const auto data = pseudo_random_bytes(200000, 7);
  base::SpanSource src(data);
  auto info = f.vault.attachments().import(f.evidence.id, src).value();
  TempDir out;
  REQUIRE(f.vault.attachments().export_plaintext(info.id, out / "copy.bin"));
  CHECK(read_file(out / "copy.bin") == data);
  CHECK((fs::status(out / "copy.bin").permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
  const auto trail = f.vault.audit().for_object(info.id).value();
  REQUIRE(trail.size() == 2);
  CHECK(trail[1].action == "attachment_exported");
  auto custody = f.vault.records().list(f.kase.id, "custody_event").value();
  CHECK(custody.back().fields["action"] == "copied");
  CHECK(custody.back().fields["hash_verified"] == true);

  OperationHooks cancel;
  cancel.cancel_requested = [] { return true; };
  CHECK(f.vault.attachments().export_plaintext(info.id, out / "never.bin", cancel).error().code == VaultError::cancelled);
  CHECK(fs::directory_iterator(out.path()) != fs::directory_iterator());
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(out.path())) ++files;
  CHECK(files == 1);  // only copy.bin: no temporary left

  // An existing file is never overwritten unless the caller asks (CLI --force).
  const std::vector<std::uint8_t> mine{'m', 'i', 'n', 'e'};
  write_file(out / "copy.bin", mine);
  CHECK(f.vault.attachments().export_plaintext(info.id, out / "copy.bin").error().code ==
        VaultError::already_exists);
  CHECK(read_file(out / "copy.bin") == mine);
  CHECK(f.vault.attachments().export_plaintext(info.id, out / "copy.bin", {}, base::Publish::replace));
  CHECK(read_file(out / "copy.bin") == data);
}

TEST_CASE("attachments: damaged, swapped or missing files are refused", "[attachments]") {
  EvidenceFixture f;
  auto second = f.another_evidence();
  const auto d1 = pseudo_random_bytes(150000, 1);
  const auto d2 = pseudo_random_bytes(150000, 2);
  base::SpanSource s1(d1), s2(d2);
  auto a1 = f.vault.attachments().import(f.evidence.id, s1).value();
  auto a2 = f.vault.attachments().import(second.id, s2).value();
  auto files = f.attachment_files();
  REQUIRE(files.size() == 2);

  const auto before = read_file(files[0]);
  SECTION("a flipped bit in the middle") {
    for (const auto& p : files) {
      auto bytes = read_file(p);
      bytes[100000] ^= 0x10;
      write_file(p, bytes);
    }
    CHECK(read_file(files[0]).size() == before.size());
  }
  SECTION("truncated") {
    for (const auto& p : files) fs::resize_file(p, fs::file_size(p) - 1);
    CHECK(read_file(files[0]).size() == before.size() - 1);
  }
  SECTION("swapped between two attachments") {
    fs::rename(files[0], f.folder / "tmp");
    fs::rename(files[1], files[0]);
    fs::rename(f.folder / "tmp", files[1]);
    CHECK(read_file(files[1]) == before);
  }
  CHECK(read_file(files[0]) != before);
  for (const auto& id : {a1.id, a2.id}) {
    auto r = f.vault.attachments().get(id);
    REQUIRE(r);
    CHECK_THROWS(read_all(**r));
  }
  TempDir out;
  CHECK(f.vault.attachments().export_plaintext(a1.id, out / "x").error().code == VaultError::attachment_corrupt);
  CHECK_FALSE(fs::exists(out / "x"));
  for (const auto& p : files) fs::remove(p);
  CHECK(f.vault.attachments().get(a1.id).error().code == VaultError::attachment_corrupt);
  CHECK(f.vault.check_integrity()->missing_attachments.size() == 2);
}

TEST_CASE("attachments: deleting shreds the key and removes the file", "[attachments]") {
  EvidenceFixture f;
  const auto data = pseudo_random_bytes(1000);
  base::SpanSource src(data);
  auto info = f.vault.attachments().import(f.evidence.id, src).value();
  REQUIRE(f.attachment_files().size() == 1);
  SECTION("the attachment alone") {
    REQUIRE(f.vault.attachments().remove(info.id));
    CHECK(f.vault.attachments().get(info.id).error().code == VaultError::not_found);
    CHECK(f.vault.records().get(f.evidence.id).has_value());
  }
  SECTION("with its evidence item") {
    REQUIRE(f.vault.records().remove(f.evidence.id));
  }
  SECTION("with its case") {
    REQUIRE(f.vault.records().remove(f.kase.id));
  }
  CHECK(f.attachment_files().empty());
  CHECK(f.vault.attachments().info(info.id).error().code == VaultError::not_found);
  const auto trail = f.vault.audit().for_object(info.id).value();
  CHECK(trail.back().action == "attachment_deleted");
  {
    f.vault.lock();
    RawDb raw(f.folder);
    CHECK(raw.scalar("SELECT count(*) FROM attachments") == "0");
  }
}

TEST_CASE("attachments: a batch that rolls back removes the files it imported", "[attachments][batch]") {
  EvidenceFixture f;
  const auto data = pseudo_random_bytes(5000);
  {
    auto batch = f.vault.begin_batch();
    REQUIRE(batch);
    base::SpanSource src(data);
    REQUIRE(f.vault.attachments().import(f.evidence.id, src));
    CHECK(f.attachment_files().size() == 1);
  }  // not committed
  CHECK(f.attachment_files().empty());
  CHECK_FALSE(f.vault.attachments().for_evidence(f.evidence.id).value().has_value());
  {
    auto batch = f.vault.begin_batch();
    base::SpanSource src(data);
    REQUIRE(f.vault.attachments().import(f.evidence.id, src));
    REQUIRE(batch->commit());
  }
  CHECK(f.attachment_files().size() == 1);
  CHECK(f.vault.attachments().for_evidence(f.evidence.id).value().has_value());
}
