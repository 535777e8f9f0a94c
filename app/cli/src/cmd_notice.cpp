// notice list: withdrawal and deletion notices (schema/bundle-v1.md 12.4),
// those this vault issued as a case owner, with each recipient and whether a
// bundle carrying the notice went to them, and those it applied from owners.
// Also for cases deleted here, whose notices still wait for recipients.
#include <memory>

#include "commands.hpp"
#include "failure.hpp"
#include "id_args.hpp"
#include "notice_status.hpp"
#include "output.hpp"

namespace safehold::cli {
namespace {

struct NoticeListOptions {
  std::string case_ref;
  bool json = false;
};

// A case by reference or id; an id also when the case is gone (deleted here:
// its deletion notice may still wait).
expected<std::string, Failure> case_of(storage::Vault& vault, const std::string& arg) {
  auto id = resolve_case(vault, arg);
  if (id || is_case_reference(arg) || id.error().code != ExitCode::not_found) return id;
  return arg;
}

Outcome run_notice_list(Context& ctx, const NoticeListOptions& o) {
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  std::vector<std::string> cases;
  if (!o.case_ref.empty()) {
    auto id = case_of(**vault, o.case_ref);
    if (!id) return unexpected(id.error());
    cases.push_back(*id);
  } else {
    auto issued = lift((*vault)->notices().issued());
    if (!issued) return unexpected(issued.error());
    auto applied = lift((*vault)->notices().applied());
    if (!applied) return unexpected(applied.error());
    auto add = [&cases](const std::string& id) {
      if (std::find(cases.begin(), cases.end(), id) == cases.end()) cases.push_back(id);
    };
    for (const auto& i : *issued) add(i.notice.case_id);
    for (const auto& a : *applied) add(a.notice.case_id);
  }
  if (o.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : cases) {
      auto status = notice_status_json(**vault, c);
      if (!status) return unexpected(status.error());
      (*status)["case_id"] = c;
      out.push_back(std::move(*status));
    }
    print_json(out);
    return {};
  }
  for (const auto& c : cases) {
    print_line("case " + c);
    if (auto p = print_notice_status(**vault, c); !p) return p;
  }
  return {};
}

}  // namespace

void add_notice_commands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("notice", "Withdrawal and deletion notices: issued here (and to whom sent), applied here");
  auto l = std::make_shared<NoticeListOptions>();
  auto* list = group->add_subcommand("list", "Notices per case; per recipient: sent (bundle, time) or not yet sent");
  list->add_option("--case", l->case_ref, "Only this case (an id also for a case deleted here)")
      ->check(case_ref_validator());
  list->add_flag("--json", l->json, "Print JSON");
  ctx.bind(list, [&ctx, l] { return run_notice_list(ctx, *l); });
}

}  // namespace safehold::cli
