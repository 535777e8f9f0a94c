// export, verify, import: sealed bundles (schema/bundle-v1.md) between vaults.
// The work is done by safehold_core's exchange services; this file parses
// options, shows progress and results, and maps refusals to exit codes.
#include <memory>

#include "commands.hpp"
#include "exchange_failure.hpp"
#include "failure.hpp"
#include "id_args.hpp"
#include "interrupt.hpp"
#include "notice_status.hpp"
#include "output.hpp"
#include "safehold/core/exchange/contacts.hpp"
#include "safehold/core/exchange/export.hpp"
#include "safehold/core/exchange/import.hpp"

namespace safehold::cli {
namespace {

namespace ex = core::exchange;

struct ExportOptions {
  std::vector<std::string> cases, to;
  std::string output;
  bool include_identifying = false;
  bool notices_only = false;
  bool check = false;
  bool json = false;
};

expected<ex::ExportRequest, Failure> request_for(storage::Vault& vault, const ExportOptions& o) {
  ex::ExportRequest req;
  req.include_identifying = o.include_identifying;
  req.notices_only = o.notices_only;
  for (const auto& c : o.cases) {
    auto id = resolve_case(vault, c);
    // Notices only: a case deleted here, by id, still has its deletion notice to send.
    if (!id && o.notices_only && !is_case_reference(c) && id.error().code == ExitCode::not_found) id = c;
    if (!id) return unexpected(id.error());
    req.cases.push_back(*id);
  }
  ex::ContactBook book(vault);
  for (const auto& who : o.to) {
    auto c = lift(book.find(who));
    if (!c) return unexpected(c.error());
    req.recipients.push_back(c->id);
  }
  return req;
}

nlohmann::json plan_json(storage::Vault& vault, const ex::ExportPlan& plan) {
  nlohmann::json out{{"ok", plan.ok()}, {"cases", nlohmann::json::array()}, {"problems", nlohmann::json::array()}};
  for (const auto& c : plan.cases) {
    nlohmann::json sent = nlohmann::json::array();
    for (const auto& d : c.already_sent) {
      sent.push_back(dispatch_json(vault, d));
    }
    out["cases"].push_back({{"case_id", c.case_id}, {"reference", c.reference},
                            {"consent", storage::to_string(c.consent)}, {"records", c.records},
                            {"attachments", c.attachments}, {"attachment_bytes", c.attachment_bytes},
                            {"identifying_included", c.identifying_included}, {"already_sent", sent}});
  }
  for (const auto& p : plan.problems) {
    out["problems"].push_back({{"case_id", p.case_id}, {"reference", p.reference}, {"contact_id", p.contact_id},
                               {"scope", p.scope}, {"message", p.message}});
  }
  return out;
}

Outcome run_export_check(storage::Vault& vault, const ex::ExportRequest& req, bool json) {
  auto plan = lift(ex::check_export(vault, req));
  if (!plan) return unexpected(plan.error());
  if (json) {
    print_json(plan_json(vault, *plan));
  } else {
    for (const auto& c : plan->cases) {
      print_line(c.case_id + "\t" + c.reference + "\t" + storage::to_string(c.consent) + "\t" +
                 count_of(c.records, "record") + "\t" + count_of(c.attachments, "attachment") +
                 (c.identifying_included ? "\tidentifying included" : ""));
      for (const auto& d : c.already_sent) {
        print_line("  already sent: " + dispatch_line(vault, d));
      }
    }
    for (const auto& p : plan->problems) print_line("problem: " + p.message);
  }
  if (!plan->ok()) return fail(ExitCode::refused, plan->problems.front().message);
  return {};
}

Outcome run_export(Context& ctx, const ExportOptions& o) {
  if (!o.check && o.output.empty()) return fail(ExitCode::usage, "-o FILE is needed (or --check)");
  if (o.notices_only && o.include_identifying) {
    return fail(ExitCode::usage, "--notices-only carries no record: --include-identifying does not apply");
  }
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto req = request_for(**vault, o);
  if (!req) return unexpected(req.error());
  if (o.check) return run_export_check(**vault, *req, o.json);
  InterruptScope interrupts;
  ProgressLine progress("sealing");
  auto done = lift(ex::export_bundle(**vault, *req, o.output, hooks_for(progress)));
  progress.finish();
  if (!done) return unexpected(done.error());
  if (o.json) {
    print_json({{"bundle_id", done->bundle_id}, {"created", done->created}, {"recipients", done->recipients},
                {"records", done->records}, {"attachments", done->attachments}, {"notices", done->notices},
                {"bytes", done->bytes}});
  } else {
    print_line(done->bundle_id);
  }
  print_note("sealed bundle " + done->bundle_id + ": " + count_of(req->cases.size(), "case") + ", " +
             count_of(done->records, "record") + ", " + count_of(done->attachments, "attachment") + ", " +
             count_of(done->notices, "notice") + ", " + count_of(done->recipients.size(), "recipient"));
  return {};
}

struct ReadOptions {
  std::string file;
  bool allow_unverified = false;
  bool json = false;
};

nlohmann::json report_json(const ex::BundleReport& r) {
  nlohmann::json cases = nlohmann::json::array();
  for (const auto& c : r.cases) {
    nlohmann::json atts = nlohmann::json::array();
    for (const auto& a : c.attachments) atts.push_back({{"evidence_id", a.evidence_id}, {"size", a.size}, {"sha256", a.sha256}});
    cases.push_back({{"case_id", c.case_id}, {"reference", c.reference}, {"title", c.title}, {"records", c.records},
                     {"attachments", atts}, {"new", c.created}, {"updated", c.updated}, {"upgraded", c.upgraded}, {"stale", c.stale},
                     {"conflicts", c.conflicts},
                     {"not_from_owner", c.not_from_owner}, {"unchanged", c.unchanged}});
  }
  nlohmann::json notices = nlohmann::json::array();
  for (const auto& n : r.notices) {
    notices.push_back({{"notice_id", n.notice_id}, {"kind", n.kind}, {"case_id", n.case_id}, {"outcome", n.outcome},
                       {"reason", n.reason}, {"deleted", n.deleted}, {"kept", n.kept}, {"absent", n.absent}});
  }
  const auto& s = r.sender;
  return {{"bundle_id", r.bundle_id},
          {"created", r.created},
          {"app_version", r.app_version},
          {"sender", {{"name", s.claimed_name}, {"contact_id", s.contact_id}, {"contact_name", s.contact_name},
                      {"minisign_key_id", s.key_id}, {"minisign_public_key", s.minisign_public_key},
                      {"age_recipient", s.age_recipient}, {"fingerprint", s.fingerprint},
                      {"verified", !r.unverified_sender}}},
          {"recipients", r.recipients},
          {"cases", cases},
          {"notices", notices},
          {"audit_excerpts", r.audit_excerpts},
          {"total_bytes", r.total_bytes},
          {"already_imported", r.already_imported},
          {"imported_at", r.imported_at}};
}

// Per case, what the import does with each record (ids only: no content).
void print_outcomes(const ex::IncomingCase& c) {
  auto ids = [](const char* label, const std::vector<std::string>& list) {
    if (list.empty()) return;
    std::string line = std::string("  ") + label + ":";
    for (const auto& id : list) line += " " + id;
    print_line(line);
  };
  ids("new", c.created);
  ids("updated", c.updated);
  ids("upgraded (fields we lacked)", c.upgraded);
  ids("IN CONFLICT (set aside: conflict list / conflict settle)", c.conflicts);
  ids("stale (kept ours)", c.stale);
  ids("not from its owner (kept ours)", c.not_from_owner);
  print_line("  unchanged: " + std::to_string(c.unchanged));
}

// What the import does with each notice: applied, not applied (why), or
// already applied.
void print_notices(const ex::BundleReport& r) {
  for (const auto& n : r.notices) {
    std::string line = "notice " + n.notice_id + " (" + n.kind + ", case " + n.case_id + "): " +
                       (n.outcome == "applied"           ? std::string("applied")
                        : n.outcome == "already_applied" ? std::string("already applied, skipped")
                                                         : "NOT APPLIED: " + n.reason);
    if (!n.deleted.empty()) line += "; deleted " + std::to_string(n.deleted.size());
    if (!n.kept.empty()) line += "; kept " + std::to_string(n.kept.size()) + " (not the owner's, or still referred to)";
    if (!n.absent.empty()) line += "; not held " + std::to_string(n.absent.size());
    print_line(line);
  }
}

void print_report(const ex::BundleReport& r) {
  const auto& s = r.sender;
  print_line("bundle: " + r.bundle_id);
  print_line("created: " + r.created);
  print_line("sender: " + s.contact_name + " (contact " + s.contact_id + "), " +
             (r.unverified_sender ? "NOT VERIFIED" : "verified"));
  print_line("signing key: " + s.key_id + ", fingerprint " + s.fingerprint);
  for (const auto& c : r.cases) {
    print_line("case: " + c.case_id + "\t" + c.reference + "\t" + count_of(c.records, "record") + "\t" +
               count_of(c.attachments.size(), "attachment"));
    print_outcomes(c);
  }
  print_notices(r);
  print_line("already imported: " + (r.already_imported ? "yes, " + r.imported_at : std::string("no")));
}

Outcome run_bundle_verify(Context& ctx, const ReadOptions& o) {
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  InterruptScope interrupts;
  ProgressLine progress("verifying");
  auto report = lift(ex::verify_bundle(**vault, o.file, {o.allow_unverified}, hooks_for(progress)));
  progress.finish();
  if (!report) return unexpected(report.error());
  if (o.json) {
    print_json(report_json(*report));
  } else {
    print_report(*report);
  }
  return {};
}

Outcome run_bundle_import(Context& ctx, const ReadOptions& o) {
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  InterruptScope interrupts;
  ProgressLine progress("importing");
  auto done = lift(ex::import_bundle(**vault, o.file, {o.allow_unverified}, hooks_for(progress)));
  progress.finish();
  if (!done) return unexpected(done.error());
  if (o.json) {
    auto j = report_json(done->report);
    j["records_written"] = done->records_written;
    j["records_unchanged"] = done->records_unchanged;
    j["attachments_received"] = done->attachments;
    print_json(j);
  } else {
    print_line(done->report.bundle_id);
    for (const auto& c : done->report.cases) {
      print_line("case: " + c.case_id + "\t" + c.reference);
      print_outcomes(c);
    }
    print_notices(done->report);
  }
  if (done->already_imported) {
    print_note("bundle " + done->report.bundle_id + " was already imported (" + done->report.imported_at +
               "); nothing changed");
    return {};
  }
  print_note("imported bundle " + done->report.bundle_id + " from " + done->report.sender.contact_name + ": " +
             count_of(done->report.cases.size(), "case") + ", " + count_of(done->records_written, "record") +
             " written, " + std::to_string(done->records_unchanged) + " unchanged, " +
             count_of(done->attachments, "attachment") +
             (done->report.unverified_sender ? "; marked as from an UNVERIFIED contact" : ""));
  return {};
}

}  // namespace

void add_exchange_commands(CLI::App& app, Context& ctx) {
  auto e = std::make_shared<ExportOptions>();
  auto* exp = app.add_subcommand("export", "Seal cases into a bundle for contacts (consent enforced); prints the bundle id");
  exp->add_option("--case", e->cases, "Case id or reference (repeatable)")->required()->check(case_ref_validator());
  exp->add_option("--to", e->to, "Recipient contact: id or display name (repeatable)")->required();
  exp->add_option("-o,--output", e->output, "The bundle file to write (must not exist)");
  exp->add_flag("--include-identifying", e->include_identifying,
                "Include identifying fields (needs consent scope store_real_identity and disclosure level named)");
  exp->add_flag("--notices-only", e->notices_only,
                "Only the withdrawal and deletion notices of the cases still waiting for these recipients "
                "(no record; also for a withdrawn case, or by id for one deleted here)");
  exp->add_flag("--check", e->check, "Only check consent and recipients; write nothing (exit 4 if refused)");
  exp->add_flag("--json", e->json, "Print JSON");
  ctx.bind(exp, [&ctx, e] { return run_export(ctx, *e); });

  auto v = std::make_shared<ReadOptions>();
  auto* ver = app.add_subcommand("verify", "Check a bundle completely (sender, signature, every byte) without importing");
  ver->add_option("FILE", v->file, "The bundle file")->required();
  ver->add_flag("--allow-unverified", v->allow_unverified, "Accept a contact whose fingerprint was not verified");
  ver->add_flag("--json", v->json, "Print JSON");
  ctx.bind(ver, [&ctx, v] { return run_bundle_verify(ctx, *v); });

  auto i = std::make_shared<ReadOptions>();
  auto* imp = app.add_subcommand("import", "Verify and import a bundle, all or nothing; again: nothing changes");
  imp->add_option("FILE", i->file, "The bundle file")->required();
  imp->add_flag("--allow-unverified", i->allow_unverified,
                "Accept a contact whose fingerprint was not verified (the import is marked as such)");
  imp->add_flag("--json", i->json, "Print JSON");
  ctx.bind(imp, [&ctx, i] { return run_bundle_import(ctx, *i); });
}

}  // namespace safehold::cli
