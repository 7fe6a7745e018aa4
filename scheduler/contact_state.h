#pragma once
// What a salesperson does to a contact's follow-ups by hand: snooze, pause,
// resume, close. Pure: `now` is a parameter, and each changes only the
// contact given, and only when it succeeds.

#include <optional>

#include "core/contact.h"
#include "core/result.h"

namespace touchbase {

// Why a change was refused.
enum class StateRefusal {
  not_followed,  // the contact is dormant or closed: there is nothing to snooze or pause
  until_passed,  // the end given is not after now
};
using StateChange = Result<void, StateRefusal>;

// No follow-up of `contact` before `until`; it is active meanwhile.
StateChange snooze_contact(Contact& contact, Instant until, Instant now);

// No follow-up of `contact` until it is resumed, or until `until` when given.
StateChange pause_contact(Contact& contact, std::optional<Instant> until, Instant now);

// `contact` is followed up again, whatever its state, its cadence afresh from `now`.
void resume_contact(Contact& contact, Instant now);

enum class CloseReason { won, lost, unqualified };

// The deal is closed: no more follow-ups.
void close_contact(Contact& contact, CloseReason reason);

}  // namespace touchbase
