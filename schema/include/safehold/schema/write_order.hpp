#pragma once
// The order in which a set of records is written so that the consent gate
// (data-model.md "Consent is enforced") sees the set's own consent before any
// field that needs one of its scopes. Derived from the model, never listed by
// hand: bundle import (storage) and the casework writer (core) both use it.
#include "safehold/schema/model.hpp"

namespace safehold::schema {

// 0: entities outside a case (case, contact); 1: entities that answer consent
// scopes (a field of type `scopes`: consent); 2: every other entity. Sort
// stably by it: within a rank the caller's order stands.
int write_rank(const EntityDef& entity) noexcept;

}  // namespace safehold::schema
