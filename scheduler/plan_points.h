#pragma once
// The talking points of planned follow-ups (scheduler/plan.h), chosen one
// after the other as the daemon will choose them when it writes each
// reminder: a point given at one follow-up is never chosen again for the
// same contact, and the agreed next step is brought up at the first. Pure.

#include <map>
#include <span>
#include <string>
#include <vector>

#include "scheduler/plan.h"
#include "scheduler/talking_points.h"

namespace touchbase {

// What the store knows of a contact that the choice depends on.
struct PointHistory {
  std::vector<Touch> touches;      // logged, oldest first
  std::vector<std::string> used;   // ids of the points given so far
  bool next_step_brought = false;  // a reminder since the last logged touch brought the next step up
};

// A contact and its history, by contact id.
struct PointContact {
  const Contact* contact = nullptr;
  PointHistory history;
};
using PointContacts = std::map<std::string, PointContact, std::less<>>;

// The owner's local date at `at`, for PointRequest::today.
Date owner_today(const CadenceEngine& engine, const Contact& contact, Instant at);

// One choice per follow-up, in the order given (which must be each
// contact's follow-ups in time order, as Plan::follow_ups is). Each is made
// with today = the owner's date at max(remind_at, now). `contacts` is
// updated as the daemon's store would be: chosen points join `used`, and
// next_step_brought is set after the first follow-up.
// REQUIRES: every follow-up's contact is in `contacts`.
std::vector<PointChoice> choose_planned_points(const CadenceEngine& engine, std::span<const PlannedFollowUp> follow_ups,
                                               PointContacts& contacts, Instant now);

}  // namespace touchbase
