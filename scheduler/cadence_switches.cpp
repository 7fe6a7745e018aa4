#include "scheduler/cadence_switches.h"

#include <algorithm>

namespace touchbase {

void apply_transition(const Decision& d, std::span<const Touch> history, Instant now, Contact& contact) {
  if (d.kind == Decision::Kind::dormant) {
    contact.status = ContactStatus::dormant;
    return;
  }
  contact.cadence = d.next_cadence;
  contact.cadence_since = history.empty() ? now : std::max(now, history.back().at);
}

Error switch_loop_error(const Contact& contact) {
  return Error::config("contact " + contact.id + ": cadences switch in a loop; check their 'then' keys");
}

Result<Decision> decide_following_switches(const CadenceEngine& engine, Contact& contact,
                                           std::span<const Touch> history, Instant now) {
  Decision d;
  auto same_contact = [&](const Decision&) -> Contact& { return contact; };
  TB_TRY_STATUS(follow_cadence_switches(engine, contact, history, now, NextOptions{}, d, same_contact));
  return d;
}

}  // namespace touchbase
