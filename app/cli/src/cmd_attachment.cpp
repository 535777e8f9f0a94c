// attachment add|get|list|delete: evidence content, encrypted in the vault.
// add creates the evidence item and imports the content in one batch, so a
// failure or Ctrl-C leaves neither the record nor a file behind.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "commands.hpp"
#include "failure.hpp"
#include "id_args.hpp"
#include "interrupt.hpp"
#include "output.hpp"
#include "record_args.hpp"
#include "safehold/base/file_io.hpp"

namespace safehold::cli {
namespace {

namespace fs = std::filesystem;

// Standard input as a byte source; Ctrl-C interrupts a blocked read.
class StdinSource final : public base::ByteSource {
 public:
  expected<std::size_t, base::IoError> read(std::span<std::uint8_t> out) override {
    for (;;) {
      if (!wait_readable(STDIN_FILENO)) return unexpected(base::IoError::cancelled);
      const auto n = ::read(STDIN_FILENO, out.data(), out.size());
      if (n >= 0) return static_cast<std::size_t>(n);
      if (errno != EINTR) return unexpected(base::IoError::read_failed);
    }
  }
};

struct AttachmentAddOptions {
  std::string case_ref, file, kind, description, media_type;
  bool keep_file_name = false;
  RecordArgs record;
  IdOutput printed;
};

Outcome run_attachment_add(Context& ctx, const AttachmentAddOptions& o) {
  // Open the content first: a missing file fails before the passphrase is asked.
  std::optional<base::FileSource> file;
  StdinSource stdin_source;
  if (o.file != "-") {
    auto opened = base::FileSource::open(o.file);
    if (!opened) return unexpected(to_failure(opened.error(), o.file));
    file.emplace(std::move(*opened));
  }
  RecordArgs args = o.record;
  add_shortcuts(args, {{"kind", &o.kind}, {"description", &o.description}, {"media_type", &o.media_type}});
  if (o.keep_file_name && o.file != "-") {
    add_shortcut(args, "original_file_name", fs::path(o.file).filename().string());
  }
  add_shortcut(args, "acquired_at", "now");
  auto input = build_record(args, {"evidence_item", "", ""}, nlohmann::json::object());
  if (!input) return unexpected(input.error());

  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto case_id = resolve_case(**vault, o.case_ref);
  if (!case_id) return unexpected(case_id.error());
  if (auto valid = refuse_all_schema_errors("evidence_item", input->fields); !valid) return valid;
  InterruptScope interrupts;
  auto batch = lift((*vault)->begin_batch());
  if (!batch) return unexpected(batch.error());
  auto evidence = lift((*vault)->records().create("evidence_item", *case_id, std::move(input->fields)));
  if (!evidence) return unexpected(evidence.error());
  ProgressLine progress("encrypting");
  const auto hooks = hooks_for(progress);
  auto info = file ? lift((*vault)->attachments().import(evidence->id, *file, file->size(), hooks))
                   : lift((*vault)->attachments().import(evidence->id, stdin_source, 0, hooks));
  progress.finish();
  if (!info) return unexpected(info.error());
  if (interrupt_requested()) return fail(ExitCode::interrupted, "interrupted; nothing was kept");
  if (auto committed = lift(batch->commit()); !committed) return committed;
  o.printed.print(info->id);
  return {};
}

struct GetOptions {
  std::string id, output;
  bool force = false;
};

Outcome copy_to_stdout(storage::AttachmentReader& reader) {
  std::vector<std::uint8_t> buf(64 * 1024);
  for (;;) {
    if (interrupt_requested()) return fail(ExitCode::interrupted, "interrupted");
    auto n = reader.read(buf);
    if (!n) return unexpected(to_failure(n.error(), "attachment"));
    if (*n == 0) break;
    if (std::fwrite(buf.data(), 1, *n, stdout) != *n) return fail(ExitCode::io, "cannot write to standard output");
  }
  if (std::fflush(stdout) != 0) return fail(ExitCode::io, "cannot write to standard output");
  return {};
}

Outcome run_get(Context& ctx, const GetOptions& o) {
  std::error_code ec;
  if (o.output != "-" && !o.force && fs::symlink_status(o.output, ec).type() != fs::file_type::not_found) {
    return fail(ExitCode::conflict, o.output + ": already exists (use --force to replace it)");
  }
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  InterruptScope interrupts;
  if (o.output == "-") {
    auto reader = lift((*vault)->attachments().get(o.id));
    if (!reader) return unexpected(reader.error());
    return copy_to_stdout(**reader);
  }
  ProgressLine progress("decrypting");
  auto exported = lift((*vault)->attachments().export_plaintext(
      o.id, o.output, hooks_for(progress), o.force ? base::Publish::replace : base::Publish::no_replace));
  progress.finish();
  return exported;
}

struct AttachmentListOptions {
  std::string case_ref;
  bool json = false;
};

Outcome run_attachment_list(Context& ctx, const AttachmentListOptions& o) {
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto case_id = resolve_case(**vault, o.case_ref);
  if (!case_id) return unexpected(case_id.error());
  auto items = lift((*vault)->records().list(*case_id, "evidence_item"));
  if (!items) return unexpected(items.error());
  Listing out(o.json);
  for (const auto& item : *items) {
    auto info = lift((*vault)->attachments().for_evidence(item.id));
    if (!info) return unexpected(info.error());
    if (!info->has_value()) continue;
    const auto& a = **info;
    out.add({{"id", a.id}, {"evidence_id", a.evidence_id}, {"case_id", a.case_id}, {"size", a.size},
             {"sha256", to_hex(a.sha256)}, {"created_at", a.created_at}},
            a.id + "\t" + a.evidence_id + "\t" + std::to_string(a.size) + "\t" + to_hex(a.sha256) + "\t" +
                a.created_at);
  }
  out.finish();
  return {};
}

struct AttachmentDeleteOptions {
  std::string id;
  bool yes = false;
};

Outcome run_attachment_delete(Context& ctx, const AttachmentDeleteOptions& o) {
  if (!o.yes) return fail(ExitCode::usage, "the content will be destroyed for good: add --yes");
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  return lift((*vault)->attachments().remove(o.id));
}

}  // namespace

void add_attachment_commands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("attachment", "Evidence content: add, get, list, delete");

