#include <catch2/catch_test_macros.hpp>

#include <sodium.h>

#include <cstdlib>

#include "headless_ui.hpp"
#include "home_at.hpp"
#include "vault_fixture.hpp"

using namespace safehold;

namespace {

std::string sha256_hex(const std::vector<std::uint8_t>& bytes) {
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, bytes.data(), bytes.size());
  return test::to_hex(std::span<const std::uint8_t>(h, sizeof h));
}

}  // namespace

TEST_CASE("Evidence file: added in the intake, hashed, shown, saved as a copy with a warning",
          "[gui][headless][evidence]") {
  test::VaultFixture f;
  test::TempDir home;
  const auto content = test::pseudo_random_bytes(300'000, 7);
  test::write_file(home / "scan.pdf", content);
  test::HomeAt at(home.path());

  test::HeadlessUi ui(f.app);
  f.unlock(ui);
  ui.Click("nav.intake");
  ui.Click("intake.begin");
  ui.Click("intake.consent.given_at.now");
  ui.Click("intake.consent.method");
  ui.Click("intake.consent.method.written");
  ui.Click("intake.consent.scopes.be_interviewed.yes");
  ui.Click("intake.step.2");
  ui.Click("intake.interviewee.pseudonym");
  ui.Type("Heron");
  ui.Click("intake.step.7");
  ui.Click("intake.add.evidence_file");
  ui.Click("files.row.scan.pdf");
  ui.Click("files.choose");
  REQUIRE(f.app.intake.draft->evidence.size() == 1);
  ui.Click("intake.step.9");
  ui.Click("intake.save");
  REQUIRE(ui.FramesUntil([&] { return !f.app.intake.saving(); }));
  ui.Frames(2);
  if (f.app.intake.save_failure()) FAIL(f.app.intake.save_failure()->detail);
  REQUIRE(f.app.screen() == appmodel::Screen::case_view);

  ui.Click("case.tab.evidence");
  REQUIRE(ui.Has("case.evidence.sha256"));
  REQUIRE(ui.Has("case.custody.hashed"));  // chain of custody starts on arrival
  const auto& evidence = f.app.case_view.of("evidence_item");
  REQUIRE(evidence.size() == 1);
  // The identifying original name is not kept: consent did not allow it.
  CHECK_FALSE(evidence[0].fields.contains("original_file_name"));
  CHECK(evidence[0].fields["sha256"] == sha256_hex(content));
  CHECK(evidence[0].fields["media_type"] == "application/pdf");

  ui.Click("case.evidence.save_copy");
  REQUIRE(ui.Has("case.evidence.save_copy.confirm"));
  ui.Click("case.evidence.save_copy.confirm");
  ui.Click("files.choose");  // the browser opened at HOME: save there
  const auto copy = f.app.case_view.last_copy();
  REQUIRE_FALSE(copy.empty());
  CHECK(copy.parent_path() == std::filesystem::weakly_canonical(home.path()));
  CHECK(test::read_file(copy) == content);
  auto pass = crypto::SecretBuffer::copy_of(std::string_view(test::kTestPassphrase));
  ui.Click("nav.lock");
  auto v = storage::Vault::unlock(f.folder(), pass);
  REQUIRE(v);
  auto page = v->audit().page(0, 1000);
  REQUIRE(page);
  const bool exported = std::any_of(page->begin(), page->end(),
                                    [](const storage::AuditEntry& e) { return e.action == "attachment_exported"; });
  CHECK(exported);
}
