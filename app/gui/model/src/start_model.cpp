#include "safehold/appmodel/start_model.hpp"

#include <chrono>

namespace safehold::appmodel {
namespace {

const char* key_for(OpenErrorKind kind) {
  switch (kind) {
    case OpenErrorKind::wrong_passphrase: return "start.error.wrong_passphrase";
    case OpenErrorKind::not_found: return "start.error.not_found";
    case OpenErrorKind::already_exists: return "start.error.already_exists";
    case OpenErrorKind::corrupt: return "start.error.corrupt";
    case OpenErrorKind::in_use: return "start.error.in_use";
    case OpenErrorKind::too_new: return "start.error.too_new";
    case OpenErrorKind::out_of_memory: return "start.error.out_of_memory";
    case OpenErrorKind::io: return "start.error.io";
    case OpenErrorKind::folder: return "start.error.folder";
  }
  return "start.error.io";
}

}  // namespace

StartModel::~StartModel() {
  // A running Argon2id cannot be interrupted; wait so the worker never
  // outlives the opener. The vault it may return is destroyed (locked).
  if (pending_.valid()) pending_.wait();
}

void StartModel::passphrase_edited() { strength_ = estimate_strength(passphrase.view()); }

bool StartModel::vault_exists() const {
  return !folder.empty() && opener_->exists(std::filesystem::path(folder));
}

const char* StartModel::blocked_reason() const {
  if (folder.empty()) return "start.block.no_folder";
  if (passphrase.empty()) return "start.block.no_passphrase";
  if (mode == Mode::create) {
    if (!strength_.acceptable()) return "start.block.too_weak";
    if (passphrase.view() != repeat.view()) return "start.block.mismatch";
    if (!loss_acknowledged) return "start.block.acknowledge";
  }
  return nullptr;
}

bool StartModel::submit() {
  if (busy() || blocked_reason() != nullptr) return false;
  error_key_ = nullptr;
  error_detail_.clear();
  auto path = std::filesystem::path(folder);
  auto secret = passphrase.take_copy();
  const auto* opener = opener_;
  if (mode == Mode::create) {
    auto kdf_choice = kdf;
    auto owner = owner_name;
    pending_ = std::async(std::launch::async,
                          [opener, path, s = std::move(secret), kdf_choice, owner]() mutable {
                            return opener->create(path, std::move(s), kdf_choice, owner);
                          });
  } else {
    pending_ = std::async(std::launch::async, [opener, path, s = std::move(secret)]() mutable {
      return opener->unlock(path, std::move(s));
    });
  }
  return true;
}

std::optional<storage::Vault> StartModel::poll() {
  if (!pending_.valid()) return std::nullopt;
  if (pending_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
  Result r = pending_.get();
  if (!r) {
    error_key_ = key_for(r.error().kind);
    error_detail_ = r.error().detail;
    return std::nullopt;
  }
  clear_secrets();
  return std::move(*r);
}

void StartModel::folder_chosen(const std::filesystem::path& chosen) {
  std::error_code ec;
  if (mode == Mode::create && !std::filesystem::is_empty(chosen, ec)) {
    folder = (chosen / "safehold-vault").string();
  } else {
    folder = chosen.string();
  }
}

void StartModel::clear_secrets() {
  passphrase.clear();
  repeat.clear();
  strength_ = {};
  loss_acknowledged = false;
  error_key_ = nullptr;
  error_detail_.clear();
}

}  // namespace safehold::appmodel
