// Reminders, their outbox rows and the talking points given, in the SQLite store.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>

#include "store/outbox_queries.h"
#include "store/reminder_rows.h"
#include "store/store.h"
#include "tests/store/store_test_support.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using testing::at;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;

class SqliteStoreRemindersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store_->add_contact(testing::bare_contact("jane")).ok());
    ASSERT_TRUE(store_->add_contact(testing::bare_contact("john")).ok());
  }

  static Reminder reminder(std::string contact, std::string_view due, std::string point = "") {
    Reminder r;
    r.contact_id = std::move(contact);
    r.owner = "alice";
    r.cadence = "prospect";
    r.step = 3;
    r.due_at = at(due);
    r.remind_at = r.due_at - std::chrono::minutes(15);
    r.created_at = r.remind_at - std::chrono::hours(1);
    r.talking_point = std::move(point);
    r.why = "3rd touch, 9 days after the last, no reply yet";
    return r;
  }

  // Creates `r`, failing the test unless a new reminder was written.
  Reminder create(const Reminder& r, std::vector<std::string> notifiers = {"alice-mail", "team-slack"}) {
    auto created = store_->create_reminder(r, notifiers);
    EXPECT_TRUE(created) << created.error().message;
    EXPECT_TRUE(created && created->has_value());
    return created && created->has_value() ? **created : Reminder{};
  }

  std::vector<OutboxRow> rows(std::int64_t reminder_id) {
    auto out = store_->outbox_rows(reminder_id);
    EXPECT_TRUE(out) << out.error().message;
    return out ? *out : std::vector<OutboxRow>{};
  }

  std::vector<std::int64_t> ready_ids(Instant now, int limit = 100) {
    auto ready = store_->outbox_ready(now, limit);
    EXPECT_TRUE(ready) << ready.error().message;
    std::vector<std::int64_t> out;
    if (ready) {
      for (const auto& row : *ready) out.push_back(row.id);
    }
    return out;
  }

  std::optional<Instant> next_attempt() {
    auto next = store_->next_outbox_attempt();
    EXPECT_TRUE(next) << next.error().message;
    return next ? *next : std::nullopt;
  }

  testing::TempDir dir_;
  std::filesystem::path path_ = dir_ / "touchbase.db";
  std::unique_ptr<Store> store_ = testing::open_store(path_);
};

void expect_same_reminder(const Reminder& a, const Reminder& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.contact_id, b.contact_id);
  EXPECT_EQ(a.owner, b.owner);
  EXPECT_EQ(a.cadence, b.cadence);
  EXPECT_EQ(a.step, b.step);
  EXPECT_EQ(a.due_at, b.due_at);
  EXPECT_EQ(a.remind_at, b.remind_at);
  EXPECT_EQ(a.talking_point, b.talking_point);
  EXPECT_EQ(a.why, b.why);
  EXPECT_EQ(a.late, b.late);
  EXPECT_EQ(a.created_at, b.created_at);
}

TEST_F(SqliteStoreRemindersTest, ACreatedReminderReadsBackWithItsId) {
  auto r = reminder("jane", "2026-11-24T16:00:00Z", "q4-benchmark");
  r.late = true;
  auto created = create(r);
  EXPECT_GT(created.id, 0);
  r.id = created.id;
  expect_same_reminder(created, r);

  auto found = store_->find_reminder(created.id);
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_TRUE(found->has_value());
  expect_same_reminder(**found, r);
  auto missing = store_->find_reminder(created.id + 1);
  ASSERT_TRUE(missing);
  EXPECT_FALSE(missing->has_value());
}

TEST_F(SqliteStoreRemindersTest, AMessageKeptWithAReminderReadsBackAsItWasWrittenButItsKeyAndAttempt) {
  ReminderMessage message;
  for (const auto& [name, field] : k_message_texts) message.*field = std::string(name) + ": Zürich \"JD\" 🙂";
  message.late = true;
  message.idempotency_key = "set by each delivery";
  message.attempt = 3;
  auto kept = store_->create_reminder(reminder("jane", "2026-11-24T16:00:00Z"), std::vector<std::string>{"alice-mail"},
                                      std::nullopt, &message);
  ASSERT_TRUE(kept && kept->has_value());
  const auto without = create(reminder("john", "2026-11-24T16:00:00Z"));

  const std::vector<std::int64_t> ids = {(*kept)->id, without.id, without.id + 100};
  auto messages = store_->messages_of(ids);
  ASSERT_TRUE(messages) << messages.error().message;
  ASSERT_EQ(messages->size(), 1u);  // neither the one without a message nor the unknown one
  ReminderMessage expected = message;
  expected.idempotency_key = "";
  expected.attempt = 1;
  EXPECT_EQ(messages->at((*kept)->id), expected);
  EXPECT_EQ(messages->at((*kept)->id).contact_name, "contact_name: Zürich \"JD\" 🙂");

  ASSERT_TRUE(store_->remove_contact("jane").ok());  // its reminders and their messages go with it
  EXPECT_TRUE(store_->messages_of(ids).value().empty());
}

