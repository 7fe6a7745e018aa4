#pragma once
// A Store that passes every call on to a real one, except the calls a test
// makes fail: a disk that fills up, a file system turned read-only, a lock
// held past the busy timeout -- as leveldb's ErrorEnv does for its Env. A
// failed call returns its error without reaching the real store, so it
// writes nothing; a failed in_one_transaction runs its body and then fails
// as a commit would, so nothing the body wrote stays.
//
// Not thread-safe, like the Store it wraps.

#include <map>
#include <optional>

#include "store/store.h"

namespace touchbase::testing {

// One per method of Store.
enum class StoreCall {
  in_one_transaction,
  add_contact,
  update_contact,
  upsert_contacts,
  find_contact,
  list_contacts,
  list_contacts_after,
  find_contacts,
  remove_contact,
  mark_contact_removed,
  add_touch,
  log_touch,
  touches,
  histories_of_all_contacts,
  histories_of,
  create_reminder,
  count_reminders_sent,
  create_notice,
  find_notice,
  record_dry_segment,
  dry_segments,
  forget_dry_segment,
  find_reminder,
  find_reminders,
  reminders_of_owner,
  record_action,
  action_taken,
  messages_of,
  used_talking_points,
  reminders,
  outbox_ready,
  next_outbox_attempt,
  outbox_rows,
  mark_delivered,
  mark_batch_delivered,
  mark_attempt_failed,
  fall_back,
  outbox_in,
  requeue,
  prune_delivered,
  counts,
  contact_changes,
  store_decisions,
  contacts_to_revisit,
  decisions_ahead,
  find_decisions,
  decisions_key,
  redecide_all,
  mailbox_mark,
  set_mailbox_mark,
  record_mail_message,
  contacts_with_email,
  contacts_at_domain
};

// The calls that write.
inline constexpr StoreCall k_store_writes[] = {StoreCall::in_one_transaction,
                                               StoreCall::add_contact,
                                               StoreCall::update_contact,
                                               StoreCall::upsert_contacts,
                                               StoreCall::remove_contact,
                                               StoreCall::mark_contact_removed,
                                               StoreCall::add_touch,
                                               StoreCall::log_touch,
                                               StoreCall::create_reminder,
                                               StoreCall::create_notice,
                                               StoreCall::record_dry_segment,
                                               StoreCall::forget_dry_segment,
                                               StoreCall::mark_delivered,
                                               StoreCall::mark_batch_delivered,
                                               StoreCall::mark_attempt_failed,
                                               StoreCall::fall_back,
                                               StoreCall::requeue,
                                               StoreCall::set_mailbox_mark,
                                               StoreCall::record_mail_message,
                                               StoreCall::prune_delivered,
                                               StoreCall::store_decisions,
                                               StoreCall::redecide_all};

// How many calls a fault lasts.
inline constexpr int k_until_healed = -1;

class FaultyStore final : public Store {
 public:
  // `inner` must outlive this store.
  explicit FaultyStore(Store& inner) : inner_(inner) {}

  // The next `times` calls to `call` fail with `error` (every one until
  // heal() with k_until_healed).
  void fail(StoreCall call, Error error, int times = k_until_healed);
  // Every call that writes fails, as on a full disk.
  void fail_writes(Error error, int times = k_until_healed);
  // Every call reaches the real store again.
  void heal() { faults_.clear(); }

  // How many calls to `call` were made, failed or not.
  int calls(StoreCall call) const;
  // How many calls failed.
  int failures() const { return failures_; }

  using Store::in_one_transaction;
  void on_unreadable_contact(UnreadableObserver observer) override {
    inner_.on_unreadable_contact(std::move(observer));
  }
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
  Result<ContactHistories> histories_of_all_contacts() override;
  Result<ContactHistories> histories_of(std::span<const std::string> ids) override;
  Result<std::optional<Reminder>> create_reminder(const Reminder& r, std::span<const std::string> notifiers,
                                                  std::optional<Instant> first_attempt,
                                                  const ReminderMessage* message) override;
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
  Result<Pruned> prune_delivered(Instant before, int limit) override;
  Result<StoreCounts> counts() override;
  Result<std::optional<MailboxMark>> mailbox_mark(std::string_view owner, std::string_view folder) override;
  Status set_mailbox_mark(std::string_view owner, std::string_view folder, MailboxMark mark) override;
  Result<bool> record_mail_message(std::string_view owner, std::string_view message_id, Instant at) override;
  Result<std::vector<Contact>> contacts_with_email(std::span<const std::string> owners,
                                                   std::string_view address) override;
  Result<std::vector<Contact>> contacts_at_domain(std::span<const std::string> owners, std::string_view domain,
                                                  int limit) override;
  Result<std::vector<ContactChange>> contact_changes(int limit) override;
  Status store_decisions(std::span<const StoredDecision> decisions, std::span<const ContactChange> seen) override;
  Result<std::vector<Contact>> contacts_to_revisit(Instant now, std::string_view after_id, int limit) override;
  Result<DecisionsAhead> decisions_ahead(Instant now) override;
  Result<std::vector<StoredDecision>> find_decisions(std::span<const std::string> ids) override;
  Result<std::string> decisions_key() override;
  Status redecide_all(std::string_view key) override;

 private:
  struct Fault {
    Error error;
    int times = k_until_healed;
  };
  // Counts the call; the error it must fail with, if any.
  std::optional<Error> fault(StoreCall call);

  Store& inner_;
  std::map<StoreCall, Fault> faults_;
  std::map<StoreCall, int> calls_;
  int failures_ = 0;
};

}  // namespace touchbase::testing
