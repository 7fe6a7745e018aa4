#pragma once
// The talking point a reminder brings, chosen from what the store keeps of
// its contact. Everything that chooses -- the daemon, plan, due, calendar,
// points -- reads the histories through reminders/contact_histories.h, so
// they agree.

#include <span>
#include <string_view>

#include "config/config.h"
#include "scheduler/plan_points.h"
#include "store/store.h"

namespace touchbase {

// The point histories of `contacts` as stored now, by id, read in one
// snapshot. The contacts must outlive the result.
Result<PointContacts> read_point_contacts(Store& store, std::span<const Contact> contacts);

// What the reminder about to be written for `contact`'s touch number `step`
// brings, with today = the owner's local date at `now`.
PointChoice choose_for_reminder(const Config& config, const PointHistory& history, const Contact& contact,
                                std::string_view owner, int step, Instant now);

}  // namespace touchbase
