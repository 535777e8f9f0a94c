// conflict list|settle: incoming copies that an import set aside because
// they conflict with the vault's (schema/bundle-v1.md 12.3). A person decides:
// keep mine, take theirs, or keep both.
#include <memory>

#include "commands.hpp"
#include "failure.hpp"
#include "id_args.hpp"
#include "output.hpp"

namespace safehold::cli {
namespace {

struct ConflictListOptions {
  std::string case_ref;
  bool json = false;
};

struct SettleOptions {
  std::string id;
  bool keep_mine = false, take_theirs = false, keep_both = false;
  IdOutput printed;
};

Outcome run_conflict_list(Context& ctx, const ConflictListOptions& o) {
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  std::string case_id;
  if (!o.case_ref.empty()) {
    auto id = resolve_case(**vault, o.case_ref);
    if (!id) return unexpected(id.error());
    case_id = *id;
  }
  auto list = lift((*vault)->bundles().conflicts(case_id));
  if (!list) return unexpected(list.error());
  Listing out(o.json);
  for (const auto& c : *list) {
    auto mine = lift((*vault)->records().get(c.record_id));
    if (!mine) return unexpected(mine.error());
    auto held = lift((*vault)->records().meta(c.record_id));
    if (!held) return unexpected(held.error());
    nlohmann::json j = {{"id", c.id},
                        {"record_id", c.record_id},
                        {"case_id", c.case_id},
                        {"bundle_id", c.bundle_id},
                        {"detected_at", c.detected_at},
                        {"reason", c.reason},
                        {"mine", mine->to_json()},
                        {"mine_revision", held->revision.n},
                        {"theirs", c.theirs.to_json()},
                        {"theirs_revision", c.theirs_meta.revision.n},
                        {"theirs_withheld", c.theirs_meta.withheld}};
    // The fields that differ, by name (values: `--json`, or `record show`).
    std::string differ;
    for (const auto& [name, value] : mine->fields.items()) {
      const auto it = c.theirs.fields.find(name);
      if (it == c.theirs.fields.end() || *it != value) differ += (differ.empty() ? "" : ",") + name;
    }
    for (const auto& [name, value] : c.theirs.fields.items()) {
      if (!mine->fields.contains(name)) differ += (differ.empty() ? "" : ",") + name;
    }
    out.add(j, c.id + "\t" + c.theirs.entity + " " + c.record_id + "\tcase " + c.case_id + "\tmine r" +
                   std::to_string(held->revision.n) + ", theirs r" + std::to_string(c.theirs_meta.revision.n) +
                   "\tdiffer: " + (differ.empty() ? "-" : differ));
  }
  out.finish();
  return {};
}

Outcome run_settle(Context& ctx, const SettleOptions& o) {
  const int chosen = int{o.keep_mine} + int{o.take_theirs} + int{o.keep_both};
  if (chosen != 1) return fail(ExitCode::usage, "choose one of --keep-mine, --take-theirs, --keep-both");
  const auto how = o.keep_mine     ? storage::Settlement::keep_mine
                   : o.take_theirs ? storage::Settlement::take_theirs
                                   : storage::Settlement::keep_both;
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto kept = lift((*vault)->bundles().settle(o.id, how));
  if (!kept) return unexpected(kept.error());
  o.printed.print(*kept);
  print_note(std::string("conflict ") + o.id + " settled: " +
             (o.keep_mine ? "kept this vault's copy" : o.take_theirs ? "took the incoming copy" : "kept both, the incoming copy as record " + *kept));
  return {};
}

}  // namespace

void add_conflict_commands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("conflict", "Incoming copies set aside by an import: list, settle");

  auto l = std::make_shared<ConflictListOptions>();
  auto* list = group->add_subcommand("list", "List conflicts (id, record, revisions, the fields that differ)");
  list->add_option("--case", l->case_ref, "Only this case")->check(case_ref_validator());
  list->add_flag("--json", l->json, "Print JSON (both copies in full)");
  ctx.bind(list, [&ctx, l] { return run_conflict_list(ctx, *l); });

  auto s = std::make_shared<SettleOptions>();
  auto* settle = group->add_subcommand("settle", "Settle a conflict; prints the id of the record kept");
  s->printed.add_flag(settle);
  settle->add_option("id", s->id, "Conflict id (from conflict list)")->required()->check(record_id_validator());
  settle->add_flag("--keep-mine", s->keep_mine, "Discard the incoming copy");
  settle->add_flag("--take-theirs", s->take_theirs, "The incoming copy replaces this vault's");
  settle->add_flag("--keep-both", s->keep_both, "Keep the incoming copy as a new record of this vault (own records only)");
  ctx.bind(settle, [&ctx, s] { return run_settle(ctx, *s); });
}

}  // namespace safehold::cli
