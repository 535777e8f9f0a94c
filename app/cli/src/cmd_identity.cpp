// identity show|export-card|export-age-key: this vault's keys for sealed
// bundles (schema/contact-card-v1.md).
#include <cstdio>
#include <filesystem>
#include <memory>

#include "commands.hpp"
#include "exchange_failure.hpp"
#include "failure.hpp"
#include "output.hpp"
#include "safehold/core/exchange/contacts.hpp"
#include "safehold/base/file_io.hpp"

namespace safehold::cli {
namespace {

namespace fs = std::filesystem;
namespace ex = core::exchange;

struct IdentityShowOptions {
  bool json = false;
};

Outcome run_identity_show(Context& ctx, const IdentityShowOptions& o) {
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto own = lift(ex::own_identity(**vault));
  if (!own) return unexpected(own.error());
  const auto& i = own->info;
  if (o.json) {
    print_json({{"name", i.name},
                {"age_recipient", i.age_recipient},
                {"minisign_public_key", i.minisign_public_key},
                {"minisign_key_id", i.minisign_key_id},
                {"fingerprint", own->fingerprint},
                {"created_at", i.created_at}});
    return {};
  }
  print_line("name: " + i.name);
  print_line("age recipient: " + i.age_recipient);
  print_line("minisign public key: " + i.minisign_public_key);
  print_line("minisign key id: " + i.minisign_key_id);
  print_line("fingerprint: " + own->fingerprint);
  return {};
}

bool exists(const std::string& path) {
  std::error_code ec;
  return fs::symlink_status(path, ec).type() != fs::file_type::not_found;
}

struct CardOptions {
  std::string output;
  bool force = false;
};

Outcome run_export_card(Context& ctx, const CardOptions& o) {
  if (o.output != "-" && !o.force && exists(o.output)) {
    return fail(ExitCode::conflict, o.output + ": already exists (use --force to replace it)");
  }
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto own = lift(ex::own_identity(**vault));
  if (!own) return unexpected(own.error());
  if (o.output == "-") {
    std::fwrite(own->card.data(), 1, own->card.size(), stdout);
    return {};
  }
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(own->card.data());
  // A card is public: readable by others, like a public key file.
  if (auto w = base::write_file_atomically(o.output, {bytes, own->card.size()}, 0644); !w) {
    return unexpected(to_failure(w.error(), o.output));
  }
  print_note("fingerprint " + own->fingerprint + " (read it to the person who adds this card)");
  return {};
}

struct AgeKeyOptions {
  std::string output;
};

Outcome run_export_age_key(Context& ctx, const AgeKeyOptions& o) {
  if (exists(o.output)) return fail(ExitCode::conflict, o.output + ": already exists");
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  if (auto w = lift((*vault)->identity().export_age_identity(o.output)); !w) return w;
  print_note("warning: " + o.output +
             " holds this vault's secret age key: anyone who has it can open every bundle sent to you. Keep it on "
             "an encrypted disk and delete it when done.");
  return {};
}

}  // namespace

void add_identity_commands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("identity", "This vault's keys for sealed bundles: show, export-card, export-age-key");

  auto s = std::make_shared<IdentityShowOptions>();
  auto* show = group->add_subcommand("show", "Show the name, age recipient, minisign public key and fingerprint");
  show->add_flag("--json", s->json, "Print JSON");
  ctx.bind(show, [&ctx, s] { return run_identity_show(ctx, *s); });

  auto c = std::make_shared<CardOptions>();
  auto* card = group->add_subcommand("export-card", "Write this vault's contact card (public) to give to others");
  card->add_option("-o,--output", c->output, "Output file ('-' = stdout)")->required();
  card->add_flag("--force", c->force, "Replace an existing output file");
  ctx.bind(card, [&ctx, c] { return run_export_card(ctx, *c); });

  auto k = std::make_shared<AgeKeyOptions>();
  auto* key = group->add_subcommand(
      "export-age-key", "Write the SECRET age identity (0600) to open bundles with stock `age -d -i FILE`; audited");
  key->add_option("-o,--output", k->output, "Output file (must not exist)")->required();
  ctx.bind(key, [&ctx, k] { return run_export_age_key(ctx, *k); });
}

}  // namespace safehold::cli
