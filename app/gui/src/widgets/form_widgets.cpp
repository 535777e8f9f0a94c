#include "form_widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <charconv>

#include "exact_text.hpp"
#include "safehold/appmodel/i18n.hpp"
#include "safehold/appmodel/schema_text.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::Json;
using appmodel::tr;
using schema::FieldType;

namespace {

bool DrawText(const schema::FieldDef& f, Json& fields, const std::string& probe, bool multiline) {
  // Characters outside the BMP are edited as stand-ins and stored exactly.
  std::string value = appmodel::text_of(fields, f.name);
  ExactTextOptions options{.multiline = multiline, .probe = probe.c_str()};
  if (multiline) options.size = ImVec2(-1, ImGui::GetTextLineHeight() * (f.searchable ? 7.0f : 4.0f));
  ImGui::SetNextItemWidth(-1);
  const bool changed = InputTextExact("##v", value, options);
  if (changed) appmodel::set_text(fields, f.name, value);
  return changed;
}

bool DrawBoolean(const schema::FieldDef& f, Json& fields, const std::string& probe) {
  auto it = fields.find(f.name);
  const bool has = it != fields.end() && it->is_boolean();
  const bool value = has && it->get<bool>();
  bool changed = false;
  if (ImGui::RadioButton(tr("form.yes"), has && value)) {
    fields[f.name] = true;
    changed = true;
  }
  Probe((probe + ".yes").c_str());
  ImGui::SameLine();
  if (ImGui::RadioButton(tr("form.no"), has && !value)) {
    fields[f.name] = false;
    changed = true;
  }
  Probe((probe + ".no").c_str());
  return changed;
}

bool DrawInteger(const schema::FieldDef& f, Json& fields, const std::string& probe) {
  auto it = fields.find(f.name);
  std::string text = it != fields.end() && it->is_number_integer() ? std::to_string(it->get<std::int64_t>()) : "";
  ImGui::SetNextItemWidth(EmFitting(8));
  const bool changed = ImGui::InputText("##v", &text, ImGuiInputTextFlags_CharsDecimal);
  Probe(probe.c_str());
  if (!changed) return false;
  std::int64_t n = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty()) {
    fields.erase(f.name);
  } else if (ec == std::errc() && p == text.data() + text.size()) {
    if (f.min) n = std::max(n, *f.min);
    if (f.max) n = std::min(n, *f.max);
    fields[f.name] = n;
  }
  return true;
}

// The "…" menu beside a non-required field: prefer not to answer, unknown,
// clear.
bool DrawNotAnsweredMenu(const schema::FieldDef& f, Json& fields, const std::string& probe) {
  bool changed = false;
  // Out of the Tab order (issue 11: three of the nine Tabs to the first
  // consent scope went to these); the arrow keys and the mouse still reach it.
  ImGui::PushTabStop(false);
  const bool open = ImGui::SmallButton("…");
  ImGui::PopTabStop();
  if (open) ImGui::OpenPopup("###na");
  Probe((probe + ".na").c_str());
  if (ImGui::BeginPopup("###na")) {
    for (const char* kind : {"declined", "unknown"}) {
      const std::string label(appmodel::vocab_label("not_answered", kind));
      if (ImGui::Selectable(label.c_str())) {
        appmodel::set_not_answered(fields, f.name, kind);
        changed = true;
      }
      Probe((probe + ".na." + kind).c_str());
    }
    if (fields.contains(f.name) && ImGui::Selectable(tr("form.clear"))) {
      fields.erase(f.name);
      changed = true;
    }
    ImGui::EndPopup();
  }
  return changed;
}

}  // namespace

bool DrawFieldWidget(const schema::FieldDef& f, Json& fields, FormContext& ctx, const std::string& path) {
  const std::string probe = ctx.probe_prefix + path;
  switch (f.type) {
    case FieldType::text: return DrawText(f, fields, probe, false);
    case FieldType::long_text: return DrawText(f, fields, probe, true);
    case FieldType::boolean: return DrawBoolean(f, fields, probe);
    case FieldType::integer: return DrawInteger(f, fields, probe);
    case FieldType::date: return DrawDate(f, fields, probe);
    case FieldType::datetime: return DrawDateTime(f, fields, probe);
    case FieldType::code: return DrawCodeCombo(f, fields, probe);
    case FieldType::codes:
      if (f.vocabulary != nullptr && !f.vocabulary->entries().empty() &&
          f.vocabulary->entries().front().definition) {
        return DrawDefinedCodePicker(f, fields, probe);
      }
      return DrawCodeSet(f, fields, probe);
    case FieldType::country:
    case FieldType::language: return DrawFilteredPick(f, fields, false, probe);
    case FieldType::countries:
    case FieldType::languages: return DrawFilteredPick(f, fields, true, probe);
    case FieldType::ref: return DrawRef(f, fields, ctx, false, probe);
    case FieldType::refs: return DrawRef(f, fields, ctx, true, probe);
    case FieldType::object: return DrawObject(f, fields, ctx, path);
    case FieldType::list: return DrawList(f, fields, ctx, path);
    case FieldType::scopes: return DrawScopes(f, fields, probe);
  }
  return false;
}

