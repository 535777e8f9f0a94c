#include "contacts_screen.hpp"
#include "shaped_text.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>

#include "exact_text.hpp"
#include "safehold/appmodel/record_fields.hpp"
#include "safehold/appmodel/schema_text.hpp"
#include "safehold/schema/vocabulary.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::tr;
using appmodel::trf;

namespace {

constexpr const char* kMethods[] = {"in_person", "call", "qr"};

void Fingerprint(const std::string& digits, const char* probe) {
  ImGui::PushStyleColor(ImGuiCol_Text, OkColor());
  BigDigits(digits, probe);
  ImGui::PopStyleColor();
}

}  // namespace

void ShowContactsError(const char* key, const std::string& detail) {
  if (key == nullptr) return;
  WrappedColored(ErrorColor(), tr(key));
  Probe("contacts.error");
  if (!detail.empty()) WrappedColored(MutedColor(), detail.c_str());
}

void DrawQrCode(const appmodel::QrCode& qr, float module_px) {
  if (qr.size == 0) return;
  constexpr int kQuiet = 4;
  const float side = static_cast<float>(qr.size + 2 * kQuiet) * module_px;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32(255, 255, 255, 255));
  for (int y = 0; y < qr.size; ++y) {
    for (int x = 0; x < qr.size; ++x) {
      if (!qr.at(x, y)) continue;
      const ImVec2 a(origin.x + static_cast<float>(x + kQuiet) * module_px,
                     origin.y + static_cast<float>(y + kQuiet) * module_px);
      dl->AddRectFilled(a, ImVec2(a.x + module_px, a.y + module_px), IM_COL32(0, 0, 0, 255));
    }
  }
  ImGui::Dummy(ImVec2(side, side));
}

bool RecipientKindCombo(const char* id, std::string& code, const char* probe, bool offer_none) {
  const auto* vocab = schema::Vocabularies::builtin().find("recipient_kind");
  const std::string shown = code.empty() ? std::string(tr("contacts.kind.choose"))
                                         : std::string(appmodel::vocab_label("recipient_kind", code));
  bool changed = false;
  ImGui::SetNextItemWidth(EmFitting(16));
  const bool open = ImGui::BeginCombo(id, shown.c_str());
  Probe(probe);
  if (open) {
    if (offer_none) {
      if (ImGui::Selectable(tr("contacts.kind.none"), code.empty())) {
        changed = !code.empty();
        code.clear();
      }
      if (ProbesEnabled()) Probe((std::string(probe) + ".none").c_str());
    }
    for (const auto& e : vocab->entries()) {
      if (e.retired) continue;
      const std::string label = std::string(appmodel::in_ui_language(e.label)) + "###" + e.code;
      if (ImGui::Selectable(label.c_str(), code == e.code)) {
        code = e.code;
        changed = true;
      }
      if (ProbesEnabled()) Probe((std::string(probe) + "." + e.code).c_str());
    }
    ImGui::EndCombo();
  }
  return changed;
}

