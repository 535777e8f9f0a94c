// audit show|verify: the vault's hash-chained audit trail.
#include <algorithm>
#include <deque>
#include <memory>

#include "commands.hpp"
#include "failure.hpp"
#include "id_args.hpp"
#include "output.hpp"

namespace safehold::cli {
namespace {

struct AuditShowOptions {
  std::string case_ref;
  std::string object_id;
  std::int64_t after = 0;
  std::size_t limit = 1000;
  bool oldest_first = false, json = false;
};

// Every entry with seq > after, read a page at a time; only the newest
// `keep` stay in memory.
expected<std::deque<storage::AuditEntry>, Failure> newest_after(storage::AuditTrail& trail, std::int64_t after,
                                                               std::size_t keep) {
  constexpr std::size_t kPage = 4096;
  std::deque<storage::AuditEntry> newest;
  for (;;) {
    auto page = lift(trail.page(after, kPage));
    if (!page) return unexpected(page.error());
    for (auto& e : *page) {
      after = e.seq;
      newest.push_back(std::move(e));
      if (newest.size() > keep) newest.pop_front();
    }
    if (page->size() < kPage) return newest;
  }
}

nlohmann::json entry_json(const storage::AuditEntry& e) {
  return {{"seq", e.seq},           {"at", e.at},
          {"actor", e.actor},       {"action", e.action},
          {"object_type", e.object_type}, {"object_id", e.object_id},
          {"case_id", e.case_id},   {"counterparty", e.counterparty},
          {"reference", e.reference}, {"digest", to_hex(e.digest)},
          {"prev_hash", to_hex(e.prev_hash)}, {"entry_hash", to_hex(e.entry_hash)}};
}

Outcome run_audit_show(Context& ctx, const AuditShowOptions& o) {
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto trail = (*vault)->audit();
  std::deque<storage::AuditEntry> entries;  // oldest first, at most --limit: the newest
  if (!o.case_ref.empty() || !o.object_id.empty()) {
    expected<std::vector<storage::AuditEntry>, Failure> some = std::vector<storage::AuditEntry>{};
    if (!o.case_ref.empty()) {
      auto case_id = resolve_case(**vault, o.case_ref);
      if (!case_id) return unexpected(case_id.error());
      some = lift(trail.for_case(*case_id));
    } else {
      some = lift(trail.for_object(o.object_id));
    }
    if (!some) return unexpected(some.error());
    for (auto& e : *some) {
      if (e.seq <= o.after) continue;
      entries.push_back(std::move(e));
      if (entries.size() > o.limit) entries.pop_front();
    }
  } else {
    auto newest = newest_after(trail, o.after, o.limit);
    if (!newest) return unexpected(newest.error());
    entries = std::move(*newest);
  }
  if (!o.oldest_first) std::reverse(entries.begin(), entries.end());
  Listing out(o.json);
  for (const auto& e : entries) {
    out.add(entry_json(e), std::to_string(e.seq) + "\t" + e.at + "\t" + e.action + "\t" + e.object_type + "\t" +
                               e.object_id + (e.case_id.empty() ? "" : "\tcase " + e.case_id) + "\t" + e.actor);
  }
  out.finish();
  return {};
}

Outcome run_audit_verify(Context& ctx, bool json) {
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto result = lift((*vault)->audit().verify());
  if (!result) return unexpected(result.error());
  if (json) {
    print_json({{"intact", result->intact}, {"entries", result->entries},
                {"first_broken_seq", result->intact ? nlohmann::json(nullptr) : nlohmann::json(result->first_broken_seq)}});
  }
  if (!result->intact) {
    return fail(ExitCode::integrity, "audit trail broken at entry " + std::to_string(result->first_broken_seq) +
                                         ": " + result->reason);
  }
  if (!json) print_line("audit trail intact: " + count_of(static_cast<std::uint64_t>(result->entries), "entry", "entries"));
  return {};
}

}  // namespace

void add_audit_commands(CLI::App& app, Context& ctx) {
  auto* audit = app.add_subcommand("audit", "The append-only, hash-chained audit trail");

  auto o = std::make_shared<AuditShowOptions>();
  auto* show = audit->add_subcommand(
      "show", "List audit entries (all, of one case, or of one record), newest first; --limit keeps the newest N");
  show->add_option("--case", o->case_ref, "Only entries about this case")->check(case_ref_validator());
  show->add_option("--object", o->object_id, "Only entries about this record or attachment")
      ->check(record_id_validator());
  show->add_option("--after", o->after, "Only entries with a sequence number above this");
  show->add_option("--limit", o->limit, "Only the newest N entries (default 1000)")->check(CLI::Range(1, 100000));
  show->add_flag("--oldest-first", o->oldest_first, "List the oldest entry first (the newest N all the same)");
  show->add_flag("--json", o->json, "Print JSON");
  ctx.bind(show, [&ctx, o] { return run_audit_show(ctx, *o); });

  auto* verify = audit->add_subcommand("verify", "Recompute the hash chain; exit 1 naming the first broken entry");
  auto verify_json = std::make_shared<bool>(false);
  verify->add_flag("--json", *verify_json, "Print JSON: intact, entries, first_broken_seq");
  ctx.bind(verify, [&ctx, verify_json] { return run_audit_verify(ctx, *verify_json); });
}

}  // namespace safehold::cli
