// Writes the seed corpora of the bundle fuzzers: valid bundle plaintexts
// (signed with the fixed fuzz key, addressed to the fixed fuzz recipient) into
// <dir>/bundle_reader/, and their manifests and SHA256SUMS into
// <dir>/bundle_manifest/. One seed (format version 2) carries notices/ files
// (schema/bundle-v1.md 12.4): a withdrawal and a deletion notice between the
// case's records and the attachments, so mutations reach that path group.
// Usage: bundle_seeds fuzz/seeds
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "bundle_fuzz_keys.hpp"
#include "safehold/core/bundle/bundle_writer.hpp"
#include "safehold/core/bundle/text_formats.hpp"
#include "safehold/core/exchange/notice_files.hpp"

namespace bundle = safehold::core::bundle;
namespace fs = std::filesystem;

namespace {

void save(const fs::path& path, std::span<const std::uint8_t> bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
}

std::vector<std::uint8_t> filler(std::size_t n, std::uint8_t seed) {
  std::vector<std::uint8_t> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<std::uint8_t>(seed + i * 31 + (i >> 7));
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s <seed folder>\n", argv[0]);
    return 2;
  }
  const fs::path root = argv[1];
  fs::create_directories(root / "bundle_reader");
  fs::create_directories(root / "bundle_manifest");
  const auto keys = safehold::fuzz::bundle_fuzz_keys();
  const std::string other = safehold::age::X25519Identity::generate().recipient().encode();
  const std::string signer_line = keys.signer.public_key().key_line();

  // Four shapes: one record only; records + attachments + audit; empty
  // files; a record, two notices, an attachment and an audit excerpt.
  const std::vector<std::vector<std::size_t>> shapes = {{40}, {300, 120, 5000, 0, 700}, {0, 0}, {90, 0, 0, 64, 200}};
  int n = 0;
  for (const auto& sizes : shapes) {
    const std::string case_id = bundle::random_uuid4();
    std::vector<std::vector<std::uint8_t>> data;
    bundle::BundleContents contents;
    contents.recipients = {keys.own_recipient};
    if (n == 1) contents.recipients.push_back(other);
    contents.case_ids = {case_id};
    const bool with_notices = n == 3;
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
      data.push_back(filler(sizes[i], static_cast<std::uint8_t>(i)));
      std::string path = i % 3 == 0   ? "cases/" + case_id + "/" + bundle::random_uuid4() + ".json"
                         : i % 3 == 1 ? "attachments/" + bundle::random_uuid4()
                                      : "audit/" + case_id + "/custody.jsonl";
      if (i == 3) path = "cases/" + case_id + "/" + bundle::random_uuid4() + ".json";
      paths.push_back(std::move(path));
    }
    if (with_notices) {
      // Canonical order: cases, notices, attachments, audit.
      safehold::storage::Notice withdrawal{bundle::random_uuid4(), "withdrawal", case_id, signer_line,
                                           "2026-12-01T10:00:00Z", "2026-12-01T09:00:00Z", "listed_scopes",
                                           {"share_named_ngos", "share_own_lawyer"}, {}};
      safehold::storage::Notice deletion{bundle::random_uuid4(), "deletion", case_id, signer_line,
                                         "2026-12-01T10:05:00Z", "", "", {}, {bundle::random_uuid4()}};
      paths = {paths[0], "notices/" + withdrawal.id + ".json", "notices/" + deletion.id + ".json",
               "attachments/" + bundle::random_uuid4(), "audit/" + case_id + "/audit.jsonl"};
      for (const auto* notice : {&withdrawal, &deletion}) {
        const std::string text = safehold::core::exchange::encode_notice_file(*notice);
        data[notice == &withdrawal ? 1 : 2].assign(text.begin(), text.end());
      }
    }
    for (std::size_t i = 0; i < sizes.size(); ++i) {
      const std::string& path = paths[i];
      const auto* bytes = &data[i];
      contents.files.push_back(
          {path, bytes->size(), bundle::sha256_of(*bytes),
           [bytes]() -> bundle::Result<std::unique_ptr<safehold::base::ByteSource>> {
             return std::make_unique<safehold::base::SpanSource>(*bytes);
           }});
    }
    const bundle::SenderKeys sender{keys.signer, other, "Fuzz Seed"};
    auto prepared = bundle::prepare_bundle(sender, std::move(contents), {});
    if (!prepared) {
      std::fprintf(stderr, "prepare: %s\n", bundle::describe(prepared.error()).c_str());
      return 1;
    }
    safehold::base::VectorSink tar;
    if (!bundle::write_bundle_tar(*prepared, tar)) return 1;
    const std::string name = "seed-" + std::to_string(n);
    save(root / "bundle_reader" / name, tar.bytes());
    save(root / "bundle_manifest" / (name + "-manifest"),
         bundle::as_bytes(prepared->manifest_text));
    save(root / "bundle_manifest" / (name + "-sums"), bundle::as_bytes(prepared->sums_text));
    ++n;
  }
  return 0;
}
