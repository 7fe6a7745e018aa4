#pragma once
// The Store on one SQLite file (see open_sqlite_store in store.h).
//
// A write of several rows runs in an IMMEDIATE transaction, so it takes the
// write lock up front (waiting up to the busy timeout) rather than failing
// half-way when another process writes; a single statement is atomic on its
// own. Every SQLite exception is caught here and returned as an Error.
// The queries run once per contact or per delivery are prepared once and
// kept (statements_).

#include <SQLiteCpp/Database.h>

#include <memory>
#include <string>
#include <utility>

#include "store/sqlite_errors.h"
#include "store/statement_cache.h"
#include "store/store.h"

namespace touchbase {

class SqliteStore final : public Store {
 public:
  // REQUIRES: db is open, configured and migrated (open_database).
  explicit SqliteStore(std::unique_ptr<SQLite::Database> db);

  using Store::in_one_transaction;
  void on_unreadable_contact(UnreadableObserver observer) override { unreadable_ = std::move(observer); }
  Status in_one_transaction(const std::function<Status()>& body, Inner inner) override;
  Status add_contact(const Contact& c) override;
  Status update_contact(const Contact& c) override;
  Status upsert_contacts(std::span<const Contact> contacts) override;
  Result<std::optional<Contact>> find_contact(std::string_view id) override;
  Result<std::vector<Contact>> list_contacts() override;
  Result<std::vector<Contact>> list_contacts_after(std::string_view after_id, int limit) override;
  Result<std::vector<Contact>> find_contacts(std::span<const std::string> ids) override;
  Status remove_contact(std::string_view id) override;
  Status mark_contact_removed(std::string_view id, Instant at) override;

  Status add_touch(std::string_view contact_id, const Touch& t) override;
  Status log_touch(const Contact& c, const Touch& t) override;
  Result<std::vector<Touch>> touches(std::string_view contact_id) override;
  Result<ContactHistories> histories_of_all_contacts() override;  // sqlite_store_histories.cpp
  Result<ContactHistories> histories_of(std::span<const std::string> ids) override;

  Result<std::optional<Reminder>> create_reminder(const Reminder& r, std::span<const std::string> notifiers,
                                                  std::optional<Instant> first_attempt = std::nullopt,
                                                  const ReminderMessage* message = nullptr) override;
  Result<int> count_reminders_sent(std::string_view owner, Instant from, Instant to) override;
  Result<std::optional<Notice>> create_notice(const Notice& notice, std::span<const Reminder> listed,
                                              std::span<const std::string> notifiers) override;
  Result<std::optional<Notice>> find_notice(std::int64_t id) override;
  Result<std::optional<Notice>> record_dry_segment(std::string_view segment, const Notice& notice,
                                                   std::span<const std::string> notifiers) override;
  Result<std::vector<DrySegment>> dry_segments() override;
  Status forget_dry_segment(std::string_view owner, std::string_view segment) override;
  Result<std::optional<Reminder>> find_reminder(std::int64_t id) override;
  Result<std::vector<Reminder>> find_reminders(std::span<const std::int64_t> ids) override;
  Result<std::vector<Reminder>> reminders_of_owner(std::string_view owner, Instant from, Instant to,
                                                   int limit) override;
  Result<bool> record_action(std::int64_t reminder_id, std::string_view action, Instant at) override;
  Result<std::optional<Instant>> action_taken(std::int64_t reminder_id, std::string_view action) override;
  Result<std::unordered_map<std::int64_t, ReminderMessage>> messages_of(std::span<const std::int64_t> ids) override;
  Result<std::vector<std::string>> used_talking_points(std::string_view contact_id) override;
  Result<std::vector<Reminder>> reminders(std::string_view contact_id) override;

