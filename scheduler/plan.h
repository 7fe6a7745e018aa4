#pragma once
// `touchbase plan`: what the daemon would remind, when and why, simulated
// forward from `now` with the same engine. Each follow-up is assumed done on
// time (at its due_at, or at `now` when it is already overdue) with no reply
// (outcome touched); cadence switches are followed as the daemon follows
// them (cadence_switches.h); each owner's daily_limit is applied day by day
// as in daily_limit.h. Pure.

#include <span>
#include <string>
#include <vector>

#include "core/contact.h"
#include "core/result.h"
#include "scheduler/cadence_engine.h"

namespace touchbase {

// A contact and its logged touches, oldest first (as for CadenceEngine::next).
struct PlanContact {
  Contact contact;
  std::vector<Touch> history;
};

struct PlannedFollowUp {
  std::string contact;  // id
  std::string owner;    // id after defaults; empty without owners
  std::string cadence;
  int step = 0;
  Instant due_at;
  Instant remind_at;
  std::string timezone;  // the zone the contact's window was read in
  std::string why;
};

// A cadence switch or a contact becoming dormant on the way.
struct PlannedTransition {
  std::string contact;
  Instant at;
  Decision::Kind kind = Decision::Kind::switch_cadence;  // or dormant
  std::string from_cadence;
  std::string to_cadence;  // empty when dormant
  std::string why;
};

struct Plan {
  std::vector<PlannedFollowUp> follow_ups;     // ordered by remind_at, then due_at, then contact
  std::vector<PlannedTransition> transitions;  // ordered by at, then contact
  std::vector<SkippedContact> skipped;  // the engine could not decide (Decision::Kind::skipped), in the order given
};

// The follow-ups due before `until`; Errc::config when a contact's cadences
// switch in a loop (switch_loop_error), as the daemon fails then.
// REQUIRES: now <= until.
Result<Plan> plan_follow_ups(const CadenceEngine& engine, std::span<const PlanContact> contacts, Instant now,
                             Instant until);

}  // namespace touchbase
