#pragma once
// Loads the C2SP/CCTV age vectors (../shared/vectors/age-cctv, see its
// README): a "key: value" header, an empty line, then the age file, which is
// zlib-compressed when "compressed: zlib".
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "test_util.hpp"

namespace safehold::age::test {

struct CctvVector {
  std::string name;
  std::string expect;
  std::optional<std::string> payload_sha256;
  std::optional<std::string> file_key_hex;
  std::vector<std::string> identities;
  std::vector<std::string> passphrases;
  bool armored = false;
  bool unknown_key = false;        // the README says: ignore such a vector
  std::vector<std::uint8_t> file;  // decompressed

  bool post_quantum() const {
    return std::any_of(identities.begin(), identities.end(),
                       [](const std::string& i) { return i.starts_with("AGE-SECRET-KEY-PQ-"); });
  }
};

inline std::vector<std::uint8_t> zlib_inflate(std::span<const std::uint8_t> in) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) throw std::runtime_error("inflateInit");
  std::vector<std::uint8_t> out;
  std::vector<std::uint8_t> buf(1 << 20);
  z.next_in = const_cast<Bytef*>(in.data());
  z.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    z.next_out = buf.data();
    z.avail_out = static_cast<uInt>(buf.size());
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&z);
      throw std::runtime_error("zlib: corrupt vector");
    }
    out.insert(out.end(), buf.begin(), buf.begin() + static_cast<long>(buf.size() - z.avail_out));
  }
  inflateEnd(&z);
  return out;
}

inline CctvVector load_cctv_vector(const std::filesystem::path& path) {
  const auto raw = safehold::test::read_file(path);
  CctvVector v;
  v.name = path.filename().string();
  std::size_t pos = 0;
  bool zlib = false;
  for (;;) {
    const auto nl = std::find(raw.begin() + static_cast<long>(pos), raw.end(), '\n');
    if (nl == raw.end()) throw std::runtime_error(v.name + ": no end of vector header");
    const std::string line(raw.begin() + static_cast<long>(pos), nl);
    pos = static_cast<std::size_t>(nl - raw.begin()) + 1;
    if (line.empty()) break;
    const auto colon = line.find(": ");
    if (colon == std::string::npos) throw std::runtime_error(v.name + ": bad line");
    const std::string key = line.substr(0, colon), value = line.substr(colon + 2);
    if (key == "expect") v.expect = value;
    else if (key == "payload") v.payload_sha256 = value;
    else if (key == "file key") v.file_key_hex = value;
    else if (key == "identity") v.identities.push_back(value);
    else if (key == "passphrase") v.passphrases.push_back(value);
    else if (key == "armored") v.armored = value == "yes";
    else if (key == "compressed") zlib = value == "zlib";
    else if (key != "comment") v.unknown_key = true;
  }
  const std::span<const std::uint8_t> body(raw.data() + pos, raw.size() - pos);
  v.file = zlib ? zlib_inflate(body) : std::vector<std::uint8_t>(body.begin(), body.end());
  return v;
}

inline std::optional<std::filesystem::path> cctv_dir() {
  const std::filesystem::path dir = std::filesystem::path(SAFEHOLD_VECTORS_DIR) / "age-cctv";
  if (!std::filesystem::is_directory(dir)) return std::nullopt;
  return dir;
}

// The vector files, sorted (some decompress to ~17 MB: load them one by one).
inline std::vector<std::filesystem::path> cctv_vector_paths(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().filename() != "README.md") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace safehold::age::test