bool DrawCardPreview(appmodel::AppModel& app, std::string& kind, std::string& organisation,
                     const std::string& expected_fingerprint) {
  const auto& p = app.contacts.preview();
  if (!p) return false;
  bool added = false;
  ImGui::Separator();
  ImGui::Indent();
  ImGui::TextUnformatted(tr("contacts.preview.title"));
  LabelValue(tr("contacts.name"), p->card.name);
  ImGui::TextColored(MutedColor(), "%s", tr("contacts.fingerprint"));
  Fingerprint(p->fingerprint, "contacts.preview.fingerprint");
  if (!expected_fingerprint.empty()) {
    if (p->fingerprint == expected_fingerprint) {
      WrappedColored(OkColor(), tr("import.card_matches_signer"));
    } else {
      WrappedColored(ErrorColor(), tr("import.card_not_signer"));
    }
  }
  WrappedColored(MutedColor(), tr("contacts.preview.not_trusted_yet"));
  ImGui::TextUnformatted(tr("contacts.kind.label"));
  ImGui::SameLine();
  RecipientKindCombo("###new-kind", kind);
  WrappedColored(MutedColor(), tr("contacts.kind.help"));
  ImGui::TextUnformatted(tr("contacts.organisation"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(EmFitting(16));
  InputTextExact("###new-org", organisation, {.probe = "contacts.organisation"});
  if (ImGui::Button(tr("contacts.add.confirm"))) {
    if (app.contacts.add_previewed(organisation, kind)) {
      added = true;
      kind.clear();
      organisation.clear();
    }
  }
  Probe("contacts.add.confirm");
  ImGui::SameLine();
  if (ImGui::Button(tr("files.cancel"))) app.contacts.cancel_preview();
  Probe("contacts.add.cancel");
  ImGui::Unindent();
  ImGui::Separator();
  return added;
}

void ContactsScreen::Draw(appmodel::AppModel& app) {
  (void)app.contacts.load();
  Heading(tr("contacts.title"));
  WrappedColored(MutedColor(), tr("contacts.explain"));
  // While the edit panel is open its refusals show there, next to the fields.
  if (app.contacts.find(editing_) == nullptr) ShowContactsError(app.contacts.error_key(), app.contacts.error_detail());
  // Own card beside the list; under it where the list would get less than
  // 32 em (a small screen or large text).
  if (ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 32 / 0.6f) {
    DrawOwnCard(app);
    ImGui::Spacing();
    DrawList(app);
  } else if (ImGui::BeginTable("###contacts-layout", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerV)) {
    ImGui::TableSetupColumn("a", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("b", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    DrawOwnCard(app);
    ImGui::TableNextColumn();
    DrawList(app);
    ImGui::EndTable();
  }
  if (browser_.Draw()) {
    if (browsing_ == Browse::card_folder) {
      (void)app.contacts.export_own_card(browser_.chosen, card_file_name_);
    } else if (browsing_ == Browse::card_file) {
      (void)app.contacts.preview_card(browser_.chosen);
    }
    browsing_ = Browse::none;
  }
}

void ContactsScreen::DrawOwnCard(appmodel::AppModel& app) {
  const auto& own = app.contacts.own();
  ImGui::TextUnformatted(tr("contacts.own.title"));
  ImGui::Separator();
  if (!own) return;
  LabelValue(tr("contacts.name"), own->info.name);
  ImGui::TextColored(MutedColor(), "%s", tr("contacts.fingerprint"));
  Fingerprint(own->fingerprint, "contacts.own.fingerprint");
  WrappedColored(MutedColor(), tr("contacts.own.read_aloud"));
  DrawQrCode(app.contacts.own_qr(), 3.0f);
  Probe("contacts.own.qr");
  WrappedColored(MutedColor(), tr("contacts.own.qr_note"));
  if (ImGui::TreeNode(tr("contacts.keys"))) {
    LabelValue(tr("contacts.age_key"), own->info.age_recipient);
    LabelValue(tr("contacts.minisign_key"), own->info.minisign_public_key);
    LabelValue(tr("contacts.key_id"), own->info.minisign_key_id);
    ImGui::TreePop();
  }
  ImGui::Spacing();
  ImGui::TextUnformatted(tr("contacts.own.file_name"));
  ImGui::SetNextItemWidth(-1);
  InputTextExact("###card-file-name", card_file_name_, {.probe = "contacts.own.file_name"});
  if (ImGui::Button(tr("contacts.own.save"))) {
    browsing_ = Browse::card_folder;
    browser_.Open(HomeFolder(), appmodel::FileBrowser::Pick::folder, "files.title.card_folder");
  }
  Probe("contacts.own.save");
  if (!app.contacts.last_card_file().empty()) {
    WrappedColored(OkColor(), trf("contacts.own.saved", {app.contacts.last_card_file().string()}).c_str());
    Probe("contacts.own.saved");
  }
}

void ContactsScreen::DrawList(appmodel::AppModel& app) {
  ImGui::TextUnformatted(tr("contacts.list.title"));
  ImGui::Separator();
  if (ImGui::Button(tr("contacts.add"))) {
    app.contacts.cancel_preview();
    browsing_ = Browse::card_file;
    browser_.Open(HomeFolder(), appmodel::FileBrowser::Pick::file, "files.title.card");
  }
  Probe("contacts.add");
  if (app.contacts.preview()) (void)DrawCardPreview(app, new_kind_, new_org_);
  const auto& all = app.contacts.contacts();
  if (all.empty()) {
    WrappedColored(MutedColor(), tr("contacts.none"));
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("###contacts", 4, flags)) {
    ImGui::TableSetupColumn(tr("contacts.name"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(tr("contacts.kind.label"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn(tr("contacts.state"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("###actions", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableHeadersRow();
    for (const auto& c : all) {
      ImGui::PushID(c.id.c_str());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      TextWrappedShaped(c.display_name);
      if (!c.organisation.empty()) WrappedColored(MutedColor(), c.organisation.c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", c.kind.empty() ? tr("contacts.kind.none")
                                              : std::string(appmodel::vocab_label("recipient_kind", c.kind)).c_str());
      ImGui::TableNextColumn();
      if (c.verified) {
        WrappedColored(OkColor(), tr("contacts.verified"));
        WrappedColored(MutedColor(), (std::string(appmodel::vocab_label("verification_method", c.verification_method)) +
                                      ", " + appmodel::display_time(c.verified_at))
                                         .c_str());
      } else {
        WrappedColored(WarningColor(), tr("contacts.not_verified"));
      }
      if (ProbesEnabled()) Probe(("contacts.state." + c.display_name).c_str());
      ImGui::TableNextColumn();
      if (!c.verified) {
        if (ImGui::SmallButton(tr("contacts.verify"))) {
          verifying_ = c.id;
          removing_.clear();
          editing_.clear();
          mismatch_ = false;
        }
        if (ProbesEnabled()) Probe(("contacts.verify." + c.display_name).c_str());
        SameLineIfFits(ButtonWidth(tr("contacts.edit")));
      }
      if (ImGui::SmallButton(tr("contacts.edit"))) StartEdit(app, c);
      if (ProbesEnabled()) Probe(("contacts.edit." + c.display_name).c_str());
      SameLineIfFits(ButtonWidth(tr("contacts.remove")));
      if (ImGui::SmallButton(tr("contacts.remove"))) {
        removing_ = c.id;
        verifying_.clear();
        editing_.clear();
      }
      if (ProbesEnabled()) Probe(("contacts.remove." + c.display_name).c_str());
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  WrappedColored(MutedColor(), tr("contacts.list.note"));
  if (const auto* c = app.contacts.find(verifying_)) DrawVerify(app, *c);
  if (const auto* c = app.contacts.find(editing_)) DrawEdit(app, *c);
  if (const auto* c = app.contacts.find(removing_)) {
    Banner(WarningColor(), trf("contacts.remove.confirm_text", {c->display_name}).c_str());
    if (ImGui::Button(tr("contacts.remove.confirm"))) {
      if (app.contacts.remove(removing_)) app.exporter.invalidate();
      removing_.clear();
    }
    Probe("contacts.remove.confirm");
    ImGui::SameLine();
    if (ImGui::Button(tr("files.cancel"))) removing_.clear();
  }
}

void ContactsScreen::DrawVerify(appmodel::AppModel& app, const core::exchange::Contact& c) {
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Indent();
  ImGui::TextUnformatted(trf("contacts.verify.title", {c.display_name}).c_str());
  WrappedColored(MutedColor(), trf("contacts.verify.explain", {c.display_name}).c_str());
  Fingerprint(c.fingerprint, "contacts.verify.fingerprint");
  ImGui::TextUnformatted(tr("contacts.verify.how"));
  for (int i = 0; i < 3; ++i) {
    if (i > 0) ImGui::SameLine();
    const std::string label = std::string(appmodel::vocab_label("verification_method", kMethods[i])) + "###m" +
                              std::to_string(i);
    ImGui::RadioButton(label.c_str(), &method_, i);
    Probe((std::string("contacts.verify.method.") + kMethods[i]).c_str());
  }
  if (ImGui::Button(tr("contacts.verify.match"))) {
    if (app.contacts.verify(c.id, kMethods[method_])) {
      verifying_.clear();
      app.exporter.invalidate();
    }
  }
  Probe("contacts.verify.match");
  ImGui::SameLine();
  if (ImGui::Button(tr("contacts.verify.mismatch"))) mismatch_ = true;
  Probe("contacts.verify.mismatch");
  ImGui::SameLine();
  if (ImGui::Button(tr("files.cancel"))) verifying_.clear();
  if (mismatch_) Banner(ErrorColor(), tr("contacts.verify.mismatch_text"));
  ImGui::Unindent();
  ImGui::Separator();
}

}  // namespace safehold::gui
