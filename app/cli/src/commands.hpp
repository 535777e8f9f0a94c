#pragma once
// One function per command group; each adds its subcommands to the root app
// and binds their actions on the shared Context. A new group is one more
// cmd_*.cpp and one line in register_all_commands().
#include <CLI/CLI.hpp>

#include "context.hpp"

namespace safehold::cli {

void add_vault_commands(CLI::App& app, Context& ctx);       // init, passwd, check
void add_case_commands(CLI::App& app, Context& ctx);        // case new|list|show|edit|delete|import-json
void add_record_commands(CLI::App& app, Context& ctx);      // record add|show|edit|delete|list
void add_consent_commands(CLI::App& app, Context& ctx);     // consent record|show|withdraw
void add_incident_commands(CLI::App& app, Context& ctx);    // incident add
void add_attachment_commands(CLI::App& app, Context& ctx);  // attachment add|get|list|delete
void add_search_commands(CLI::App& app, Context& ctx);      // search
void add_audit_commands(CLI::App& app, Context& ctx);       // audit show|verify
void add_vocab_commands(CLI::App& app, Context& ctx);       // vocab list
void add_identity_commands(CLI::App& app, Context& ctx);    // identity show|export-card|export-age-key
void add_contact_commands(CLI::App& app, Context& ctx);     // contact add|list|show|verify|remove
void add_exchange_commands(CLI::App& app, Context& ctx);    // export, verify, import
void add_backup_commands(CLI::App& app, Context& ctx);      // backup [verify], restore, wipe
void add_conflict_commands(CLI::App& app, Context& ctx);    // conflict list|settle
void add_report_commands(CLI::App& app, Context& ctx);      // report, data export
void add_stats_commands(CLI::App& app, Context& ctx);       // stats
void add_notice_commands(CLI::App& app, Context& ctx);      // notice list
void add_schema_commands(CLI::App& app, Context& ctx);      // schema entities|fields
void add_custody_commands(CLI::App& app, Context& ctx);     // custody show
// person|session|legal-measure|incident add|list|show|edit|delete, options from the model
void add_entity_verbs(CLI::App& app, Context& ctx);

inline void register_all_commands(CLI::App& app, Context& ctx) {
  add_vault_commands(app, ctx);
  add_case_commands(app, ctx);
  add_record_commands(app, ctx);
  add_consent_commands(app, ctx);
  add_incident_commands(app, ctx);
  add_attachment_commands(app, ctx);
  add_search_commands(app, ctx);
  add_audit_commands(app, ctx);
  add_vocab_commands(app, ctx);
  add_identity_commands(app, ctx);
  add_contact_commands(app, ctx);
  add_exchange_commands(app, ctx);
  add_backup_commands(app, ctx);
  add_conflict_commands(app, ctx);
  add_report_commands(app, ctx);
  add_stats_commands(app, ctx);
  add_notice_commands(app, ctx);
  add_schema_commands(app, ctx);
  add_custody_commands(app, ctx);
  add_entity_verbs(app, ctx);  // after incident: fills in the verbs its group lacks
}

}  // namespace safehold::cli