TEST_F(SqliteStoreRemindersTest, OneOutboxRowPerNotifierInOrderWithDistinctStableKeys) {
  auto r = create(reminder("jane", "2026-11-24T16:00:00Z"), {"alice-mail", "team-slack", "crm"});
  auto out = rows(r.id);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].notifier, "alice-mail");
  EXPECT_EQ(out[1].notifier, "team-slack");
  EXPECT_EQ(out[2].notifier, "crm");
  for (const auto& row : out) {
    EXPECT_EQ(row.reminder_id, r.id);
    EXPECT_EQ(row.state, OutboxState::pending);
    EXPECT_EQ(row.attempts, 0);
    EXPECT_EQ(row.next_attempt_at, r.remind_at);
    EXPECT_EQ(row.last_error, "");
    EXPECT_EQ(row.delivered_at, std::nullopt);
    EXPECT_EQ(row.idempotency_key, idempotency_key(r, row.notifier));
    EXPECT_THAT(row.idempotency_key, MatchesRegex("tb-" + std::to_string(r.id) + "-" + row.notifier + "-[0-9a-f]{12}"));
  }
  EXPECT_NE(out[0].idempotency_key, out[1].idempotency_key);
  EXPECT_NE(out[1].idempotency_key, out[2].idempotency_key);
}

TEST_F(SqliteStoreRemindersTest, RemindersMadeInOneTransactionAreSeenByOthersOnlyWhenItCommits) {
  auto body = [&]() -> Status {
    create(reminder("jane", "2026-11-24T16:00:00Z"));
    create(reminder("john", "2026-11-24T16:00:00Z"));
    EXPECT_EQ(testing::count_rows(path_, "reminders"), 0);  // another connection sees nothing yet
    return {};
  };
  ASSERT_TRUE(store_->in_one_transaction(body).ok());
  EXPECT_EQ(testing::count_rows(path_, "reminders"), 2);
  EXPECT_EQ(testing::count_rows(path_, "outbox"), 4);
}

TEST_F(SqliteStoreRemindersTest, AFailedTransactionWritesNothingAndAFailedWriteInsideOneOnlyItself) {
  auto failing = [&]() -> Status {
    create(reminder("jane", "2026-11-24T16:00:00Z"));
    return Error::data("the pass failed");
  };
  auto result = store_->in_one_transaction(failing);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message, "the pass failed");
  EXPECT_EQ(testing::count_rows(path_, "reminders"), 0);
  EXPECT_EQ(testing::count_rows(path_, "outbox"), 0);

  auto partly = [&]() -> Status {
    create(reminder("jane", "2026-11-24T16:00:00Z"));
    const std::vector<std::string> notifiers{"alice-mail"};
    EXPECT_FALSE(store_->create_reminder(reminder("nobody", "2026-11-24T16:00:00Z"), notifiers).ok());
    return {};
  };
  ASSERT_TRUE(store_->in_one_transaction(partly).ok());
  EXPECT_EQ(testing::count_rows(path_, "reminders"), 1);
  EXPECT_EQ(testing::count_rows(path_, "outbox"), 2);
}

