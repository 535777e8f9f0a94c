#pragma once
// `--field NAME=VALUE` for simple fields, converted by the field's type in
// the entity model: text as given; booleans yes/no/true/false; integers;
// dates YYYY[-MM[-DD]] (precision from the form; "~" prefix = estimate;
// A..B = range); datetimes RFC 3339 or "now"; codes by code or by label in
// any of the three languages ("-" may stand for "_"); lists of codes,
// countries, languages and ids comma-separated (a repeated --field adds to
// the list); sub-fields of objects as PARENT.SUB. Lists of objects and scope
// maps need --from-file. `--not-answered NAME=declined|unknown` and `--unset NAME`.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "exit_codes.hpp"
#include "safehold/schema/model.hpp"

namespace safehold::cli {

struct FieldArgs {
  std::vector<std::string> set;           // NAME=VALUE
  std::vector<std::string> not_answered;  // NAME=declined|unknown
  std::vector<std::string> unset;         // NAME
  bool empty() const noexcept { return set.empty() && not_answered.empty() && unset.empty(); }
};

// Adds --field, --not-answered and --unset (the last only when `with_unset`).
void add_field_options(CLI::App* app, FieldArgs& args, bool with_unset);

// Applies the arguments to `fields` in order: set, not-answered, unset.
[[nodiscard]] Outcome apply_field_args(const schema::EntityDef& entity, const FieldArgs& args,
                                       nlohmann::json& fields);

// One value converted for one field definition (used by convenience commands too).
[[nodiscard]] expected<nlohmann::json, Failure> convert_field_value(const schema::FieldDef& def,
                                                                    const std::string& text);

// The code of `vocab` for a code (also with "-" for "_", or in the other
// letter case: "cn", "d1") or a label in any of the three languages, or "" if
// none. Writes and list filters both resolve through it.
std::string resolve_code(const schema::Vocabulary& vocab, const std::string& text);

// Filter values (case list --tactic ...): each resolved as a write resolves
// it; a value that is no code or label of `vocabulary` is a usage error
// naming `option` and the vocabulary.
[[nodiscard]] expected<std::vector<std::string>, Failure> resolve_filter_codes(const std::string& vocabulary,
                                                                             const std::vector<std::string>& values,
                                                                             const std::string& option);

// The entity definition, or a usage failure naming the entity.
[[nodiscard]] expected<const schema::EntityDef*, Failure> entity_def(const std::string& name);

}  // namespace safehold::cli
