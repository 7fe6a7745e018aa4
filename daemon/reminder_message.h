#pragma once
// Turning a stored reminder into the text a salesperson reads.

#include "config/config.h"
#include "core/contact.h"
#include "notifiers/notifier.h"
#include "store/records.h"

namespace touchbase {

// The message for `reminder` about `contact`, delivered with `idempotency_key`.
// REQUIRES: config is valid; the reminder's owner exists in it.
ReminderMessage build_reminder_message(const Config& config, const Reminder& reminder, const Contact& contact,
                                       const std::string& idempotency_key);

// "Tue 24 Nov 16:00 Europe/Berlin": a local time a person can read.
std::string format_local_time(Instant t, const date::time_zone& zone);

}  // namespace touchbase