TEST_F(SqliteStoreRemindersTest, AllOrNothingAFailedWriteInsideFailsTheWholeTransaction) {
  const std::vector<std::string> notifiers{"alice-mail"};
  auto failing = [&]() -> Status {
    create(reminder("jane", "2026-11-24T16:00:00Z"));
    auto second = store_->create_reminder(reminder("nobody", "2026-11-24T16:00:00Z"), notifiers);
    if (!second) return second.error();
    return {};
  };
  auto result = store_->in_one_transaction(failing, Store::Inner::all_or_nothing);
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.error().message, HasSubstr("nobody"));
  EXPECT_EQ(testing::count_rows(path_, "reminders"), 0);
  EXPECT_EQ(testing::count_rows(path_, "outbox"), 0);

  auto both = [&]() -> Status {
    create(reminder("jane", "2026-11-24T16:00:00Z"));
    create(reminder("jane", "2026-11-25T16:00:00Z"));
    return {};
  };
  ASSERT_TRUE(store_->in_one_transaction(both, Store::Inner::all_or_nothing).ok());
  EXPECT_EQ(testing::count_rows(path_, "reminders"), 2);
  // Afterwards, writes inside a transaction stand on their own again.
  auto partly = [&]() -> Status {
    create(reminder("jane", "2026-11-26T16:00:00Z"));
    EXPECT_FALSE(store_->create_reminder(reminder("nobody", "2026-11-26T16:00:00Z"), notifiers).ok());
    return {};
  };
  ASSERT_TRUE(store_->in_one_transaction(partly).ok());
  EXPECT_EQ(testing::count_rows(path_, "reminders"), 3);
}

TEST_F(SqliteStoreRemindersTest, AReminderCreatedPastItsTimeIsDueWhenCreated) {
  auto r = reminder("jane", "2026-11-24T16:00:00Z");
  r.created_at = r.due_at + std::chrono::hours(2);
  r.late = true;
  auto created = create(r);
  for (const auto& row : rows(created.id)) EXPECT_EQ(row.next_attempt_at, r.created_at);
}

TEST_F(SqliteStoreRemindersTest, ASecondReminderForTheSameFollowUpWritesNothing) {
  auto first = create(reminder("jane", "2026-11-24T16:00:00Z", "q4-benchmark"));
  auto again = reminder("jane", "2026-11-24T16:00:00Z", "case-study");
  again.step = 4;
  std::vector<std::string> notifiers = {"alice-mail", "crm"};

  auto created = store_->create_reminder(again, notifiers);
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_FALSE(created->has_value());
  auto all = store_->reminders("jane");
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].id, first.id);
  EXPECT_EQ((*all)[0].step, 3);
  EXPECT_EQ(testing::count_rows(path_, "outbox"), 2);
  auto used = store_->used_talking_points("jane");
  ASSERT_TRUE(used);
  EXPECT_THAT(*used, ElementsAre("q4-benchmark"));
}

TEST_F(SqliteStoreRemindersTest, TheSameDueTimeForAnotherContactIsAnotherReminder) {
  create(reminder("jane", "2026-11-24T16:00:00Z"));
  create(reminder("john", "2026-11-24T16:00:00Z"));
  EXPECT_EQ(testing::count_rows(path_, "reminders"), 2);
}

TEST_F(SqliteStoreRemindersTest, AReminderForAMissingContactIsNoInput) {
  std::vector<std::string> notifiers = {"alice-mail"};
  auto created = store_->create_reminder(reminder("ghost", "2026-11-24T16:00:00Z"), notifiers);
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().code, Errc::no_input);
  EXPECT_THAT(created.error().message, HasSubstr("'ghost'"));
}

TEST_F(SqliteStoreRemindersTest, ANotifierListedTwiceIsRefusedAndNothingIsWritten) {
  std::vector<std::string> notifiers = {"alice-mail", "crm", "alice-mail"};
  auto created = store_->create_reminder(reminder("jane", "2026-11-24T16:00:00Z", "q4-benchmark"), notifiers);
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().code, Errc::data);
  EXPECT_THAT(created.error().message, HasSubstr("'alice-mail' is listed twice"));
  EXPECT_EQ(testing::count_rows(path_, "reminders"), 0);
  EXPECT_EQ(testing::count_rows(path_, "talking_point_uses"), 0);
}

TEST_F(SqliteStoreRemindersTest, RemindersOfAContactAreListedByDueTime) {
  create(reminder("jane", "2026-12-01T16:00:00Z"));
  create(reminder("jane", "2026-11-24T16:00:00Z"));
  create(reminder("john", "2026-11-20T16:00:00Z"));
  auto all = store_->reminders("jane");
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].due_at, at("2026-11-24T16:00:00Z"));
  EXPECT_EQ((*all)[1].due_at, at("2026-12-01T16:00:00Z"));
}

