#pragma once
// The histories of many contacts made from one read of the store
// (Store::histories_of_all_contacts), by the rules ReminderService::history_of
// and read_point_history apply to one contact read on its own. For commands
// that look at every contact, such as `touchbase plan`.

#include <string_view>
#include <vector>

#include "reminders/point_history.h"
#include "scheduler/plan_points.h"
#include "store/store.h"

namespace touchbase {

// What the engine sees for the contact: as ReminderService::history_of.
std::vector<Touch> engine_history(const ContactHistories& all, std::string_view contact_id);

// What the choice of a talking point sees: as read_point_history.
PointHistory point_history(const ContactHistories& all, std::string_view contact_id);

// What the message of `reminder` needs besides it and its contact.
ReminderFacts reminder_facts(const ContactHistories& all, const Reminder& reminder);

}  // namespace touchbase
