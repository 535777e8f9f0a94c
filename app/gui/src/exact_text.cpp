#include "exact_text.hpp"

#include <imgui_stdlib.h>

#include <optional>
#include <vector>

#include "glyph_growth.hpp"
#include "recent_ids.hpp"
#include "safehold/appmodel/astral_escapes.hpp"
#include "safehold/appmodel/i18n.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {
namespace {

constexpr ImWchar kReplacement = 0xFFFD;

// Edit forms of the typed characters queued as U+FFFD this frame, in order.
std::vector<ImWchar> g_typed;
std::size_t g_next_typed = 0;

// Exact fields active lately: a paste or copy happens while its field is
// active, after the frame that activated it, so the field is known by then.
RecentIds g_exact;

int SwapTypedStandIn(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackCharFilter && data->EventChar == kReplacement &&
      g_next_typed < g_typed.size()) {
    data->EventChar = g_typed[g_next_typed++];
  }
  return 0;
}

bool DrawInput(const char* label, std::string& edit, const ExactTextOptions& o) {
  const ImGuiInputTextFlags flags = o.flags | ImGuiInputTextFlags_CallbackCharFilter;
  if (o.multiline) return ImGui::InputTextMultiline(label, &edit, o.size, flags, SwapTypedStandIn);
  if (o.hint != nullptr) return ImGui::InputTextWithHint(label, o.hint, &edit, flags, SwapTypedStandIn);
  return ImGui::InputText(label, &edit, flags, SwapTypedStandIn);
}

}  // namespace

bool InputTextExact(const char* label, std::string& stored, const ExactTextOptions& o) {
  auto& table = appmodel::astral_escapes();
  auto edit = table.to_edit(stored);
  if (!edit) {
    ImGui::PushTextWrapPos(0.0f);  // unformatted: TextWrapped would cut it at 3 KB
    ImGui::TextUnformatted(stored.c_str(), stored.c_str() + stored.size());
    ImGui::PopTextWrapPos();
    if (o.probe != nullptr) Probe(o.probe);
    WrappedColored(MutedColor(), appmodel::tr("text.read_only_unmappable"));
    if (o.probe != nullptr) Probe((std::string(o.probe) + ".read_only").c_str());
    return false;
  }
  const bool changed = DrawInput(label, *edit, o);
  if (ImGui::IsItemActive()) g_exact.Note(ImGui::GetItemID());
  if (o.probe != nullptr) Probe(o.probe);
  if (changed) stored = table.from_edit(*edit);
  if (const std::size_t n = table.stand_ins_in(*edit); n > 0) {
    WrappedColored(MutedColor(), appmodel::trf("text.stand_ins", {std::to_string(n)}).c_str());
    if (o.probe != nullptr) Probe((std::string(o.probe) + ".stand_ins").c_str());
  }
  return changed;
}

unsigned int TypedCodepoint(unsigned int cp) {
  const bool pua = cp >= appmodel::AstralEscapes::kLowest && cp <= appmodel::AstralEscapes::kHighest;
  const bool needs_swap = pua || cp == kReplacement || (cp > 0xFFFF && cp <= 0x10FFFF);
  if (!needs_swap || SecretFieldActive()) return cp;
  const auto edit = cp == kReplacement ? std::optional<char32_t>(kReplacement)
                                       : appmodel::astral_escapes().to_edit(static_cast<char32_t>(cp));
  g_typed.push_back(static_cast<ImWchar>(edit.value_or(kReplacement)));
  return kReplacement;
}

bool ExactFieldActive() { return g_exact.HasActive(); }

void DropTypedStandIns() {
  g_typed.clear();
  g_next_typed = 0;
}

}  // namespace safehold::gui
