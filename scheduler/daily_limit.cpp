#include "scheduler/daily_limit.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "scheduler/calendar.h"
#include "scheduler/why_text.h"

namespace touchbase {

LocalDays owner_day(const ResolvedConfig& config, const ResolvedOwner* owner, Instant t) {
  return (owner ? owner->zone : config.default_zone()).local_day(t);
}

bool goes_first(const LimitRank& a, const LimitRank& b) {
  if (a.value != b.value) return a.value > b.value;
  if (a.waiting_since != b.waiting_since) return a.waiting_since < b.waiting_since;
  return a.contact < b.contact;
}

Instant past_day_bound(const ResolvedConfig& config, const ResolvedOwner& owner, LocalDays day) {
  const Instant midnight = owner.zone.to_instant(LocalSeconds(day + date::days{1})).at;
  const auto first = first_window_instant(owner.zone, *owner.working_hours, *owner.holidays, midnight, nullptr);
  return first.value_or(midnight) + config.lead_time();
}

std::string limit_reason(const ResolvedOwner& owner, LocalDays day) {
  std::string out;
  append_possessive(out, owner.display_name);
  out.append(" daily limit of ");
  append_int(out, owner.owner->daily_limit);
  out.append(" is reached on ");
  append_day(out, day);
  return out;
}

namespace {

using DayQueue = std::map<LocalDays, std::vector<std::size_t>>;

// Re-decides `item` so that its reminder falls after `day`; returns its new day.
LocalDays move_past(const CadenceEngine& engine, const ResolvedOwner& owner, LocalDays day, LimitedFollowUp& item,
                    Instant now, Explain explain) {
  const ResolvedConfig& config = engine.resolved();
  const std::string reason = limit_reason(owner, day);
  const NextOptions options{explain, past_day_bound(config, owner, day), reason};
  Decision moved;
  engine.next(*item.contact, item.history, now, options, moved);
  if (moved.kind == Decision::Kind::follow_up) item.decision = std::move(moved);
  return std::max(owner_day(config, &owner, std::max(item.decision.remind_at, now)), day + date::days{1});
}

void limit_owner(const CadenceEngine& engine, const ResolvedOwner& owner, DayQueue& queue,
                 std::vector<LimitedFollowUp>& items, Instant now, Explain explain) {
  for (auto& [day, members] : queue) {
    const auto limit = static_cast<std::size_t>(owner.owner->daily_limit);
    if (members.size() <= limit) continue;
    std::sort(members.begin(), members.end(),
              [&](std::size_t a, std::size_t b) { return goes_first(items[a].rank(), items[b].rank()); });
    for (std::size_t k = limit; k < members.size(); ++k) {
      const std::size_t index = members[k];
      queue[move_past(engine, owner, day, items[index], now, explain)].push_back(index);
    }
    members.resize(limit);
  }
}

}  // namespace

void apply_daily_limits(const CadenceEngine& engine, std::vector<LimitedFollowUp>& items, Instant now,
                        Explain explain) {
  const ResolvedConfig& config = engine.resolved();
  std::unordered_map<const ResolvedOwner*, DayQueue> queues;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const ResolvedOwner* owner = config.owner_of(*items[i].contact);
    if (!owner || owner->owner->daily_limit <= 0) continue;
    // An overdue reminder counts on the day it is sent: today.
    queues[owner][owner_day(config, owner, std::max(items[i].decision.remind_at, now))].push_back(i);
  }
  for (auto& [owner, queue] : queues) limit_owner(engine, *owner, queue, items, now, explain);
}

}  // namespace touchbase
