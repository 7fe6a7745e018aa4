#pragma once
// The store: contacts, touches, reminders and the outbox. This interface
// speaks of the domain, never of SQL, so another backend can sit beside the
// SQLite one. Every method reports failure (busy database, I/O) as a value.
//
// Thread-safety: a Store object is used from one thread at a time. Several
// processes may open the same database; writes are serialized by it.

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/contact.h"
#include "core/result.h"
#include "store/records.h"

namespace touchbase {

class Store {
 public:
  virtual ~Store() = default;

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

  // Writes the reminder and one pending outbox row per notifier (in order,
  // due at reminder.remind_at, or reminder.created_at -- "now" -- if later)
  // in one transaction, and records its talking point as used. Returns
  // the reminder with its id, or std::nullopt when a reminder for the same
  // (contact_id, due_at) already exists (nothing is written then).
  virtual Result<std::optional<Reminder>> create_reminder(const Reminder& r,
                                                          std::span<const std::string> notifiers) = 0;
  virtual Result<std::optional<Reminder>> find_reminder(std::int64_t id) = 0;
  // Ids of the talking points a contact has been given (by reminders or
  // logged touches), so none is repeated.
  virtual Result<std::vector<std::string>> used_talking_points(std::string_view contact_id) = 0;
  // Reminders of one contact, oldest due_at first.
  virtual Result<std::vector<Reminder>> reminders(std::string_view contact_id) = 0;

  // Outbox rows in state pending or failed whose next_attempt_at <= now,
  // oldest first, at most `limit`.
  virtual Result<std::vector<OutboxRow>> outbox_ready(Instant now, int limit) = 0;
  // The earliest next_attempt_at among pending or failed rows.
  virtual Result<std::optional<Instant>> next_outbox_attempt() = 0;
  virtual Result<std::vector<OutboxRow>> outbox_rows(std::int64_t reminder_id) = 0;
  // The successful attempt: attempts+1, state delivered, delivered_at.
  virtual Status mark_delivered(std::int64_t row_id, Instant at) = 0;
  // A failed attempt: attempts+1, last_error, and either state failed with
  // the next attempt time, or state dead when next_attempt is std::nullopt.
  virtual Status mark_attempt_failed(std::int64_t row_id, std::string_view error,
                                     std::optional<Instant> next_attempt) = 0;
  // A row that will not be delivered (permanent failure, or past its retry
  // budget) hands its reminder to the owner's next notifier: in one
  // transaction the row becomes dead (attempts+1, last_error) and a pending
  // row for `next_notifier`, due at `now`, is added with its own key.
  virtual Status fall_back(std::int64_t row_id, std::string_view error, std::string_view next_notifier,
                           Instant now) = 0;
  // Rows in any of `states`, oldest first.
  virtual Result<std::vector<OutboxRow>> outbox_in(std::span<const OutboxState> states) = 0;
  // Makes a failed or dead row pending again, due at `now`, keeping its key
  // and its count of attempts; with no id, every dead row. Returns how many.
  virtual Result<int> requeue(std::optional<std::int64_t> row_id, Instant now) = 0;
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

}  // namespace touchbase