  auto a = std::make_shared<AttachmentAddOptions>();
  auto* add = group->add_subcommand("add", "Encrypt FILE into the vault as a new evidence item; prints the attachment id");
  a->printed.add_flag(add);
  add_case_arg(add, a->case_ref);
  add->add_option("FILE", a->file, "The file to import ('-' = stdin)")->required();
  add->add_option("--kind", a->kind, "Kind of source (vocab list source)");
  add->add_option("--description", a->description, "Description");
  add->add_option("--media-type", a->media_type, "Media type, e.g. image/jpeg");
  add->add_flag("--keep-file-name", a->keep_file_name,
                "Store the original file name (identifying: needs consent scope store_real_identity)");
  add_record_args(add, a->record, false);
  ctx.bind(add, [&ctx, a] { return run_attachment_add(ctx, *a); });

  auto g = std::make_shared<GetOptions>();
  auto* get = group->add_subcommand("get", "Decrypt an attachment to a file (plaintext outside the vault!)");
  add_id_arg(get, g->id, "ATTACHMENT_ID");
  get->add_option("-o,--output", g->output, "Output file ('-' = stdout)")->required();
  get->add_flag("--force", g->force, "Replace an existing output file");
  ctx.bind(get, [&ctx, g] { return run_get(ctx, *g); });

  auto l = std::make_shared<AttachmentListOptions>();
  auto* list = group->add_subcommand("list", "List a case's attachments: id, evidence id, size, SHA-256, time");
  add_case_arg(list, l->case_ref);
  list->add_flag("--json", l->json, "Print JSON");
  ctx.bind(list, [&ctx, l] { return run_attachment_list(ctx, *l); });

  auto d = std::make_shared<AttachmentDeleteOptions>();
  auto* del = group->add_subcommand("delete", "Destroy an attachment's content (its key first: crypto-shredding)");
  add_id_arg(del, d->id, "ATTACHMENT_ID");
  del->add_flag("--yes", d->yes, "Confirm the deletion");
  ctx.bind(del, [&ctx, d] { return run_attachment_delete(ctx, *d); });
}

}  // namespace safehold::cli
