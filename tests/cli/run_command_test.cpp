// `touchbase run --once` through the real binary, after downtime.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

#include "tests/testing/daemon_fixture.h"
#include "tests/testing/run_command.h"

namespace touchbase::testing {
namespace {

using ::testing::HasSubstr;

class RunOnceTest : public ::testing::Test {
 protected:
  RunOnceTest() {
    config_ = dir_.write("touchbase.toml",
                         "[daemon]\ndatabase = \"state/touchbase.db\"\n" + std::string(k_daemon_test_config));
  }
  CommandResult touchbase(std::vector<std::string> args) {
    args.insert(args.begin(), {"--config", config_.string()});
    return run_touchbase(args, dir_.path());
  }

  TempDir dir_;
  std::filesystem::path config_;
};

TEST_F(RunOnceTest, AfterDowntimeOneRunDeliversEveryLateReminderTheCatchUpSpacingHeldBack) {
  // Given three contacts whose follow-ups came due a day ago (a 2-day cadence, last touched 3 days ago):
  // they are late, and go out k_catch_up_spacing apart. One run delivers them all, then exits.
  const auto three_days_ago =
      std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) - std::chrono::hours(72);
  const std::string last_touch = format_rfc3339(Instant(three_days_ago.time_since_epoch()));
  for (const char* name : {"Ann Able", "Ben Baker", "Cy Cole"}) {
    ASSERT_EQ(
        touchbase({"contact", "add", std::string(1, name[0]), "--name", name, "--last-touch", last_touch}).exit_code,
        0);
  }
  auto r = touchbase({"run", "--once"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* name : {"Ann Able", "Ben Baker", "Cy Cole"}) EXPECT_THAT(r.out, HasSubstr(name)) << r.err;

  auto outbox = touchbase({"outbox", "--json"});
  EXPECT_EQ(outbox.exit_code, 0) << outbox.err;
  EXPECT_EQ(outbox.out, "") << "nothing is left pending";
}

}  // namespace
}  // namespace touchbase::testing
