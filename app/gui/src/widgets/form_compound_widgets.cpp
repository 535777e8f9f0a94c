// Compound widgets of the generated forms: dates with precision, UTC times,
// nested objects, lists of items, and references to other records.
#include <imgui.h>

#include <algorithm>

#include "exact_text.hpp"
#include "form_widgets.hpp"
#include "safehold/appmodel/i18n.hpp"
#include "safehold/appmodel/schema_text.hpp"
#include "safehold/schema/formats.hpp"
#include "safehold/schema/vocabulary.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::Json;
using appmodel::tr;

namespace {

void FormatHint(bool valid, const char* key) {
  if (valid) return;
  ImGui::PushStyleColor(ImGuiCol_Text, WarningColor());
  ImGui::TextWrapped("%s", tr(key));
  ImGui::PopStyleColor();
}

}  // namespace

bool DrawDate(const schema::FieldDef& f, Json& fields, const std::string& probe) {
  appmodel::DateValue d = appmodel::date_of(fields, f.name);
  bool changed = false;
  // Fixed widths, but never past the column; the parts flow onto the next
  // line where they do not fit side by side (large text, small screen).
  const float w = EmFitting(7.5f);
  ImGui::SetNextItemWidth(w);
  const ImGuiInputTextFlags no_blank = ImGuiInputTextFlags_CharsNoBlank;
  if (InputTextExact("##date", d.value, {.hint = "YYYY-MM-DD", .flags = no_blank, .probe = probe.c_str()})) {
    changed = true;
  }
  const auto* precisions = schema::Vocabularies::builtin().find("date_precision");
  if (precisions != nullptr) {
    SameLineIfFits(ImGui::GetFontSize() * 9);
    ImGui::SetNextItemWidth(EmFitting(9));
    const auto* cur = precisions->find(d.precision);
    const std::string preview = cur != nullptr ? appmodel::in_ui_language(cur->label) : std::string(tr("form.precision"));
    if (ImGui::BeginCombo("##precision", preview.c_str())) {
      for (const auto& e : precisions->entries()) {
        if (e.retired) continue;
        if (ImGui::Selectable(appmodel::in_ui_language(e.label).c_str(), e.code == d.precision)) {
          d.precision = e.code;
          changed = true;
        }
        Probe((probe + ".precision." + e.code).c_str());
      }
      ImGui::EndCombo();
    }
    Probe((probe + ".precision").c_str());
  }
  if (d.precision == "range") {
    SameLineIfFits(ImGui::CalcTextSize(tr("form.until")).x);
    ImGui::TextUnformatted(tr("form.until"));
    SameLineIfFits(w);
    ImGui::SetNextItemWidth(w);
    const std::string end_probe = probe + ".end";
    if (InputTextExact("##end", d.end, {.hint = "YYYY-MM-DD", .flags = no_blank, .probe = end_probe.c_str()})) {
      changed = true;
    }
  }
  if (changed) appmodel::set_date(fields, f.name, d);
  FormatHint(d.value.empty() || schema::partial_date_parts(d.value) != 0, "form.date_format");
  return changed;
}

bool DrawDateTime(const schema::FieldDef& f, Json& fields, const std::string& probe) {
  std::string value = appmodel::text_of(fields, f.name);
  bool changed = false;
  ImGui::SetNextItemWidth(EmFitting(12));
  // "2026-12-06 14:00" (a typed space) is stored as "2026-12-06T14:00:00Z";
  // the field keeps what was typed until it is left.
  if (InputTextExact("##dt", value, {.hint = "YYYY-MM-DD HH:MM", .probe = probe.c_str()})) {
    if (auto t = appmodel::typed_utc_time(value)) value = *t;
    appmodel::set_text(fields, f.name, value);
    changed = true;
  }
  SameLineIfFits(ButtonWidth(tr("form.now")));
  if (ImGui::Button(tr("form.now"))) {
    value = appmodel::utc_now();
    appmodel::set_text(fields, f.name, value);
    changed = true;
  }
  Probe((probe + ".now").c_str());
  FormatHint(value.empty() || schema::is_utc_timestamp(value), "form.datetime_format");
  return changed;
}

