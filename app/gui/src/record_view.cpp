#include "record_view.hpp"
#include "shaped_text.hpp"

#include <imgui.h>

#include <string>

#include "safehold/appmodel/i18n.hpp"
#include "safehold/appmodel/schema_text.hpp"
#include "safehold/schema/record.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::Json;
using schema::FieldType;

std::string DisplayValue(const schema::FieldDef& f, const Json& v) {
  if (schema::is_not_answered(v)) {
    return std::string(appmodel::vocab_label("not_answered", v["not_answered"].get<std::string>()));
  }
  const std::string vocab = f.vocabulary != nullptr ? f.vocabulary->name() : std::string();
  switch (f.type) {
    case FieldType::boolean: return v.is_boolean() ? appmodel::tr(v.get<bool>() ? "form.yes" : "form.no") : "";
    case FieldType::integer: return v.is_number_integer() ? std::to_string(v.get<std::int64_t>()) : "";
    case FieldType::code:
    case FieldType::country:
    case FieldType::language:
      return v.is_string() ? std::string(appmodel::vocab_label(vocab, v.get<std::string>())) : "";
    case FieldType::codes:
    case FieldType::countries:
    case FieldType::languages: {
      std::string out;
      for (const auto& c : v) {
        if (!c.is_string()) continue;
        if (!out.empty()) out += "; ";
        if (vocab == "tactic") out += c.get<std::string>() + " ";
        out += appmodel::vocab_label(vocab, c.get<std::string>());
      }
      return out;
    }
    case FieldType::date: {
      auto d = appmodel::date_of(Json{{"d", v}}, "d");
      std::string out = d.value;
      if (!d.end.empty()) out += " – " + d.end;
      if (!d.precision.empty()) out += " (" + std::string(appmodel::vocab_label("date_precision", d.precision)) + ")";
      return out;
    }
    case FieldType::ref:
    case FieldType::refs: return v.is_array() ? std::to_string(v.size()) : "1";
    case FieldType::scopes: {
      std::string out;
      if (!v.is_object()) return out;
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (!out.empty()) out += "; ";
        out += appmodel::trf("text.label_value",
                             {appmodel::vocab_label(vocab, it.key()),
                              appmodel::vocab_label("scope_answer",
                                                    it.value().is_string() ? it.value().get<std::string>() : "")});
      }
      return out;
    }
    default: return v.is_string() ? v.get<std::string>() : "";
  }
}

void DrawRecordView(const schema::EntityDef& entity, const Json& fields) {
  if (!ImGui::BeginTable("###view", 2, ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 3.0f);
  for (const auto& f : entity.fields) {
    if (!fields.contains(f.name)) continue;
    const Json& v = fields[f.name];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    // Wrapped: at 200 % on a small screen the label column is ~13 characters
    // wide, and a longer label ("Understanding checked") was cut at its edge.
    WrappedColored(MutedColor(), appmodel::in_ui_language(f.label).c_str());
    ImGui::TableNextColumn();
    if ((f.type == FieldType::object || f.type == FieldType::list) && !schema::is_not_answered(v)) {
      const Json items = f.type == FieldType::list ? v : Json::array({v});
      for (const auto& item : items) {
        for (const auto& sub : f.fields) {
          if (!item.is_object() || !item.contains(sub.name)) continue;
          const std::string line =
              appmodel::trf("text.label_value", {appmodel::in_ui_language(sub.label), DisplayValue(sub, item[sub.name])});
          ImGui::TextWrapped("%s", line.c_str());
        }
        if (f.type == FieldType::list) ImGui::Separator();
      }
      continue;
    }
    TextWrappedShaped(DisplayValue(f, v));
  }
  ImGui::EndTable();
}

}  // namespace safehold::gui
