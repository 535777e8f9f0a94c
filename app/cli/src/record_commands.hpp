#pragma once
// The record commands' options and actions (cmd_record.cpp), shared with the
// per-entity verbs generated from the schema (cmd_entity_verbs.cpp), which
// are the same commands with the entity fixed.
#include <string>

#include "context.hpp"
#include "output.hpp"
#include "record_args.hpp"

namespace safehold::cli::record_verbs {

struct AddOptions {
  std::string entity, case_ref;
  RecordArgs record;
  IdOutput printed;
};

struct IdOptions {
  std::string id;
  bool json = false, yes = false;
};

struct EditOptions {
  std::string id;
  RecordArgs record;
};

struct ListOptions {
  std::string case_ref, entity;
  bool json = false;
};

[[nodiscard]] Outcome run_add(Context& ctx, const AddOptions& o);
[[nodiscard]] Outcome run_show(Context& ctx, const IdOptions& o);
[[nodiscard]] Outcome run_edit(Context& ctx, const EditOptions& o);
[[nodiscard]] Outcome run_delete(Context& ctx, const IdOptions& o);
[[nodiscard]] Outcome run_list(Context& ctx, const ListOptions& o);

}  // namespace safehold::cli::record_verbs
