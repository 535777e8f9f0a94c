#pragma once
// The stock-tools recipes of schema/bundle-v1.md (sections 9 and 10), taken
// from the spec text itself and run with bash, so that the tests prove the
// spec as written and not a copy of it.
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <string>
#include <utility>

#include "bundle_fixtures.hpp"
#include "test_util.hpp"

namespace safehold::test {

// The first ```sh block after the line that starts with `heading` ("## 9.").
inline std::string spec_block(const std::string& heading) {
  const auto bytes = read_file(std::filesystem::path(SAFEHOLD_SOURCE_DIR) / "schema" / "bundle-v1.md");
  const std::string spec(bytes.begin(), bytes.end());
  const std::size_t at = spec.find("\n" + heading);
  REQUIRE(at != std::string::npos);
  const std::size_t begin = spec.find("```sh\n", at);
  REQUIRE(begin != std::string::npos);
  const std::size_t end = spec.find("\n```", begin + 6);
  REQUIRE(end != std::string::npos);
  return spec.substr(begin + 6, end - begin - 6) + "\n";
}

// Runs `script` with bash -euo pipefail in `dir`, with `env` (NAME='value'
// words) before it; returns the exit status and stdout+stderr.
inline std::pair<int, std::string> run_script(const std::filesystem::path& dir, const std::string& script,
                                              const std::string& env = {}) {
  write_file(dir / "recipe.sh", as_bytes(script));
  const std::filesystem::path out = dir / "recipe.out";
  const int rc = run("cd " + quote(dir) + " && " + env + " bash -euo pipefail recipe.sh > " + quote(out) + " 2>&1");
  const auto text = read_file(out);
  return {rc, std::string(text.begin(), text.end())};
}

// How often `needle` occurs in `text`.
inline std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = 0; (at = text.find(needle, at)) != std::string::npos; at += needle.size()) ++n;
  return n;
}

// `s` without trailing newlines and spaces (a tool's one-line output).
inline std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace safehold::test
