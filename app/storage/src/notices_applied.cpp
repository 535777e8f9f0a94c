// Notices a vault receives from a case owner (schema/bundle-v1.md 12.4):
// applied only when the signer owns the case held here, once per notice id.
#include <algorithm>

#include "audit_log.hpp"
#include "notice_rows.hpp"
#include "record_rows.hpp"
#include "record_write.hpp"
#include "safehold/storage/notices.hpp"
#include "util.hpp"
#include "withdrawal_marks.hpp"

namespace safehold::storage {
using detail::VaultAccess;

namespace {

bool full_withdrawal(std::string_view extent) { return extent != "listed_scopes"; }

// A withdrawal notice as a mark on the case. A full withdrawal held (recorded
// here, or from an earlier notice) is never narrowed to listed scopes;
// listed scopes add up.
expected<void, StorageError> mark_withdrawn(detail::VaultState& s, const Notice& n) {
  auto held = detail::load_withdrawal_mark(s, n.case_id);
  if (!held) return unexpected(held.error());
  WithdrawalMark m{n.withdrawn_at, n.extent, n.scopes, n.id, {}};
  if (*held && full_withdrawal((*held)->extent) && !full_withdrawal(n.extent)) {
    m = **held;
    m.source = n.id;
  } else if (*held && !full_withdrawal((*held)->extent) && !full_withdrawal(n.extent)) {
    for (const auto& sc : (*held)->scopes) m.scopes.push_back(sc);
    std::sort(m.scopes.begin(), m.scopes.end());
    m.scopes.erase(std::unique(m.scopes.begin(), m.scopes.end()), m.scopes.end());
  }
  if (auto w = detail::save_withdrawal_mark(s, n.case_id, m); !w) return w;
  auto record = detail::load_record(s, n.case_id);
  if (!record) return unexpected(record.error());
  auto digest = detail::record_digest(*record);
  if (!digest) return unexpected(digest.error());
  detail::AuditEvent ev{AuditAction::withdrawal_marked, "case", n.case_id, n.case_id, "", n.id, *digest};
  if (auto e = detail::append_audit(s, ev); !e) return unexpected(e.error());
  // A notice that arrives after the owner's consent that followed it (the
  // person consented again) is recorded and lifted at once.
  if (auto l = detail::lift_mark_on_later_consent(s, n.case_id); !l) return unexpected(l.error());
  return {};
}

// The listed records the signer owns, deleted as a local delete would. A
// record still referred to (by this vault's own records, or by one kept) or
// the last consent of a case that needs it stays; the rest go in as many
// passes as their references need.
expected<void, StorageError> delete_listed(detail::VaultState& s, const Notice& n, std::string_view signer_key,
                                           NoticeResult& out) {
  std::vector<std::string> remaining;
  for (const auto& id : n.records) {
    auto r = detail::find_record(s, id);
    if (!r) return unexpected(r.error());
    if (!*r || (*r)->entity == "case" || (*r)->case_id != n.case_id) {
      out.absent.push_back(id);
      continue;
    }
    auto owner = detail::record_owner_key(s, id);
    if (!owner) return unexpected(owner.error());
    if (!*owner || **owner != signer_key) {
      out.kept.push_back(id);
      continue;
    }
    remaining.push_back(id);
  }
  for (bool progress = true; progress && !remaining.empty();) {
    progress = false;
    for (auto it = remaining.begin(); it != remaining.end();) {
      auto d = detail::delete_record(s, *it, n.id);
      if (!d && s.tx_broken) return d;  // it wrote before failing: the whole import rolls back
      if (!d && d.error().code != VaultError::has_dependents && d.error().code != VaultError::not_allowed) return d;
      if (!d) {
        ++it;
        continue;
      }
      out.deleted.push_back(*it);
      it = remaining.erase(it);
      progress = true;
    }
  }
  for (auto& id : remaining) out.kept.push_back(std::move(id));
  std::sort(out.kept.begin(), out.kept.end());
  return {};
}

}  // namespace

expected<bool, StorageError> NoticeStore::was_applied(std::string_view notice_id, std::string_view signer_key) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto st = a.state().db.prepare("SELECT 1 FROM applied_notices WHERE signer_key = ?1 AND id = ?2");
  if (!st) return unexpected(st.error());
  st->bind(1, signer_key).bind(2, notice_id);
  return st->step();
}

expected<NoticeResult, StorageError> NoticeStore::apply(const Notice& n, std::string_view signer_key,
                                                        std::string_view bundle_id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  NoticeResult out{n.id, n.kind, n.case_id, NoticeOutcome::not_applied, {}, {}, {}, {}};
  // By signer and id: a co-recipient who saw the owner's notice cannot
  // have one of its own applied first under that id and so stop the owner's.
  auto before = was_applied(n.id, signer_key);
  if (!before) return unexpected(before.error());
  if (*before) {
    out.outcome = NoticeOutcome::already_applied;
    return out;
  }
  auto owner = detail::record_owner_key(s, n.case_id);
  if (!owner) return unexpected(owner.error());
  if (!*owner) {
    out.reason = "this vault does not hold the case";
    return out;
  }
  if ((*owner)->empty()) {
    out.reason = "the case is this vault's own";
    return out;
  }
  if (**owner != signer_key || n.owner_key != signer_key) {
    out.reason = "the signer does not own the case held here";
    return out;
  }
  auto tx = detail::WriteTransaction::begin(s);
  if (!tx) return unexpected(tx.error());
  if (n.kind == "withdrawal") {
    if (auto m = mark_withdrawn(s, n); !m) return unexpected(m.error());
  } else if (n.records.empty()) {
    if (auto d = detail::delete_record(s, n.case_id, n.id); !d) return unexpected(d.error());
    out.deleted.push_back(n.case_id);
  } else if (auto d = delete_listed(s, n, signer_key, out); !d) {
    return unexpected(d.error());
  }
  const std::string body = detail::notice_body(n);
  auto ins = s.db.prepare(
      "INSERT INTO applied_notices (id, kind, case_id, signer_key, bundle_id, applied_at, body) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!ins) return unexpected(ins.error());
  ins->bind(1, n.id).bind(2, n.kind).bind(3, n.case_id).bind(4, signer_key).bind(5, bundle_id)
      .bind(6, detail::utc_now()).bind(7, body);
  if (auto r = ins->run(); !r) return unexpected(r.error());
  detail::AuditEvent ev{AuditAction::notice_applied, "case", n.case_id, n.case_id, "", n.id, detail::sha256(body)};
  if (auto e = detail::append_audit(s, ev); !e) return unexpected(e.error());
  if (auto c = tx->commit(); !c) return unexpected(c.error());
  out.outcome = NoticeOutcome::applied;
  return out;
}

expected<std::vector<AppliedNotice>, StorageError> NoticeStore::applied(std::string_view case_id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto st = a.state().db.prepare(
      case_id.empty()
          ? "SELECT id, signer_key, bundle_id, applied_at, body FROM applied_notices ORDER BY applied_at, id"
          : "SELECT id, signer_key, bundle_id, applied_at, body FROM applied_notices WHERE case_id = ?1 "
            "ORDER BY applied_at, id");
  if (!st) return unexpected(st.error());
  if (!case_id.empty()) st->bind(1, case_id);
  return st->all_rows([](const detail::Statement& row) {
    return AppliedNotice{detail::notice_from_body(row.text(0), row.text(1), row.text(4)), row.text(1), row.text(2),
                         row.text(3)};
  });
}

}  // namespace safehold::storage