TEST_F(SqliteStoreRemindersTest, TalkingPointsUsedAreListedOnceInOrderOfFirstUse) {
  create(reminder("jane", "2026-12-01T16:00:00Z", "case-study"));
  create(reminder("jane", "2026-11-24T16:00:00Z", "q4-benchmark"));
  create(reminder("jane", "2026-12-08T16:00:00Z", "q4-benchmark"));
  create(reminder("jane", "2026-12-15T16:00:00Z"));
  create(reminder("john", "2026-11-01T16:00:00Z", "webinar"));
  ASSERT_TRUE(store_->add_touch("jane", Touch{at("2026-11-02T10:00:00Z"), Outcome::touched, "", "intro"}).ok());

  auto used = store_->used_talking_points("jane");
  ASSERT_TRUE(used) << used.error().message;
  EXPECT_THAT(*used, ElementsAre("intro", "q4-benchmark", "case-study"));
}

TEST_F(SqliteStoreRemindersTest, OnlyRowsWhoseTimeHasComeAreReadyOldestFirst) {
  auto late = create(reminder("jane", "2026-11-24T16:00:00Z"));
  auto early = create(reminder("john", "2026-11-20T16:00:00Z"));
  auto late_rows = rows(late.id);
  auto early_rows = rows(early.id);

  EXPECT_TRUE(ready_ids(early.remind_at - Seconds(1)).empty());
  EXPECT_THAT(ready_ids(early.remind_at), ElementsAre(early_rows[0].id, early_rows[1].id));
  EXPECT_THAT(ready_ids(late.remind_at),
              ElementsAre(early_rows[0].id, early_rows[1].id, late_rows[0].id, late_rows[1].id));
  EXPECT_THAT(ready_ids(late.remind_at, 1), ElementsAre(early_rows[0].id, early_rows[1].id));
  EXPECT_EQ(next_attempt(), early.remind_at);
}

TEST_F(SqliteStoreRemindersTest, TheLimitOnReadyRowsIsPerNotifierSoABacklogOfOneNeverHidesAnother) {
  // Given five older rows for team-slack and a newer one for alice-mail, a
  // limit of two reads two of team-slack's and alice-mail's too.
  std::vector<std::int64_t> slack;
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(store_->add_contact(testing::bare_contact("c" + std::to_string(i))).ok());
    auto r = create(reminder("c" + std::to_string(i), "2026-11-20T16:00:0" + std::to_string(i) + "Z"), {"team-slack"});
    slack.push_back(rows(r.id).at(0).id);
  }
  auto mail = create(reminder("jane", "2026-11-24T16:00:00Z"), {"alice-mail"});

  EXPECT_THAT(ready_ids(mail.remind_at, 2), ElementsAre(slack[0], slack[1], rows(mail.id).at(0).id));
}

TEST_F(SqliteStoreRemindersTest, ReadingReadyRowsSeeksTheIndexByNotifierAndNeverWalksTheBacklog) {
  SQLite::Database db(path_, SQLite::OPEN_READONLY);
  auto plan_of = [&](const std::string& sql) {
    SQLite::Statement plan(db, "EXPLAIN QUERY PLAN " + sql);
    std::string lines;
    while (plan.executeStep()) lines += plan.getColumn(3).getString() + "\n";
    return lines;
  };
  const std::string notifiers = plan_of(waiting_notifiers_sql());
  EXPECT_THAT(notifiers, HasSubstr("SEARCH outbox USING INDEX outbox_ready_by_notifier (notifier>?)"));
  EXPECT_THAT(notifiers, Not(HasSubstr("SCAN outbox")));
  const std::string rows = plan_of(ready_of_notifier_sql());
  EXPECT_THAT(rows, HasSubstr("SEARCH outbox USING INDEX outbox_ready_by_notifier (notifier=? AND next_attempt_at<?)"));
  EXPECT_THAT(rows, Not(HasSubstr("TEMP B-TREE")));
}

TEST_F(SqliteStoreRemindersTest, AnEmptyOutboxHasNoNextAttempt) {
  EXPECT_EQ(next_attempt(), std::nullopt);
}

