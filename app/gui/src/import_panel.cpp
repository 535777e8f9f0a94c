// "Open a bundle you received": pick the file, verify it first (nothing is
// kept), read who sent it and what is inside, then import it. Refusals are
// shown as one translated sentence; an unknown signer's fingerprint is shown
// with a way to add them from their card; accepting a contact who is not
// verified is an explicit, warned choice.
#include <imgui.h>

#include <string>

#include "contacts_screen.hpp"
#include "exchange_screen.hpp"
#include "safehold/appmodel/file_browser.hpp"
#include "safehold/appmodel/import_summary.hpp"
#include "safehold/appmodel/record_fields.hpp"
#include "safehold/appmodel/schema_text.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::tr;
using appmodel::trf;
using Stage = appmodel::ImportModel::Stage;

void ImportPanel::Draw(appmodel::AppModel& app) {
  appmodel::ImportModel& m = app.importer;
  WrappedColored(MutedColor(), tr("import.explain"));
  if (!m.busy()) {
    if (ImGui::Button(tr(m.stage() == Stage::pick ? "import.choose" : "import.choose_other"))) {
      browsing_ = Browse::bundle;
      browser_.Open(HomeFolder(), appmodel::FileBrowser::Pick::file, "files.title.bundle");
    }
    Probe("import.choose");
  }
  if (!m.file().empty()) LabelValue(tr("import.file"), m.file().filename().string());
  bool cancel = false;
  switch (m.stage()) {
    case Stage::pick:
      break;
    case Stage::verifying:
      cancel = ProgressWithCancel(m.progress(), {.label = tr("import.verifying"), .cancel_probe = "import.cancel"});
      break;
    case Stage::importing:
      cancel = ProgressWithCancel(m.progress(), {.label = tr("import.importing"), .cancel_probe = "import.cancel"});
      break;
    case Stage::failed:
      DrawRefusal(app);
      break;
    case Stage::verified:
    case Stage::imported:
      DrawReport(app);
      break;
  }
  if (cancel) m.cancel();
  if (browser_.Draw()) {
    if (browsing_ == Browse::bundle) {
      m.set_allow_unverified(false);
      (void)m.verify(browser_.chosen);
    } else if (browsing_ == Browse::signer_card) {
      (void)app.contacts.preview_card(browser_.chosen);
    }
    browsing_ = Browse::none;
  }
}

void ImportPanel::DrawRefusal(appmodel::AppModel& app) {
  appmodel::ImportModel& m = app.importer;
  const auto& f = *m.failure();
  ShowRefusal(m.error_key(), f.describe(), "import.error");
  const auto* s = m.signer();
  if (s == nullptr) return;
  ImGui::Spacing();
  ImGui::TextUnformatted(tr("import.signer.title"));
  ImGui::Separator();
  LabelValue(tr("import.signer.claims"), s->claimed_name);
  LabelValue(tr("contacts.key_id"), s->key_id);
  ImGui::TextColored(MutedColor(), "%s", tr("contacts.fingerprint"));
  BigDigits(s->fingerprint, "import.signer.fingerprint");
  if (s->trust == core::bundle::SignerTrust::unknown) {
    WrappedColored(MutedColor(), tr("import.signer.unknown_help"));
    if (ImGui::Button(tr("import.signer.add"))) {
      app.contacts.cancel_preview();
      browsing_ = Browse::signer_card;
      browser_.Open(HomeFolder(), appmodel::FileBrowser::Pick::file, "files.title.card");
    }
    Probe("import.signer.add");
    if (app.contacts.error_key() != nullptr) ShowRefusal(app.contacts.error_key(), app.contacts.error_detail(), "contacts.error");
    if (DrawCardPreview(app, new_kind_, new_org_, s->fingerprint)) (void)m.reverify();
    return;
  }
  // A contact, not yet verified.
  WrappedColored(MutedColor(), trf("import.signer.unverified_help", {s->contact_name}).c_str());
  if (ImGui::Button(tr("import.signer.go_verify"))) app.go(appmodel::Screen::contacts);
  Probe("import.signer.go_verify");
  ImGui::Spacing();
  Banner(WarningColor(), tr("import.allow_unverified.warning"));
  bool allow = m.allow_unverified();
  if (CheckboxWrapped("###allow", tr("import.allow_unverified"), &allow)) m.set_allow_unverified(allow);
  Probe("import.allow_unverified");
  ImGui::BeginDisabled(!m.allow_unverified());
  if (ImGui::Button(tr("import.verify_again"))) (void)m.reverify();
  Probe("import.verify_again");
  ImGui::EndDisabled();
}

