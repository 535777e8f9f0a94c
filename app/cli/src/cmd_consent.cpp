// consent record|show|withdraw: the consent that the vault enforces
// (nothing but consent and interview sessions can be saved before it).
#include <memory>

#include "commands.hpp"
#include "failure.hpp"
#include "id_args.hpp"
#include "notice_status.hpp"
#include "output.hpp"
#include "record_args.hpp"
#include "safehold/schema/vocabulary.hpp"

namespace safehold::cli {
namespace {

const schema::Vocabulary& vocab(const char* name) { return *schema::Vocabularies::builtin().find(name); }

expected<std::string, Failure> code_of(const char* vocab_name, const std::string& text, const char* what) {
  auto code = resolve_code(vocab(vocab_name), text);
  if (code.empty() || !vocab(vocab_name).accepts_for_write(code)) {
    return fail(ExitCode::usage, std::string("unknown ") + what + " " + text + " (see `vocab list " + vocab_name + "`)");
  }
  return code;
}

// --scope NAME=yes|no|later, NAME may be "all"; later arguments override.
expected<nlohmann::json, Failure> scopes_from(const std::vector<std::string>& args) {
  nlohmann::json scopes = nlohmann::json::object();
  for (const auto& arg : args) {
    const auto eq = arg.find('=');
    if (eq == std::string::npos) return fail(ExitCode::usage, "--scope expects NAME=yes|no|later");
    auto answer = code_of("scope_answer", arg.substr(eq + 1), "scope answer");
    if (!answer) return unexpected(answer.error());
    const auto name = arg.substr(0, eq);
    if (name == "all") {
      for (const auto& e : vocab("scope").entries()) {
        if (!e.retired) scopes[e.code] = *answer;
      }
      continue;
    }
    auto code = code_of("scope", name, "consent scope");
    if (!code) return unexpected(code.error());
    scopes[*code] = *answer;
  }
  return scopes;
}

struct RecordOptions {
  std::string case_ref, method, given_at = "now", language, person, disclosure;
  std::vector<std::string> scopes;
  RecordArgs record;
  IdOutput printed;
};

Outcome run_record(Context& ctx, const RecordOptions& o) {
  auto method = code_of("consent_method", o.method, "consent method");
  if (!method) return unexpected(method.error());
  auto scopes = scopes_from(o.scopes);
  if (!scopes) return unexpected(scopes.error());
  RecordArgs args = o.record;
  add_shortcut(args, "method", *method);
  add_shortcut(args, "given_at", o.given_at);
  add_shortcuts(args, {{"language", &o.language}, {"person", &o.person}, {"disclosure", &o.disclosure}});
  auto input = build_record(args, {"consent", "", ""}, nlohmann::json::object());
  if (!input) return unexpected(input.error());
  if (!scopes->empty()) input->fields["scopes"] = *scopes;
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto case_id = resolve_case(**vault, o.case_ref);
  if (!case_id) return unexpected(case_id.error());
  if (auto valid = refuse_all_schema_errors("consent", input->fields); !valid) return valid;
  auto rec = lift((*vault)->records().create("consent", *case_id, std::move(input->fields)));
  if (!rec) return unexpected(rec.error());
  o.printed.print(rec->id);
  return {};
}

struct ConsentShowOptions {
  std::string case_ref;
  bool json = false;
};

Outcome run_consent_show(Context& ctx, const ConsentShowOptions& o) {
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto case_id = resolve_case(**vault, o.case_ref);
  if (!case_id) return unexpected(case_id.error());
  auto consent = (*vault)->consent();
  auto state = lift(consent.state(*case_id));
  if (!state) return unexpected(state.error());
  nlohmann::json answers = nlohmann::json::object();
  for (const auto& e : vocab("scope").entries()) {
    auto answer = lift(consent.scope(*case_id, e.code));
    if (!answer) return unexpected(answer.error());
    answers[e.code] = *answer;
  }
  auto sent = lift(consent.sent_to(*case_id));
  if (!sent) return unexpected(sent.error());
  auto records = lift((*vault)->records().list(*case_id, "consent"));
  if (!records) return unexpected(records.error());
  if (o.json) {
    nlohmann::json out{{"case_id", *case_id}, {"state", storage::to_string(*state)}, {"scopes", answers},
                       {"sent_to", nlohmann::json::array()}, {"records", nlohmann::json::array()}};
    for (const auto& d : *sent) {
      out["sent_to"].push_back(dispatch_json(**vault, d));
    }
    for (const auto& r : *records) out["records"].push_back(r.to_json());
    auto notices = notice_status_json(**vault, *case_id);
    if (!notices) return unexpected(notices.error());
    out["notices"] = std::move(*notices);
    print_json(out);
    return {};
  }
  print_line(std::string("consent: ") + storage::to_string(*state));
  for (const auto& [scope, answer] : answers.items()) {
    const auto a = answer.get<std::string>();
    print_line("  " + scope + ": " + (a.empty() ? "-" : a));
  }
  for (const auto& r : *records) print_line("record: " + r.id + "\t" + r.updated_at);
  for (const auto& d : *sent) {
    print_line("sent to: " + dispatch_line(**vault, d));
  }
  return print_notice_status(**vault, *case_id);
}

struct WithdrawOptions {
  std::string case_ref, extent = "all", at = "now";
  std::vector<std::string> scopes;
  bool json = false;
};

Outcome run_withdraw(Context& ctx, const WithdrawOptions& o) {
  auto extent = code_of("withdrawal_extent", o.extent, "withdrawal extent");
  if (!extent) return unexpected(extent.error());
  if ((*extent == "listed_scopes") == o.scopes.empty()) {
    return fail(ExitCode::usage, "--scope is needed with --extent listed_scopes, and only then");
  }
  nlohmann::json withdrawal{{"at", o.at == "now" ? utc_now() : o.at}, {"extent", *extent}};
  for (const auto& s : o.scopes) {
    auto code = code_of("scope", s, "consent scope");
    if (!code) return unexpected(code.error());
    withdrawal["scopes"].push_back(*code);
  }
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto case_id = resolve_case(**vault, o.case_ref);
  if (!case_id) return unexpected(case_id.error());
  // With the withdrawal, a notice for every earlier recipient (one batch,
  // core::casework): it travels with the next bundle to each of them. On a
  // copy: a withdrawal mark that blocks export here.
  const core::casework::Withdrawal w{withdrawal["at"].get<std::string>(), *extent,
                                     withdrawal.value("scopes", std::vector<std::string>{})};
  auto done = lift(core::casework::withdraw_consent(**vault, *case_id, w));
  if (!done) return unexpected(done.error());
  if (o.json) {
    report_notice(**vault, *case_id, *done, true);
    return {};
  }
  if (done->on_copy) {
    print_note("withdrawal recorded on this copy: the case can no longer be exported from this vault; "
               "tell the case owner, who holds its consent");
    return {};
  }
  report_notice(**vault, *case_id, *done);
  print_note("consent withdrawn");
  return {};
}

}  // namespace

void add_consent_commands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("consent", "Consent of a case: record, show, withdraw");