TEST_F(SqliteStoreRemindersTest, ADeliveredRowIsNoLongerReady) {
  auto r = create(reminder("jane", "2026-11-24T16:00:00Z"));
  auto out = rows(r.id);
  auto delivered_at = r.remind_at + Seconds(3);

  ASSERT_TRUE(store_->mark_delivered(out[0].id, delivered_at).ok());
  auto after = rows(r.id);
  EXPECT_EQ(after[0].state, OutboxState::delivered);
  EXPECT_EQ(after[0].delivered_at, delivered_at);
  EXPECT_EQ(after[0].attempts, 1);
  EXPECT_EQ(after[1].state, OutboxState::pending);
  EXPECT_THAT(ready_ids(r.remind_at + std::chrono::hours(1)), ElementsAre(out[1].id));
}

TEST_F(SqliteStoreRemindersTest, AFailedAttemptWaitsForItsNextTimeThenIsReadyAgain) {
  auto r = create(reminder("jane", "2026-11-24T16:00:00Z"), {"alice-mail"});
  auto row = rows(r.id)[0];
  auto retry_at = r.remind_at + std::chrono::minutes(2);

  ASSERT_TRUE(store_->mark_attempt_failed(row.id, "HTTP 503 Service Unavailable", retry_at).ok());
  ASSERT_TRUE(store_->mark_attempt_failed(row.id, "connection refused", retry_at + std::chrono::minutes(4)).ok());
  auto failed = rows(r.id)[0];
  EXPECT_EQ(failed.state, OutboxState::failed);
  EXPECT_EQ(failed.attempts, 2);
  EXPECT_EQ(failed.last_error, "connection refused");
  EXPECT_EQ(failed.next_attempt_at, retry_at + std::chrono::minutes(4));
  EXPECT_EQ(failed.idempotency_key, row.idempotency_key);
  EXPECT_TRUE(ready_ids(retry_at + std::chrono::minutes(3)).empty());
  EXPECT_THAT(ready_ids(retry_at + std::chrono::minutes(4)), ElementsAre(row.id));
  EXPECT_EQ(next_attempt(), retry_at + std::chrono::minutes(4));

  ASSERT_TRUE(store_->mark_delivered(row.id, retry_at + std::chrono::minutes(5)).ok());
  EXPECT_EQ(rows(r.id)[0].state, OutboxState::delivered);
  EXPECT_EQ(rows(r.id)[0].attempts, 3);  // two failures and the delivery
  EXPECT_EQ(next_attempt(), std::nullopt);
}

TEST_F(SqliteStoreRemindersTest, AFailureWithNoNextAttemptIsDeadAndNeverReady) {
  auto r = create(reminder("jane", "2026-11-24T16:00:00Z"), {"alice-mail"});
  auto row = rows(r.id)[0];

  ASSERT_TRUE(store_->mark_attempt_failed(row.id, "HTTP 404 Not Found", std::nullopt).ok());
  auto dead = rows(r.id)[0];
  EXPECT_EQ(dead.state, OutboxState::dead);
  EXPECT_EQ(dead.attempts, 1);
  EXPECT_EQ(dead.last_error, "HTTP 404 Not Found");
  EXPECT_EQ(dead.next_attempt_at, row.next_attempt_at);
  EXPECT_TRUE(ready_ids(r.remind_at + std::chrono::hours(24 * 365)).empty());
  EXPECT_EQ(next_attempt(), std::nullopt);
}

TEST_F(SqliteStoreRemindersTest, MarkingAMissingRowIsNoInput) {
  auto delivered = store_->mark_delivered(999, at("2026-11-24T16:00:00Z"));
  ASSERT_FALSE(delivered);
  EXPECT_EQ(delivered.error().code, Errc::no_input);
  auto failed = store_->mark_attempt_failed(999, "timeout", std::nullopt);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, Errc::no_input);
}

