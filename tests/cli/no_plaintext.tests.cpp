// Nothing typed into or imported through the CLI reaches the disk in
// plaintext: after a session with unique ASCII and Chinese markers in cases,
// incidents, people and attachments, no file under the vault folder, the
// CLI's TMPDIR or the system temp folder contains them.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <fstream>
#include <random>

#include "cli_fixture.hpp"

using namespace safehold::test;
namespace fs = std::filesystem;

namespace {

std::string random_suffix() {
  std::random_device rd;
  return std::to_string(rd()) + std::to_string(rd());
}

// Streams the file, keeping an overlap so markers across chunk edges are found.
bool file_contains(const fs::path& path, const std::vector<std::string>& markers) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::size_t longest = 0;
  for (const auto& m : markers) longest = std::max(longest, m.size());
  std::string window;
  std::vector<char> buf(1 << 20);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    window.append(buf.data(), static_cast<std::size_t>(in.gcount()));
    for (const auto& m : markers) {
      if (window.find(m) != std::string::npos) return true;
    }
    if (window.size() > longest) window.erase(0, window.size() - longest);
  }
  return false;
}

// Walks folders one by one, so a folder that another test removes meanwhile
// only ends the walk of that folder.
void scan(const fs::path& dir, const std::vector<std::string>& markers, std::vector<std::string>& found) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    const auto status = it->symlink_status(type_ec);
    if (type_ec) continue;
    if (fs::is_directory(status)) {
      scan(it->path(), markers, found);
    } else if (fs::is_regular_file(status) && file_contains(it->path(), markers)) {
      found.push_back(it->path().string());
    }
  }
}

std::vector<std::string> files_containing(const fs::path& root, const std::vector<std::string>& markers) {
  std::vector<std::string> found;
  scan(root, markers, found);
  return found;
}

}  // namespace

TEST_CASE("cli: no plaintext of cases, incidents, people or attachments on disk", "[cli][plaintext]") {
  CliVault v;
  const auto tmp = v.dir / "cli-tmp";
  fs::create_directories(tmp);
  const std::vector<std::string> env{"TMPDIR=" + tmp.string()};
  const auto id = random_suffix();
  const std::vector<std::string> markers = {"ZQXMARKER" + id, "秘密证词" + id + "护照"};
  auto run = [&](const std::vector<std::string>& args, std::string_view in = {}) {
    const auto r = v.cli(args, in, env);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    return first_line(r.out);
  };

  const auto case_id = run({"case", "new", "--title", "Case " + markers[0] + " " + markers[1]});
  run({"consent", "record", case_id, "--method", "written", "--scope", "all=yes"});
  run({"incident", "add", case_id, "--tactic", "E1", "--title", markers[1], "--narrative",
       markers[0] + " was called by police. " + markers[1]});
  run({"record", "add", "--entity", "person", "--case", case_id, "--field", "pseudonym=" + markers[0], "--field",
       "exact_address=" + markers[1]});
  run({"record", "add", "--entity", "person", "--case", case_id, "--from-file", "-"},
      R"({"pseudonym": ")" + markers[1] + R"(", "roles": ["relative"]})");

  std::string content;
  for (std::size_t i = 0; i < 2000; ++i) content += markers[i % 2] + " line " + std::to_string(i) + "\n";
  write_text(v.dir / "statement.txt", content);
  const auto attachment = run({"attachment", "add", case_id, (v.dir / "statement.txt").string(), "--description",
                               markers[0]});
  run({"attachment", "add", case_id, "-", "--kind", "audio_recording"}, content);
  // Reading back and searching must not spill either.
  const auto shown = run({"case", "show", case_id, "--all", "--json"});
  CHECK_FALSE(shown.empty());
  CHECK(v.cli({"attachment", "get", attachment, "-o", "-"}, {}, env).out == content);
  CHECK_FALSE(run({"search", markers[0]}).empty());
  CHECK_FALSE(run({"search", markers[0].substr(0, 12) + "*"}).empty());
  run({"case", "edit", case_id, "--title", "Edited " + markers[0]});
  run({"check"});

  fs::remove(v.dir / "statement.txt");  // the test's own plaintext input
  CHECK(files_containing(v.folder, markers).empty());
  CHECK(files_containing(tmp, markers).empty());
  CHECK(files_containing(fs::temp_directory_path(), markers).empty());
  // The scan itself works: it finds a marker that is there.
  write_text(v.dir / "canary", markers[1]);
  CHECK(files_containing(v.dir.path(), markers).size() == 1);
}
