// The command notifier running real programs (/bin/sh scripts given as argv).

#include "notifiers/command_notifier.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <nlohmann/json.hpp>

#include "notifiers/reminder_json.h"
#include "tests/notifiers/notifier_testing.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using testing::deliver_and_wait;
using testing::sample_message;

class CommandNotifierTest : public ::testing::Test {
 protected:
  // `sh -c script sh <out>`: the script sees the output file as $1.
  CommandNotifier shell(std::string script, std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    return CommandNotifier({"/bin/sh", "-c", std::move(script), "sh", out_.string()}, io_, timeout);
  }

  testing::TempDir dir_;
  std::filesystem::path out_ = dir_ / "out";
  boost::asio::io_context io_;
};

TEST_F(CommandNotifierTest, TheProgramReceivesTheReminderAsJsonOnStdin) {
  auto notifier = shell("cat > \"$1\"");
  const auto delivery = deliver_and_wait(notifier, sample_message(), io_);
  ASSERT_TRUE(delivery.result.has_value());
  EXPECT_TRUE(delivery.result->ok()) << delivery.result->error().message;
  EXPECT_TRUE(delivery.on_io_context);
  EXPECT_EQ(nlohmann::json::parse(testing::read_file(out_)), nlohmann::json::parse(reminder_json(sample_message())));
}

TEST_F(CommandNotifierTest, ANonZeroExitIsAPermanentFailureQuotingStderr) {
  auto notifier = shell("cat > /dev/null; echo 'crm said: no such contact' >&2; exit 3");
  const auto delivery = deliver_and_wait(notifier, sample_message(), io_);
  ASSERT_TRUE(delivery.result.has_value());
  ASSERT_FALSE(delivery.result->ok());
  EXPECT_TRUE(delivery.result->error().is_permanent());
  EXPECT_EQ(delivery.result->error().message, "command /bin/sh: exited with status 3: crm said: no such contact");
}

TEST_F(CommandNotifierTest, ExitCode75IsTransient) {
  auto notifier = shell("exit 75");
  const auto delivery = deliver_and_wait(notifier, sample_message(), io_);
  ASSERT_TRUE(delivery.result.has_value());
  ASSERT_FALSE(delivery.result->ok());
  EXPECT_TRUE(delivery.result->error().is_transient());
}

TEST_F(CommandNotifierTest, AProgramStillRunningAtTheTimeoutIsKilledAndTransient) {
  auto notifier = shell("sleep 30", std::chrono::milliseconds(300));
  const auto delivery = deliver_and_wait(notifier, sample_message(), io_);
  ASSERT_TRUE(delivery.result.has_value());
  ASSERT_FALSE(delivery.result->ok());
  EXPECT_TRUE(delivery.result->error().is_transient());
  EXPECT_EQ(delivery.result->error().message, "command /bin/sh: still running after 300 ms; killed");
  EXPECT_LT(delivery.elapsed, std::chrono::milliseconds(2000));
}

TEST_F(CommandNotifierTest, AMissingProgramIsPermanent) {
  CommandNotifier notifier({"/nonexistent/touchbase-hook"}, io_);
  const auto delivery = deliver_and_wait(notifier, sample_message(), io_);
  ASSERT_TRUE(delivery.result.has_value());
  ASSERT_FALSE(delivery.result->ok());
  EXPECT_TRUE(delivery.result->error().is_permanent());
  EXPECT_EQ(delivery.result->error().message,
            "command /nonexistent/touchbase-hook: cannot run: No such file or directory");
  EXPECT_TRUE(delivery.on_io_context);
}

TEST_F(CommandNotifierTest, TheChildSeesTheIdempotencyKeyButNotTheDaemonsSecrets) {
  ::setenv("TOUCHBASE_TEST_SMTP_PASSWORD", "hunter2", 1);
  auto notifier = shell("printf '%s|%s' \"$TOUCHBASE_IDEMPOTENCY_KEY\" \"$TOUCHBASE_TEST_SMTP_PASSWORD\" > \"$1\"");
  const auto delivery = deliver_and_wait(notifier, sample_message(), io_);
  ::unsetenv("TOUCHBASE_TEST_SMTP_PASSWORD");
  ASSERT_TRUE(delivery.result.has_value());
  EXPECT_TRUE(delivery.result->ok());
  EXPECT_EQ(testing::read_file(out_), "rem-42-alice-mail|");
}

TEST_F(CommandNotifierTest, AProgramThatIgnoresStdinIsJudgedByItsExitStatus) {
  auto notifier = shell("exit 0");
  const auto delivery = deliver_and_wait(notifier, sample_message(), io_);
  ASSERT_TRUE(delivery.result.has_value());
  EXPECT_TRUE(delivery.result->ok());
}

TEST_F(CommandNotifierTest, TheEventLoopKeepsRunningWhileTheProgramRuns) {
  auto notifier = shell("sleep 0.4; cat > \"$1\"");
  std::optional<DeliveryResult> result;
  notifier.deliver(sample_message(), [&](DeliveryResult r) { result = std::move(r); });
  boost::asio::steady_timer timer(io_, std::chrono::milliseconds(50));
  bool timer_fired_first = false;
  timer.async_wait([&](const boost::system::error_code&) { timer_fired_first = !result.has_value(); });
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!result && std::chrono::steady_clock::now() < deadline) io_.run_one_for(std::chrono::milliseconds(50));
  EXPECT_TRUE(timer_fired_first);
  ASSERT_TRUE(result.has_value());
  EXPECT_TRUE(result->ok());
}

}  // namespace
}  // namespace touchbase