// Issue 11's trust summary: how and when the signer was verified, that the
// bundle was sealed for this vault (a forwarded one is refused before), who
// else can open it, and what importing it changes here.
void ImportPanel::DrawTrustSummary(const appmodel::ImportSummary& s) {
  if (!s.verified_at.empty()) {
    LabelValue(tr("import.summary.verified"),
               trf("import.summary.verified_how",
                   {std::string(appmodel::vocab_label("verification_method", s.verification_method)),
                    appmodel::display_time(s.verified_at)}));
  }
  LabelValue(tr("import.summary.to_you"), tr("import.summary.to_you_yes"));
  std::string others;
  for (const auto& o : s.others) {
    if (!others.empty()) others += tr("import.summary.list_sep");
    others += o.known ? o.name : trf("import.summary.unknown_key", {o.name.substr(0, 12) + "…"});
  }
  LabelValue(tr("import.summary.others"), others.empty() ? std::string(tr("import.summary.others_none")) : others);
  Probe("import.summary.others");
  LabelValue(tr("import.summary.changes"),
             appmodel::trn("import.summary.changes_n", s.created,
                           {std::to_string(s.created), std::to_string(s.updated), std::to_string(s.conflicts),
                            std::to_string(s.kept)}));
  Probe("import.summary.changes");
}

void ImportPanel::DrawReport(appmodel::AppModel& app) {
  appmodel::ImportModel& m = app.importer;
  const auto& r = *m.report();
  const auto& s = r.sender;
  ImGui::Spacing();
  if (r.unverified_sender) {
    Banner(WarningColor(), trf("import.report.unverified", {s.contact_name}).c_str());
  } else {
    WrappedColored(OkColor(), trf("import.report.verified", {s.contact_name}).c_str());
  }
  Probe("import.report.sender");
  LabelValue(tr("import.report.sender_says"), s.claimed_name);
  ImGui::TextColored(MutedColor(), "%s", tr("import.report.signer_fingerprint"));
  BigDigits(s.fingerprint, "import.report.fingerprint");
  LabelValue(tr("import.report.created"), appmodel::display_time(r.created));
  LabelValue(tr("import.report.size"), appmodel::format_size(r.total_bytes));
  if (const auto* summary = m.summary()) DrawTrustSummary(*summary);
  ImGui::Spacing();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("###incoming", 4, flags)) {
    ImGui::TableSetupColumn(tr("import.col.reference"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(tr("import.col.title"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(tr("import.col.records"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn(tr("import.col.files"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableHeadersRow();
    for (const auto& c : r.cases) {
      std::uint64_t bytes = 0;
      for (const auto& a : c.attachments) bytes += a.size;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(c.reference.c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", c.title.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%zu", c.records);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(
          (std::to_string(c.attachments.size()) + " (" + appmodel::format_size(bytes) + ")").c_str());
    }
    ImGui::EndTable();
  }
  Probe("import.report.cases");
  if (m.error_key() != nullptr && m.failure()) ShowRefusal(m.error_key(), m.failure()->describe(), "import.error");
  if (m.stage() == Stage::imported) {
    const auto& done = *m.result();
    if (done.already_imported) {
      WrappedColored(MutedColor(), trf("import.already", {appmodel::display_time(r.imported_at)}).c_str());
    } else {
      WrappedColored(OkColor(), trf("import.done", {appmodel::count_of("count.records", done.records_written),
                                                     std::to_string(done.records_unchanged),
                                                     appmodel::count_of("count.files", done.attachments)})
                                    .c_str());
    }
    Probe("import.done");
    for (const auto& c : r.cases) {
      ImGui::PushID(c.case_id.c_str());
      if (ImGui::Button(trf("import.open_case", {c.reference}).c_str())) app.open_case(c.case_id);
      if (ProbesEnabled()) Probe(("import.open_case." + c.reference).c_str());
      ImGui::SameLine();
      ImGui::PopID();
    }
    ImGui::NewLine();
    return;
  }
  if (r.already_imported) {
    WrappedColored(MutedColor(), trf("import.already", {appmodel::display_time(r.imported_at)}).c_str());
    Probe("import.already");
    return;
  }
  WrappedColored(MutedColor(), tr("import.ready"));
  if (ImGui::Button(tr("import.go"))) (void)m.import();
  Probe("import.go");
}

}  // namespace safehold::gui
