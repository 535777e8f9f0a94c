#include "secret_field.hpp"

#include "exact_text.hpp"    // LeaveOnEscapeKeepingText
#include "glyph_growth.hpp"  // MarkSecretField
#include "ui_probe.hpp"

namespace safehold::gui {

SecretFieldResult SecretField(const char* label, appmodel::PassphraseField& field,
                              const SecretFieldOptions& options) {
  const ImGuiInputTextFlags flags = (options.enter_returns ? ImGuiInputTextFlags_EnterReturnsTrue : 0) |
                                    (options.shown ? 0 : ImGuiInputTextFlags_Password);
  LeaveOnEscapeKeepingText(label);
  SecretFieldResult r;
  r.entered = ImGui::InputText(label, field.data(), field.capacity(), flags) && options.enter_returns;
  MarkSecretField();
  r.edited = ImGui::IsItemEdited();
  if (options.probe != nullptr) Probe(options.probe);
  return r;
}

}  // namespace safehold::gui
