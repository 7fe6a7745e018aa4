// Metrics: what /metrics and `touchbase status` report.
#include "service/metrics.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "delivery/metered_notifier.h"
#include "tests/testing/recording_notifier.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Instant at(std::string_view text) {
  return parse_rfc3339(text).value();
}

TEST(Metrics, CountsAppearByNotifierAndOutcomeWithTheirTypes) {
  Metrics m(at("2026-11-23T10:00:00Z"), "/etc/touchbase/touchbase.toml");
  m.declare_notifier("team-slack");
  m.reminders_created(3);
  m.delivery("alice-mail", DeliveryOutcome::delivered, false, false);
  m.delivery("alice-mail", DeliveryOutcome::transient_failure, true, false);
  m.delivery("alice-mail", DeliveryOutcome::permanent_failure, true, true);
  StoreFigures figures;
  figures.contacts[ContactStatus::active] = 4;
  figures.outbox_depth = 2;
  figures.dead_rows = 1;
  std::string text = m.prometheus_text(figures);
  EXPECT_THAT(text, HasSubstr("# TYPE touchbase_deliveries_total counter\n"));
  EXPECT_THAT(text, HasSubstr("touchbase_deliveries_total{notifier=\"alice-mail\",outcome=\"delivered\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("touchbase_deliveries_total{notifier=\"alice-mail\",outcome=\"transient_failure\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("touchbase_deliveries_total{notifier=\"team-slack\",outcome=\"delivered\"} 0\n"));
  EXPECT_THAT(text, HasSubstr("touchbase_reminders_created_total 3\n"));
  EXPECT_THAT(text, HasSubstr("touchbase_delivery_retries_total 2\n"));
  EXPECT_THAT(text, HasSubstr("touchbase_outbox_dead_total 1\n"));
  EXPECT_THAT(text, HasSubstr("touchbase_outbox_dead_rows 1\n"));
  EXPECT_THAT(text, HasSubstr("touchbase_outbox_depth 2\n"));
  EXPECT_THAT(text, HasSubstr("touchbase_contacts{status=\"active\"} 4\n"));
  EXPECT_THAT(text, HasSubstr("touchbase_start_time_seconds 1795428000\n"));
  EXPECT_THAT(text, HasSubstr("touchbase_build_info{version=\"" TOUCHBASE_VERSION "\"} 1\n"));
}

TEST(Metrics, WithoutAPlannedReminderItsGaugeHasNoSample) {
  Metrics m(at("2026-11-23T10:00:00Z"), "t.toml");
  std::string text = m.prometheus_text({});
  EXPECT_THAT(text, HasSubstr("# TYPE touchbase_next_reminder_timestamp_seconds gauge\n"));
  EXPECT_THAT(text, Not(HasSubstr("\ntouchbase_next_reminder_timestamp_seconds ")));
  m.pass_finished(at("2026-11-23T10:00:00Z"), Status{}, at("2026-11-24T09:45:00Z"));
  EXPECT_THAT(m.prometheus_text({}), HasSubstr("\ntouchbase_next_reminder_timestamp_seconds 1795513500\n"));
}

TEST(Metrics, LabelValuesAreEscaped) {
  Metrics m(at("2026-11-23T10:00:00Z"), "t.toml");
  m.declare_notifier("odd\"name\\x");
  EXPECT_THAT(m.prometheus_text({}), HasSubstr("notifier=\"odd\\\"name\\\\x\""));
}

TEST(Metrics, AFailedPassKeepsItsMessageForHealthAndStatusUntilOneSucceeds) {
  Metrics m(at("2026-11-23T10:00:00Z"), "t.toml");
  m.pass_finished(at("2026-11-23T10:00:00Z"), Error::unavailable("database is locked"), std::nullopt);
  EXPECT_EQ(m.last_pass_error(), "database is locked");
  EXPECT_THAT(m.prometheus_text({}), HasSubstr("touchbase_pass_errors_total 1\n"));
  auto status = m.status_json({}, at("2026-11-23T10:05:00Z"));
  EXPECT_EQ(status["last_pass_error"], "database is locked");
  EXPECT_EQ(status["uptime_seconds"], 300);
  m.pass_finished(at("2026-11-23T10:01:00Z"), Status{}, std::nullopt);
  EXPECT_EQ(m.last_pass_error(), "");
}

TEST(Metrics, StatusListsTheNewestFailuresFirstAndKeepsOnlyTheRecentOnes) {
  Metrics m(at("2026-11-23T10:00:00Z"), "t.toml");
  for (int i = 0; i < 12; ++i) {
    m.failure({at("2026-11-23T10:00:00Z") + Seconds(i), "mail", "c" + std::to_string(i),
               DeliveryOutcome::transient_failure, false, "451 try later"});
  }
  auto failures = m.status_json({}, at("2026-11-23T11:00:00Z"))["recent_failures"];
  ASSERT_EQ(failures.size(), k_recent_failures);
  EXPECT_EQ(failures[0]["contact"], "c11");
  EXPECT_EQ(failures[0]["outcome"], "transient_failure");
  EXPECT_EQ(failures[0]["message"], "451 try later");
  EXPECT_EQ(failures[9]["contact"], "c2");
}

TEST(Metrics, StoreFiguresCountContactsByStatusAndTheWaitingRows) {
  TempDir dir;
  auto store = open_sqlite_store(dir / "t.db").value();
  Contact a;
  a.id = "a";
  a.name = "A";
  Contact b = a;
  b.id = "b";
  b.status = ContactStatus::dormant;
  ASSERT_TRUE(store->add_contact(a).ok());
  ASSERT_TRUE(store->add_contact(b).ok());
  Reminder r;
  r.contact_id = "a";
  r.owner = "alice";
  r.cadence = "prospect";
  r.due_at = r.remind_at = r.created_at = at("2026-11-23T10:00:00Z");
  std::vector<std::string> notifiers{"mail"};
  ASSERT_TRUE(store->create_reminder(r, notifiers).ok());

  auto figures = read_store_figures(*store);
  ASSERT_TRUE(figures.ok()) << figures.error().message;
  EXPECT_EQ(figures->contacts[ContactStatus::active], 1);
  EXPECT_EQ(figures->contacts[ContactStatus::dormant], 1);
  EXPECT_EQ(figures->contacts[ContactStatus::closed_won], 0);
  EXPECT_EQ(figures->outbox_depth, 1);
  EXPECT_EQ(figures->dead_rows, 0);
  EXPECT_EQ(figures->next_outbox_attempt, at("2026-11-23T10:00:00Z"));
}

TEST(MeteredNotifier, TheReminderIdIsReadFromTheIdempotencyKey) {
  EXPECT_EQ(reminder_id_of_key("tb-42-alice-mail-0123456789ab"), 42);
  EXPECT_EQ(reminder_id_of_key("tb-7-x-0123456789ab"), 7);
  EXPECT_EQ(reminder_id_of_key("tb--x-0123456789ab"), std::nullopt);
  EXPECT_EQ(reminder_id_of_key("tb-42"), std::nullopt);
  EXPECT_EQ(reminder_id_of_key("other-42-x"), std::nullopt);
}

TEST(MeteredNotifier, ARetriedAttemptIsCountedFromTheMessageAndADeadRowFromTheRecordedRow) {
  // Given a row the caller marks failed-for-good on its second attempt, the
  // metered notifier counts one retry, one permanent failure and one dead row.
  TempDir dir;
  auto store = open_sqlite_store(dir / "t.db").value();
  Contact c;
  c.id = "jane";
  c.name = "Jane";
  ASSERT_TRUE(store->add_contact(c).ok());
  Reminder r;
  r.contact_id = "jane";
  r.owner = "alice";
  r.cadence = "prospect";
  r.due_at = r.remind_at = r.created_at = at("2026-11-23T10:00:00Z");
  std::vector<std::string> notifiers{"mail"};
  auto created = store->create_reminder(r, notifiers).value().value();
  OutboxRow row = store->outbox_rows(created.id).value().at(0);
  ASSERT_TRUE(store->mark_attempt_failed(row.id, "451", at("2026-11-23T10:01:00Z")).ok());

  RecordingNotifier inner;
  inner.script.push_back(DeliveryFailure::permanent("550 no such user"));
  FakeClock clock(at("2026-11-23T10:02:00Z"));
  Metrics m(clock.now(), "t.toml");
  MeteredNotifier metered("mail", inner, m, *store, clock);
  ReminderMessage message;
  message.idempotency_key = row.idempotency_key;
  message.contact_id = "jane";
  message.attempt = 2;
  bool recorded = false;
  metered.deliver(message, [&](DeliveryResult result) {
    ASSERT_FALSE(result.ok());
    recorded = store->mark_attempt_failed(row.id, result.error().message, std::nullopt).ok();
  });
  ASSERT_TRUE(recorded);
  std::string text = m.prometheus_text({});
  EXPECT_THAT(text, HasSubstr("touchbase_deliveries_total{notifier=\"mail\",outcome=\"permanent_failure\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("touchbase_delivery_retries_total 1\n"));
  EXPECT_THAT(text, HasSubstr("touchbase_outbox_dead_total 1\n"));
  auto failures = m.status_json({}, clock.now())["recent_failures"];
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0]["contact"], "jane");
  EXPECT_EQ(failures[0]["dead"], true);
  EXPECT_EQ(failures[0]["message"], "550 no such user");
}

TEST(MeteredNotifier, ASuccessIsCountedBeforeTheCallerHasRecordedIt) {
  // Given a second attempt that succeeds while its row still reads as never
  // tried (the caller records successes later), it counts as a retried delivery.
  TempDir dir;
  auto store = open_sqlite_store(dir / "t.db").value();
  RecordingNotifier inner;
  FakeClock clock(at("2026-11-23T10:02:00Z"));
  Metrics m(clock.now(), "t.toml");
  MeteredNotifier metered("mail", inner, m, *store, clock);
  ReminderMessage message;
  message.idempotency_key = "tb-1-mail-0123456789ab";
  message.attempt = 2;
  int done = 0;
  metered.deliver(message, [&](DeliveryResult result) { done += result.ok() ? 1 : 100; });

  EXPECT_EQ(done, 1);
  std::string text = m.prometheus_text({});
  EXPECT_THAT(text, HasSubstr("touchbase_deliveries_total{notifier=\"mail\",outcome=\"delivered\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("touchbase_delivery_retries_total 1\n"));
  EXPECT_THAT(text, HasSubstr("touchbase_outbox_dead_total 0\n"));
}

}  // namespace
}  // namespace touchbase::testing
