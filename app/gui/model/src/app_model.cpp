#include "safehold/appmodel/app_model.hpp"

namespace safehold::appmodel {

AppModel::AppModel(VaultGateway& gateway, Clocks clocks)
    : clocks_(std::move(clocks)), start(gateway), idle(clocks_), clipboard(clocks_) {
  idle.activity();
  settings_.language = current_language();
  idle.set_minutes(settings_.auto_lock_minutes);
}

void AppModel::go(Screen s) {
  if (!unlocked()) {
    screen_ = Screen::start;
    return;
  }
  screen_ = s == Screen::start ? Screen::cases : s;
}

void AppModel::tick(bool had_input) {
  if (had_input) idle.activity();
  if (auto session = start.poll()) {
    session_ = std::move(session);
    idle.activity();
    screen_ = Screen::cases;
  }
  if (unlocked() && idle.due()) lock();
}

void AppModel::lock() {
  session_.reset();
  start.clear_secrets();
  screen_ = Screen::start;
  ++lock_generation_;
  idle.activity();
}

void AppModel::apply_settings(const Settings& s) {
  settings_ = s;
  set_language(s.language);
  idle.set_minutes(s.auto_lock_minutes);
}

}  // namespace safehold::appmodel
