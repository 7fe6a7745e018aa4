#pragma once
// An owner's daily_limit: at most that many reminders on one local day of the
// owner (the day of remind_at in the owner's zone; an overdue reminder counts
// on the day of `now`, when it goes out). The follow-ups past the
// limit move to the owner's next days, highest deal value first, then the
// longest waiting (earliest `waiting_since`), then by contact id; none is
// dropped. A moved follow-up is decided again with NextOptions::not_before set
// to the owner's first working instant of the next day plus lead_time, so its
// reminder lands on that day or later, and its reasons say why it moved.
// Pure; the engine must outlive the calls.

#include <span>
#include <string>
#include <vector>

#include "core/contact.h"
#include "scheduler/cadence_engine.h"
#include "scheduler/resolved_config.h"

namespace touchbase {

// What orders the follow-ups of a full day.
struct LimitRank {
  double value = 0;  // the contact's deal value
  Instant waiting_since;
  std::string_view contact;  // id
};

// One follow-up competing for a place in its owner's day.
struct LimitedFollowUp {
  const Contact* contact = nullptr;  // not owned; must outlive the call
  std::span<const Touch> history;    // as given to CadenceEngine::next
  Decision decision;                 // Kind::follow_up
  Instant waiting_since;             // when it first came due, before any move

  LimitRank rank() const { return {contact->value, waiting_since, contact->id}; }
};

// The local day of `t` in the owner's zone (the default zone without an owner).
LocalDays owner_day(const ResolvedConfig& config, const ResolvedOwner* owner, Instant t);

// True when `a` keeps its place before `b` on a full day.
bool goes_first(const LimitRank& a, const LimitRank& b);

// The lower bound that moves a follow-up of `owner` past `day`.
Instant past_day_bound(const ResolvedConfig& config, const ResolvedOwner& owner, LocalDays day);

// "Alice Moreno's daily limit of 25 is reached on Mon 23 Nov".
std::string limit_reason(const ResolvedOwner& owner, LocalDays day);

// Applies every owner's daily_limit to `items` (at most one per contact),
// moving the excess as described above; `now` is the decisions' `now`.
void apply_daily_limits(const CadenceEngine& engine, std::vector<LimitedFollowUp>& items, Instant now,
                        Explain explain = Explain::yes);

}  // namespace touchbase
