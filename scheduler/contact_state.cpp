#include "scheduler/contact_state.h"

namespace touchbase {
namespace {

// Snoozing and pausing are for contacts still being followed up.
StateChange check_change(const Contact& contact, std::optional<Instant> until, Instant now) {
  if (contact.status == ContactStatus::dormant || contact.status == ContactStatus::closed_won ||
      contact.status == ContactStatus::closed_lost || contact.status == ContactStatus::closed_unqualified) {
    return StateRefusal::not_followed;
  }
  if (until && *until <= now) return StateRefusal::until_passed;
  return {};
}

}  // namespace

StateChange snooze_contact(Contact& contact, Instant until, Instant now) {
  if (auto checked = check_change(contact, until, now); !checked) return checked;
  contact.status = ContactStatus::active;
  contact.paused_until = until;
  return {};
}

StateChange pause_contact(Contact& contact, std::optional<Instant> until, Instant now) {
  if (auto checked = check_change(contact, until, now); !checked) return checked;
  contact.status = ContactStatus::paused;
  contact.paused_until = until;
  return {};
}

void resume_contact(Contact& contact, Instant now) {
  contact.status = ContactStatus::active;
  contact.paused_until.reset();
  contact.cadence_since = now;
}

void close_contact(Contact& contact, CloseReason reason) {
  switch (reason) {
    case CloseReason::won: contact.status = ContactStatus::closed_won; return;
    case CloseReason::lost: contact.status = ContactStatus::closed_lost; return;
    case CloseReason::unqualified: contact.status = ContactStatus::closed_unqualified; return;
  }
}

}  // namespace touchbase
