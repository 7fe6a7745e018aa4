#pragma once
// What `touchbase due` lists: per contact, the follow-up to act on today.
// Pure: `now` is a parameter.

#include <span>
#include <string>
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

// The same for one contact's follow-ups, `items` (in any order): the one it
// lists, nullptr when none. Of equal due_at, the last given.
const FollowUp* due_today_of(const Config& config, std::span<const FollowUp> items, std::string_view owner,
                             Instant now);

// Appends to `key` the bytes that order `item` as due_today() orders its
// result (core/sorted_runs.h).
void append_due_key(std::string& key, const DueItem& item);

}  // namespace touchbase
