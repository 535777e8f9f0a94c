// The manifest's JSON: canonical encoding and the strict parser.
#include <nlohmann/json.hpp>

#include "safehold/core/bundle/limits.hpp"
#include "safehold/core/bundle/manifest.hpp"
#include "safehold/core/bundle/text_formats.hpp"

namespace safehold::core::bundle {
namespace {

using nlohmann::json;

Result<void> bad(std::string what) {
  return fail(BundleError::malformed_manifest, std::move(what));
}

// Before building a DOM from untrusted bytes, bound its shape: nesting depth
// (a v1 manifest nests 3 deep) and the number of structural tokens (what a
// maximal manifest needs), so a hostile file cannot make the parser allocate
// far more than its size.
bool shape_is_bounded(std::span<const std::uint8_t> bytes) noexcept {
  constexpr std::size_t max_depth = 3;
  constexpr std::size_t max_tokens = 8 * kMaxFiles + 2 * (kMaxCases + kMaxRecipients) + 64;
  std::size_t depth = 0, tokens = 0;
  bool in_string = false, escaped = false;
  for (const auto b : bytes) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (b == '\\') {
        escaped = true;
      } else if (b == '"') {
        in_string = false;
      }
      continue;
    }
    switch (b) {
      case '"':
        in_string = true;
        break;
      case '{':
      case '[':
        if (++depth > max_depth) return false;
        ++tokens;
        break;
      case '}':
      case ']':
        if (depth > 0) --depth;
        break;
      case ',':
      case ':':
        ++tokens;
        break;
      default:
        break;
    }
    if (tokens > max_tokens) return false;
  }
  return true;
}

// Reads member `key` of `obj` as a string; false if absent or not a string.
bool get_string(const json& obj, const char* key, std::string& out) {
  const auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return false;
  out = it->get<std::string>();
  return true;
}

bool get_unsigned(const json& obj, const char* key, std::uint64_t& out) {
  const auto it = obj.find(key);
  if (it == obj.end() || !it->is_number_unsigned()) return false;
  out = it->get<std::uint64_t>();
  return true;
}

bool get_string_array(const json& obj, const char* key, std::vector<std::string>& out) {
  const auto it = obj.find(key);
  if (it == obj.end() || !it->is_array()) return false;
  for (const auto& v : *it) {
    if (!v.is_string()) return false;
    out.push_back(v.get<std::string>());
  }
  return true;
}

bool has_exactly(const json& obj, std::size_t count) {
  return obj.is_object() && obj.size() == count;
}

Result<void> read_files(const json& root, std::vector<ManifestFile>& out) {
  const auto it = root.find("files");
  if (it == root.end() || !it->is_array()) return bad("files");
  out.reserve(it->size());
  for (const auto& f : *it) {
    ManifestFile file;
    std::string hash;
    if (!has_exactly(f, 3) || !get_string(f, "path", file.path) ||
        !get_unsigned(f, "size", file.size) || !get_string(f, "sha256", hash)) {
      return bad("files[" + std::to_string(out.size()) + "]");
    }
    const auto digest = parse_sha256_hex(hash);
    if (!digest) return bad("files[" + std::to_string(out.size()) + "].sha256");
    file.sha256 = *digest;
    out.push_back(std::move(file));
  }
  return {};
}

Result<Manifest> read_fields(const json& root) {
  Manifest m;
  std::string created;
  const auto sender = root.find("sender");
  if (!get_string(root, "bundle_id", m.bundle_id) || !get_string(root, "created", created) ||
      !get_string(root, "app_version", m.app_version) || sender == root.end() ||
      !has_exactly(*sender, 4) || !get_string(*sender, "name", m.sender.name) ||
      !get_string(*sender, "minisign_key_id", m.sender.minisign_key_id) ||
      !get_string(*sender, "minisign_public_key", m.sender.minisign_public_key) ||
      !get_string(*sender, "age_recipient", m.sender.age_recipient) ||
      !get_string_array(root, "recipients", m.recipients) ||
      !get_string_array(root, "cases", m.cases)) {
    return unexpected(BundleFailure{BundleError::malformed_manifest, "members or types"});
  }
  const auto t = parse_utc(created);
  if (!t) return unexpected(BundleFailure{BundleError::malformed_manifest, "created"});
  m.created = *t;
  if (auto r = read_files(root, m.files); !r) return unexpected(r.error());
  return m;
}

}  // namespace

std::string encode_manifest(const Manifest& m) {
  json files = json::array();
  for (const auto& f : m.files) {
    files.push_back(json{{"path", f.path}, {"sha256", to_hex(f.sha256)}, {"size", f.size}});
  }
  const json root = {
      {"format_version", m.format_version},
      {"bundle_id", m.bundle_id},
      {"created", format_utc(m.created)},
      {"app_version", m.app_version},
      {"sender",
       {{"name", m.sender.name},
        {"minisign_key_id", m.sender.minisign_key_id},
        {"minisign_public_key", m.sender.minisign_public_key},
        {"age_recipient", m.sender.age_recipient}}},
      {"recipients", m.recipients},
      {"cases", m.cases},
      {"files", std::move(files)},
  };
  // std::map-backed objects: members come out sorted by name.
  return root.dump(2, ' ', false, json::error_handler_t::strict) + "\n";
}

Result<Manifest> parse_manifest(std::span<const std::uint8_t> bytes) {
  if (bytes.size() > kMaxManifestSize) return fail(BundleError::too_large, "manifest.json");
  if (!shape_is_bounded(bytes)) return fail(BundleError::malformed_manifest, "shape");
  const json root = json::parse(bytes.begin(), bytes.end(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object())
    return fail(BundleError::malformed_manifest, "json");

  // The version decides what the rest means, so it is judged first.
  const auto version = root.find("format_version");
  if (version == root.end() || !version->is_number_integer()) {
    return fail(BundleError::malformed_manifest, "format_version");
  }
  if (!version->is_number_unsigned() || version->get<std::uint64_t>() > kFormatVersion ||
      version->get<std::uint64_t>() < kOldestFormatVersion) {
    return fail(BundleError::unsupported_version);
  }
  if (root.size() != 8) return fail(BundleError::malformed_manifest, "members");

  auto m = read_fields(root);
  if (!m) return m;
  m->format_version = static_cast<int>(version->get<std::uint64_t>());
  if (auto r = validate_manifest(*m); !r) return unexpected(r.error());
  const std::string canonical = encode_manifest(*m);
  if (as_bytes(canonical).size() != bytes.size() ||
      !std::equal(bytes.begin(), bytes.end(), as_bytes(canonical).begin())) {
    return fail(BundleError::malformed_manifest, "not canonical");
  }
  return m;
}

}  // namespace safehold::core::bundle
