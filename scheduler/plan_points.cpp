#include "scheduler/plan_points.h"

#include <algorithm>

#include "scheduler/resolved_config.h"

namespace touchbase {

Date owner_today(const CadenceEngine& engine, const Contact& contact, Instant at) {
  const ResolvedOwner* owner = engine.resolved().owner_of(contact);
  const Zone zone = owner ? owner->zone : engine.resolved().default_zone();
  return Date(zone.local_day(at));
}

std::vector<PointChoice> choose_planned_points(const CadenceEngine& engine, std::span<const PlannedFollowUp> follow_ups,
                                               PointContacts& contacts, Instant now) {
  std::vector<PointChoice> out;
  out.reserve(follow_ups.size());
  for (const PlannedFollowUp& f : follow_ups) {
    PointContact& pc = contacts.find(f.contact)->second;
    PointHistory& h = pc.history;
    PointRequest request{pc.contact,
                         f.owner,
                         f.step,
                         h.touches,
                         h.used,
                         h.next_step_brought,
                         owner_today(engine, *pc.contact, std::max(f.remind_at, now))};
    PointChoice choice = choose_talking_point(engine.config().talking_points, request);
    if (choice.point != nullptr) h.used.push_back(choice.point->id);
    h.next_step_brought = true;
    out.push_back(choice);
  }
  return out;
}

}  // namespace touchbase
