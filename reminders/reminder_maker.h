#pragma once
// Making reminders for the follow-ups that have come due: the engine
// decides, on the histories of scheduler/history.h, and this writes its
// decisions to the store (reminders and their outbox rows, cadence switches,
// dormancy).
//
// Not thread-safe: used from the daemon's event loop only.

#include <optional>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

#include "config/config.h"
#include "core/result.h"
#include "reminders/dry_segments.h"
#include "reminders/skipped_contacts.h"
#include "scheduler/cadence_engine.h"
#include "scheduler/daily_limit.h"
#include "scheduler/talking_points.h"
#include "store/store.h"

namespace touchbase {

// A reminder whose remind_at passed more than this long ago is marked late.
inline constexpr Seconds k_late_after{60};
// Late reminders made in one pass (after downtime) go out this far apart.
inline constexpr Seconds k_catch_up_spacing{2};

// Changed contacts a pass decides at most; the rest wait for the next pass,
// which follows at once, so that deliveries go on meanwhile.
inline constexpr std::size_t k_changes_per_pass = 4096;

struct ReminderPass {
  int created = 0;
  std::optional<Instant> next_remind_at;  // the earliest reminder still to come
  std::optional<Instant> next_pass_at;    // when a pass is needed next: a reminder, or a stored decision's revisit
  bool unfinished = false;                // changed contacts wait to be decided: pass again at once
};

class ReminderMaker {
 public:
  // All references must outlive the maker.
  ReminderMaker(const Config& config, const CadenceEngine& engine, Store& store);

  // Creates a reminder for every follow-up whose remind_at <= now and that has
  // none yet, applying cadence switches and dormancy on the way, and each
  // owner's daily_limit (reminders already made today keep their places; the
  // excess moves to later days). Late ones (after downtime) are delivered
  // k_catch_up_spacing apart, most valuable first; those due more than
  // catch_up_max_age ago are listed in one notice per owner instead.
  //
  // A pass reads only the contacts changed since the last (at most
  // k_changes_per_pass) and those whose stored decision says a pass must look
  // at them again (revisit_at <= now), never the whole table; each decision is
  // stored again as it is made. revisit_at is the reminder time; for an owner
  // with a daily_limit, the start of the owner's day of it, so that the
  // follow-ups later today compete for places; a follow-up that waits (for
  // its owner's next day, or for a talking point) and a contact the engine
  // cannot decide keep a revisit_at in the past and are read at every pass.
  // The first pass after the decisions key changed (decisions_key.h) marks
  // every contact changed, and the following passes decide them.
  //
  // The contacts are read a page at a time, each page with its histories in
  // one query per table, and only what competes for a place today is kept
  // between pages. The follow-ups moved past today wake the daemon at the
  // start of the owner's next day, when they compete again.
  //
  // A contact the engine cannot decide (Decision::Kind::skipped) or whose row
  // does not read is left out, and the pass goes on with the others (see
  // skipped()). While the pass runs, the store tells this maker of rows that
  // do not read (Store::on_unreadable_contact); no observer is left after it.
  Result<ReminderPass> create_due_reminders(Instant now);
  // The contacts left out, logged once each (reminders/skipped_contacts.h).
  const SkippedContacts& skipped() const { return skipped_; }

 private:
  // A follow-up competing for a place in its owner's day: due now, or later
  // today for an owner with a daily_limit.
  struct Candidate {
    std::string contact_id;
    const ResolvedOwner* owner = nullptr;  // nullptr when the contact's owner is not configured
    double value = 0;
    Instant waiting_since;  // its due time, or since when an earlier pass found it due (StoredDecision)
    Instant remind_at;
    Instant first_attempt;  // set once it keeps its place
    LimitRank rank() const { return {value, waiting_since, contact_id}; }
  };
  // A follow-up too old to remind on its own.
  struct Missed {
    Contact contact;
    Decision decision;
  };
  struct Scan {
    std::vector<Candidate> candidates;
    std::vector<Missed> missed;
    std::unordered_set<std::string> decided;  // the changed contacts decided in this pass
    ReminderPass pass;
  };

  Result<ReminderPass> make_due_reminders(Instant now);
  // The engine's decision on `history` after applying any cadence switch or
  // dormancy to `contact` and writing it.
  Result<Decision> decide(Contact& contact, std::span<const Touch> history, Instant now);
  // Marks every contact changed when the decisions were made with another key.
  Status check_key();
  // Decides the changed contacts, then those due again, a page at a time, into `scan`.
  Status scan_changes(Instant now, Scan& scan);
  Status scan_due(Instant now, Scan& scan);
  // Decides `contacts` into `scan` and stores their decisions (`missing`: ids
  // of changed contacts that are gone), forgetting the changes `seen`;
  // `before`: their decisions as stored, when they have not changed since.
  Status consider_page(std::span<Contact> contacts, std::span<const std::string> missing,
                       std::span<const ContactChange> seen, std::span<const StoredDecision> before, Instant now,
                       Scan& scan);
  // Decides `contact` into `scan`; returns its decision as stored. A follow-up
  // due now waits since `waited_since` if that is earlier than its due time.
  Result<StoredDecision> consider(Contact& contact, const ContactHistories& histories,
                                  std::optional<Instant> waited_since, Instant now, Scan& scan);
  // When a pass must look again at follow-up `d` of a contact of `owner`.
  Instant revisit_at(const ResolvedOwner* owner, const Decision& d) const;
  // The candidates that keep a place and are due now, most valuable first, each
  // with its first attempt; `pass` wakes for the others.
  Result<std::vector<Candidate*>> keep_places(std::vector<Candidate>& candidates, Instant now, ReminderPass& pass);
  // Reads the contacts of `page` again and writes their reminders in its order (inside one transaction).
  Status create_page(std::span<Candidate* const> page, Instant now, ReminderPass& pass);
  // The reminder written (or already there) for follow-up `d`, with its
  // message made from the contact and its history in `histories`.
  Result<Reminder> create_reminder(const Contact& contact, const Decision& d, const PointChoice& choice,
                                   const ContactHistories& histories, Instant now, Instant first_attempt);
  // The contact's next decision after reminder `r`, given `history`, the
  // one `r`'s follow-up was decided on.
  Result<StoredDecision> following(Contact& contact, std::span<const Touch> history, const Reminder& r, Instant now);
  // Decision `d` of `contact` at `now`, as stored.
  StoredDecision stored_decision(const Contact& contact, const Decision& d, Instant now) const;
  // `pass` with the contacts it changed itself decided, and when the next pass is needed.
  Result<ReminderPass> settle(Instant now, const ReminderPass& pass);
  // One notice per owner listing `missed`, each recorded as reminded.
  Status notify_missed(std::span<const Missed> missed, Instant now);

  const Config& config_;
  const CadenceEngine& engine_;
  Store& store_;
  std::string key_;  // decisions_key(config)
  bool key_checked_ = false;
  DrySegments dry_;  // segments whose follow-ups wait for a talking point
  SkippedContacts skipped_;
};

}  // namespace touchbase
