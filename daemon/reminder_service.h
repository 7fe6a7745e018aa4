#pragma once
// Creating reminders for the follow-ups that have come due: the engine
// decides, this writes its decisions to the store (reminders and their outbox
// rows, cadence switches, dormancy).
//
// Not thread-safe: used from the daemon's event loop only.

#include <optional>

#include "config/config.h"
#include "core/result.h"
#include "daemon/dry_segments.h"
#include "scheduler/cadence_engine.h"
#include "scheduler/daily_limit.h"
#include "store/store.h"

namespace touchbase {

// A reminder whose remind_at passed more than this long ago is marked late.
inline constexpr Seconds k_late_after{60};
// Late reminders made in one pass (after downtime) go out this far apart.
inline constexpr Seconds k_catch_up_spacing{2};

// Whether a touch logged at `last_logged` answers reminder `r`: it lies at or
// after the reminder's creation or its due time, so the reminder no longer
// stands for a touch of its own (a salesperson often calls right when
// reminded, before the due time).
bool answered_by_touch(const Reminder& r, std::optional<Instant> last_logged);

struct ReminderPass {
  int created = 0;
  std::optional<Instant> next_remind_at;  // the earliest reminder still to come
};

class ReminderService {
 public:
  // All references must outlive the service.
  ReminderService(const Config& config, const CadenceEngine& engine, Store& store)
      : config_(config), engine_(engine), store_(store), dry_(config, store) {}

  // Creates a reminder for every follow-up whose remind_at <= now and that has
  // none yet, applying cadence switches and dormancy on the way, and each
  // owner's daily_limit (reminders already made today keep their places; the
  // excess moves to later days). Late ones (after downtime) are delivered
  // k_catch_up_spacing apart, most valuable first; those due more than
  // catch_up_max_age ago are listed in one notice per owner instead.
  Result<ReminderPass> create_due_reminders(Instant now);

  // The history the engine sees for `contact`: all its logged touches (the
  // engine tells the current cadence's from cadence_since, and keeps min_gap
  // and the cap across a switch), plus each reminder not answered by the last
  // logged touch as a touch assumed done on time (or when a late reminder was
  // created) with no answer, so a follow-up is never reminded twice and
  // downtime does not replay a whole cadence.
  Result<std::vector<Touch>> history_of(const Contact& contact);

 private:
  // The engine's decision after applying any cadence switch or dormancy;
  // `history` is left holding the history it was decided on.
  Result<Decision> decide(Contact& contact, Instant now, std::vector<Touch>& history);
  // The reminder written (or already there) for follow-up `d`.
  Result<Reminder> create_reminder(const Contact& contact, const Decision& d, Instant now, Instant first_attempt);
  // When the contact's next reminder after `r` is due, given `history`, the
  // one `r`'s follow-up was decided on; nullopt when none is.
  Result<std::optional<Instant>> following_remind_at(Contact& contact, std::span<const Touch> history,
                                                     const Reminder& r, Instant now);
  // Takes out of `follow_ups` those due now that wait for a talking point
  // (require_talking_point and none fits), so they take no place in the
  // owner's day; the next pass tries them again.
  Status set_aside_waiting(std::vector<LimitedFollowUp>& follow_ups, Instant now);
  // Today's reminders of each owner with a daily_limit among `follow_ups`.
  Result<std::vector<TakenPlaces>> places_taken(std::span<const LimitedFollowUp> follow_ups, Instant now);
  // One notice per owner listing `missed`, each recorded as reminded.
  Status notify_missed(std::span<const LimitedFollowUp> missed, Instant now);

  const Config& config_;
  const CadenceEngine& engine_;
  Store& store_;
  DrySegments dry_;  // segments whose follow-ups wait for a talking point
};

}  // namespace touchbase
