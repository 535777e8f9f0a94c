#pragma once
// The app's passphrase field: the one way to draw a secret (unlock, create,
// restore, backup, passphrase change). The text lives only in the model's
// PassphraseField (guarded memory, wiped on clear); Escape leaves the field
// and keeps what was typed, as in every field; the field is marked secret so
// nothing typed or pasted into it feeds the glyph growth or the clipboard's
// notes (glyph_growth.hpp).
#include <imgui.h>

#include "safehold/appmodel/passphrase_field.hpp"

namespace safehold::gui {

struct SecretFieldOptions {
  bool shown = false;          // "Show passphrase": drawn as plain text
  bool enter_returns = false;  // Enter in the field reports `entered`
  const char* probe = nullptr;  // Probe() name of the field
};

struct SecretFieldResult {
  bool entered = false;  // Enter pressed (only with enter_returns)
  bool edited = false;   // the text changed this frame
};

// An InputText over `field` labelled `label` ("##…"), as wide as
// SetNextItemWidth said.
SecretFieldResult SecretField(const char* label, appmodel::PassphraseField& field,
                              const SecretFieldOptions& options = {});

}  // namespace safehold::gui
