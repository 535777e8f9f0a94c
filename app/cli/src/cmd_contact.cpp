// contact add|list|show|edit|verify|remove: the address book of bundle senders
// and recipients (schema/contact-card-v1.md).
#include <memory>
#include <optional>

#include "commands.hpp"
#include "exchange_failure.hpp"
#include "failure.hpp"
#include "field_args.hpp"
#include "output.hpp"
#include "safehold/core/exchange/contacts.hpp"
#include "safehold/base/file_io.hpp"
#include "safehold/schema/vocabulary.hpp"

namespace safehold::cli {
namespace {

namespace ex = core::exchange;

expected<std::string, Failure> code_in(const char* vocab_name, const std::string& text, const char* what) {
  if (text.empty()) return std::string();
  const auto* vocab = schema::Vocabularies::builtin().find(vocab_name);
  auto code = resolve_code(*vocab, text);
  if (code.empty() || !vocab->accepts_for_write(code)) {
    return fail(ExitCode::usage, std::string("unknown ") + what + " " + text + " (see `vocab list " + vocab_name + "`)");
  }
  return code;
}

nlohmann::json to_json(const ex::Contact& c) {
  return {{"id", c.id},
          {"display_name", c.display_name},
          {"organisation", c.organisation},
          {"kind", c.kind},
          {"age_recipient", c.age_recipient},
          {"minisign_public_key", c.minisign_public_key},
          {"minisign_key_id", c.minisign_key_id},
          {"fingerprint", c.fingerprint},
          {"verified", c.verified},
          {"verified_at", c.verified_at},
          {"verification_method", c.verification_method},
          {"created_at", c.created_at}};
}

struct ContactAddOptions {
  std::string card, name, age, minisign, org, kind, notes;
  IdOutput printed;
};

Outcome run_contact_add(Context& ctx, const ContactAddOptions& o) {
  const bool by_card = !o.card.empty();
  if (by_card == (!o.name.empty() || !o.age.empty() || !o.minisign.empty())) {
    return fail(ExitCode::usage, "give either --card FILE, or --name, --age and --minisign");
  }
  if (!by_card && (o.name.empty() || o.age.empty() || o.minisign.empty())) {
    return fail(ExitCode::usage, "--name, --age and --minisign are all needed without --card");
  }
  auto kind = code_in("recipient_kind", o.kind, "kind of recipient");
  if (!kind) return unexpected(kind.error());
  std::vector<std::uint8_t> card;
  if (by_card) {
    auto bytes = base::read_small_file(o.card, ex::kMaxCardSize + 1);
    if (!bytes) {
      if (bytes.error() == base::FileError::io_failed) return fail(ExitCode::usage, o.card + ": not a Safehold contact card");
      return unexpected(to_failure(bytes.error(), o.card));
    }
    card = std::move(*bytes);
  }
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  ex::ContactBook book(**vault);
  auto added = by_card ? lift(book.add_card(card, o.org, *kind))
                       : lift(book.add({o.name, o.age, o.minisign, o.org, *kind, o.notes}));
  if (!added) return unexpected(added.error());
  o.printed.print(added->id);
  print_note("fingerprint " + added->fingerprint + ": compare it with " + added->display_name +
             ", then run `contact verify`");
  return {};
}

struct ContactListOptions {
  bool json = false;
};

Outcome run_contact_list(Context& ctx, const ContactListOptions& o) {
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto all = lift(ex::ContactBook(**vault).list());
  if (!all) return unexpected(all.error());
  Listing out(o.json);
  for (const auto& c : *all) {
    out.add(to_json(c), c.id + "\t" + c.display_name + "\t" + (c.kind.empty() ? "-" : c.kind) + "\t" +
                            (c.verified ? "verified" : "unverified") + "\t" + c.fingerprint);
  }
  out.finish();
  return {};
}

struct ContactShowOptions {
  std::string who;
  bool json = false;
};

Outcome run_contact_show(Context& ctx, const ContactShowOptions& o) {
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto c = lift(ex::ContactBook(**vault).find(o.who));
  if (!c) return unexpected(c.error());
  if (o.json) {
    print_json(to_json(*c));
    return {};
  }
  print_line("id: " + c->id);
  print_line("name: " + c->display_name);
  if (!c->organisation.empty()) print_line("organisation: " + c->organisation);
  print_line("kind: " + (c->kind.empty() ? std::string("-") : c->kind));
  print_line("age recipient: " + c->age_recipient);
  print_line("minisign public key: " + c->minisign_public_key);
  print_line("minisign key id: " + c->minisign_key_id);
  print_line("fingerprint: " + c->fingerprint);
  print_line(c->verified ? "verified: " + c->verified_at + " (" + c->verification_method + ")"
                         : std::string("verified: no"));
  return {};
}

struct ContactEditOptions {
  std::string who, name, org, kind, notes;
  CLI::Option *name_opt = nullptr, *org_opt = nullptr, *kind_opt = nullptr, *notes_opt = nullptr;
  // --age, --minisign and --card are accepted only to refuse them with a reason.
  std::string key_value;
  bool keys_given = false;
};

std::optional<std::string> given(const CLI::Option* opt, const std::string& value) {
  return opt->count() > 0 ? std::optional<std::string>(value) : std::nullopt;
}

Outcome run_contact_edit(Context& ctx, const ContactEditOptions& o) {
  if (o.keys_given) {
    return fail(ExitCode::usage,
                "a contact's keys cannot be edited: other keys are a new contact (`contact add`, then `contact "
                "verify`)");
  }
  ex::ContactEdit edit{given(o.name_opt, o.name), given(o.org_opt, o.org), given(o.kind_opt, o.kind),
                       given(o.notes_opt, o.notes)};
  if (!edit.display_name && !edit.organisation && !edit.kind && !edit.notes) {
    return fail(ExitCode::usage, "nothing to change: give --name, --org, --kind or --notes");
  }
  if (edit.kind) {
    auto kind = code_in("recipient_kind", *edit.kind, "kind of recipient");
    if (!kind) return unexpected(kind.error());
    edit.kind = *kind;
  }
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  ex::ContactBook book(**vault);
  auto c = lift(book.find(o.who));
  if (!c) return unexpected(c.error());
  auto done = lift(book.update(c->id, edit));
  if (!done) return unexpected(done.error());
  print_note("contact " + done->display_name + " updated; keys, fingerprint and verification unchanged");
  return {};
}

struct VerifyOptions {
  std::string who, method, fingerprint;
};

Outcome run_contact_verify(Context& ctx, const VerifyOptions& o) {
  auto method = code_in("verification_method", o.method, "verification method");
  if (!method) return unexpected(method.error());
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  ex::ContactBook book(**vault);
  auto c = lift(book.find(o.who));
  if (!c) return unexpected(c.error());
  auto done = lift(book.verify(c->id, *method, o.fingerprint));
  if (!done) return unexpected(done.error());
  print_note("contact " + done->display_name + " verified (" + *method + ", " + done->verified_at +
             "), fingerprint " + done->fingerprint);
  return {};
}

struct RemoveOptions {
  std::string who;
};

Outcome run_remove(Context& ctx, const RemoveOptions& o) {
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  ex::ContactBook book(**vault);
  auto c = lift(book.find(o.who));
  if (!c) return unexpected(c.error());
  return lift(book.remove(c->id));
}

}  // namespace

void add_contact_commands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("contact", "Address book for sealed bundles: add, list, show, edit, verify, remove");

