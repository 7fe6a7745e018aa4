#include "reminders/due_today.h"

#include <algorithm>
#include <map>

#include "core/sorted_runs.h"
#include "reminders/reminder_message.h"

namespace touchbase {
namespace {

Instant end_of_local_day(Instant t, const date::time_zone& zone) {
  auto local_day = date::floor<date::days>(zone.to_local(t));
  return zone.to_sys(local_day + date::days(1), date::choose::earliest);
}

bool goes_first(const DueItem& a, const DueItem& b) {
  if (a.follow_up->owner != b.follow_up->owner) return a.follow_up->owner < b.follow_up->owner;
  if (a.contact->value != b.contact->value) return a.contact->value > b.contact->value;
  if (a.follow_up->due_at != b.follow_up->due_at) return a.follow_up->due_at < b.follow_up->due_at;
  return a.contact->id < b.contact->id;
}

bool due_by_end_of_day(const Config& config, const FollowUp& f, std::string_view owner, Instant now) {
  if (!owner.empty() && f.owner != owner) return false;
  return f.due_at < end_of_local_day(now, owner_zone(config, config.owner_for(f.owner)));
}

}  // namespace

const FollowUp* due_today_of(const Config& config, std::span<const FollowUp> items, std::string_view owner,
                             Instant now) {
  const FollowUp* latest = nullptr;
  for (const FollowUp& f : items) {
    if (!due_by_end_of_day(config, f, owner, now)) continue;
    if (!latest || f.due_at >= latest->due_at) latest = &f;
  }
  return latest;
}

void append_due_key(std::string& key, const DueItem& item) {
  append_key(key, item.follow_up->owner);
  append_key_descending(key, item.contact->value);
  append_key(key, item.follow_up->due_at);
  append_key(key, item.contact->id);
}

std::vector<DueItem> due_today(const Config& config, const FollowUps& all, std::string_view owner, Instant now) {
  std::map<std::size_t, const FollowUp*> latest;
  for (const FollowUp& f : all.items) {
    if (!due_by_end_of_day(config, f, owner, now)) continue;
    latest[f.contact] = &f;  // items are ordered by due_at
  }
  std::vector<DueItem> items;
  for (auto [index, f] : latest) items.push_back({f, &all.contacts[index], f->due_at < now});
  std::sort(items.begin(), items.end(), goes_first);
  return items;
}

}  // namespace touchbase
