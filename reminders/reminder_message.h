#pragma once
// Turning a stored reminder into the text a salesperson reads.

#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "core/contact.h"
#include "core/message.h"
#include "core/result.h"
#include "scheduler/talking_points.h"
#include "store/records.h"

namespace touchbase {

// What the message of a stored reminder needs besides the reminder and its
// contact (reminders/contact_histories.h reminder_facts).
struct ReminderFacts {
  std::vector<Touch> touches;     // the contact's logged touches, oldest first
  bool brings_next_step = false;  // scheduler/history.h brings_next_step
};

// What stored reminder `r` brings up: its talking point while the library
// holds it, else the contact's agreed next step when `brings_next_step` and
// there is one. Points into the config.
PointChoice reminded_choice(const Config& config, const Reminder& r, const Contact& contact, bool brings_next_step);

// The message for `reminder` about `contact`, delivered with `idempotency_key`.
// `facts` fill the talking point's placeholders and tell whether the
// reminder brings the agreed next step up, which is then its talking point
// and not repeated as the next step.
// REQUIRES: config is valid; the reminder's owner exists in it.
ReminderMessage build_reminder_message(const Config& config, const Reminder& reminder, const Contact& contact,
                                       const ReminderFacts& facts, const std::string& idempotency_key);

// The message for `notice`: its headline, and its body as the reasons.
// REQUIRES: config is valid; the notice's owner exists in it.
ReminderMessage build_notice_message(const Config& config, const Notice& notice, const std::string& idempotency_key);

// "touchbase log ID --outcome touched": the command that logs a touch of
// contact `id`, for the salesperson to paste into a POSIX shell. The id is
// quoted as one word (core/shell_word.h); an id that starts with '-' comes
// after "--", so it is not read as an option.
std::string log_command_for(std::string_view id);

// How to reach the contact: "call +1 555 0100 (or email jane@example.com)".
std::string channel_for(const Contact& c);

// The zone of the contact's local rules: its own, else (none, or one the tz
// database does not know) the config's default. REQUIRES: config is valid.
const date::time_zone& contact_zone(const Config& config, const Contact& contact);
// The owner's zone, else (one the tz database no longer knows) the config's
// default. REQUIRES: config is valid.
const date::time_zone& owner_zone(const Config& config, const Owner& owner);

// "Tue 24 Nov 16:00 Europe/Berlin": a local time a person can read.
std::string format_local_time(Instant t, const date::time_zone& zone);

}  // namespace touchbase
