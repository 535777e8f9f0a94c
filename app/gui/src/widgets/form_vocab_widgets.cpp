// Vocabulary widgets of the generated forms: single code, code sets, the
// tactic-style picker with definitions, consent scopes, and filtered pickers
// for the long country and language lists.
#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharToUtf8
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "exact_text.hpp"
#include "form_widgets.hpp"
#include "safehold/appmodel/i18n.hpp"
#include "safehold/appmodel/schema_text.hpp"
#include "safehold/appmodel/type_to_select.hpp"
#include "theme.hpp"
#include "widgets.hpp"
#include "ui_probe.hpp"

namespace safehold::gui {

using appmodel::Json;
using appmodel::tr;

namespace {

// Filter texts of open pickers (country names typed to narrow a list; never
// record content). Cleared on lock by ClearFormWidgetState().
std::map<ImGuiID, std::string>& filters() {
  static std::map<ImGuiID, std::string> f;
  return f;
}

bool contains_folded(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return true;
  auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
  return it != hay.end();
}

const std::string& label_of(const schema::VocabEntry& e) { return appmodel::in_ui_language(e.label); }

// A defined code picker's filter: the entry's label, definition or code
// contains it (ASCII case folded).
bool passes_code_filter(const schema::VocabEntry& e, std::string_view filter) {
  return contains_folded(label_of(e), filter) || contains_folded(e.code, filter) ||
         (e.definition && contains_folded(appmodel::in_ui_language(*e.definition), filter));
}

void DefinitionTooltip(const schema::VocabEntry& e) {
  if (e.definition && ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    ImGui::TextUnformatted(appmodel::in_ui_language(*e.definition).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

std::string current_code(const Json& fields, const std::string& name) {
  return appmodel::text_of(fields, name);
}

appmodel::TypeToSelect& type_select() {
  static appmodel::TypeToSelect t;
  return t;
}

// The entry that letters typed into the closed combo just drawn choose
// among the entries `shown` accepts; nullptr if none or the same as `code`.
template <class Shown>
const schema::VocabEntry* TypedEntry(const schema::Vocabulary& vocab, const std::string& code, Shown shown) {
  std::vector<const schema::VocabEntry*> entries;
  std::vector<std::string_view> labels;
  int current = -1;
  for (const auto& e : vocab.entries()) {
    if (!shown(e)) continue;
    if (e.code == code) current = static_cast<int>(entries.size());
    entries.push_back(&e);
    labels.push_back(label_of(e));
  }
  const int i = TypedChoice(labels, current);
  if (i < 0 || entries[static_cast<std::size_t>(i)]->code == code) return nullptr;
  return entries[static_cast<std::size_t>(i)];
}

}  // namespace

int TypedChoice(std::span<const std::string_view> labels, int current) {
  // Only for the closed combo just drawn, while it has the keyboard focus.
  const ImGuiIO& io = ImGui::GetIO();
  if (!ImGui::IsItemFocused() || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) ||
      io.InputQueueCharacters.empty()) {
    return -1;
  }
  // Letters typed into another combo start over (one TypeToSelect serves
  // them all): "o" in Method, Tab, "e" in Language is "e" there, not "oe".
  static ImGuiID typed_into = 0;
  if (std::exchange(typed_into, ImGui::GetItemID()) != ImGui::GetItemID()) type_select().clear();
  int chosen = -1;
  for (const ImWchar c : io.InputQueueCharacters) {
    if (c == ' ') continue;  // Space opens the combo
    NoteTypingTaken();
    char utf8[5] = {};
    const int i = type_select().type(ImTextCharToUtf8(utf8, static_cast<unsigned>(c)), ImGui::GetTime(), labels, current);
    if (i >= 0) chosen = current = i;
  }
  return chosen;
}

void ClearFormWidgetState() {
  filters().clear();
  type_select().clear();
}

bool DrawCodeCombo(const schema::FieldDef& f, Json& fields, const std::string& probe) {
  if (f.vocabulary == nullptr) return false;
  const std::string code = current_code(fields, f.name);
  const schema::VocabEntry* cur = code.empty() ? nullptr : f.vocabulary->find(code);
  const std::string preview = cur != nullptr ? label_of(*cur) : std::string(code.empty() ? tr("form.choose") : code.c_str());
  bool changed = false;
  const auto shown = [&](const schema::VocabEntry& e) {
    return !(e.retired && e.code != code) &&
           std::find(f.exclude.begin(), f.exclude.end(), e.code) == f.exclude.end();
  };
  ImGui::SetNextItemWidth(-1);
  const bool open = ImGui::BeginCombo("##v", preview.c_str());
  if (const auto* typed = open ? nullptr : TypedEntry(*f.vocabulary, code, shown)) {
    fields[f.name] = typed->code;
    changed = true;
  }
  Probe(probe.c_str());
  if (open) {
    for (const auto& e : f.vocabulary->entries()) {
      if (!shown(e)) continue;
      if (ImGui::Selectable(label_of(e).c_str(), e.code == code)) {
        fields[f.name] = e.code;
        changed = true;
      }
      Probe((probe + "." + e.code).c_str());
      DefinitionTooltip(e);
    }
    ImGui::EndCombo();
  }
  return changed;
}

bool DrawCodeSet(const schema::FieldDef& f, Json& fields, const std::string& probe) {
  if (f.vocabulary == nullptr) return false;
  bool changed = false;
  const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
  bool first = true;
  for (const auto& e : f.vocabulary->entries()) {
    const bool on = appmodel::has_code(fields, f.name, e.code);
    if (e.retired && !on) continue;
    const std::string& label = label_of(e);
    const float w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                    ImGui::CalcTextSize(label.c_str()).x;
    if (!first) {
      ImGui::SameLine();
      if (ImGui::GetCursorPosX() + w > right) ImGui::NewLine();
    }
    first = false;
    bool v = on;
    ImGui::PushID(e.code.c_str());
    if (CheckboxWrapped("###on", label, &v)) {
      appmodel::toggle_code(fields, f.name, e.code);
      changed = true;
    }
    Probe((probe + "." + e.code).c_str());
    DefinitionTooltip(e);
    ImGui::PopID();
  }
  return changed;
}

bool DrawDefinedCodePicker(const schema::FieldDef& f, Json& fields, const std::string& probe) {
  if (f.vocabulary == nullptr) return false;
  bool changed = false;
  // What is chosen, in words, above the list.
  for (const auto& c : fields.value(f.name, Json::array())) {
    if (!c.is_string()) continue;
    const auto* e = f.vocabulary->find(c.get_ref<const std::string&>());
    ImGui::Bullet();
    ImGui::TextWrapped("%s  %s", c.get_ref<const std::string&>().c_str(), e != nullptr ? label_of(*e).c_str() : "");
  }
  std::string& filter = filters()[ImGui::GetID("filter")];
  ImGui::SetNextItemWidth(-1);
  // Enter in the filter ticks what it found: the entry whose code is the
  // filter ("D1"), else the first entry shown.
  if (ImGui::InputTextWithHint("##filter", tr("form.filter"), &filter, ImGuiInputTextFlags_EnterReturnsTrue) &&
      !filter.empty()) {
    const schema::VocabEntry* pick = nullptr;
    for (const auto& e : f.vocabulary->entries()) {
      if (e.retired) continue;
      if (e.code.size() == filter.size() && contains_folded(e.code, filter)) {
        pick = &e;
        break;
      }
      if (pick == nullptr && passes_code_filter(e, filter)) pick = &e;
    }
    if (pick != nullptr && !appmodel::has_code(fields, f.name, pick->code)) {
      appmodel::toggle_code(fields, f.name, pick->code);
      changed = true;
    }
    filter.clear();
  }
  Probe((probe + ".filter").c_str());
  // 12 lines, but at most 40 % of the screen: a list taller than the page
  // it scrolls in would trap the mouse wheel.
  const float h = std::min(ImGui::GetTextLineHeightWithSpacing() * 12, ImGui::GetMainViewport()->WorkSize.y * 0.4f);
  ImGui::BeginChild("##codes", ImVec2(-1, h), true, ImGuiWindowFlags_NavFlattened);
  std::string group;
  for (const auto& e : f.vocabulary->entries()) {
    const bool on = appmodel::has_code(fields, f.name, e.code);
    if (e.retired && !on) continue;
    if (!passes_code_filter(e, filter)) continue;
    if (std::string g = appmodel::text_of(e.attributes, "group"); !g.empty() && g != group) {
      group = std::move(g);
      const std::string key = "vocab." + f.vocabulary->name() + ".group." + group;
      ImGui::Spacing();
      ImGui::TextColored(MutedColor(), "%s", tr(key));
    }
    ImGui::PushID(e.code.c_str());
    bool v = on;
    const std::string title = e.code + "  " + label_of(e);
    bool toggled = ImGui::Checkbox("##on", &v);
    Probe((probe + "." + e.code).c_str());
    // The label wraps (a click on it ticks too): at 200 % on a 1024x640
    // screen "A5  …" ran past the list's right edge, cut off.
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopTextWrapPos();
    toggled |= ImGui::IsItemClicked();
    if (toggled) {
      appmodel::toggle_code(fields, f.name, e.code);
      changed = true;
    }
    if (e.definition) {
      ImGui::Indent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
      ImGui::PushStyleColor(ImGuiCol_Text, MutedColor());
      ImGui::TextWrapped("%s", appmodel::in_ui_language(*e.definition).c_str());
      ImGui::PopStyleColor();
      ImGui::Unindent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
  return changed;
}

bool DrawScopes(const schema::FieldDef& f, Json& fields, const std::string& probe) {
  if (f.vocabulary == nullptr) return false;
  static constexpr const char* kChoices[] = {"yes", "no", "later"};
  const ImGuiStyle& style = ImGui::GetStyle();
  // The answers' columns are as wide as their widest button; the scope's
  // label takes the rest. Where that leaves the label less than 10 em (a
  // small screen, large text), each scope is a wrapped label with its three
  // answers on the line below, so nothing is cut off.
  float answer_w = 0;
  for (const char* choice : kChoices) {
    const std::string label(appmodel::vocab_label("scope_answer", choice));
    answer_w = std::max(answer_w, ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(label.c_str()).x);
  }
  answer_w += style.CellPadding.x * 2;
  const bool stacked = ImGui::GetContentRegionAvail().x - 3 * answer_w < ImGui::GetFontSize() * 10;
  bool changed = false;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##scopes", stacked ? 1 : 4, flags)) return false;
  ImGui::TableSetupColumn("scope", ImGuiTableColumnFlags_WidthStretch);
  if (!stacked) {
    for (int i = 0; i < 3; ++i) ImGui::TableSetupColumn("answer", ImGuiTableColumnFlags_WidthFixed, answer_w - style.CellPadding.x * 2);
  }
  for (const auto& e : f.vocabulary->entries()) {
    if (e.retired) continue;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextWrapped("%s", label_of(e).c_str());
    DefinitionTooltip(e);
    ImGui::PushID(e.code.c_str());
    const std::string answer = fields.contains(f.name) ? appmodel::text_of(fields[f.name], e.code) : "";
    for (const char* choice : kChoices) {
      if (!stacked) {
        ImGui::TableNextColumn();
      } else if (choice != kChoices[0]) {
        // Side by side while they fit, else on the next line.
        ImGui::SameLine(0, style.ItemSpacing.x * 2);
        if (ImGui::GetContentRegionAvail().x < answer_w - style.CellPadding.x * 2) ImGui::NewLine();
      } else {
        ImGui::Indent();
      }
      const std::string label(appmodel::vocab_label("scope_answer", choice));
      if (ImGui::RadioButton(label.c_str(), answer == choice)) {
        if (!fields.contains(f.name) || !fields[f.name].is_object()) fields[f.name] = Json::object();
        fields[f.name][e.code] = choice;
        changed = true;
      }
      Probe((probe + "." + e.code + "." + choice).c_str());
    }
    if (stacked) ImGui::Unindent();
    ImGui::PopID();
  }
  ImGui::EndTable();
  return changed;
}

bool DrawFilteredPick(const schema::FieldDef& f, Json& fields, bool many, const std::string& probe) {
  if (f.vocabulary == nullptr) return false;
  bool changed = false;
  std::string preview = tr(many ? "form.add" : "form.choose");
  if (many) {
    // Chosen values as removable chips.
    for (const auto& c : fields.value(f.name, Json::array())) {
      if (!c.is_string()) continue;
      const std::string code = c.get<std::string>();
      const std::string chip = std::string(appmodel::vocab_label(f.vocabulary->name(), code)) + "  ✕###" + code;
      if (ImGui::SmallButton(chip.c_str())) {
        appmodel::toggle_code(fields, f.name, code);
        changed = true;
      }
      Probe((probe + ".remove." + code).c_str());
      ImGui::SameLine();
    }
  } else if (const std::string code = current_code(fields, f.name); !code.empty()) {
    preview = std::string(appmodel::vocab_label(f.vocabulary->name(), code));
  }
  ImGui::SetNextItemWidth(many ? EmFitting(12) : -1);
  const bool open = ImGui::BeginCombo("##pick", preview.c_str(), ImGuiComboFlags_HeightLarge);
  if (!open && !many) {
    const auto active = [](const schema::VocabEntry& e) { return !e.retired; };
    if (const auto* typed = TypedEntry(*f.vocabulary, current_code(fields, f.name), active)) {
      fields[f.name] = typed->code;
      changed = true;
    }
  }
  Probe(probe.c_str());
  if (open) {
    std::string& filter = filters()[ImGui::GetID("filter")];
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##filter", tr("form.filter"), &filter);
    Probe((probe + ".filter").c_str());
    for (const auto& e : f.vocabulary->entries()) {
      if (e.retired) continue;
      const std::string& label = label_of(e);
      if (!contains_folded(label, filter) && !contains_folded(e.code, filter) &&
          !contains_folded(e.label.en, filter)) {
        continue;
      }
      const bool on = many ? appmodel::has_code(fields, f.name, e.code) : current_code(fields, f.name) == e.code;
      if (ImGui::Selectable(label.c_str(), on)) {
        if (many) appmodel::toggle_code(fields, f.name, e.code); else fields[f.name] = e.code;
        changed = true;
        filter.clear();
      }
      Probe((probe + "." + e.code).c_str());
    }
    ImGui::EndCombo();
  }
  return changed;
}

}  // namespace safehold::gui
