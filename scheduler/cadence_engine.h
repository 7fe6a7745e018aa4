#pragma once
// The cadence engine: when is a contact's next follow-up due, and why.
// Pure: no I/O, no clock; `now` and the history are parameters, so the daemon
// and `touchbase plan` get the same answer for the same inputs.
//
// Thread-safety: a CadenceEngine is immutable after construction and may be
// shared between threads. It keeps a reference to the Config, which must
// outlive it.
//
// What a decision reads from the Contact:
// - timezone, window, cadence, owner: empty means the config's [defaults]
//   (an unknown cadence name falls back to the default, and says so). A zone
//   the system's tz database does not know gives Kind::skipped: the contact's
//   window cannot be read without it.
// - status: only active contacts, and paused ones with `paused_until` set,
//   get follow-ups. `paused_until` (a pause or a snooze) is a lower bound for
//   any status; a pause without a date, dormant and closed give Kind::none.
// - last_touch: a touch known from before touchbase, outcome unknown (taken as
//   touched, no answer). It counts as a touch when it is not already in
//   `history` (before its first touch or after its last).
// - cadence_since: touches at or before it belong to an earlier cadence (a
//   switch is decided after the touch that caused it). `history` may hold
//   them: they count for min_gap and the rolling cap, and the latest of them
//   anchors the first gap of the new cadence, but they do not count for
//   steps, backoff, give-up or on_reply.
// - next_step.date: an agreed date. When its local midnight (contact's zone)
//   is after the last touch, the follow-up is the first window instant on or
//   after that day: it replaces the cadence gap (and wins over on_reply
//   "pause"/"stop" and over steps running out) but min_gap, the cap, pauses,
//   holidays and the window still apply.
//
// The rules, in order:
// 1. Transitions. The last touch in the cadence was replied/meeting:
//    on_reply "pause" -> none ("paused after a reply"), "stop" -> none,
//    a cadence name -> switch_cadence. Unanswered in a row (trailing
//    touched/no_answer) >= give_up_after > 0, or steps run out without
//    `repeat`: switch_cadence to `then`, or dormant when `then` is empty or
//    "dormant". The caller applies the switch (cadence, cadence_since) and asks
//    again.
// 2. The gap. With no touch at all, step 1 is due at the first window instant
//    at or after `now`. Otherwise the gap after the n-th touch of the cadence
//    is steps[n-1] (the last step again when `repeat`); after an anchor only
//    (no touch yet in this cadence) it is steps[0]. It is multiplied by
//    backoff^(u-1) for u >= 2 unanswered touches in a row (x1 for u <= 1) and
//    rounded to the second. Calendar days: an exact duration after the last
//    touch. Business days: the whole days of the gap are counted as Mon-Fri
//    non-holiday days in the contact's zone from the local day of the last
//    touch, keeping its local time of day; the sub-day rest is added as time.
//    A contact's holidays are everyone's and its region's
//    (ResolvedConfig::holidays_of); an owner's, everyone's and the owner's
//    region's. The reasons name each holiday skipped by its name and region.
// 3. Lower bounds: min_gap after the last touch; one minute after the last
//    touch in any case (a contact is never due twice at once); the rolling cap
//    (at most `count` touches in any half-open interval of length `within`: so
//    not before the count-th latest touch + within); paused_until; and the
//    caller's NextOptions::not_before.
// 4. The window: the first instant at or after all of the above inside the
//    contact's window, on an allowed day that is not a holiday, in the
//    contact's zone (DST: see scheduler/zone.h).
// 5. The reminder: due_at - lead_time when that is inside the owner's working
//    hours (owner's zone, holidays off); else the last working minute before it
//    (the end of the latest working interval less one minute, see
//    latest_window_moment), and the reasons then give the call time in both
//    zones. A reminder that would fall before `now` is `now` ("remind ...
//    now") when `now` is inside the working hours. When it is not, the
//    follow-up moves to the first window instant at or after the owner's next
//    working moment + lead_time, and is reminded as above (so inside working
//    hours, at or after `now`); the reasons say so. A follow-up already
//    overdue (due_at < now) keeps its computed reminder time, so the caller
//    can tell how late it is.
//
// A follow-up already due is returned as it is (due_at <= now: overdue); `now`
// never pushes it later.
//
// The reasons text (Decision::why) is parts joined by "; ", for example
// "4th touch; 7 business days after the last, ×1.5 for 2 unanswered; moved to
// Tue 6 Jan 16:00 Europe/Berlin, Jane's window; Thu 25 Dec is a holiday".
//
// Owners' daily limits act on many decisions at once: scheduler/daily_limit.h.
// `touchbase plan` simulates forward with this engine: scheduler/plan.h.

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "core/contact.h"

namespace touchbase {

class ResolvedConfig;

// A contact is never due less than this after its last touch.
inline constexpr Seconds k_min_touch_separation = std::chrono::minutes(1);
// A gap stretched by backoff stops growing here.
inline constexpr Seconds k_max_gap = std::chrono::hours(24 * 3650);

// The next follow-up of a contact, or the transition the cadence calls for.
struct Decision {
  enum class Kind {
    follow_up,       // due_at/remind_at/step are set
    none,            // nothing is due: closed, paused, dormant, or stopped by a reply
    switch_cadence,  // give-up or steps ran out: move to `next_cadence` (then ask again)
    dormant,         // give-up with then = "dormant": no more follow-ups, audit list
    skipped,         // the contact cannot be decided (its zone is not known); `why` says why, always
  };
  Kind kind = Kind::none;
  std::string cadence;  // the cadence that decided
  int step = 0;         // 1-based number of the touch that is due
  Instant due_at;       // when to contact the contact (UTC)
  Instant remind_at;    // when to remind the owner (UTC), <= due_at
  std::string next_cadence;
  std::string why;    // the rules that decided, as one line of text
  std::string owner;  // the owner's id after defaults; empty when the config has no owner
  // Set when this answer changes at that instant though nothing but `now`
  // does (a follow-up moved for the owner's working hours, rule 5): whoever
  // keeps the decision asks again then. Otherwise a follow-up's answer holds
  // for any `now` up to its remind_at, and the others' until an input changes.
  std::optional<Instant> ask_again_at;
};

// Whether to build Decision::why (skipping it makes a decision allocation-free).
enum class Explain { yes, no };

struct NextOptions {
  Explain explain = Explain::yes;
  // An extra lower bound for due_at (the daily limit uses it), and the reason
  // to give when it decides. The text must outlive the call.
  std::optional<Instant> not_before;
  std::string_view not_before_reason;
};

class CadenceEngine {
 public:
  // REQUIRES: config is valid (load_config succeeded).
  explicit CadenceEngine(const Config& config);
  ~CadenceEngine();
  CadenceEngine(const CadenceEngine&) = delete;
  CadenceEngine& operator=(const CadenceEngine&) = delete;

  // The next follow-up of `contact` given its touches (`history`, oldest
  // first; see above for touches before cadence_since). The result is never
  // before `now` unless it is a follow-up already due (due_at <= now).
  Decision next(const Contact& contact, std::span<const Touch> history, Instant now) const;

  // The same into `out`, whose strings keep their capacity: with
  // Explain::no and a reused `out`, a decision does not allocate.
  void next(const Contact& contact, std::span<const Touch> history, Instant now, const NextOptions& options,
            Decision& out) const;

  const Config& config() const { return config_; }
  const ResolvedConfig& resolved() const { return *resolved_; }

 private:
  const Config& config_;
  std::unique_ptr<const ResolvedConfig> resolved_;
};

}  // namespace touchbase
