#pragma once
// The notice that lists, for one owner, the follow-ups that came due more
// than catch_up_max_age before the daemon could remind them (it was not
// running): one message instead of a burst of stale reminders.

#include <span>

#include "config/config.h"
#include "core/contact.h"
#include "store/records.h"

namespace touchbase {

struct MissedFollowUp {
  const Contact* contact = nullptr;  // not owned; must outlive the call
  Instant due_at;
};

// "2 follow-ups came due while touchbase was not running, over 3d ago",
// then a line per follow-up, in the order given: who, when it was due in the
// owner's zone, and how to reach them. REQUIRES: `missed` is not empty.
Notice missed_notice(const Config& config, const Owner& owner, std::span<const MissedFollowUp> missed, Instant now);

}  // namespace touchbase
