#include "case_view_screen.hpp"
#include "shaped_text.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // TabItemCalcSize

#include <algorithm>
#include <string>

#include "case_overview_panel.hpp"
#include "record_view.hpp"
#include "safehold/appmodel/file_browser.hpp"
#include "safehold/appmodel/schema_text.hpp"
#include "safehold/crypto/sha256.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::tr;

namespace {

std::vector<const storage::Record*> pointers(const std::vector<storage::Record>& rs) {
  std::vector<const storage::Record*> out;
  for (const auto& r : rs) out.push_back(&r);
  return out;
}

struct Tab {
  const char* key;
  const char* entity;
};
constexpr Tab kTabs[] = {{"case.tab.overview", "case"},           {"case.tab.consent", "consent"},
                         {"case.tab.sessions", "interview_session"}, {"case.tab.people", "person"},
                         {"case.tab.incidents", "incident"},      {"case.tab.measures", "legal_measure"},
                         {"case.tab.evidence", "evidence_item"},   {"case.tab.risk", "risk_assessment"},
                         {"case.tab.interventions", "intervention"}, {"case.tab.history", ""}};

std::string TabLabel(const Tab& tab) { return std::string(tr(tab.key)) + "###" + tab.key; }

// The tabs in as many rows as the width needs, each label whole: one ImGui
// tab bar shrank ten tabs to "Ov…" at 200 % text on a 1024x640 screen. One
// tab bar per row, each tab a button; `current` is drawn as the selected
// tab. Returns the key of the tab clicked, or nullptr.
const char* DrawTabRows(const std::string& current) {
  const char* clicked = nullptr;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float gap = ImGui::GetStyle().ItemInnerSpacing.x;  // as ImGui's tab bar lays them out
  const ImVec4 selected = ImGui::GetStyleColorVec4(ImGuiCol_TabActive);
  std::size_t from = 0;
  for (int row = 0; from < std::size(kTabs); ++row) {
    std::size_t to = from;
    float used = 0;
    for (; to < std::size(kTabs); ++to) {
      const float w = ImGui::TabItemCalcSize(TabLabel(kTabs[to]).c_str(), false).x + (to > from ? gap : 0);
      if (to > from && used + w > avail) break;
      used += w;
    }
    ImGui::PushID(row);
    if (ImGui::BeginTabBar("###case-tabs", ImGuiTabBarFlags_NoTooltip)) {
      for (std::size_t i = from; i < to; ++i) {
        const bool is_current = current == kTabs[i].key;
        if (is_current) {
          ImGui::PushStyleColor(ImGuiCol_Tab, selected);
          ImGui::PushStyleColor(ImGuiCol_TabUnfocused, selected);
        }
        if (ImGui::TabItemButton(TabLabel(kTabs[i]).c_str())) clicked = kTabs[i].key;
        if (is_current) ImGui::PopStyleColor(2);
        Probe(kTabs[i].key);
      }
      ImGui::EndTabBar();
    }
    ImGui::PopID();
    from = to;
  }
  return clicked;
}

}  // namespace

std::string RecordTitle(const storage::Record& r, std::size_t n) {
  for (const char* key : {"title", "pseudonym", "description"}) {
    std::string t = appmodel::text_of(r.fields, key);
    if (!t.empty()) return t.size() > 80 ? t.substr(0, 80) + "…" : t;
  }
  // A coded type or kind, in the vocabulary the schema gives the field.
  const schema::EntityDef& def = appmodel::builtin_entity(r.entity);
  for (const char* key : {"type", "kind"}) {
    const std::string code = appmodel::text_of(r.fields, key);
    const schema::FieldDef* f = def.field(key);
    if (!code.empty() && f != nullptr && !f->vocab.empty()) return std::string(appmodel::vocab_label(f->vocab, code));
  }
  return appmodel::in_ui_language(def.label) + " " + std::to_string(n + 1);
}

FormContext CaseFormContext(const appmodel::CaseViewModel& m, const std::set<std::string>& opened,
                            std::string probe_prefix) {
  FormContext ctx;
  ctx.probe_prefix = std::move(probe_prefix);
  ctx.sensitive_opened = &opened;
  ctx.ref_options = [&m](std::string_view entity) {
    std::vector<RefOption> out;
    std::size_t n = 0;
    for (const auto& x : m.of(std::string(entity))) out.push_back({x.id, RecordTitle(x, n++)});
    return out;
  };
  return ctx;
}

