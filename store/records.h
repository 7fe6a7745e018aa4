#pragma once
// What the store keeps besides contacts and touches: reminders (core/reminder.h),
// notices, dry segments and the outbox.

#include <cstdint>
#include <optional>
#include <string>

#include "core/reminder.h"
#include "core/time.h"

namespace touchbase {

// A message to an owner about several contacts at once, delivered through
// the outbox like a reminder: the follow-ups that came due too long before
// the daemon started, listed together instead of reminded one by one.
struct Notice {
  std::int64_t id = 0;  // assigned by the store
  std::string owner;
  std::string headline;  // one line, e.g. "3 follow-ups missed while touchbase was not running"
  std::string body;      // one line per item
  Instant created_at;
};

// A segment of the talking-point library ("fintech / proposal") that ran dry
// for an owner's follow-ups that require a talking point; the owner was told
// by notice `notice_id` (0 once that notice is gone).
struct DrySegment {
  std::string owner;
  std::string segment;
  Instant since;
  std::int64_t notice_id = 0;
};

// A contact's next follow-up as the daemon last decided it, so that a pass
// reads only the contacts whose time has come (reminders/reminder_maker.h).
struct StoredDecision {
  std::string contact_id;
  std::optional<Instant> due_at;     // nullopt: nothing is due (closed, paused, dormant, ...)
  std::optional<Instant> remind_at;  // set with due_at
  // When a pass must decide the contact again; nullopt: only once it changes.
  std::optional<Instant> revisit_at;
  // For a follow-up due and not yet reminded: since when it waits (its due
  // time, or earlier when an earlier pass found it due already and it has
  // not changed since): a daily limit ranks it by this.
  std::optional<Instant> waiting_since;
  bool operator==(const StoredDecision&) const = default;
};

// A contact whose stored decision may be out of date: it was added or edited,
// or a touch or a reminder of it was written. `mark` orders the changes and
// tells a later change of the same contact from this one.
struct ContactChange {
  std::int64_t mark = 0;
  std::string contact_id;
};

// The earliest times ahead of the stored decisions.
struct DecisionsAhead {
  std::optional<Instant> revisit_at;  // when a pass must look again
  std::optional<Instant> remind_at;   // the next reminder
};

enum class OutboxState { pending, delivered, failed, dead };

std::string_view to_string(OutboxState s);

// One delivery of a reminder (or of a notice: reminder_id is then 0 and
// notice_id set) through one notifier. The idempotency key is fixed when the
// row is written and repeated by every attempt. Its form is
// "tb-<reminder id>-<notifier>-<12 hex digits>" ("tb-n<notice id>-..." for a
// notice): the notifier name with every
// character outside [A-Za-z0-9_-] replaced by '_' (at most 40 of them), and a
// hash of (reminder id, contact id, due_at, notifier) so that a key stays
// unique even across databases that reuse reminder ids. It only ever holds
// [A-Za-z0-9_-], so it fits a Message-ID, an HTTP header or a request id.
struct OutboxRow {
  std::int64_t id = 0;
  std::int64_t reminder_id = 0;
  std::int64_t notice_id = 0;
  std::string notifier;
  std::string idempotency_key;
  OutboxState state = OutboxState::pending;
  int attempts = 0;
  Instant next_attempt_at;
  std::string last_error;
  std::optional<Instant> delivered_at;
};

}  // namespace touchbase
