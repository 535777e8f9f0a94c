// safehold-cli report: the flags, --plaintext required, exit codes, the two
// files, and a refusal that leaves nothing.
#include <catch2/catch_test_macros.hpp>

#include "cli_runner.hpp"
#include "report_world.hpp"

using namespace safehold;
using namespace safehold::test;

TEST_CASE("cli report: writes FILE.pdf and FILE.pdf.minisig only with --plaintext", "[report][cli]") {
  ReportDesk d;
  const auto reference = d.the_case.fields["reference"].get<std::string>();
  const auto key = d.public_key_line();
  auto base = hand_to_cli(d);
  base.insert(base.end(), {"report", reference, "--to", "Safe Haven NGO", "--lang", "zh-Hant", "--paper", "letter"});
  const auto out = d.dir / "cli.pdf";
  auto args = base;
  args.insert(args.end(), {"-o", out.string()});
  auto refused = run_cli(args);
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("--plaintext") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
  args.push_back("--plaintext");
  auto ok = run_cli(args);
  INFO(ok.err);
  REQUIRE(ok.exit_code == 0);
  CHECK(std::filesystem::exists(out));
  CHECK(run_tool("minisign -V -P " + key + " -m " + q(out)).exit_code == 0);
  CHECK(pdftotext(out).find("證據報告") != std::string::npos);
  // Again to the same file: conflict, nothing replaced.
  const auto first = read_file(out);
  CHECK(run_cli(args).exit_code == 7);
  CHECK(read_file(out) == first);
  // Identifying fields for an audience consent does not allow: refused (4).
  auto un = base;
  un[6] = "--audience";
  un[7] = "un_body";
  un.insert(un.end(), {"--plaintext", "-o", (d.dir / "un.pdf").string()});
  CHECK(run_cli(un).exit_code == 4);
  CHECK_FALSE(std::filesystem::exists(d.dir / "un.pdf"));
}