void CaseViewScreen::Draw(appmodel::AppModel& app) {
  appmodel::CaseViewModel& m = app.case_view;
  if (app.current_case().empty()) {
    WrappedColored(MutedColor(), tr("case.none"));
    return;
  }
  (void)m.load(app.current_case());
  if (m.error_key() != nullptr && !m.case_record()) {
    WrappedColored(ErrorColor(), tr(m.error_key()));
    return;
  }
  if (m.add.paused()) {
    // A break in a follow-up interview shows nothing of the case: the
    // interviewee may be looking at the screen.
    DrawAddForm(app);
    return;
  }
  const storage::Record& c = *m.case_record();
  Heading((appmodel::text_of(c.fields, "reference") + "  " + appmodel::text_of(c.fields, "title")).c_str());
  Probe("case.heading");
  if (ImGui::SmallButton(tr("case.send"))) app.export_case(c.id);
  Probe("case.send");
  ImGui::SameLine();
  if (ImGui::SmallButton(tr("case.report"))) app.report.open(c.id);
  Probe("case.report");
  if (app.report.is_open() && app.report.case_id() == c.id) {
    report_.Draw(app);
    return;
  }
  if (m.error_key() != nullptr) {
    WrappedColored(ErrorColor(), appmodel::trf("case.error.detail", {tr(m.error_key()), m.error_detail()}).c_str());
  }
  // A newly opened add-form brings its tab to the front once (a custody
  // note's is the evidence tab). Decided before the tabs are drawn: a form
  // closed while drawing them must not select another tab.
  const std::string add_tab = m.add.entity() == "custody_event" ? std::string("evidence_item") : m.add.entity();
  if (!m.add.open()) add_tab_shown_.clear();
  if (m.add.open() && add_tab_shown_ != add_tab) {
    for (const auto& tab : kTabs) {
      if (add_tab == tab.entity) tab_ = tab.key;
    }
    add_tab_shown_ = add_tab;
  }
  if (tab_.empty()) tab_ = kTabs[0].key;
  if (const char* clicked = DrawTabRows(tab_)) tab_ = clicked;
  for (const auto& tab : kTabs) {
    if (tab_ != tab.key) continue;
    ImGui::PushID(tab.key);  // each tab's contents keep their own scroll position
    BeginRestOfScreen("###tab-content");
    const std::string entity = tab.entity;
    if (entity == "case") {
      DrawCaseOverview(m);
      DrawRecord(app, c, tr("case.tab.overview"));
    } else if (entity.empty()) {
      DrawHistory(app);
    } else if (entity == "incident") {
      DrawAddSection(app, entity);
      DrawRecords(app, tab.entity, m.timeline());
    } else {
      if (appmodel::CaseAddModel::addable(entity)) DrawAddSection(app, entity);
      DrawRecords(app, tab.entity, pointers(m.of(entity)));
    }
    ImGui::EndChild();
    ImGui::PopID();
  }
}

void CaseViewScreen::DrawRecords(appmodel::AppModel& app, const char* entity,
                                 const std::vector<const storage::Record*>& records) {
  if (records.empty()) {
    WrappedColored(MutedColor(), tr("case.empty_tab"));
    return;
  }
  for (std::size_t i = 0; i < records.size(); ++i) {
    ImGui::PushID(records[i]->id.c_str());
    std::string title = RecordTitle(*records[i], i);
    if (std::string_view(entity) == "incident") {
      const auto d = appmodel::date_of(records[i]->fields, "start_date");
      title = (d.value.empty() ? std::string("…") : d.value) + "  " + title;
    }
    const bool open = ImGui::CollapsingHeader((title + "###h").c_str(), i == 0 ? ImGuiTreeNodeFlags_DefaultOpen : 0);
    if (ProbesEnabled()) Probe(("case.record." + records[i]->id).c_str());
    if (open) {
      DrawRecord(app, *records[i], title);
      if (std::string_view(entity) == "evidence_item") DrawEvidenceExtras(app, *records[i]);
    }
    ImGui::PopID();
  }
}

void CaseViewScreen::DrawRecord(appmodel::AppModel& app, const storage::Record& r, const std::string&) {
  appmodel::CaseViewModel& m = app.case_view;
  const schema::EntityDef& def = appmodel::builtin_entity(r.entity);
  ImGui::PushID(r.id.c_str());
  if (!m.editing(r.id)) {
    DrawRecordView(def, r.fields);
    if (ImGui::SmallButton(tr("case.edit"))) m.begin_edit(r);
    Probe(("case.edit." + r.entity).c_str());
    ImGui::PopID();
    return;
  }
  const std::set<std::string> opened = m.sensitive_opened();
  FormContext ctx = CaseFormContext(m, opened, "case.form." + r.entity + ".");
  (void)DrawRecordForm(def, m.edit_fields(), ctx);
  if (ImGui::Button(tr("case.save"))) {
    if (m.save_edit()) app.cases.invalidate();
  }
  Probe(("case.save." + r.entity).c_str());
  ImGui::SameLine();
  if (ImGui::Button(tr("files.cancel"))) m.cancel_edit();
  ImGui::PopID();
}

