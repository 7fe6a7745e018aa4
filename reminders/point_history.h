#pragma once
// What the choice of a talking point (scheduler/talking_points.h) and a
// reminder's text read from the store. Everything that chooses -- the
// daemon, plan, due, calendar, points -- reads it here, so they agree.

#include <span>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "scheduler/plan_points.h"
#include "store/store.h"

namespace touchbase {

// The contact's logged touches, the points it has been given, and whether a
// reminder since its last logged touch (one that touch does not answer)
// has already brought its agreed next step up.
Result<PointHistory> read_point_history(Store& store, const Contact& contact);

// The histories of `contacts`, by id. The contacts must outlive the result.
Result<PointContacts> read_point_contacts(Store& store, std::span<const Contact> contacts);

// What the reminder about to be written for `contact`'s touch number `step`
// brings, with today = the owner's local date at `now`; the second form with
// the contact's history already read.
Result<PointChoice> choose_for_reminder(const Config& config, Store& store, const Contact& contact,
                                        std::string_view owner, int step, Instant now);
PointChoice choose_for_reminder(const Config& config, const PointHistory& history, const Contact& contact,
                                std::string_view owner, int step, Instant now);

// What the message of a stored reminder needs besides the reminder and its contact.
struct ReminderFacts {
  std::vector<Touch> touches;     // the contact's logged touches, oldest first
  bool brings_next_step = false;  // it carries no point and is the first reminder since the last logged touch
};
// From the contact's logged `touches` and its `reminders` (reminder among them).
ReminderFacts reminder_facts(const Reminder& reminder, std::span<const Touch> touches,
                             std::span<const Reminder> reminders);

}  // namespace touchbase
