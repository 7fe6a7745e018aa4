#pragma once
// The store: contacts, touches, reminders and the outbox. This interface
// speaks of the domain, never of SQL, so another backend can sit beside the
// SQLite one. Every method reports failure (busy database, I/O) as a value.
//
// Thread-safety: a Store object is used from one thread at a time. Several
// processes may open the same database; writes are serialized by it.

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/contact.h"
#include "core/message.h"
#include "core/result.h"
#include "store/records.h"

namespace touchbase {

// Per contact id, what the store keeps of each contact; contacts that have
// none are absent.
struct ContactHistories {
  std::unordered_map<std::string, std::vector<Touch>> touches;                    // oldest first
  std::unordered_map<std::string, std::vector<Reminder>> reminders;               // oldest due_at first
  std::unordered_map<std::string, std::vector<std::string>> used_talking_points;  // in the order first given
};

// What the daemon reports of the store (/metrics, `touchbase status`). Each
// figure is kept as rows are written, so reading them costs the same at 100
// contacts as at 100,000.
// Where reading one folder of an owner's mailbox got to (mailbox/folder_scan.h's FolderMark).
struct MailboxMark {
  std::uint32_t uidvalidity = 0;
  std::uint32_t last_uid = 0;
  friend bool operator==(const MailboxMark&, const MailboxMark&) = default;
};

struct StoreCounts {
  std::map<ContactStatus, int> contacts;  // contacts not removed, by status; every status, zero included
  int outbox_waiting = 0;                 // rows pending or failed (waiting to retry)
  int outbox_dead = 0;                    // rows given up on, kept for the operator
  std::optional<Instant> next_outbox_attempt;
};

// What one call of Store::prune_delivered removed.
struct Pruned {
  int outbox_rows = 0;  // delivered rows
  int messages = 0;     // messages kept with reminders that no row delivers any more
  int notices = 0;      // notices that no row delivers any more
};

// Told of each contact whose row does not read back (a value written by hand,
// or by a version that wrote what this one cannot read), with why: the column
// and the value ("its window 'someday' in the database does not read: ...").
using UnreadableObserver = std::function<void(const SkippedContact&)>;

class Store {
 public:
  virtual ~Store() = default;

  // list_contacts, list_contacts_after and find_contacts leave out a contact
  // whose row does not read and tell `observer` (when set) about it, once per
  // call; find_contact fails for it (Errc::data). One observer at a time; an
  // empty one removes it. It must stay valid until it is replaced.
  virtual void on_unreadable_contact(UnreadableObserver observer) = 0;

  // How the store's own writes nest in in_one_transaction().
  enum class Inner {
    // Each stands or falls on its own: one that fails leaves out only itself.
    on_their_own,
    // Cheaper, for many writes in a row: one that fails may leave part of
    // itself, so `body` must fail too whenever one of them fails.
    all_or_nothing,
  };

  // Runs `body`, and every write the store makes while it runs, in one
  // transaction: committed together when `body` succeeds, rolled back when it
  // fails. For many writes in a row, which then share one commit; other
  // processes cannot write meanwhile, so keep it short. Not re-entrant.
  virtual Status in_one_transaction(const std::function<Status()>& body, Inner inner) = 0;
  Status in_one_transaction(const std::function<Status()>& body) {
    return in_one_transaction(body, Inner::on_their_own);
  }

