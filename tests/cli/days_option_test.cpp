// `--days` of plan, points and calendar: at most a year ahead, a usage error
// naming the flag and the maximum beyond it.
#include "cli/days_option.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/testing/workflow_fixture.h"

namespace touchbase::testing {
namespace {

using ::testing::HasSubstr;

class DaysOptionTest : public WorkflowTest {
 protected:
  std::vector<std::vector<std::string>> commands() const {
    return {{"plan"}, {"points"}, {"calendar", (dir_ / "follow-ups.ics").string()}};
  }
};

TEST_F(DaysOptionTest, MoreDaysThanTheMaximumIsAUsageErrorNamingTheFlagAndTheMaximum) {
  ok({"contact", "add", "jane", "--name", "Jane Doe"});
  for (auto command : commands()) {
    command.insert(command.end(), {"--days", "367"});
    auto refused = touchbase(command);
    EXPECT_EQ(refused.exit_code, 64) << command[0];
    EXPECT_THAT(refused.err, HasSubstr("--days: '367' is more than the maximum: expected a whole number of days from 1 "
                                       "to 366"))
        << command[0];
  }
  EXPECT_FALSE(std::filesystem::exists(dir_ / "follow-ups.ics"));
}

TEST_F(DaysOptionTest, TheMaximumItselfIsAccepted) {
  ok({"contact", "add", "jane", "--name", "Jane Doe"});
  for (auto command : commands()) {
    command.insert(command.end(), {"--days", std::to_string(k_max_days), "--now", iso(now_)});
    ok(command);
  }
  EXPECT_EQ(k_max_days, 366);
}

TEST_F(DaysOptionTest, NoDaysAHugeNumberOrNotANumberIsAUsageErrorNamingTheFlag) {
  for (std::string days : {"0", "-3", "99999999999999999999", "2w"}) {
    auto refused = touchbase({"plan", "--days", days});
    EXPECT_EQ(refused.exit_code, 64) << days;
    EXPECT_THAT(refused.err, HasSubstr("--days: '" + days + "'")) << days;
    EXPECT_THAT(refused.err, HasSubstr("from 1 to 366")) << days;
  }
}

}  // namespace
}  // namespace touchbase::testing