  auto a = std::make_shared<ContactAddOptions>();
  auto* add = group->add_subcommand("add", "Add a contact from a card, or from its keys; prints the contact id");
  a->printed.add_flag(add);
  add->add_option("--card", a->card, "A contact card file (schema/contact-card-v1.md)");
  add->add_option("--name", a->name, "Display name (without --card)");
  add->add_option("--age", a->age, "age recipient, age1… (without --card)");
  add->add_option("--minisign", a->minisign, "minisign public key line, RW… (without --card)");
  add->add_option("--org", a->org, "Organisation");
  add->add_option("--kind", a->kind, "Kind of recipient: lawyer, ngo, host-authority, un-body (decides the consent scope)");
  add->add_option("--notes", a->notes, "Notes");
  ctx.bind(add, [&ctx, a] { return run_contact_add(ctx, *a); });

  auto l = std::make_shared<ContactListOptions>();
  auto* list = group->add_subcommand("list", "List contacts: id, name, kind, verified, fingerprint");
  list->add_flag("--json", l->json, "Print JSON");
  ctx.bind(list, [&ctx, l] { return run_contact_list(ctx, *l); });

  auto s = std::make_shared<ContactShowOptions>();
  auto* show = group->add_subcommand("show", "Show a contact (by id or display name) with its fingerprint");
  show->add_option("CONTACT", s->who, "Contact id or display name")->required();
  show->add_flag("--json", s->json, "Print JSON");
  ctx.bind(show, [&ctx, s] { return run_contact_show(ctx, *s); });

  auto e = std::make_shared<ContactEditOptions>();
  auto* edit = group->add_subcommand(
      "edit", "Change a contact's name, organisation, kind or notes; its keys cannot change (audited)");
  edit->add_option("CONTACT", e->who, "Contact id or display name")->required();
  e->name_opt = edit->add_option("--name", e->name, "New display name");
  e->org_opt = edit->add_option("--org,--organisation", e->org, "Organisation (\"\" removes it)");
  e->kind_opt = edit->add_option(
      "--kind", e->kind, "Kind of recipient: lawyer, ngo, host-authority, un-body (\"\" removes it; decides the consent scope)");
  e->notes_opt = edit->add_option("--notes", e->notes, "Notes (\"\" removes them)");
  for (const char* key_option : {"--age", "--minisign", "--card"}) {
    edit->add_option(key_option, e->key_value)->group("")->each([e](const std::string&) { e->keys_given = true; });
  }
  ctx.bind(edit, [&ctx, e] { return run_contact_edit(ctx, *e); });

  auto v = std::make_shared<VerifyOptions>();
  auto* verify = group->add_subcommand(
      "verify", "Record that you compared the contact's fingerprint with them (in person, by call or by QR); audited");
  verify->add_option("CONTACT", v->who, "Contact id or display name")->required();
  verify->add_option("--method", v->method, "How: in-person, call or qr")->required();
  verify->add_option("--fingerprint", v->fingerprint, "The fingerprint you compared (checked against the contact's)");
  ctx.bind(verify, [&ctx, v] { return run_contact_verify(ctx, *v); });

  auto r = std::make_shared<RemoveOptions>();
  auto* remove = group->add_subcommand("remove", "Remove a contact (refused while a consent record names it)");
  remove->add_option("CONTACT", r->who, "Contact id or display name")->required();
  ctx.bind(remove, [&ctx, r] { return run_remove(ctx, *r); });
}

}  // namespace safehold::cli