TEST_F(SqliteStoreRemindersTest, ABatchOfDeliveriesIsMarkedTogetherSkippingRowsThatAreGone) {
  auto jane = create(reminder("jane", "2026-11-24T16:00:00Z"), {"alice-mail"});
  auto john = create(reminder("john", "2026-11-24T16:00:00Z"), {"alice-mail", "team-slack"});
  auto jane_row = rows(jane.id)[0];
  auto john_rows = rows(john.id);
  ASSERT_TRUE(store_->mark_attempt_failed(jane_row.id, "HTTP 503", jane.remind_at).ok());
  auto delivered_at = john.remind_at + Seconds(2);

  std::vector<std::int64_t> batch{jane_row.id, john_rows[0].id, 999};
  auto marked = store_->mark_batch_delivered(batch, delivered_at);
  ASSERT_TRUE(marked) << marked.error().message;
  EXPECT_EQ(*marked, 2);
  EXPECT_EQ(rows(jane.id)[0].state, OutboxState::delivered);
  EXPECT_EQ(rows(jane.id)[0].attempts, 2);  // the failure and the delivery
  EXPECT_EQ(rows(jane.id)[0].delivered_at, delivered_at);
  EXPECT_EQ(rows(john.id)[0].state, OutboxState::delivered);
  EXPECT_EQ(rows(john.id)[1].state, OutboxState::pending);
  EXPECT_THAT(ready_ids(john.remind_at + std::chrono::hours(1)), ElementsAre(john_rows[1].id));
}

TEST_F(SqliteStoreRemindersTest, ABatchThatCannotTakeTheWriteLockMarksNothing) {
  auto r = create(reminder("jane", "2026-11-24T16:00:00Z"), {"alice-mail"});
  auto row = rows(r.id)[0];
  store_.reset();
  store_ = open_sqlite_store(path_, SqliteStoreOptions{std::chrono::milliseconds(50)}).value();
  SQLite::Database other(path_.string(), SQLite::OPEN_READWRITE);
  other.exec("BEGIN IMMEDIATE");

  std::vector<std::int64_t> batch{row.id};
  auto marked = store_->mark_batch_delivered(batch, r.remind_at);
  other.exec("ROLLBACK");
  ASSERT_FALSE(marked);
  EXPECT_EQ(marked.error().code, Errc::unavailable);
  EXPECT_EQ(rows(r.id)[0].state, OutboxState::pending);
}

TEST_F(SqliteStoreRemindersTest, OutboxRowsSurviveReopening) {
  auto r = create(reminder("jane", "2026-11-24T16:00:00Z"));
  auto before = rows(r.id);
  store_.reset();
  store_ = testing::open_store(path_);
  auto after = rows(r.id);
  ASSERT_EQ(after.size(), before.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    EXPECT_EQ(after[i].id, before[i].id);
    EXPECT_EQ(after[i].idempotency_key, before[i].idempotency_key);
  }
}

TEST_F(SqliteStoreRemindersTest, AnOwnersRemindersOfADayComeInTimeOrderWithinTheLimit) {
  const Reminder late = create(reminder("jane", "2026-11-24T16:00:00Z"));
  const Reminder early = create(reminder("john", "2026-11-24T09:00:00Z"));
  create(reminder("jane", "2026-11-25T09:00:00Z"));
  auto other = reminder("john", "2026-11-24T12:00:00Z");
  other.owner = "bob";
  create(other);

  auto day = store_->reminders_of_owner("alice", at("2026-11-24T00:00:00Z"), at("2026-11-25T00:00:00Z"), 10);
  ASSERT_TRUE(day) << day.error().message;
  std::vector<std::int64_t> ids;
  for (const Reminder& r : *day) ids.push_back(r.id);
  EXPECT_THAT(ids, ElementsAre(early.id, late.id));
  EXPECT_EQ(store_->reminders_of_owner("alice", at("2026-11-24T00:00:00Z"), at("2026-11-25T00:00:00Z"), 1)->size(), 1u);
}

TEST_F(SqliteStoreRemindersTest, AnActionOfAReminderIsRecordedOnceAndSaysWhen) {
  const Reminder r = create(reminder("jane", "2026-11-24T16:00:00Z"));
  EXPECT_EQ(store_->action_taken(r.id, "touched").value(), std::nullopt);
  EXPECT_TRUE(store_->record_action(r.id, "touched", at("2026-11-24T16:05:00Z")).value());
  EXPECT_FALSE(store_->record_action(r.id, "touched", at("2026-11-24T17:00:00Z")).value());
  EXPECT_TRUE(store_->record_action(r.id, "snooze-1d", at("2026-11-24T17:00:00Z")).value());
  EXPECT_EQ(store_->action_taken(r.id, "touched").value(), at("2026-11-24T16:05:00Z"));

  auto unknown = store_->record_action(r.id + 100, "touched", at("2026-11-24T17:00:00Z"));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, Errc::no_input);
}

}  // namespace
}  // namespace touchbase
