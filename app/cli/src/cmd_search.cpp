// search QUERY: full-text search in English and Chinese; one line per hit,
// starting with the case id.
#include <memory>

#include "commands.hpp"
#include "failure.hpp"
#include "id_args.hpp"
#include "output.hpp"

namespace safehold::cli {
namespace {

struct SearchOptions {
  std::vector<std::string> words;
  std::string case_ref;
  std::vector<std::string> entities;
  std::size_t limit = 100;
  bool json = false;
};

Outcome run_search(Context& ctx, const SearchOptions& o) {
  storage::SearchQuery q;
  for (const auto& w : o.words) q.text += (q.text.empty() ? "" : " ") + w;
  q.entities = o.entities;
  q.limit = o.limit;
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  if (!o.case_ref.empty()) {
    auto case_id = resolve_case(**vault, o.case_ref);
    if (!case_id) return unexpected(case_id.error());
    q.case_id = *case_id;
  }
  auto hits = lift((*vault)->search().find(q));
  if (!hits) return unexpected(hits.error());
  Listing out(o.json);
  for (const auto& h : *hits) {
    out.add({{"case_id", h.case_id}, {"entity", h.entity}, {"record_id", h.record_id}},
            (h.case_id.empty() ? "-" : h.case_id) + "\t" + h.entity + "\t" + h.record_id);
  }
  out.finish();
  return {};
}

}  // namespace

void add_search_commands(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<SearchOptions>();
  auto* search = app.add_subcommand("search", "Full-text search (English and Chinese); prints case id, entity, record id");
  search->add_option("QUERY", o->words, "Words (all must match), \"quoted phrases\", Chinese text")->required();
  search->add_option("--case", o->case_ref, "Only this case")->check(case_ref_validator());
  search->add_option("--entity", o->entities, "Only records of this entity; repeatable");
  search->add_option("--limit", o->limit, "At most this many hits (1-10000)")->check(CLI::Range(1, 10000));
  search->add_flag("--json", o->json, "Print JSON");
  ctx.bind(search, [&ctx, o] { return run_search(ctx, *o); });
}

}  // namespace safehold::cli
