// audit show|verify: the vault's hash-chained audit trail.
#include <memory>

#include "commands.hpp"
#include "failure.hpp"
#include "id_args.hpp"
#include "output.hpp"

namespace safehold::cli {
namespace {

struct ShowOptions {
  std::string case_ref;
  std::string object_id;
  std::int64_t after = 0;
  std::size_t limit = 1000;
  bool json = false;
};

nlohmann::json entry_json(const storage::AuditEntry& e) {
  return {{"seq", e.seq},           {"at", e.at},
          {"actor", e.actor},       {"action", e.action},
          {"object_type", e.object_type}, {"object_id", e.object_id},
          {"case_id", e.case_id},   {"counterparty", e.counterparty},
          {"reference", e.reference}, {"digest", to_hex(e.digest)},
          {"prev_hash", to_hex(e.prev_hash)}, {"entry_hash", to_hex(e.entry_hash)}};
}

Outcome run_show(Context& ctx, const ShowOptions& o) {
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto trail = (*vault)->audit();
  expected<std::vector<storage::AuditEntry>, Failure> entries = std::vector<storage::AuditEntry>{};
  if (!o.case_ref.empty()) {
    auto case_id = resolve_case(**vault, o.case_ref);
    if (!case_id) return unexpected(case_id.error());
    entries = lift(trail.for_case(*case_id));
  } else if (!o.object_id.empty()) {
    entries = lift(trail.for_object(o.object_id));
  } else {
    entries = lift(trail.page(o.after, o.limit));
  }
  if (!entries) return unexpected(entries.error());
  Listing out(o.json);
  for (const auto& e : *entries) {
    out.add(entry_json(e), std::to_string(e.seq) + "\t" + e.at + "\t" + e.action + "\t" + e.object_type + "\t" +
                               e.object_id + (e.case_id.empty() ? "" : "\tcase " + e.case_id) + "\t" + e.actor);
  }
  out.finish();
  return {};
}

Outcome run_verify(Context& ctx) {
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto result = lift((*vault)->audit().verify());
  if (!result) return unexpected(result.error());
  if (!result->intact) {
    return fail(ExitCode::integrity, "audit trail broken at entry " + std::to_string(result->first_broken_seq) +
                                         ": " + result->reason);
  }
  print_line("audit trail intact: " + std::to_string(result->entries) + " entries");
  return {};
}

}  // namespace

void add_audit_commands(CLI::App& app, Context& ctx) {
  auto* audit = app.add_subcommand("audit", "The append-only, hash-chained audit trail");
  audit->require_subcommand(1);

  auto o = std::make_shared<ShowOptions>();
  auto* show = audit->add_subcommand("show", "List audit entries (all, of one case, or of one record)");
  show->add_option("--case", o->case_ref, "Only entries about this case")->check(case_ref_validator());
  show->add_option("--object", o->object_id, "Only entries about this record or attachment")
      ->check(record_id_validator());
  show->add_option("--after", o->after, "Only entries with a sequence number above this");
  show->add_option("--limit", o->limit, "At most this many entries")->check(CLI::Range(1, 100000));
  show->add_flag("--json", o->json, "Print JSON");
  ctx.bind(show, [&ctx, o] { return run_show(ctx, *o); });

  auto* verify = audit->add_subcommand("verify", "Recompute the hash chain; exit 1 naming the first broken entry");
  ctx.bind(verify, [&ctx] { return run_verify(ctx); });
}

}  // namespace safehold::cli