  auto r = std::make_shared<RecordOptions>();
  auto* rec = group->add_subcommand("record", "Record consent for a case; prints the consent record id");
  r->printed.add_flag(rec);
  add_case_arg(rec, r->case_ref);
  rec->add_option("--method", r->method, "written, oral-recorded or oral-noted")->required();
  rec->add_option("--scope", r->scopes, "NAME=yes|no|later (NAME from `vocab list scope`, or all); repeatable")
      ->type_name("NAME=ANSWER");
  rec->add_option("--given-at", r->given_at, "When consent was given (UTC, RFC 3339; default now)");
  rec->add_option("--language", r->language, "Language of the consent conversation (ISO 639-3)");
  rec->add_option("--person", r->person, "The person record who consented")->check(record_id_validator());
  rec->add_option("--disclosure", r->disclosure, "Disclosure level (vocab list disclosure)");
  add_record_args(rec, r->record, false);
  ctx.bind(rec, [&ctx, r] { return run_record(ctx, *r); });

  auto s = std::make_shared<ConsentShowOptions>();
  auto* show = group->add_subcommand("show", "Consent state, answer per scope, and where the case was sent");
  add_case_arg(show, s->case_ref);
  show->add_flag("--json", s->json, "Print JSON");
  ctx.bind(show, [&ctx, s] { return run_consent_show(ctx, *s); });

  auto w = std::make_shared<WithdrawOptions>();
  auto* withdraw = group->add_subcommand("withdraw", "Record a withdrawal of consent; lists who already received the case");
  add_case_arg(withdraw, w->case_ref);
  withdraw->add_option("--extent", w->extent, "all, listed-scopes or future-use (default all)");
  withdraw->add_option("--scope", w->scopes, "A withdrawn scope (with --extent listed-scopes); repeatable");
  withdraw->add_option("--at", w->at, "When consent was withdrawn (UTC, RFC 3339; default now)");
  withdraw->add_flag("--json", w->json, "Print JSON: the case, whether it is a copy, the notice and its recipients");
  ctx.bind(withdraw, [&ctx, w] { return run_withdraw(ctx, *w); });
}

}  // namespace safehold::cli