void CaseViewScreen::DrawCustody(appmodel::AppModel& app, const storage::Record& evidence) {
  std::vector<const storage::Record*> events;
  for (const auto& e : app.case_view.of("custody_event")) {
    if (appmodel::text_of(e.fields, "evidence") == evidence.id) events.push_back(&e);
  }
  std::stable_sort(events.begin(), events.end(), [](const storage::Record* a, const storage::Record* b) {
    return appmodel::text_of(a->fields, "at") < appmodel::text_of(b->fields, "at");
  });
  ImGui::TextUnformatted(tr("case.custody.title"));
  if (events.empty()) {
    WrappedColored(MutedColor(), tr("case.custody.none"));
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("###custody", 4, flags)) return;
  ImGui::TableSetupColumn(tr("audit.col.time"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn(tr("audit.col.action"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn(tr("audit.col.actor"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn(tr("case.custody.note"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableHeadersRow();
  for (const auto* e : events) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(appmodel::display_time(appmodel::text_of(e->fields, "at")).c_str());
    ImGui::TableNextColumn();
    const std::string action = appmodel::text_of(e->fields, "action");
    ImGui::TextUnformatted(std::string(appmodel::vocab_label("custody", action)).c_str());
    if (ProbesEnabled()) Probe(("case.custody." + action).c_str());
    ImGui::TableNextColumn();
    TextShaped(appmodel::text_of(e->fields, "actor"));
    ImGui::TableNextColumn();
    std::string note = appmodel::text_of(e->fields, "note");
    if (e->fields.contains("hash_verified") && e->fields["hash_verified"] == true) {
      note = std::string(tr("case.custody.hash_ok")) + (note.empty() ? "" : "; " + note);
    }
    TextWrappedShaped(note);
  }
  ImGui::EndTable();
}

void CaseViewScreen::DrawEvidenceExtras(appmodel::AppModel& app, const storage::Record& r) {
  DrawCustody(app, r);
  DrawCustodyAdd(app, r);
  const auto a = app.case_view.attachment_for(r.id);
  if (!a) {
    WrappedColored(MutedColor(), tr("case.evidence.no_file"));
    return;
  }
  ImGui::TextWrapped("%s", appmodel::trf("case.evidence.file", {appmodel::format_size(a->size), a->created_at}).c_str());
  ImGui::TextUnformatted("SHA-256");
  ImGui::SameLine();
  const std::string h = crypto::to_hex(a->sha256);
  ImGui::TextColored(MutedColor(), "%s", h.c_str());
  Probe("case.evidence.sha256");
  if (copy_for_ != r.id) {
    if (ImGui::SmallButton(tr("case.save_copy"))) copy_for_ = r.id;
    Probe("case.evidence.save_copy");
  } else {
    Banner(WarningColor(), tr("case.save_copy.warning"));
    if (ImGui::Button(tr("case.save_copy.confirm"))) {
      copy_ready_ = r.id;
      browser_.Open(HomeFolder(), appmodel::FileBrowser::Pick::folder, "files.title.copy");
    }
    Probe("case.evidence.save_copy.confirm");
    ImGui::SameLine();
    if (ImGui::Button(tr("files.cancel"))) copy_for_.clear();
  }
  if (copy_ready_ == r.id && browser_.Draw()) {
    (void)app.case_view.save_copy(r, browser_.chosen);
    copy_for_.clear();
    copy_ready_.clear();
  }
  if (!app.case_view.last_copy().empty() && copy_for_.empty()) {
    ImGui::TextColored(OkColor(), "%s", appmodel::trf("case.save_copy.done", {app.case_view.last_copy().string()}).c_str());
  }
  ImGui::SameLine();
  if (ImGui::SmallButton(tr("case.copy"))) {
    ImGui::SetClipboardText(h.c_str());
    app.clipboard.copied(h);
  }
}

void CaseViewScreen::DrawHistory(appmodel::AppModel& app) {
  const auto& h = app.case_view.history();
  if (!ImGui::BeginTable("###history", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn(tr("audit.col.time"));
  ImGui::TableSetupColumn(tr("audit.col.actor"));
  ImGui::TableSetupColumn(tr("audit.col.action"));
  ImGui::TableSetupColumn(tr("audit.col.object"));
  ImGui::TableHeadersRow();
  for (const auto& e : h) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(appmodel::display_time(e.at).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(e.actor.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr(appmodel::audit_action_key(e.action)));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(appmodel::audit_object_label(e.object_type).c_str());
  }
  ImGui::EndTable();
}

}  // namespace safehold::gui
