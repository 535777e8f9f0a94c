#include "safehold/appmodel/wipe_model.hpp"

namespace safehold::appmodel {

const char* WipeConfirm::blocked_reason(bool backup_current) const {
  if (!backup_current && !accept_loss) return "wipe.blocked.no_backup";
  if (typed != kWipeWord) return "wipe.blocked.word";
  return nullptr;
}

}  // namespace safehold::appmodel
