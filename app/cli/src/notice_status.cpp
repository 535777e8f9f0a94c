// Notices in the CLI: issuing with the change, and the per-recipient status.
#include "notice_status.hpp"

#include "exchange_failure.hpp"
#include "failure.hpp"
#include "output.hpp"
#include "safehold/core/exchange/contacts.hpp"

namespace safehold::cli {

std::string contact_name(storage::Vault& vault, const std::string& contact_id) {
  auto name = core::exchange::ContactBook(vault).name_of(contact_id);
  return name ? name->label(contact_id) : "contact " + contact_id;
}

namespace {

const char* dispatch_via(const storage::Dispatch& d) {
  switch (d.action) {
    case storage::AuditAction::report_written: return "report";
    case storage::AuditAction::data_exported: return "data_export";
    default: return "bundle";
  }
}

std::string dispatch_who(storage::Vault& vault, const storage::Dispatch& d) {
  return d.contact_id.empty() ? "any " + d.recipient_kind + " (kind of recipient)" : contact_name(vault, d.contact_id);
}

}  // namespace

nlohmann::json dispatch_json(storage::Vault& vault, const storage::Dispatch& d) {
  nlohmann::json j{{"via", dispatch_via(d)},        {"contact_id", d.contact_id},
                   {"contact_name", dispatch_who(vault, d)}, {"recipient_kind", d.recipient_kind},
                   {"reference", d.reference},      {"at", d.at}};
  if (d.action == storage::AuditAction::bundle_exported) j["bundle_id"] = d.reference;
  return j;
}

std::string dispatch_line(storage::Vault& vault, const storage::Dispatch& d) {
  const std::string via = d.action == storage::AuditAction::data_exported ? "data export" : dispatch_via(d);
  return dispatch_who(vault, d) + "\t" + (d.contact_id.empty() ? "kind:" + d.recipient_kind : d.contact_id) + "\t" +
         d.at + "\t" + via + " " + d.reference;
}

namespace {

nlohmann::json notice_json(const storage::Notice& n) {
  nlohmann::json j{{"id", n.id}, {"kind", n.kind}, {"case_id", n.case_id}, {"issued_at", n.issued_at}};
  if (n.kind == "withdrawal") {
    j["withdrawal"] = {{"at", n.withdrawn_at}, {"extent", n.extent}, {"scopes", n.scopes}};
  } else {
    j["records"] = n.records;
  }
  return j;
}

}  // namespace

void report_notice(storage::Vault& vault, const std::string& case_id, const core::casework::NotifiedChange& done,
                   bool json) {
  if (json) {
    nlohmann::json out{{"case_id", case_id}, {"on_copy", done.on_copy}, {"notice", nullptr}};
    if (done.notice) {
      nlohmann::json recipients = nlohmann::json::array();
      for (const auto& d : done.notice->deliveries) {
        recipients.push_back({{"contact_id", d.contact_id}, {"name", contact_name(vault, d.contact_id)}});
      }
      out["notice"] = {{"id", done.notice->notice.id}, {"kind", done.notice->notice.kind}, {"recipients", recipients}};
    }
    print_json(out);
    return;
  }
  if (done.on_copy) return;  // a copy: nothing travels from here
  if (!done.notice) {
    print_note("no bundle of this case was sent: no notice needed");
    return;
  }
  const auto& n = done.notice->notice;
  const std::size_t holders = done.notice->deliveries.size();
  print_note(n.kind + " notice " + n.id + " waits for " + count_of(holders, "recipient") +
             (holders == 1 ? " who holds a copy" : " who hold copies") +
             "; it goes with the next bundle to each (a bundle of the case, or `export --case " + case_id +
             " --to CONTACT --notices-only -o FILE`)");
  for (const auto& d : done.notice->deliveries) {
    print_line("holds a copy: " + d.contact_id + "\t" + contact_name(vault, d.contact_id) + "\tnotice " + n.id +
               " not yet sent");
  }
}

expected<nlohmann::json, Failure> notice_status_json(storage::Vault& vault, const std::string& case_id) {
  nlohmann::json out{{"issued", nlohmann::json::array()}, {"applied", nlohmann::json::array()},
                     {"withdrawal_mark", nullptr}};
  auto issued = lift(vault.notices().issued(case_id));
  if (!issued) return unexpected(issued.error());
  for (const auto& i : *issued) {
    auto j = notice_json(i.notice);
    j["recipients"] = nlohmann::json::array();
    for (const auto& d : i.deliveries) {
      j["recipients"].push_back({{"contact_id", d.contact_id},
                                 {"name", contact_name(vault, d.contact_id)},
                                 {"sent", d.sent()},
                                 {"bundle_id", d.bundle_id},
                                 {"sent_at", d.sent_at}});
    }
    out["issued"].push_back(std::move(j));
  }
  auto applied = lift(vault.notices().applied(case_id));
  if (!applied) return unexpected(applied.error());
  for (const auto& a : *applied) {
    auto j = notice_json(a.notice);
    j["bundle_id"] = a.bundle_id;
    j["applied_at"] = a.applied_at;
    out["applied"].push_back(std::move(j));
  }
  auto mark = lift(vault.consent().withdrawal_mark(case_id));
  if (!mark) return unexpected(mark.error());
  if (*mark) {
    out["withdrawal_mark"] = {{"at", (*mark)->at},
                              {"extent", (*mark)->extent},
                              {"scopes", (*mark)->scopes},
                              {"source", (*mark)->source},
                              {"recorded_at", (*mark)->recorded_at}};
  }
  return out;
}

Outcome print_notice_status(storage::Vault& vault, const std::string& case_id) {
  auto status = notice_status_json(vault, case_id);
  if (!status) return unexpected(status.error());
  const auto& mark = (*status)["withdrawal_mark"];
  if (!mark.is_null()) {
    const std::string source = mark["source"].get<std::string>();
    print_line(std::string("WITHDRAWN: consent was withdrawn (") + mark["extent"].get<std::string>() + ", " +
               mark["at"].get<std::string>() + ") " +
               (source == "local" ? std::string("as recorded here") : "by the case owner's notice " + source) +
               "; this vault will not export the case");
  }
  for (const auto& n : (*status)["issued"]) {
    for (const auto& r : n["recipients"]) {
      print_line("notice " + n["id"].get<std::string>() + " (" + n["kind"].get<std::string>() + ") to " +
                 r["name"].get<std::string>() + " (" + r["contact_id"].get<std::string>() + "): " +
                 (r["sent"].get<bool>() ? "sent " + r["sent_at"].get<std::string>() + " in bundle " +
                                              r["bundle_id"].get<std::string>()
                                        : std::string("not yet sent")));
    }
  }
  for (const auto& n : (*status)["applied"]) {
    print_line("notice " + n["id"].get<std::string>() + " (" + n["kind"].get<std::string>() +
               ") from the case owner applied " + n["applied_at"].get<std::string>());
  }
  return {};
}

}  // namespace safehold::cli