bool DrawObject(const schema::FieldDef& f, Json& fields, FormContext& ctx, const std::string& path) {
  Json sub = fields.contains(f.name) && fields[f.name].is_object() ? fields[f.name] : Json::object();
  bool changed = false;
  ImGui::PushID("obj");
  if (ImGui::BeginTable("##obj", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersOuter)) {
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    for (const auto& child : f.fields) changed |= DrawFieldRow(child, sub, ctx, path + "." + child.name);
    ImGui::EndTable();
  }
  ImGui::PopID();
  if (changed) {
    if (sub.empty()) fields.erase(f.name); else fields[f.name] = std::move(sub);
  }
  return changed;
}

bool DrawList(const schema::FieldDef& f, Json& fields, FormContext& ctx, const std::string& path) {
  Json items = fields.contains(f.name) && fields[f.name].is_array() ? fields[f.name] : Json::array();
  bool changed = false;
  std::size_t remove = items.size();
  for (std::size_t i = 0; i < items.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    const std::string item_path = path + "[" + std::to_string(i) + "]";
    if (!items[i].is_object()) items[i] = Json::object();
    if (ImGui::BeginTable("##item", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersOuter)) {
      ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthStretch, 1.0f);
      ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 2.2f);
      for (const auto& child : f.fields) {
        changed |= DrawFieldRow(child, items[i], ctx, item_path + "." + child.name);
      }
      ImGui::EndTable();
    }
    if (ImGui::SmallButton(tr("form.remove_item"))) remove = i;
    Probe((ctx.probe_prefix + item_path + ".remove").c_str());
    ImGui::PopID();
  }
  if (remove < items.size()) {
    items.erase(remove);
    changed = true;
  }
  if (ImGui::Button(tr("form.add_item"))) {
    items.push_back(Json::object());
    changed = true;
  }
  Probe((ctx.probe_prefix + path + ".add").c_str());
  if (changed) {
    if (items.empty()) fields.erase(f.name); else fields[f.name] = std::move(items);
  }
  return changed;
}

bool DrawRef(const schema::FieldDef& f, Json& fields, FormContext& ctx, bool many, const std::string& probe) {
  std::vector<RefOption> options;
  if (ctx.ref_options) options = ctx.ref_options(f.ref);
  if (options.empty()) {
    ImGui::TextColored(MutedColor(), "%s", tr("form.no_records_to_link"));
    return false;
  }
  bool changed = false;
  if (many) {
    for (const auto& o : options) {
      bool on = appmodel::has_code(fields, f.name, o.id);
      ImGui::PushID(o.id.c_str());
      if (CheckboxWrapped("###on", o.label, &on)) {
        appmodel::toggle_code(fields, f.name, o.id);
        changed = true;
      }
      Probe((probe + "." + o.label).c_str());
      ImGui::PopID();
    }
    return changed;
  }
  const std::string cur = fields.contains(f.name) && fields[f.name].is_string() ? fields[f.name].get<std::string>() : "";
  auto it = std::find_if(options.begin(), options.end(), [&](const RefOption& o) { return o.id == cur; });
  const std::string preview = it != options.end() ? it->label : std::string(tr("form.choose"));
  ImGui::SetNextItemWidth(-1);
  const bool open = ImGui::BeginCombo("##ref", preview.c_str());
  Probe(probe.c_str());
  if (open) {
    for (const auto& o : options) {
      ImGui::PushID(o.id.c_str());
      if (ImGui::Selectable(o.label.c_str(), o.id == cur)) {
        fields[f.name] = o.id;
        changed = true;
      }
      Probe((probe + "." + o.label).c_str());
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  return changed;
}

}  // namespace safehold::gui
