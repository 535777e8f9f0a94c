#include "exchange_screen.hpp"

#include <imgui.h>

#include <string>

#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::tr;

void ExchangeScreen::Draw(appmodel::AppModel& app) {
  Heading(tr("nav.exchange"));
  if (!ImGui::BeginTabBar("###exchange-tabs")) return;
  using Tab = appmodel::AppModel::ExchangeTab;
  // A tab chosen by the model (e.g. "Send this case" in the case view) is
  // asked for until it shows (a new tab bar settles over a frame or two);
  // afterwards the user's clicks decide.
  const bool force = app.exchange_tab_requested;
  const Tab wanted = app.exchange_tab;
  const std::string send_label = std::string(tr("exchange.tab.send")) + "###exchange.tab.send";
  const bool send_open = ImGui::BeginTabItem(send_label.c_str(), nullptr,
                                             force && wanted == Tab::send ? ImGuiTabItemFlags_SetSelected : 0);
  Probe("exchange.tab.send");
  if (send_open) {
    if (force && wanted == Tab::send) app.exchange_tab_requested = false;
    if (!force) app.exchange_tab = Tab::send;
    BeginRestOfScreen("###send");
    send.Draw(app);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  const std::string receive_label = std::string(tr("exchange.tab.receive")) + "###exchange.tab.receive";
  const bool receive_open = ImGui::BeginTabItem(
      receive_label.c_str(), nullptr, force && wanted == Tab::receive ? ImGuiTabItemFlags_SetSelected : 0);
  Probe("exchange.tab.receive");
  if (receive_open) {
    if (force && wanted == Tab::receive) app.exchange_tab_requested = false;
    if (!force) app.exchange_tab = Tab::receive;
    BeginRestOfScreen("###receive");
    receive.Draw(app);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

}  // namespace safehold::gui
