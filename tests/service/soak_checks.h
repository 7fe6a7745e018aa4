#pragma once
// The rules the soak (soak_test.cpp) holds the daemon to, as pure functions
// over what the notifiers were asked to deliver and what the store holds.
// Each returns one line per violation, empty when the rule held.
//
// What the soak records while it runs lives in a memory resource of its own
// (std::pmr), so that it does not count in the daemon's memory samples.

#include <map>
#include <memory_resource>
#include <span>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/time.h"
#include "store/records.h"

namespace touchbase::testing {

// One attempt a notifier was asked to make, and its answer.
struct Delivery {
  std::pmr::string notifier;
  std::pmr::string key;  // the idempotency key
  Instant at;
  bool succeeded = false;
};

// How many more successful deliveries a (notifier, key) may have than one:
// one per injected crash that came after its success and before the success
// was recorded (the outbox delivers at least once). Keyed by notifier, a
// space, and the key.
using AllowedRepeats = std::pmr::map<std::pmr::string, int>;
std::pmr::string repeat_key(std::string_view notifier, std::string_view key, std::pmr::memory_resource* memory);

// A reminder as the store holds it, with its outbox rows: none when it was
// listed in a notice instead of reminded on its own.
struct StoredReminder {
  Reminder reminder;
  std::vector<OutboxRow> rows;
  bool listed() const { return rows.empty(); }
};

// A follow-up, by contact and due time.
struct FollowUpKey {
  std::string contact_id;
  Instant due_at;
};

// A span of time in which a contact must get no reminder: paused, snoozed,
// closed, or paused by a reply. `until` is Instant::max() while it lasts.
// A span that ran to its `until` (not ended early by `resume`) also puts off
// every follow-up decided after it began to `until` at the earliest.
struct QuietSpan {
  std::string contact_id;
  Instant from;
  Instant until;
  bool ended_by_resume = false;
};

// The owners' daily limits in force from `from` on, until the next entry.
struct LimitsFrom {
  Instant from;
  std::map<std::string, int> limits;  // by owner id
};

// No (notifier, key) was delivered successfully more than once, beyond what
// `allowed` grants.
std::vector<std::string> doubled_deliveries(std::span<const Delivery> deliveries, const AllowedRepeats& allowed);

// Every reminder reminded on its own has a row delivered (and a successful
// delivery of that row's key), or all its rows dead with the error that
// ended them; every notice row likewise; every follow-up in `due` has a
// reminder (on its own or listed in a notice).
std::vector<std::string> lost_reminders(std::span<const StoredReminder> reminders,
                                        std::span<const OutboxRow> notice_rows, std::span<const Delivery> deliveries,
                                        std::span<const FollowUpKey> due);

// Each reminder's due_at is at least `min_gap` after the latest touch of its
// contact when it was made: the latest logged touch at or before its
// created_at, or the due_at of a reminder made before it that this touch
// does not answer (it was logged before the reminder was made and fell due),
// whichever is later.
// `touches` by contact id.
std::vector<std::string> reminders_too_close(std::span<const StoredReminder> reminders,
                                             const std::map<std::string, std::vector<Instant>>& touches,
                                             Seconds min_gap);

// No owner got more reminders on its own in one of its days (its zone; each
// counted at its remind_at, or created_at if later) than the largest daily
// limit in force during that day. `limits` oldest first.
std::vector<std::string> over_daily_limit(std::span<const StoredReminder> reminders, const Config& config,
                                          std::span<const LimitsFrom> limits);

// Every reminder's remind_at lies inside its owner's working hours, and no
// delivery of it was attempted before its remind_at.
std::vector<std::string> outside_working_hours(std::span<const StoredReminder> reminders, const Config& config,
                                               std::span<const Delivery> deliveries);

// No reminder made inside one of its contact's quiet spans is due inside it
// (one made ahead of a call at the span's end, the owner's hours ending
// before it, is fine), nor due before the end of one that began before it
// was made and ran its course.
std::vector<std::string> reminded_while_quiet(std::span<const StoredReminder> reminders,
                                              std::span<const QuietSpan> spans);

// The last sample exceeds the first by no more than `margin` bytes.
std::vector<std::string> memory_grew(std::span<const std::size_t> samples, std::size_t margin);

}  // namespace touchbase::testing
