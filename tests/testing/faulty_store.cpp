#include "tests/testing/faulty_store.h"

namespace touchbase::testing {

void FaultyStore::fail(StoreCall call, Error error, int times) {
  faults_.insert_or_assign(call, Fault{std::move(error), times});
}

void FaultyStore::fail_writes(Error error, int times) {
  for (StoreCall call : k_store_writes) fail(call, error, times);
}

int FaultyStore::calls(StoreCall call) const {
  auto it = calls_.find(call);
  return it == calls_.end() ? 0 : it->second;
}

std::optional<Error> FaultyStore::fault(StoreCall call) {
  ++calls_[call];
  auto it = faults_.find(call);
  if (it == faults_.end()) return std::nullopt;
  Error error = it->second.error;
  if (it->second.times != k_until_healed && --it->second.times == 0) faults_.erase(it);
  ++failures_;
  return error;
}

Status FaultyStore::in_one_transaction(const std::function<Status()>& body, Inner inner) {
  auto error = fault(StoreCall::in_one_transaction);
  if (!error) return inner_.in_one_transaction(body, inner);
  // The body runs, then the commit fails: everything it wrote is rolled back.
  return inner_.in_one_transaction(
      [&]() -> Status {
        TB_TRY_STATUS(body());
        return *error;
      },
      inner);
}

Status FaultyStore::add_contact(const Contact& c) {
  if (auto failure = fault(StoreCall::add_contact)) return *failure;
  return inner_.add_contact(c);
}

Status FaultyStore::update_contact(const Contact& c) {
  if (auto failure = fault(StoreCall::update_contact)) return *failure;
  return inner_.update_contact(c);
}

Status FaultyStore::upsert_contacts(std::span<const Contact> contacts) {
  if (auto failure = fault(StoreCall::upsert_contacts)) return *failure;
  return inner_.upsert_contacts(contacts);
}

Result<std::optional<Contact>> FaultyStore::find_contact(std::string_view id) {
  if (auto failure = fault(StoreCall::find_contact)) return *failure;
  return inner_.find_contact(id);
}

Result<std::vector<Contact>> FaultyStore::list_contacts() {
  if (auto failure = fault(StoreCall::list_contacts)) return *failure;
  return inner_.list_contacts();
}

Result<std::vector<Contact>> FaultyStore::list_contacts_after(std::string_view after_id, int limit) {
  if (auto failure = fault(StoreCall::list_contacts_after)) return *failure;
  return inner_.list_contacts_after(after_id, limit);
}

Result<std::vector<Contact>> FaultyStore::find_contacts(std::span<const std::string> ids) {
  if (auto failure = fault(StoreCall::find_contacts)) return *failure;
  return inner_.find_contacts(ids);
}

Status FaultyStore::remove_contact(std::string_view id) {
  if (auto failure = fault(StoreCall::remove_contact)) return *failure;
  return inner_.remove_contact(id);
}

Status FaultyStore::mark_contact_removed(std::string_view id, Instant at) {
  if (auto failure = fault(StoreCall::mark_contact_removed)) return *failure;
  return inner_.mark_contact_removed(id, at);
}

Status FaultyStore::add_touch(std::string_view contact_id, const Touch& t) {
  if (auto failure = fault(StoreCall::add_touch)) return *failure;
  return inner_.add_touch(contact_id, t);
}

Status FaultyStore::log_touch(const Contact& c, const Touch& t) {
  if (auto failure = fault(StoreCall::log_touch)) return *failure;
  return inner_.log_touch(c, t);
}

Result<std::vector<Touch>> FaultyStore::touches(std::string_view contact_id) {
  if (auto failure = fault(StoreCall::touches)) return *failure;
  return inner_.touches(contact_id);
}

Result<ContactHistories> FaultyStore::histories_of_all_contacts() {
  if (auto failure = fault(StoreCall::histories_of_all_contacts)) return *failure;
  return inner_.histories_of_all_contacts();
}

Result<ContactHistories> FaultyStore::histories_of(std::span<const std::string> ids) {
  if (auto failure = fault(StoreCall::histories_of)) return *failure;
  return inner_.histories_of(ids);
}

Result<std::optional<Reminder>> FaultyStore::create_reminder(const Reminder& r, std::span<const std::string> notifiers,
                                                             std::optional<Instant> first_attempt,
                                                             const ReminderMessage* message) {
  if (auto failure = fault(StoreCall::create_reminder)) return *failure;
  return inner_.create_reminder(r, notifiers, first_attempt, message);
}

Result<int> FaultyStore::count_reminders_sent(std::string_view owner, Instant from, Instant to) {
  if (auto failure = fault(StoreCall::count_reminders_sent)) return *failure;
  return inner_.count_reminders_sent(owner, from, to);
}

Result<std::vector<Reminder>> FaultyStore::reminders_of_owner(std::string_view owner, Instant from, Instant to,
                                                              int limit) {
  if (auto failure = fault(StoreCall::reminders_of_owner)) return *failure;
  return inner_.reminders_of_owner(owner, from, to, limit);
}

Result<bool> FaultyStore::record_action(std::int64_t reminder_id, std::string_view action, Instant at) {
  if (auto failure = fault(StoreCall::record_action)) return *failure;
  return inner_.record_action(reminder_id, action, at);
}

Result<std::optional<Instant>> FaultyStore::action_taken(std::int64_t reminder_id, std::string_view action) {
  if (auto failure = fault(StoreCall::action_taken)) return *failure;
  return inner_.action_taken(reminder_id, action);
}

Result<std::optional<Notice>> FaultyStore::create_notice(const Notice& notice, std::span<const Reminder> listed,
                                                         std::span<const std::string> notifiers) {
  if (auto failure = fault(StoreCall::create_notice)) return *failure;
  return inner_.create_notice(notice, listed, notifiers);
}

Result<std::optional<Notice>> FaultyStore::find_notice(std::int64_t id) {
  if (auto failure = fault(StoreCall::find_notice)) return *failure;
  return inner_.find_notice(id);
}

Result<std::optional<Notice>> FaultyStore::record_dry_segment(std::string_view segment, const Notice& notice,
                                                              std::span<const std::string> notifiers) {
  if (auto failure = fault(StoreCall::record_dry_segment)) return *failure;
  return inner_.record_dry_segment(segment, notice, notifiers);
}

Result<std::vector<DrySegment>> FaultyStore::dry_segments() {
  if (auto failure = fault(StoreCall::dry_segments)) return *failure;
  return inner_.dry_segments();
}

Status FaultyStore::forget_dry_segment(std::string_view owner, std::string_view segment) {
  if (auto failure = fault(StoreCall::forget_dry_segment)) return *failure;
  return inner_.forget_dry_segment(owner, segment);
}

Result<std::optional<Reminder>> FaultyStore::find_reminder(std::int64_t id) {
  if (auto failure = fault(StoreCall::find_reminder)) return *failure;
  return inner_.find_reminder(id);
}

Result<std::vector<Reminder>> FaultyStore::find_reminders(std::span<const std::int64_t> ids) {
  if (auto failure = fault(StoreCall::find_reminders)) return *failure;
  return inner_.find_reminders(ids);
}

Result<std::unordered_map<std::int64_t, ReminderMessage>> FaultyStore::messages_of(std::span<const std::int64_t> ids) {
  if (auto failure = fault(StoreCall::messages_of)) return *failure;
  return inner_.messages_of(ids);
}

Result<std::vector<std::string>> FaultyStore::used_talking_points(std::string_view contact_id) {
  if (auto failure = fault(StoreCall::used_talking_points)) return *failure;
  return inner_.used_talking_points(contact_id);
}

Result<std::vector<Reminder>> FaultyStore::reminders(std::string_view contact_id) {
  if (auto failure = fault(StoreCall::reminders)) return *failure;
  return inner_.reminders(contact_id);
}

Result<std::vector<OutboxRow>> FaultyStore::outbox_ready(Instant now, int limit) {
  if (auto failure = fault(StoreCall::outbox_ready)) return *failure;
  return inner_.outbox_ready(now, limit);
}

Result<std::optional<Instant>> FaultyStore::next_outbox_attempt() {
  if (auto failure = fault(StoreCall::next_outbox_attempt)) return *failure;
  return inner_.next_outbox_attempt();
}

Result<std::vector<OutboxRow>> FaultyStore::outbox_rows(std::int64_t reminder_id) {
  if (auto failure = fault(StoreCall::outbox_rows)) return *failure;
  return inner_.outbox_rows(reminder_id);
}

Status FaultyStore::mark_delivered(std::int64_t row_id, Instant at) {
  if (auto failure = fault(StoreCall::mark_delivered)) return *failure;
  return inner_.mark_delivered(row_id, at);
}

Result<int> FaultyStore::mark_batch_delivered(std::span<const std::int64_t> row_ids, Instant at) {
  if (auto failure = fault(StoreCall::mark_batch_delivered)) return *failure;
  return inner_.mark_batch_delivered(row_ids, at);
}

Status FaultyStore::mark_attempt_failed(std::int64_t row_id, std::string_view error,
                                        std::optional<Instant> next_attempt) {
  if (auto failure = fault(StoreCall::mark_attempt_failed)) return *failure;
  return inner_.mark_attempt_failed(row_id, error, next_attempt);
}

Status FaultyStore::fall_back(std::int64_t row_id, std::string_view error, std::string_view next_notifier,
                              Instant now) {
  if (auto failure = fault(StoreCall::fall_back)) return *failure;
  return inner_.fall_back(row_id, error, next_notifier, now);
}

Result<std::vector<OutboxRow>> FaultyStore::outbox_in(std::span<const OutboxState> states) {
  if (auto failure = fault(StoreCall::outbox_in)) return *failure;
  return inner_.outbox_in(states);
}

Result<int> FaultyStore::requeue(std::optional<std::int64_t> row_id, Instant now) {
  if (auto failure = fault(StoreCall::requeue)) return *failure;
  return inner_.requeue(row_id, now);
}

Result<Pruned> FaultyStore::prune_delivered(Instant before, int limit) {
  if (auto failure = fault(StoreCall::prune_delivered)) return *failure;
  return inner_.prune_delivered(before, limit);
}

Result<StoreCounts> FaultyStore::counts() {
  if (auto failure = fault(StoreCall::counts)) return *failure;
  return inner_.counts();
}

Result<std::vector<ContactChange>> FaultyStore::contact_changes(int limit) {
  if (auto failure = fault(StoreCall::contact_changes)) return *failure;
  return inner_.contact_changes(limit);
}

Status FaultyStore::store_decisions(std::span<const StoredDecision> decisions, std::span<const ContactChange> seen) {
  if (auto failure = fault(StoreCall::store_decisions)) return *failure;
  return inner_.store_decisions(decisions, seen);
}

Result<std::vector<Contact>> FaultyStore::contacts_to_revisit(Instant now, std::string_view after_id, int limit) {
  if (auto failure = fault(StoreCall::contacts_to_revisit)) return *failure;
  return inner_.contacts_to_revisit(now, after_id, limit);
}

Result<DecisionsAhead> FaultyStore::decisions_ahead(Instant now) {
  if (auto failure = fault(StoreCall::decisions_ahead)) return *failure;
  return inner_.decisions_ahead(now);
}

Result<std::vector<StoredDecision>> FaultyStore::find_decisions(std::span<const std::string> ids) {
  if (auto failure = fault(StoreCall::find_decisions)) return *failure;
  return inner_.find_decisions(ids);
}

Result<std::string> FaultyStore::decisions_key() {
  if (auto failure = fault(StoreCall::decisions_key)) return *failure;
  return inner_.decisions_key();
}

Status FaultyStore::redecide_all(std::string_view key) {
  if (auto failure = fault(StoreCall::redecide_all)) return *failure;
  return inner_.redecide_all(key);
}

Result<std::optional<MailboxMark>> FaultyStore::mailbox_mark(std::string_view owner, std::string_view folder) {
  if (auto failure = fault(StoreCall::mailbox_mark)) return *failure;
  return inner_.mailbox_mark(owner, folder);
}

Status FaultyStore::set_mailbox_mark(std::string_view owner, std::string_view folder, MailboxMark mark) {
  if (auto failure = fault(StoreCall::set_mailbox_mark)) return *failure;
  return inner_.set_mailbox_mark(owner, folder, mark);
}

Result<bool> FaultyStore::record_mail_message(std::string_view owner, std::string_view message_id, Instant at) {
  if (auto failure = fault(StoreCall::record_mail_message)) return *failure;
  return inner_.record_mail_message(owner, message_id, at);
}

Result<std::vector<Contact>> FaultyStore::contacts_with_email(std::span<const std::string> owners,
                                                              std::string_view address) {
  if (auto failure = fault(StoreCall::contacts_with_email)) return *failure;
  return inner_.contacts_with_email(owners, address);
}

Result<std::vector<Contact>> FaultyStore::contacts_at_domain(std::span<const std::string> owners,
                                                             std::string_view domain, int limit) {
  if (auto failure = fault(StoreCall::contacts_at_domain)) return *failure;
  return inner_.contacts_at_domain(owners, domain, limit);
}

}  // namespace touchbase::testing