bool DrawFieldRow(const schema::FieldDef& f, Json& fields, FormContext& ctx, const std::string& path) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::PushID(f.name.c_str());
  const std::string probe = ctx.probe_prefix + path;
  if (!ctx.scroll_to.empty() && ctx.scroll_to == probe) {
    ImGui::SetScrollHereY(0.25f);
    ctx.scroll_to.clear();
  }
  const bool locked = !f.sensitive.empty() &&
                      (ctx.sensitive_opened == nullptr || ctx.sensitive_opened->count(f.sensitive) == 0);
  const std::string_view not_answered = appmodel::not_answered_kind(fields, f.name);
  // Label cell: the label (wrapped), and right-aligned on its first line the
  // small "…" menu for prefer-not-to-answer / unknown.
  const bool menu = !f.required && !locked && not_answered.empty();
  const float cell_x = ImGui::GetCursorPosX();
  const float avail = ImGui::GetContentRegionAvail().x;
  const float menu_w = menu ? ImGui::CalcTextSize("…").x + ImGui::GetStyle().FramePadding.x * 2 : 0.0f;
  ImGui::AlignTextToFramePadding();
  ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + avail - menu_w - ImGui::GetStyle().ItemSpacing.x);
  const std::string label = appmodel::in_ui_language(f.label) + (f.required ? " *" : "");
  ImGui::TextUnformatted(label.c_str());
  ImGui::PopTextWrapPos();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", appmodel::in_ui_language(f.help).c_str());
  bool changed = false;
  if (menu) {
    ImGui::SameLine();  // back to the top line of the label
    ImGui::SetCursorPosX(cell_x + avail - menu_w);
    changed |= DrawNotAnsweredMenu(f, fields, probe);
  }
  if (f.identifying) {
    ImGui::PushStyleColor(ImGuiCol_Text, WarningColor());
    ImGui::TextWrapped("%s", tr("form.identifying"));
    ImGui::PopStyleColor();
  }
  ImGui::TableNextColumn();
  if (locked) {
    ImGui::PushStyleColor(ImGuiCol_Text, MutedColor());
    ImGui::TextWrapped("%s", appmodel::trf("form.sensitive_closed",
                                           {appmodel::vocab_label("sensitive", f.sensitive)}).c_str());
    ImGui::PopStyleColor();
  } else if (!not_answered.empty()) {
    const std::string text(appmodel::vocab_label("not_answered", not_answered));
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(MutedColor(), "%s", text.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("form.answer_now"))) {
      fields.erase(f.name);
      changed = true;
    }
    Probe((probe + ".answer").c_str());
  } else {
    changed |= DrawFieldWidget(f, fields, ctx, path);
    if (ctx.field_left && ImGui::IsItemDeactivated()) ctx.field_left(probe);
  }
  if (ctx.field_problem) {
    if (const char* key = ctx.field_problem(probe)) {
      WrappedColored(ErrorColor(), tr(key));
      Probe((probe + ".problem").c_str());
    }
  }
  ImGui::PopID();
  return changed;
}

bool DrawRecordForm(const schema::EntityDef& entity, Json& fields, FormContext& ctx,
                    std::span<const std::string_view> only) {
  bool changed = false;
  const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
  if (!ImGui::BeginTable("###form", 2, flags)) return false;
  ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 2.6f);
  if (only.empty()) {
    for (const auto& f : entity.fields) changed |= DrawFieldRow(f, fields, ctx, f.name);
  } else {
    for (auto name : only) {
      if (const auto* f = entity.field(name)) changed |= DrawFieldRow(*f, fields, ctx, f->name);
    }
  }
  ImGui::EndTable();
  return changed;
}

}  // namespace safehold::gui
