#include "reminders/reminder_message.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <memory>

#include "tests/testing/daemon_fixture.h"

namespace touchbase::testing {
namespace {

using ReminderMessageTest = DaemonFixture;

Reminder reminder_for(const std::string& contact_id, const std::string& point) {
  Reminder r;
  r.id = 7;
  r.contact_id = contact_id;
  r.owner = "alice";
  r.cadence = "prospect";
  r.step = 2;
  r.due_at = parse_rfc3339("2026-11-24T15:00:00Z").value();
  r.remind_at = r.due_at - std::chrono::minutes(15);
  r.talking_point = point;
  r.why = "2nd touch; 2 days after the last";
  return r;
}

TEST_F(ReminderMessageTest, CarriesWhoWhenWhyTheTalkingPointAndTheLogCommand) {
  Contact c;
  c.id = "jane";
  c.name = "Jane Doe";
  c.company = "Acme GmbH";
  c.stage = "proposal";
  c.phone = "+49 30 1234";
  c.email = "jane@acme.example";
  c.timezone = "America/New_York";
  c.next_step = {"send the pricing deck", parse_date("2026-11-24").value()};

  ReminderMessage m = build_reminder_message(config_, reminder_for("jane", "benchmark"), c, {}, "key-1");
  EXPECT_EQ(m.idempotency_key, "key-1");
  EXPECT_EQ(m.owner_name, "Alice Moreno");
  EXPECT_EQ(m.contact_name, "Jane Doe");
  EXPECT_EQ(m.company, "Acme GmbH");
  EXPECT_EQ(m.stage, "proposal");
  EXPECT_EQ(m.channel, "call +49 30 1234 (or email jane@acme.example)");
  EXPECT_EQ(m.due_at, "Tue 24 Nov 10:00 America/New_York (Tue 24 Nov 16:00 Europe/Berlin for you)");
  EXPECT_EQ(m.why, "2nd touch; 2 days after the last");
  EXPECT_EQ(m.talking_point, "Share the onboarding benchmark");
  EXPECT_EQ(m.talking_point_link, "https://example.com/benchmark");
  EXPECT_EQ(m.next_step, "send the pricing deck (agreed for 2026-11-24)");
  EXPECT_EQ(m.log_command, "touchbase log jane --outcome touched");
}

// The arguments /bin/sh passes to `touchbase` for `command_line`, one per line.
std::string arguments_through_sh(const std::string& command_line) {
  const std::string script = "touchbase() { printf '%s\\n' \"$@\"; }; " + command_line;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(script.c_str(), "r"), ::pclose);  // popen runs /bin/sh -c
  if (!pipe) return "(popen failed)";
  std::string out;
  std::array<char, 256> chunk{};
  while (std::size_t n = std::fread(chunk.data(), 1, chunk.size(), pipe.get())) out.append(chunk.data(), n);
  return out;
}

TEST(LogCommand, AnIdWithShellCharactersReachesTouchbaseAsOneArgument) {
  for (std::string id : {"jane doe", "o'brien", "a; rm -rf ~", "x|y", "$HOME", "`id`", "$(id)", "a&b", "\"q\""}) {
    EXPECT_EQ(arguments_through_sh(log_command_for(id)), "log\n" + id + "\n--outcome\ntouched\n")
        << log_command_for(id);
  }
}

TEST(LogCommand, AnIdStartingWithADashComesAfterTheEndOfOptions) {
  EXPECT_EQ(log_command_for("-rf"), "touchbase log --outcome touched -- -rf");
  EXPECT_EQ(arguments_through_sh(log_command_for("-x y")), "log\n--outcome\ntouched\n--\n-x y\n");
}

TEST(LogCommand, ThePastedPartHoldsNoListOfOutcomes) {
  EXPECT_EQ(log_command_for("jane"), "touchbase log jane --outcome touched");
  EXPECT_EQ(log_command_for("o'brien"), "touchbase log 'o'\\''brien' --outcome touched");
}

TEST_F(ReminderMessageTest, WithoutATalkingPointItSaysWhichSegmentRanDry) {
  Contact c;
  c.id = "bob";
  c.name = "Bob";
  c.tags = {"fintech"};
  c.stage = "discovery";
  ReminderMessage m = build_reminder_message(config_, reminder_for("bob", ""), c, {}, "key-2");
  EXPECT_EQ(m.talking_point, "No fresh talking point for fintech / discovery — add one to the library");
  EXPECT_EQ(m.talking_point_link, "");
  EXPECT_EQ(m.channel, "no phone or email on file: add one with touchbase contact edit bob");
  EXPECT_EQ(m.due_at, "Tue 24 Nov 16:00 Europe/Berlin");  // the owner shares the contact's zone
}

TEST_F(ReminderMessageTest, TheAgreedNextStepIsTheTalkingPointOfTheReminderThatBringsItAndIsNotSaidTwice) {
  Contact c;
  c.id = "jane";
  c.name = "Jane Doe";
  c.next_step = {"send the pricing deck", parse_date("2026-11-24").value()};
  ReminderFacts facts;
  facts.brings_next_step = true;
  ReminderMessage m = build_reminder_message(config_, reminder_for("jane", ""), c, facts, "key-3");
  EXPECT_EQ(m.talking_point, "You promised to send the pricing deck (agreed for 2026-11-24)");
  EXPECT_EQ(m.talking_point_link, "");
  EXPECT_EQ(m.next_step, "");
}

TEST_F(ReminderMessageTest, ThePointsPlaceholdersAreFilledInAsOfTheDueTime) {
  auto loaded = load_config_text(R"([[talking_points]]
id = "recap"
text = "{first_name} said \"{last_note}\" {days_since_last_touch} days ago"
link = "https://example.com/recap"
)" + std::string(k_daemon_test_config).substr(std::string(k_daemon_test_config).find("[defaults]")),
                                 "points.toml", clock_.now());
  ASSERT_TRUE(loaded.ok()) << loaded.error().front().to_string();
  Contact c;
  c.id = "jane";
  c.name = "Jane Doe";
  ReminderFacts facts;
  facts.touches = {Touch{parse_rfc3339("2026-11-20T12:00:00Z").value(), Outcome::replied, "call me in Q1", ""}};
  ReminderMessage m = build_reminder_message(*loaded, reminder_for("jane", "recap"), c, facts, "key-4");
  EXPECT_EQ(m.talking_point, "Jane said \"call me in Q1\" 4 days ago");  // due 24 Nov 15:00
  EXPECT_EQ(m.talking_point_link, "https://example.com/recap");
}

}  // namespace
}  // namespace touchbase::testing
