#pragma once
// Forms generated from safehold_schema's entity model: one widget per field
// type, labels and help in the UI language, "prefer not to answer" /
// "unknown" on every non-required field, identifying fields marked, and
// fields of a sensitive module (V-Sensitive) hidden until the session opened
// that module. The widgets edit a record's `fields` JSON in place through the
// helpers of appmodel/record_fields.hpp; they never save anything.
#include <functional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "safehold/appmodel/record_fields.hpp"
#include "safehold/schema/model.hpp"

namespace safehold::gui {

struct RefOption {
  std::string id;
  std::string label;  // non-identifying (pseudonym, title, reference)
};

struct FormContext {
  // Records a ref/refs field may point to (e.g. persons of the case).
  std::function<std::vector<RefOption>(std::string_view entity)> ref_options;
  // V-Sensitive codes the interviewee agreed to open in this session; nullptr
  // means no module is open.
  const std::set<std::string>* sensitive_opened = nullptr;
  // Probe names are probe_prefix + field path ("intake.incident.title").
  std::string probe_prefix;
  // Per-field checks (the intake): told when a field's widget is left; asked
  // for the problem (i18n key, nullptr for none) to show under a field; a
  // field's probe name to scroll into view once (Save found it empty).
  std::function<void(const std::string& probe)> field_left;
  std::function<const char*(const std::string& probe)> field_problem;
  std::string scroll_to;
};

// Draws the fields of `entity` named in `only` (all fields when empty) in
// that order as a two-column form. Returns true when `fields` changed.
bool DrawRecordForm(const schema::EntityDef& entity, appmodel::Json& fields, FormContext& ctx,
                    std::span<const std::string_view> only = {});

// One field row (label cell + widget cell) inside a form table.
bool DrawFieldRow(const schema::FieldDef& f, appmodel::Json& fields, FormContext& ctx,
                  const std::string& path);

// The widget alone, by field type (no label, no not-answered menu).
bool DrawFieldWidget(const schema::FieldDef& f, appmodel::Json& fields, FormContext& ctx,
                     const std::string& path);

// Vocabulary widgets (form_vocab_widgets.cpp).
bool DrawCodeCombo(const schema::FieldDef& f, appmodel::Json& fields, const std::string& probe);
bool DrawCodeSet(const schema::FieldDef& f, appmodel::Json& fields, const std::string& probe);
bool DrawDefinedCodePicker(const schema::FieldDef& f, appmodel::Json& fields,
                           const std::string& probe);
bool DrawScopes(const schema::FieldDef& f, appmodel::Json& fields, const std::string& probe);
bool DrawFilteredPick(const schema::FieldDef& f, appmodel::Json& fields, bool many,
                      const std::string& probe);

// Forgets the filter texts of open pickers (on lock).
void ClearFormWidgetState();

// Type-to-select for the closed combo just drawn (appmodel::TypeToSelect):
// the entry of `labels` the letters typed this frame choose while it has the
// keyboard focus, or -1. `current`: the entry chosen now, -1 if none.
int TypedChoice(std::span<const std::string_view> labels, int current);

// Compound widgets (form_compound_widgets.cpp).
bool DrawDate(const schema::FieldDef& f, appmodel::Json& fields, const std::string& probe);
bool DrawDateTime(const schema::FieldDef& f, appmodel::Json& fields, const std::string& probe);
bool DrawObject(const schema::FieldDef& f, appmodel::Json& fields, FormContext& ctx,
                const std::string& path);
bool DrawList(const schema::FieldDef& f, appmodel::Json& fields, FormContext& ctx,
              const std::string& path);
bool DrawRef(const schema::FieldDef& f, appmodel::Json& fields, FormContext& ctx, bool many,
             const std::string& probe);

}  // namespace safehold::gui
