#pragma once
// The history rules (scheduler/history.h) applied to what the store read of
// one contact or many at once (Store::histories_of,
// histories_of_all_contacts). Everything that reads histories from the store
// goes through these, so the daemon and the commands agree.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "reminders/reminder_message.h"
#include "scheduler/plan_points.h"
#include "store/store.h"

namespace touchbase {

// What `all` holds of one contact; empty spans for a contact with nothing
// stored. Points into `all`, which must outlive it.
struct StoredHistory {
  std::span<const Touch> touches;                    // logged, oldest first
  std::span<const Reminder> reminders;               // oldest due_at first
  std::span<const std::string> used_talking_points;  // in the order first given
};
StoredHistory stored_history(const ContactHistories& all, std::string_view contact_id);

// What the engine sees for the contact (scheduler/history.h engine_history).
std::vector<Touch> engine_history(const ContactHistories& all, std::string_view contact_id);

// What the choice of a talking point sees for the contact.
PointHistory point_history(const ContactHistories& all, std::string_view contact_id);

// The point histories of `contacts`, by id. The contacts must outlive the result.
PointContacts point_contacts(const ContactHistories& all, std::span<const Contact> contacts);

// What the message of `reminder` needs besides it and its contact.
ReminderFacts reminder_facts(const ContactHistories& all, const Reminder& reminder);

}  // namespace touchbase
