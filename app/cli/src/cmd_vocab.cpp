// vocab list [NAME] [--lang]: the controlled vocabularies built into this
// binary (no vault needed).
#include <memory>

#include "commands.hpp"
#include "output.hpp"
#include "safehold/schema/vocabulary.hpp"

namespace safehold::cli {
namespace {

struct VocabOptions {
  std::string name;
  std::string lang = "en";
  bool json = false;
  bool retired = false;
};

nlohmann::json text_json(const schema::Text& t) {
  return {{"en", t.en}, {"zh-Hans", t.zh_hans}, {"zh-Hant", t.zh_hant}};
}

Outcome run_vocab_list(const VocabOptions& o) {
  const auto& vocabs = schema::Vocabularies::builtin();
  const auto lang = schema::language_from_tag(o.lang).value_or(schema::Language::en);
  if (o.name.empty()) {
    Listing out(o.json);
    for (const auto& v : vocabs.all()) {
      out.add({{"name", v.name()}, {"version", v.version()}, {"label", text_json(v.label())}},
              v.name() + "\t" + v.label().in(lang));
    }
    out.finish();
    return {};
  }
  const auto* vocab = vocabs.find(o.name);
  if (vocab == nullptr) return fail(ExitCode::not_found, "no vocabulary named " + o.name + " (see `vocab list`)");
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& e : vocab->entries()) {
    if (e.retired && !o.retired) continue;
    if (o.json) {
      nlohmann::json j{{"code", e.code}, {"label", text_json(e.label)}, {"retired", e.retired}};
      if (!e.replaced_by.empty()) j["replaced_by"] = e.replaced_by;
      entries.push_back(std::move(j));
    } else {
      print_line(e.code + "\t" + e.label.in(lang) + (e.retired ? "\t(retired)" : ""));
    }
  }
  if (o.json) print_json({{"name", vocab->name()}, {"version", vocab->version()}, {"entries", entries}});
  return {};
}

}  // namespace

void add_vocab_commands(CLI::App& app, Context& ctx) {
  auto* vocab = app.add_subcommand("vocab", "Controlled vocabularies (codes and labels)");
  auto o = std::make_shared<VocabOptions>();
  auto* list = vocab->add_subcommand("list", "List the vocabularies, or the codes of one vocabulary");
  list->add_option("NAME", o->name, "Vocabulary name (e.g. tactic, scope, consent_method)");
  list->add_option("--lang", o->lang, "Label language")->check(CLI::IsMember({"en", "zh-Hans", "zh-Hant"}));
  list->add_flag("--retired", o->retired, "Also list retired codes");
  list->add_flag("--json", o->json, "Print JSON");
  ctx.bind(list, [o] { return run_vocab_list(*o); });
}

}  // namespace safehold::cli