  // Contacts. add fails (Errc::data) if the id exists; update and remove
  // fail (Errc::no_input) if it does not. A contact that cannot be stored as
  // given (an empty id, a tag that is empty or holds a comma, a window with no
  // days or hours, a value that is not a number, a next-step date that does
  // not exist) fails with Errc::data.
  virtual Status add_contact(const Contact& c) = 0;
  virtual Status update_contact(const Contact& c) = 0;
  // Inserts or replaces every contact, all in one transaction: on error
  // nothing is written.
  virtual Status upsert_contacts(std::span<const Contact> contacts) = 0;
  virtual Result<std::optional<Contact>> find_contact(std::string_view id) = 0;
  virtual Result<std::vector<Contact>> list_contacts() = 0;  // ordered by id; removed ones left out
  // A page of list_contacts(): at most `limit` contacts whose id sorts after
  // `after_id` ("" for the first page); fewer only when no more follow.
  virtual Result<std::vector<Contact>> list_contacts_after(std::string_view after_id, int limit) = 0;
  // The contacts with these ids, ordered by id; unknown and removed ones are left out.
  virtual Result<std::vector<Contact>> find_contacts(std::span<const std::string> ids) = 0;
  // Removes the contact (removed or not) and its touches, reminders and
  // outbox rows.
  virtual Status remove_contact(std::string_view id) = 0;
  // Marks the contact removed at `at` and keeps its touches and reminders:
  // find_contact and list_contacts no longer see it, update_contact fails for
  // it as for an unknown id, add_contact still refuses its id, and the
  // deliveries of its reminders still pending end (state dead).
  // remove_contact deletes it for good; upsert_contacts brings it back.
  // Errc::no_input when no contact that is not removed has the id.
  virtual Status mark_contact_removed(std::string_view id, Instant at) = 0;

  // Touches, oldest first.
  virtual Status add_touch(std::string_view contact_id, const Touch& t) = 0;
  // Logs `t` for contact `c.id` and stores `c`, its state after the touch, in
  // one transaction: on error neither is written. Errc::no_input when the
  // contact does not exist or is removed.
  virtual Status log_touch(const Contact& c, const Touch& t) = 0;
  virtual Result<std::vector<Touch>> touches(std::string_view contact_id) = 0;
  // The touches, reminders and talking points given of every contact
  // (removed ones too), read in one snapshot: what touches(),
  // reminders() and used_talking_points() return for each, in far fewer
  // queries than calling them contact by contact.
  virtual Result<ContactHistories> histories_of_all_contacts() = 0;
  // The same for the contacts with these ids only, in one snapshot.
  virtual Result<ContactHistories> histories_of(std::span<const std::string> ids) = 0;

  // Writes the reminder and one pending outbox row per notifier (in order,
  // due at `first_attempt`, else at reminder.remind_at, or at
  // reminder.created_at -- "now" -- if later) in one transaction, and records
  // its talking point as used. Returns the reminder with its id, or
  // std::nullopt when a reminder for the same (contact_id, due_at) already
  // exists (nothing is written then). `message`, when given, is kept with
  // the reminder as it is, but its idempotency key and attempt (see messages_of).
  virtual Result<std::optional<Reminder>> create_reminder(const Reminder& r, std::span<const std::string> notifiers,
                                                          std::optional<Instant> first_attempt = std::nullopt,
                                                          const ReminderMessage* message = nullptr) = 0;
  // How many reminders of `owner` went, or go, out alone (not listed in a
  // notice) in [from, to): counted at remind_at, or created_at if later.
  virtual Result<int> count_reminders_sent(std::string_view owner, Instant from, Instant to) = 0;

