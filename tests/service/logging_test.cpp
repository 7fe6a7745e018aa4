// Logging: telling the journal from a terminal, and the journal's priorities.
#include "service/logging.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace touchbase::testing
