#pragma once
// Hand-made bundles between Desks (a hostile, replaying or squatting sender
// signs exactly the files it chooses with its own vault key) and importing
// through the library, shared by the notice and ownership tests.
#include <filesystem>

#include "exchange_world.hpp"

namespace safehold::test {

// A bundle from `from` to `to` holding exactly `set`, signed with `from`'s vault key.
inline std::filesystem::path seal_by(Desk& from, Desk& to, const CaseSet& set, const std::filesystem::path& out) {
  const auto key = from.v().identity().signing_key().value();
  base::VectorSink sink;
  bundle::BundleWriter writer({key, from.recipient(), "Hand made"}, contents_for(set, {to.recipient()}));
  REQUIRE(writer.write(sink));
  write_file(out, sink.bytes());
  return out;
}

// Imports `file` into `d` through the library; FAILs the test on a refusal.
inline ex::ImportResult import_into(Desk& d, const std::filesystem::path& file) {
  auto r = ex::import_bundle(d.v(), file);
  if (!r) FAIL("import: " << r.error().detail);
  return *r;
}

// Adds `other` to `d`'s contacts as a verified contact of kind `kind`.
inline void add_verified(Desk& d, Desk& other, const char* kind) {
  const auto c = ex::ContactBook(d.v()).add_card(bundle::as_bytes(other.card()), {}, kind).value();
  REQUIRE(ex::ContactBook(d.v()).verify(c.id, "in_person"));
}

}  // namespace safehold::test
