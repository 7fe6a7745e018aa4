#pragma once
// Microsoft Teams through a Workflows webhook ("Post to a channel when a
// webhook request is received"): a message with one Adaptive Card. The
// workflow answers 202 Accepted.

#include <nlohmann/json.hpp>

#include "notifiers/notifier.h"

namespace touchbase {

inline constexpr std::string_view k_adaptive_card_version = "1.4";

nlohmann::json teams_payload(const ReminderMessage& m);

}  // namespace touchbase
