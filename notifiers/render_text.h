#pragma once
// The plain-text form of a reminder, shared by the console, the email's text
// part and the chat messages' fallback text.

#include <string>

#include "notifiers/notifier.h"

namespace touchbase {

// A one-line headline: "Follow up with Jane Doe (Acme GmbH, proposal)", or a
// notice's own.
std::string render_headline(const ReminderMessage& m);
// The headline, then one line per field that is present, "\n"-separated.
std::string render_text(const ReminderMessage& m);

}  // namespace touchbase
