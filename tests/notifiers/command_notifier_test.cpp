// The command notifier running real programs (/bin/sh scripts given as argv).

#include "notifiers/command_notifier.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/asio/post.hpp>
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

TEST_F(CommandNotifierTest, StderrWithBytesThatAreNotUtf8AndControlsIsQuotedPrintable) {
  auto notifier = shell("cat > /dev/null; printf 'crm \\377\\033[2J\\302\\233gone\\nforged' >&2; exit 3");
  const auto delivery = deliver_and_wait(notifier, sample_message(), io_);
  ASSERT_TRUE(delivery.result.has_value());
  ASSERT_FALSE(delivery.result->ok());
  EXPECT_EQ(delivery.result->error().message,
            "command /bin/sh: exited with status 3: crm \xEF\xBF\xBD [2J\\u009Bgone forged");
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
  // Given a program that waits for a line on a fifo, the event loop runs a
  // handler that writes that line: the program can only finish after it.
  const auto fifo = dir_ / "go";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // Read and write: opening does not wait for the program, and writing does not block.
  const int go = ::open(fifo.c_str(), O_RDWR | O_CLOEXEC);
  ASSERT_GE(go, 0);
  CommandNotifier notifier({"/bin/sh", "-c", "read line < \"$1\"; cat > /dev/null", "sh", fifo.string()}, io_);
  std::optional<DeliveryResult> result;
  notifier.deliver(sample_message(), [&](DeliveryResult r) { result = std::move(r); });
  bool ran_while_the_program_ran = false;
  boost::asio::post(io_, [&] {
    ran_while_the_program_ran = !result.has_value();
    EXPECT_EQ(::write(go, "go\n", 3), 3);
  });
  while (!result && io_.run_one() > 0) {
  }
  ::close(go);
  EXPECT_TRUE(ran_while_the_program_ran);
  ASSERT_TRUE(result.has_value());
  EXPECT_TRUE(result->ok()) << result->error().message;
}

}  // namespace
}  // namespace touchbase