  // Writes the notice, the reminders it lists (each without an outbox row
  // of its own, and recording its talking point as used; one whose
  // (contact_id, due_at) already exists is skipped) and one pending outbox
  // row per notifier due at notice.created_at, in one transaction. Returns
  // the notice with its id, or std::nullopt when `listed` is not empty and
  // every one of them already existed (nothing is written then).
  virtual Result<std::optional<Notice>> create_notice(const Notice& notice, std::span<const Reminder> listed,
                                                      std::span<const std::string> notifiers) = 0;
  virtual Result<std::optional<Notice>> find_notice(std::int64_t id) = 0;
  // Segments of the talking-point library that ran dry for an owner, told
  // once per dry spell. Records (notice.owner, segment) as dry since
  // notice.created_at and writes `notice` with one pending outbox row per
  // notifier, in one transaction. When the segment is recorded already,
  // nothing is written and the result is std::nullopt.
  virtual Result<std::optional<Notice>> record_dry_segment(std::string_view segment, const Notice& notice,
                                                           std::span<const std::string> notifiers) = 0;
  // Every segment recorded as dry, by owner, then segment.
  virtual Result<std::vector<DrySegment>> dry_segments() = 0;
  // Ends a dry spell: the next time the segment runs dry its owner is told again.
  virtual Status forget_dry_segment(std::string_view owner, std::string_view segment) = 0;
  virtual Result<std::optional<Reminder>> find_reminder(std::int64_t id) = 0;
  // The reminders with these ids, ordered by id; unknown ones are left out.
  virtual Result<std::vector<Reminder>> find_reminders(std::span<const std::int64_t> ids) = 0;
  // The messages kept with these reminders (create_reminder), by reminder id;
  // reminders without one, and unknown ones, are left out.
  virtual Result<std::unordered_map<std::int64_t, ReminderMessage>> messages_of(std::span<const std::int64_t> ids) = 0;
  // Ids of the talking points a contact has been given (by reminders or
  // logged touches), so none is repeated.
  virtual Result<std::vector<std::string>> used_talking_points(std::string_view contact_id) = 0;
  // Reminders of one contact, oldest due_at first.
  virtual Result<std::vector<Reminder>> reminders(std::string_view contact_id) = 0;
  // At most `limit` reminders of `owner` (listed in notices too) whose
  // remind_at is in [from, to), by remind_at, then id.
  virtual Result<std::vector<Reminder>> reminders_of_owner(std::string_view owner, Instant from, Instant to,
                                                           int limit) = 0;

  // The one-click actions taken from reminders' links, each at most once per
  // reminder ("touched", "snooze-1d"). record_action records `action` of the
  // reminder as taken at `at` and returns true, or returns false and writes
  // nothing when it was taken already. Errc::no_input when the reminder does
  // not exist. action_taken says when it was, if it was.
  virtual Result<bool> record_action(std::int64_t reminder_id, std::string_view action, Instant at) = 0;
  virtual Result<std::optional<Instant>> action_taken(std::int64_t reminder_id, std::string_view action) = 0;

  // Outbox rows in state pending or failed whose next_attempt_at <= now,
  // oldest first, at most `limit` of each notifier.
  virtual Result<std::vector<OutboxRow>> outbox_ready(Instant now, int limit) = 0;
  // The earliest next_attempt_at among pending or failed rows.
  virtual Result<std::optional<Instant>> next_outbox_attempt() = 0;
  virtual Result<std::vector<OutboxRow>> outbox_rows(std::int64_t reminder_id) = 0;
  // The successful attempt: attempts+1, state delivered, delivered_at.
  virtual Status mark_delivered(std::int64_t row_id, Instant at) = 0;
  // Several successful attempts, each as mark_delivered, in one transaction:
  // all are written or none. Rows that no longer exist (their contact was
  // deleted meanwhile) are skipped; returns how many were marked.
  virtual Result<int> mark_batch_delivered(std::span<const std::int64_t> row_ids, Instant at) = 0;
  // A failed attempt: attempts+1, last_error, and either state failed with
  // the next attempt time, or state dead when next_attempt is std::nullopt.
  virtual Status mark_attempt_failed(std::int64_t row_id, std::string_view error,
                                     std::optional<Instant> next_attempt) = 0;
  // A row that will not be delivered (permanent failure, or past its retry
  // budget) hands its reminder (or notice) to the owner's next notifier: in one
  // transaction the row becomes dead (attempts+1, last_error) and a pending
  // row for `next_notifier`, due at `now`, is added with its own key.
  virtual Status fall_back(std::int64_t row_id, std::string_view error, std::string_view next_notifier,
                           Instant now) = 0;
  // Rows in any of `states`, oldest first.
  virtual Result<std::vector<OutboxRow>> outbox_in(std::span<const OutboxState> states) = 0;
  // Deletes at most `limit` outbox rows delivered before `before` (oldest
  // first), and the message kept with each reminder none of whose rows is
  // left, in one short transaction. Rows pending, failed or dead, and the
  // reminders themselves (the history the engine plans from), stay.
  virtual Result<Pruned> prune_delivered(Instant before, int limit) = 0;
  // The stored decisions (records.h). Adding, editing or removing a contact,
  // writing a touch of it, or listing a reminder of it in a notice, marks it
  // changed, whoever writes; so does redecide_all for every contact.
  // At most `limit` changes, oldest first.
  virtual Result<std::vector<ContactChange>> contact_changes(int limit) = 0;
  // Writes `decisions` (replacing each contact's earlier one) and forgets the
  // changes `seen`, in one transaction; a change made since one of them was
  // read has another mark and stays.
  virtual Status store_decisions(std::span<const StoredDecision> decisions, std::span<const ContactChange> seen) = 0;
  // The contacts (not removed) whose revisit_at <= `now`, by id after
  // `after_id`, at most `limit`; rows that do not read are told as by
  // list_contacts_after.
  virtual Result<std::vector<Contact>> contacts_to_revisit(Instant now, std::string_view after_id, int limit) = 0;
  // The earliest revisit_at and remind_at after `now`.
  virtual Result<DecisionsAhead> decisions_ahead(Instant now) = 0;
  // The stored decisions of `ids` that exist, by contact id.
  virtual Result<std::vector<StoredDecision>> find_decisions(std::span<const std::string> ids) = 0;
  // What the stored decisions were made with (empty before any).
  virtual Result<std::string> decisions_key() = 0;
  // Marks every contact changed and keeps `key`, in one transaction.
  virtual Status redecide_all(std::string_view key) = 0;
  // The figures of StoreCounts, read in one snapshot.
  virtual Result<StoreCounts> counts() = 0;
  // Makes a failed or dead row pending again, due at `now`, keeping its key
  // and its count of attempts; with no id, every dead row. Returns how many.
  virtual Result<int> requeue(std::optional<std::int64_t> row_id, Instant now) = 0;

