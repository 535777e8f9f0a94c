// custody show EVIDENCE: the chain of custody of one evidence item, from the
// custody_event records of its case that name it, in the order they happened
// (add events with `record add --entity custody_event --field evidence=ID`).
#include <algorithm>
#include <memory>

#include "commands.hpp"
#include "failure.hpp"
#include "id_args.hpp"
#include "output.hpp"

namespace safehold::cli {
namespace {

struct CustodyShowOptions {
  std::string evidence_id;
  bool json = false;
};

std::string text_of(const nlohmann::json& fields, const char* name) {
  const auto it = fields.find(name);
  if (it == fields.end()) return "-";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_boolean()) return it->get<bool>() ? "yes" : "no";
  return it->dump();  // the not-answered marker
}

Outcome run_custody_show(Context& ctx, const CustodyShowOptions& o) {
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto evidence = (*vault)->records().get(o.evidence_id);
  if (!evidence && evidence.error().code == storage::VaultError::not_found) {
    return fail(ExitCode::not_found, "no evidence item with id " + o.evidence_id);
  }
  if (!evidence) return unexpected(to_failure(evidence.error()));
  if (evidence->entity != "evidence_item") {
    return fail(ExitCode::usage, o.evidence_id + " is a " + evidence->entity + " record, not an evidence_item");
  }
  auto events = lift((*vault)->records().list(evidence->case_id, "custody_event"));
  if (!events) return unexpected(events.error());
  std::vector<storage::Record> chain;
  for (auto& e : *events) {
    const auto it = e.fields.find("evidence");
    if (it != e.fields.end() && it->is_string() && it->get<std::string>() == o.evidence_id) chain.push_back(std::move(e));
  }
  // When it happened (RFC 3339 UTC sorts as text); an event without a time
  // counts from when it was recorded.
  const auto when = [](const storage::Record& e) {
    const auto at = text_of(e.fields, "at");
    return at.size() == 20 ? at : e.created_at;
  };
  std::stable_sort(chain.begin(), chain.end(),
                   [&](const storage::Record& a, const storage::Record& b) { return when(a) < when(b); });
  Listing out(o.json);
  for (const auto& e : chain) {
    out.add(e.to_json(), text_of(e.fields, "at") + "\t" + text_of(e.fields, "action") + "\t" + text_of(e.fields, "actor") +
                             "\thash verified: " + text_of(e.fields, "hash_verified") + "\t" + e.id);
  }
  out.finish();
  return {};
}

}  // namespace

void add_custody_commands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("custody", "Chain of custody of evidence items");
  auto s = std::make_shared<CustodyShowOptions>();
  auto* show = group->add_subcommand(
      "show", "The custody events of one evidence item, oldest first: at, action, actor, hash verified, event id");
  add_id_arg(show, s->evidence_id, "EVIDENCE");
  show->add_flag("--json", s->json, "Print JSON (the custody_event records)");
  ctx.bind(show, [&ctx, s] { return run_custody_show(ctx, *s); });
}

}  // namespace safehold::cli
