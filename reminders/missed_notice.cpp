#include "reminders/missed_notice.h"

#include <date/tz.h>

#include "reminders/reminder_message.h"

namespace touchbase {

Notice missed_notice(const Config& config, const Owner& owner, std::span<const MissedFollowUp> missed, Instant now) {
  const date::time_zone* zone = &owner_zone(config, owner);
  Notice n;
  n.owner = owner.id;
  n.created_at = now;
  n.headline = std::to_string(missed.size()) + (missed.size() == 1 ? " follow-up" : " follow-ups") +
               " came due while touchbase was not running, over " + format_duration(config.daemon.catch_up_max_age) +
               " ago";
  for (const MissedFollowUp& m : missed) {
    const Contact& c = *m.contact;
    n.body += c.name.empty() ? c.id : c.name;
    if (!c.company.empty()) n.body += " (" + c.company + ")";
    n.body += ": due " + format_local_time(m.due_at, *zone) + "; " + channel_for(c) +
              "; log it: " + log_command_for(c.id) + "\n";
  }
  return n;
}

}  // namespace touchbase
