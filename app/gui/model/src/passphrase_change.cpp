#include "safehold/appmodel/passphrase_change.hpp"

namespace safehold::appmodel {

const char* PassphraseChange::blocked_reason() const {
  if (current.empty()) return "passwd.block.current";
  if (next.empty()) return "start.block.no_passphrase";
  if (!strength_.acceptable()) return "start.block.too_weak";
  if (next.view() != repeat.view()) return "start.block.mismatch";
  if (next.view() == current.view()) return "passwd.block.same";
  return nullptr;
}

bool PassphraseChange::submit(KdfStrength kdf) {
  storage::Vault& vault = session_->vault();
  if (busy() || blocked_reason() != nullptr) return false;
  done_ = false;
  error_key_ = nullptr;
  auto cur = current.take_copy();
  auto nxt = next.take_copy();
  // Storage never lowers the cost the vault already records.
  const auto params = kdf_params(kdf);
  return work_.start([&vault, c = std::move(cur), n = std::move(nxt), params]() {
    return vault.change_passphrase(c, n, params);
  });
}

void PassphraseChange::poll() {
  auto r = work_.poll();
  if (!r) return;
  if (*r) {
    clear();
    done_ = true;
    return;
  }
  switch (r->error().code) {
    case storage::VaultError::wrong_passphrase: error_key_ = "passwd.error.wrong_current"; break;
    case storage::VaultError::out_of_memory: error_key_ = "start.error.out_of_memory"; break;
    default: error_key_ = "passwd.error.failed"; break;
  }
}

void PassphraseChange::clear() {
  current.clear();
  next.clear();
  repeat.clear();
  strength_ = {};
  done_ = false;
  error_key_ = nullptr;
}

}  // namespace safehold::appmodel
