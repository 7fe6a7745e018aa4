#pragma once
// Microsoft Teams through a Workflows webhook ("Post to a channel when a
// webhook request is received"): a message with one Adaptive Card. The
// workflow answers 202 Accepted.

#include <nlohmann/json.hpp>

#include "notifiers/notifier.h"

namespace touchbase {

inline constexpr std::string_view k_adaptive_card_version = "1.4";
// Teams shows at most 6 actions of an action list (the rest are hidden
// behind "…" or not shown), so no ActionSet holds more.
inline constexpr std::size_t k_teams_actions_per_set = 6;

// The action links (action_rows()) end the card's body as Action.OpenUrl
// buttons, an ActionSet per row; the card's own actions keep the talking
// point's link.

nlohmann::json teams_payload(const ReminderMessage& m);

}  // namespace touchbase
