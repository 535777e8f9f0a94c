#pragma once
// The unlocked vault the screen models work on. AppModel owns one Session
// for its whole life and gives it to every model that needs the vault when
// it constructs them, so no screen and no model command passes the vault by
// hand. It is open between unlock and lock; the models' vault commands are
// called only while it is open (the screens of the unlocked app, the tick of
// an unlocked app), and lock() stops the models' work before closing it.
#include <cstdlib>
#include <optional>

#include "safehold/storage/vault.hpp"

namespace safehold::appmodel {

class Session {
 public:
  Session() = default;
  // A vault owned elsewhere, open for this Session's life: a model used on
  // its own (tests).
  explicit Session(storage::Vault& borrowed) : vault_(&borrowed) {}
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  [[nodiscard]] bool open() const { return vault_ != nullptr; }
  // Only while open(): a model command run while locked is a programming
  // error, and stopping is safer than going on without the vault.
  [[nodiscard]] storage::Vault& vault() const {
    if (vault_ == nullptr) std::abort();
    return *vault_;
  }

  // Unlock: takes the vault the start screen opened.
  void open(storage::Vault v) {
    owned_.emplace(std::move(v));
    vault_ = &*owned_;
  }
  // Lock: closes the database and wipes its keys.
  void close() {
    vault_ = nullptr;
    owned_.reset();
  }

 private:
  std::optional<storage::Vault> owned_;
  storage::Vault* vault_ = nullptr;
};

}  // namespace safehold::appmodel
