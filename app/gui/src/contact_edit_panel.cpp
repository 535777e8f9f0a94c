// The contacts screen's edit panel: a contact's name, kind, organisation and
// notes (free text, kept exactly: exact_text.hpp).
// The keys are shown as staying: other keys are another contact.
#include <imgui.h>

#include "contacts_screen.hpp"
#include "exact_text.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::tr;
using appmodel::trf;

void ContactsScreen::StartEdit(appmodel::AppModel& app, const core::exchange::Contact& c) {
  app.contacts.clear_error();
  editing_ = c.id;
  edit_name_ = c.display_name;
  edit_kind_ = c.kind;
  edit_org_ = c.organisation;
  edit_notes_ = c.notes;
  verifying_.clear();
  removing_.clear();
}

void ContactsScreen::DrawEdit(appmodel::AppModel& app, const core::exchange::Contact& c) {
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Indent();
  ImGui::TextUnformatted(trf("contacts.edit.title", {c.display_name}).c_str());
  ImGui::TextUnformatted(tr("contacts.name"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(EmFitting(16));
  InputTextExact("###edit-name", edit_name_, {.probe = "contacts.edit.name"});
  ImGui::TextUnformatted(tr("contacts.kind.label"));
  ImGui::SameLine();
  RecipientKindCombo("###edit-kind", edit_kind_, "contacts.edit.kind", /*offer_none=*/true);
  WrappedColored(MutedColor(), tr("contacts.kind.help"));
  ImGui::TextUnformatted(tr("contacts.organisation"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(EmFitting(16));
  InputTextExact("###edit-org", edit_org_, {.probe = "contacts.edit.organisation"});
  ImGui::TextUnformatted(tr("contacts.edit.notes"));
  InputTextExact("###edit-notes", edit_notes_,
                 {.multiline = true,
                  .size = ImVec2(EmFitting(24), ImGui::GetTextLineHeight() * 4.0f),
                  .probe = "contacts.edit.notes"});
  WrappedColored(MutedColor(), tr("contacts.edit.keys_stay"));
  ShowContactsError(app.contacts.error_key(), app.contacts.error_detail());
  if (ImGui::Button(tr("contacts.edit.save"))) {
    // The kind decides what an export to the contact needs: plans are stale.
    if (app.contacts.update(c.id, edit_name_, edit_kind_, edit_org_, edit_notes_)) {
      editing_.clear();
      app.exporter.invalidate();
    }
  }
  Probe("contacts.edit.save");
  ImGui::SameLine();
  if (ImGui::Button(tr("files.cancel"))) {
    editing_.clear();
    app.contacts.clear_error();
  }
  Probe("contacts.edit.cancel");
  ImGui::Unindent();
  ImGui::Separator();
}

}  // namespace safehold::gui
