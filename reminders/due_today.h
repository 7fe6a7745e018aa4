#pragma once
// What `touchbase due` lists: per contact, the follow-up to act on today.
// Pure: `now` is a parameter.

#include <string_view>
#include <vector>

#include "config/config.h"
#include "reminders/follow_ups.h"

namespace touchbase {

// Far enough ahead of now to cover the end of today in every zone: read the
// follow-ups up to now + this for due_today().
inline constexpr Seconds k_due_horizon{std::chrono::hours(48)};

struct DueItem {
  const FollowUp* follow_up = nullptr;  // points into FollowUps::items
  const Contact* contact = nullptr;     // its contact, in FollowUps::contacts
  bool overdue = false;                 // due before now
};

// Per contact, the latest follow-up of `all` due by the end of its owner's
// day at `now`: the one to act on. Only `owner`'s, unless empty. Grouped by
// owner id, then most valuable first, then earliest due, then contact id.
// REQUIRES: config is valid; `all` outlives the result.
std::vector<DueItem> due_today(const Config& config, const FollowUps& all, std::string_view owner, Instant now);

}  // namespace touchbase
