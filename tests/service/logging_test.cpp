// Logging: telling the journal from a terminal, and the journal's priorities.
#include "service/logging.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

namespace touchbase::testing {
namespace {

TEST(Logging, StderrIsTheJournalOnlyWhenJournalStreamNamesItsDeviceAndInode) {
  EXPECT_TRUE(is_journal_stream("8:12345", 8, 12345));
  EXPECT_FALSE(is_journal_stream("8:12345", 8, 12346));
  EXPECT_FALSE(is_journal_stream("9:12345", 8, 12345));
  EXPECT_FALSE(is_journal_stream(std::nullopt, 8, 12345));
  EXPECT_FALSE(is_journal_stream("", 8, 12345));
  EXPECT_FALSE(is_journal_stream("8-12345", 8, 12345));
  EXPECT_FALSE(is_journal_stream("8:12345x", 8, 12345));
}

TEST(Logging, LevelsMapToSyslogPriorities) {
  EXPECT_EQ(syslog_priority(spdlog::level::trace), 7);
  EXPECT_EQ(syslog_priority(spdlog::level::debug), 7);
  EXPECT_EQ(syslog_priority(spdlog::level::info), 6);
  EXPECT_EQ(syslog_priority(spdlog::level::warn), 4);
  EXPECT_EQ(syslog_priority(spdlog::level::err), 3);
  EXPECT_EQ(syslog_priority(spdlog::level::critical), 2);
}

// One line through the journal's formatter, at info.
std::string journal_line(std::string_view message) {
  std::ostringstream out;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_st>(out);
  sink->set_formatter(make_log_formatter(k_journal_pattern));
  spdlog::logger logger("logging_test", sink);
  logger.info("{}", message);
  return out.str();
}

TEST(Logging, ALineFeedInAMessageCannotForgeASecondJournalLine) {
  EXPECT_EQ(journal_line("delivered to Jane\n<3>forged: database corrupt"),
            "<6>delivered to Jane\\x0A<3>forged: database corrupt\n");
}

TEST(Logging, EscapesAndBytesThatAreNotUtf8ReachTheLogEscaped) {
  EXPECT_EQ(journal_line("HTTP 500: \x1B[2J\xC2\x9B\xFF\r"), "<6>HTTP 500: \\x1B[2J\\u009B\xEF\xBF\xBD\\x0D\n");
  EXPECT_EQ(journal_line("María, 東京"), "<6>María, 東京\n");
}

TEST(Logging, TheTerminalPatternWritesTheMessagePrintableToo) {
  std::ostringstream out;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_st>(out);
  sink->set_formatter(make_log_formatter(k_terminal_pattern));
  spdlog::logger logger("logging_test", sink);
  logger.warn("name \x1B]0;title\x07");
  EXPECT_THAT(out.str(), ::testing::EndsWith("[logging_test] [warning] name \\x1B]0;title\\x07\n"));
}

}  // namespace
}  // namespace touchbase::testing
