#pragma once
// Ids on the command line: records by their UUID, cases by UUID or by
// reference (SH-2026-0042). Malformed ids are usage errors caught by CLI11
// before the vault is opened.
#include <CLI/CLI.hpp>

#include <string>
#include <string_view>

#include "exit_codes.hpp"
#include "safehold/storage/vault.hpp"

namespace safehold::cli {

bool is_case_reference(std::string_view s) noexcept;

// CLI11 validators.
CLI::Validator record_id_validator();  // a lowercase UUID v4
CLI::Validator case_ref_validator();   // a UUID v4 or a case reference

// Positional arguments: a required case (id or reference) / record id.
void add_case_arg(CLI::App* sub, std::string& target);
void add_id_arg(CLI::App* sub, std::string& target, const std::string& name = "ID");

// The case id for a UUID or reference; not_found when no such case exists.
[[nodiscard]] expected<std::string, Failure> resolve_case(storage::Vault& vault, const std::string& arg);

}  // namespace safehold::cli
