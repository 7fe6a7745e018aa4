// Metrics: what /metrics and `touchbase status` report.
#include "service/metrics.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/testing/temp_dir.h"

namespace touchbase::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Instant at(std::string_view text) {
  return parse_rfc3339(text).value();
}

DeliveryAttempt attempt(std::string notifier, int number, DeliveryOutcome outcome, DeliveryFate fate) {
  return {.notifier = std::move(notifier),
          .contact_id = "jane",
          .number = number,
          .outcome = outcome,
          .fate = fate,
          .message = outcome == DeliveryOutcome::delivered ? "" : "550 no such user",
          .at = at("2026-11-23T10:02:00Z")};
}

TEST(Metrics, CountsAppearByNotifierAndOutcomeWithTheirTypes) {
  Metrics m(at("2026-11-23T10:00:00Z"), "/etc/touchbase/touchbase.toml");
  m.declare_notifier("team-slack");
  m.reminders_created(3);
  m.delivery_attempted(attempt("alice-mail", 1, DeliveryOutcome::delivered, DeliveryFate::delivered));
  m.delivery_attempted(attempt("alice-mail", 2, DeliveryOutcome::transient_failure, DeliveryFate::retry));
  m.delivery_attempted(attempt("alice-mail", 2, DeliveryOutcome::permanent_failure, DeliveryFate::dead));
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
    m.delivery_attempted({.notifier = "mail",
                          .contact_id = "c" + std::to_string(i),
                          .number = 1,
                          .outcome = DeliveryOutcome::transient_failure,
                          .fate = DeliveryFate::retry,
                          .message = "451 try later",
                          .at = at("2026-11-23T10:00:00Z") + Seconds(i)});
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

TEST(Metrics, ARowThatFellBackCountsAsGivenUpOnAndItsFailureIsListedAsDead) {
  // Given a second attempt that failed for good and handed its reminder to
  // the owner's next notifier, the row counts as a retry and as given up on.
  Metrics m(at("2026-11-23T10:00:00Z"), "t.toml");
  m.delivery_attempted(attempt("mail", 2, DeliveryOutcome::permanent_failure, DeliveryFate::fell_back));
  std::string text = m.prometheus_text({});
  EXPECT_THAT(text, HasSubstr("touchbase_deliveries_total{notifier=\"mail\",outcome=\"permanent_failure\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("touchbase_delivery_retries_total 1\n"));
  EXPECT_THAT(text, HasSubstr("touchbase_outbox_dead_total 1\n"));
  auto failures = m.status_json({}, at("2026-11-23T10:05:00Z"))["recent_failures"];
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0]["at"], "2026-11-23T10:02:00Z");
  EXPECT_EQ(failures[0]["notifier"], "mail");
  EXPECT_EQ(failures[0]["contact"], "jane");
  EXPECT_EQ(failures[0]["outcome"], "permanent_failure");
  EXPECT_EQ(failures[0]["dead"], true);
  EXPECT_EQ(failures[0]["message"], "550 no such user");
}

TEST(Metrics, ATransientFailureToBeRetriedIsListedAsNotDead) {
  Metrics m(at("2026-11-23T10:00:00Z"), "t.toml");
  m.delivery_attempted(attempt("mail", 1, DeliveryOutcome::transient_failure, DeliveryFate::retry));
  EXPECT_THAT(m.prometheus_text({}), HasSubstr("touchbase_outbox_dead_total 0\n"));
  EXPECT_EQ(m.status_json({}, at("2026-11-23T10:05:00Z"))["recent_failures"][0]["dead"], false);
}

TEST(Metrics, ARetriedSuccessCountsAsARetryAndIsNotListedAmongTheFailures) {
  Metrics m(at("2026-11-23T10:00:00Z"), "t.toml");
  m.delivery_attempted(attempt("mail", 2, DeliveryOutcome::delivered, DeliveryFate::delivered));
  std::string text = m.prometheus_text({});
  EXPECT_THAT(text, HasSubstr("touchbase_deliveries_total{notifier=\"mail\",outcome=\"delivered\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("touchbase_delivery_retries_total 1\n"));
  EXPECT_THAT(text, HasSubstr("touchbase_outbox_dead_total 0\n"));
  EXPECT_TRUE(m.status_json({}, at("2026-11-23T10:05:00Z"))["recent_failures"].empty());
}

TEST(Metrics, ReloadsAreCountedByOutcome) {
  Metrics m(at("2026-11-23T10:00:00Z"), "t.toml");
  m.reload_finished(ReloadOutcome::taken);
  m.reload_finished(ReloadOutcome::refused);
  m.reload_finished(ReloadOutcome::refused);
  std::string text = m.prometheus_text({});
  EXPECT_THAT(text, HasSubstr("touchbase_config_reloads_total{result=\"success\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("touchbase_config_reloads_total{result=\"failure\"} 2\n"));
}

}  // namespace
}  // namespace touchbase::testing