  // The owner's mailbox (mailbox/): where reading each folder got to, and the
  // messages recorded, by Message-ID per owner, so that each is recorded once.
  virtual Result<std::optional<MailboxMark>> mailbox_mark(std::string_view owner, std::string_view folder) = 0;
  virtual Status set_mailbox_mark(std::string_view owner, std::string_view folder, MailboxMark mark) = 0;
  // Records the message; false when the owner's `message_id` was recorded before.
  virtual Result<bool> record_mail_message(std::string_view owner, std::string_view message_id, Instant at) = 0;
  // The contacts (not removed) of any of `owners` ("" for the contacts that
  // name no owner) whose email is `address`, in any case, by id; through an index.
  virtual Result<std::vector<Contact>> contacts_with_email(std::span<const std::string> owners,
                                                           std::string_view address) = 0;
  // As contacts_with_email, for an email at `domain`, at most `limit`.
  virtual Result<std::vector<Contact>> contacts_at_domain(std::span<const std::string> owners, std::string_view domain,
                                                          int limit) = 0;
};

// How long a write waits for another process's write lock before it fails
// with Errc::unavailable.
inline constexpr std::chrono::milliseconds k_default_busy_timeout{5000};

struct SqliteStoreOptions {
  std::chrono::milliseconds busy_timeout = k_default_busy_timeout;
};

// Opens (creating if missing) the SQLite database at `path`, migrating it to
// the current schema. Refuses, leaving the file untouched, a database from a
// newer touchbase or a file that is not a touchbase database (Errc::data).
// A path that cannot be opened is Errc::io.
Result<std::unique_ptr<Store>> open_sqlite_store(const std::filesystem::path& path);
Result<std::unique_ptr<Store>> open_sqlite_store(const std::filesystem::path& path, const SqliteStoreOptions& options);

// The store a config's `database` names, its directory created if missing;
// Errc::io naming the directory when it cannot be made.
Result<std::unique_ptr<Store>> open_store(const std::filesystem::path& database);
Result<std::unique_ptr<Store>> open_store(const std::filesystem::path& database, const SqliteStoreOptions& options);

}  // namespace touchbase
