// touchbase plan: what would be reminded, when and why, as the daemon does it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/testing/workflow_fixture.h"

namespace touchbase::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Thanksgiving, the fourth Thursday of November: Thu 26 Nov in 2026.
constexpr std::string_view k_us_ny_calendar =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//US-NY holidays//EN\r\n"
    "BEGIN:VEVENT\r\nUID:us-thanksgiving@test\r\nSUMMARY:Thanksgiving Day\r\nDTSTART;VALUE=DATE:20201126\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

class PlanCommandTest : public WorkflowTest {};

TEST_F(PlanCommandTest, AFollowUpMovesPastAHolidayOfItsRegionAndTheReasonNamesItAsTheDaemonDoes) {
  // Given a holiday calendar for New York State and two contacts in New York
  // last touched Tue 24 Nov 10:00Z on a 2-day cadence, one of them in that
  // region: the other is due Thu 26 Nov, Thanksgiving, 05:00 in New York;
  // the one in the region on Friday at midnight, and the reasons say why.
  std::filesystem::create_directories(dir_ / "holidays");
  dir_.write("holidays/us-ny.ics", k_us_ny_calendar);
  dir_.write("touchbase.toml",
             std::string(k_workflow_config) + "\n[holidays.regions]\nUS-NY = [\"holidays/us-ny.ics\"]\n");
  const std::string last_touch = "2026-11-24T10:00:00Z";
  ok({"contact", "add", "jane", "--name", "Jane Doe", "--timezone", "America/New_York", "--region", "us-ny",
      "--last-touch", last_touch});
  ok({"contact", "add", "lena", "--name", "Lena Lund", "--timezone", "America/New_York", "--last-touch", last_touch});
  EXPECT_EQ(show("jane")["region"], "US-NY");
  EXPECT_EQ(show("lena")["region"], "");

  auto jane = plan_of("jane");
  ASSERT_FALSE(jane.empty());
  EXPECT_EQ(jane[0]["due_at"], "2026-11-27T05:00:00Z");
  EXPECT_EQ(jane[0]["why"],
            "2nd touch; 2 days after the last; moved to Fri 27 Nov 00:00 America/New_York, the default window; "
            "Thu 26 Nov is Thanksgiving Day (US-NY)");
  auto lena = plan_of("lena");
  ASSERT_FALSE(lena.empty());
  EXPECT_EQ(lena[0]["due_at"], "2026-11-26T10:00:00Z");

  clock_.set(parse_rfc3339("2026-11-26T10:00:00Z").value());
  auto thursday = ok({"run", "--once"});
  EXPECT_THAT(thursday, HasSubstr("Lena Lund"));
  EXPECT_THAT(thursday, Not(HasSubstr("Jane Doe")));

  clock_.set(parse_rfc3339("2026-11-27T05:00:00Z").value());
  auto friday = ok({"run", "--once"});
  EXPECT_THAT(friday, HasSubstr("Jane Doe"));
  EXPECT_THAT(friday, HasSubstr("Thu 26 Nov is Thanksgiving Day (US-NY)"));
}

}  // namespace
}  // namespace touchbase::testing
