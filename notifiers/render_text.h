#pragma once
// The plain-text form of a reminder, shared by the console, the email's text
// part and the chat messages' fallback text.

#include <string>
#include <string_view>

#include "notifiers/notifier.h"

namespace touchbase {

// A one-line headline: "Follow up with Jane Doe (Acme GmbH, proposal)", or a
// notice's own.
std::string render_headline(const ReminderMessage& m);
// Heads the action links in text: "In one click:".
inline constexpr std::string_view k_action_heading = "In one click:";

// The headline, then one line per field that is present, "\n"-separated,
// then the action links a reader may follow (action_rows()) under
// k_action_heading, "  Touched: https://…" a line each.
std::string render_text(const ReminderMessage& m);

}  // namespace touchbase
