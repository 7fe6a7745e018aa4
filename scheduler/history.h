#pragma once
// The history a contact's follow-ups are decided on, made from what is kept
// of it: its logged touches (oldest first) and its reminders (oldest due
// first). A reminder that the last logged touch does not answer stands for a
// touch of its own, assumed done on time with no answer, so a follow-up is
// never reminded twice and downtime does not replay a whole cadence. The
// daemon, `plan`, `due`, `calendar`, `points` and `log` all read histories
// through these functions, so they agree. Pure.
//
// REQUIRES (every function): `logged` is oldest first and `reminders` oldest
// due_at first, as the store gives them.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/contact.h"
#include "core/reminder.h"

namespace touchbase {

// Whether a touch logged at `at` answers reminder `r`: it lies at or after
// the reminder's creation or its due time, so the reminder no longer stands
// for a touch of its own (a salesperson often calls right when reminded,
// before the due time).
bool answered_by_touch(const Reminder& r, std::optional<Instant> at);

// The touch an unanswered reminder stands for: done on time (or when a late
// reminder was made, as it is acted on when it arrives), with no answer and
// the reminder's talking point.
Touch assumed_touch(const Reminder& r);

// What the engine sees: every logged touch (the engine tells the current
// cadence's from cadence_since, and keeps min_gap and the cap across a
// switch), then the assumed touch of each reminder the last one does not answer.
std::vector<Touch> engine_history(std::span<const Touch> logged, std::span<const Reminder> reminders);

// The reminders the last logged touch does not answer, in the order given:
// what the salesperson still has to act on.
std::vector<Reminder> open_reminders(std::span<const Touch> logged, std::span<const Reminder> reminders);

// Whether a reminder since the last logged touch has brought the agreed next
// step up already: any reminder is open.
bool next_step_brought(std::span<const Touch> logged, std::span<const Reminder> reminders);

// Whether `reminder` (one of `reminders`) brings the agreed next step up: it
// carries no talking point and is the earliest open reminder.
bool brings_next_step(const Reminder& reminder, std::span<const Touch> logged, std::span<const Reminder> reminders);

// The talking point of the latest open reminder that a touch at `at` answers:
// the point that touch used; empty when none.
std::string talking_point_answered(std::span<const Touch> logged, std::span<const Reminder> reminders, Instant at);

}  // namespace touchbase
