#include "id_args.hpp"

#include "failure.hpp"
#include "safehold/schema/formats.hpp"

namespace safehold::cli {

bool is_case_reference(std::string_view s) noexcept {
  // "SH-" YYYY "-" at least four digits.
  if (s.size() < 12 || s.size() > 20 || s.substr(0, 3) != "SH-" || s[7] != '-') return false;
  for (std::size_t i = 3; i < s.size(); ++i) {
    if (i == 7) continue;
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

CLI::Validator record_id_validator() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        return schema::is_uuid_v4(s) ? std::string{} : "not a record id (a lowercase UUID v4)";
      },
      "ID", "record id");
}

CLI::Validator case_ref_validator() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        if (schema::is_uuid_v4(s) || is_case_reference(s)) return {};
        return "not a case id (a lowercase UUID v4) or case reference (SH-YYYY-NNNN)";
      },
      "CASE", "case id or reference");
}

void add_case_arg(CLI::App* sub, std::string& target) {
  sub->add_option("CASE", target, "Case id or reference (SH-YYYY-NNNN)")->required()->check(case_ref_validator());
}

void add_id_arg(CLI::App* sub, std::string& target, const std::string& name) {
  sub->add_option(name, target, name == "ID" ? "Record id" : "Attachment id")->required()->check(record_id_validator());
}

expected<std::string, Failure> resolve_case(storage::Vault& vault, const std::string& arg) {
  if (is_case_reference(arg)) {
    auto found = lift(vault.records().find_case_by_reference(arg));
    if (!found) return unexpected(found.error());
    if (!found->has_value()) return fail(ExitCode::not_found, "no case with reference " + arg);
    return (*found)->id;
  }
  auto rec = vault.records().get(arg);
  if (!rec) {
    if (rec.error().code == storage::VaultError::not_found) {
      return fail(ExitCode::not_found, "no case with id " + arg);
    }
    return unexpected(to_failure(rec.error()));
  }
  if (rec->entity != "case") return fail(ExitCode::usage, arg + " is a " + rec->entity + " record, not a case");
  return rec->id;
}

}  // namespace safehold::cli
