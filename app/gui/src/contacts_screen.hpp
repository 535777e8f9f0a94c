#pragma once
// Contacts: this vault's own card (fingerprint to read aloud, QR code drawn
// as rectangles, save the card to a file), adding a contact from a card file
// (previewed with its fingerprint first), the verify flow (compare the
// fingerprint, say how, record it), editing the name, kind and organisation
// (never the keys) and removal with confirmation.
#include <string>

#include "file_browser_dialog.hpp"
#include "safehold/appmodel/app_model.hpp"

namespace safehold::gui {

// A contacts refusal in plain words (the i18n key), with the core's detail.
void ShowContactsError(const char* key, const std::string& detail);
// Draws a QR code as filled rectangles with a quiet zone, `module_px` per
// module, on a white square (QR readers need dark on light in any theme).
void DrawQrCode(const appmodel::QrCode& qr, float module_px);
// A recipient_kind combo (empty code = not chosen), probed as `probe` and
// its entries as `probe`.<code>; with `offer_none` also "Not set"
// (`probe`.none). True when changed.
bool RecipientKindCombo(const char* id, std::string& code, const char* probe = "contacts.kind",
                        bool offer_none = false);
// The card preview and "add" form, shared with the import screen (adding an
// unknown signer from their card). True on the frame a contact was added.
bool DrawCardPreview(appmodel::AppModel& app, std::string& kind, std::string& organisation,
                     const std::string& expected_fingerprint = {});

struct ContactsScreen {
  void Draw(appmodel::AppModel& app);

 private:
  void DrawOwnCard(appmodel::AppModel& app);
  void DrawList(appmodel::AppModel& app);
  void DrawVerify(appmodel::AppModel& app, const core::exchange::Contact& c);
  // contact_edit_panel.cpp
  void StartEdit(appmodel::AppModel& app, const core::exchange::Contact& c);
  void DrawEdit(appmodel::AppModel& app, const core::exchange::Contact& c);

  enum class Browse { none, card_folder, card_file };
  FileBrowserDialog browser_;
  Browse browsing_ = Browse::none;
  std::string card_file_name_ = "safehold-contact-card.txt";
  std::string new_kind_, new_org_;
  std::string verifying_;  // contact id whose verify panel is open
  int method_ = 0;         // index into kMethods
  bool mismatch_ = false;  // the user said the numbers differ
  std::string removing_;   // contact id whose remove confirmation is open
  std::string editing_;    // contact id whose edit panel is open
  std::string edit_name_, edit_kind_, edit_org_, edit_notes_;
};

}  // namespace safehold::gui