  Result<std::vector<OutboxRow>> outbox_ready(Instant now, int limit) override;
  Result<std::optional<Instant>> next_outbox_attempt() override;
  Result<std::vector<OutboxRow>> outbox_rows(std::int64_t reminder_id) override;
  Status mark_delivered(std::int64_t row_id, Instant at) override;
  Result<int> mark_batch_delivered(std::span<const std::int64_t> row_ids, Instant at) override;
  Status mark_attempt_failed(std::int64_t row_id, std::string_view error, std::optional<Instant> next_attempt) override;
  Status fall_back(std::int64_t row_id, std::string_view error, std::string_view next_notifier, Instant now) override;
  Result<std::vector<OutboxRow>> outbox_in(std::span<const OutboxState> states) override;
  Result<int> requeue(std::optional<std::int64_t> row_id, Instant now) override;

  Result<std::optional<MailboxMark>> mailbox_mark(std::string_view owner, std::string_view folder) override;
  Status set_mailbox_mark(std::string_view owner, std::string_view folder, MailboxMark mark) override;
  Result<bool> record_mail_message(std::string_view owner, std::string_view message_id, Instant at) override;
  Result<std::vector<Contact>> contacts_with_email(std::span<const std::string> owners,
                                                   std::string_view address) override;
  Result<std::vector<Contact>> contacts_at_domain(std::span<const std::string> owners, std::string_view domain,
                                                  int limit) override;
  Result<Pruned> prune_delivered(Instant before, int limit) override;  // sqlite_store_counts.cpp
  Result<StoreCounts> counts() override;
  // sqlite_store_decisions.cpp
  Result<std::vector<ContactChange>> contact_changes(int limit) override;
  Status store_decisions(std::span<const StoredDecision> decisions, std::span<const ContactChange> seen) override;
  Result<std::vector<Contact>> contacts_to_revisit(Instant now, std::string_view after_id, int limit) override;
  Result<DecisionsAhead> decisions_ahead(Instant now) override;
  Result<std::vector<StoredDecision>> find_decisions(std::span<const std::string> ids) override;
  Result<std::string> decisions_key() override;
  Status redecide_all(std::string_view key) override;

 private:
  // Runs `body` with SQLite's exceptions turned into an Error about `doing`.
  template <class F>
  auto run(std::string_view doing, F&& body) -> decltype(body());

  // REQUIRES: inside a transaction (it also records the talking point). Errc::no_input for an unknown contact.
  Status insert_touch(std::string_view contact_id, const Touch& t);
  bool is_removed(std::string_view id);
  // 0 when (contact_id, due_at) exists. Errc::no_input for an unknown contact.
  // Keeps `message` with the reminder when there is one.
  Result<std::int64_t> insert_reminder_row(const Reminder& r, std::int64_t notice_id = 0,
                                           const ReminderMessage* message = nullptr);
  void insert_outbox_rows(const Reminder& r, std::span<const std::string> notifiers, Instant first_attempt);
  void insert_outbox_rows(const Notice& n, std::span<const std::string> notifiers, Instant first_attempt);
  void insert_talking_point_use(std::string_view contact_id, std::string_view point, std::string_view source_column,
                                std::int64_t source_id, Instant used_at);
  static Result<std::vector<OutboxRow>> read_outbox_rows(SQLite::Statement& stmt);
  // The contacts of `stmt`'s rows that read, at most `limit` (0: all); the others are told to unreadable_.
  std::vector<Contact> read_contacts(SQLite::Statement& stmt, std::size_t limit = 0);
  // Every history, or with `ids` (a JSON array) those of these contacts.
  Result<ContactHistories> read_histories(std::string_view doing, const std::string* ids);

  std::unique_ptr<SQLite::Database> db_;
  std::string path_;
  bool savepoints_ = true;     // nested writes take a savepoint (see Store::Inner)
  StatementCache statements_;  // the queries run per contact or per delivery; destroyed before db_
  UnreadableObserver unreadable_;
};

template <class F>
auto SqliteStore::run(std::string_view doing, F&& body) -> decltype(body()) {
  return guarded(doing, path_, std::forward<F>(body));
}

}  // namespace touchbase
