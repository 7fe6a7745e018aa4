// [daemon]: database, log_level, http_listen, catch_up_max_age, stop_grace_period.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/load_config.h"
#include "tests/config/config_test_support.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {
namespace {

using ::testing::ElementsAre;

TEST(ReadDaemon, WithoutTheSectionTheNamedDefaultsApply) {
  ScopedEnv state("STATE_DIRECTORY", nullptr);
  Config c = load_ok(k_minimal_rest);
  EXPECT_EQ(c.daemon.database, std::filesystem::current_path() / "touchbase.db");
  EXPECT_EQ(c.daemon.log_level, k_default_log_level);
  EXPECT_EQ(c.daemon.http_listen, "");
  EXPECT_EQ(c.daemon.catch_up_max_age, k_default_catch_up_max_age);
  EXPECT_EQ(c.daemon.stop_grace_period, k_default_stop_grace_period);
  EXPECT_EQ(c.daemon.keep_delivered, std::chrono::days(90));
}

TEST(ReadDaemon, TheDefaultDatabaseIsInTheFirstStateDirectory) {
  ScopedEnv state("STATE_DIRECTORY", "/var/lib/touchbase:/var/lib/other");
  EXPECT_EQ(load_ok(k_minimal_rest).daemon.database, "/var/lib/touchbase/touchbase.db");
}

TEST(ReadDaemon, EveryValueIsRead) {
  Config c = load_ok(R"([daemon]
database = "/srv/touchbase/t.db"
log_level = "debug"
http_listen = "[::1]:9464"
catch_up_max_age = "12h"
stop_grace_period = "45s"
)" + k_minimal_rest);
  EXPECT_EQ(c.daemon.database, "/srv/touchbase/t.db");
  EXPECT_EQ(c.daemon.log_level, "debug");
  EXPECT_EQ(c.daemon.http_listen, "[::1]:9464");
  EXPECT_EQ(c.daemon.catch_up_max_age, std::chrono::hours(12));
  EXPECT_EQ(c.daemon.stop_grace_period, std::chrono::seconds(45));
}

TEST(ReadDaemon, AStopGracePeriodOfZeroLeavesDeliveriesInFlightAtOnce) {
  EXPECT_EQ(load_ok("[daemon]\nstop_grace_period = \"0s\"\n" + k_minimal_rest).daemon.stop_grace_period,
            std::chrono::seconds(0));
}

TEST(ReadDaemon, AStopGracePeriodOverTenMinutesIsRejected) {
  EXPECT_THAT(errors_with_rest("[daemon]\nstop_grace_period = \"1h\"\n"),
              ElementsAre("t.toml:2:21: daemon.stop_grace_period: expected at most 10m, got 1h: a longer grace "
                          "period holds up shutdown"));
}

TEST(ReadDaemon, KeepDeliveredTakesADurationOrOffToKeepEveryDeliveredRow) {
  EXPECT_EQ(load_ok("[daemon]\nkeep_delivered = \"30d\"\n" + k_minimal_rest).daemon.keep_delivered,
            std::chrono::days(30));
  EXPECT_EQ(load_ok("[daemon]\nkeep_delivered = \"off\"\n" + k_minimal_rest).daemon.keep_delivered, std::nullopt);
}

TEST(ReadDaemon, KeepDeliveredUnderADayIsRejected) {
  EXPECT_THAT(errors_with_rest("[daemon]\nkeep_delivered = \"0s\"\n"),
              ElementsAre("t.toml:2:18: daemon.keep_delivered: expected at least 1d, or \"off\" to keep them all, "
                          "got 0s"));
  EXPECT_THAT(errors_with_rest("[daemon]\nkeep_delivered = \"never\"\n").size(), 1u);
}

TEST(ReadDaemon, ARelativeDatabaseIsInTheConfigFilesDirectory) {
  TempDir dir;
  auto path = dir.write("touchbase.toml", "[daemon]\ndatabase = \"data/t.db\"\n" + k_minimal_rest);
  auto r = load_config(path, k_load_time);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->daemon.database, dir.path() / "data/t.db");
}

TEST(ReadDaemon, VariablesInTheDatabasePathAreExpanded) {
  ScopedEnv env("TB_TEST_STATE", "/srv/state");
  EXPECT_EQ(load_ok("[daemon]\ndatabase = \"${TB_TEST_STATE}/t.db\"\n" + k_minimal_rest).daemon.database,
            "/srv/state/t.db");
}

TEST(ReadDaemon, AnUnsetVariableInTheDatabasePathIsNamed) {
  ScopedEnv env("TB_TEST_UNSET", nullptr);
  EXPECT_THAT(errors_with_rest("[daemon]\ndatabase = \"$TB_TEST_UNSET/t.db\"\n"),
              ElementsAre("t.toml:2:12: daemon.database: environment variable TB_TEST_UNSET is not set (used in "
                          "'$TB_TEST_UNSET/t.db')"));
}

TEST(ReadDaemon, AnUnknownLogLevelListsTheLevels) {
  EXPECT_THAT(errors_with_rest("[daemon]\nlog_level = \"verbose\"\n"),
              ElementsAre("t.toml:2:13: daemon.log_level: unknown log level 'verbose': expected trace, debug, info, "
                          "warn or error"));
}

TEST(ReadDaemon, AListenAddressNeedsAHostAndAPort) {
  for (std::string address : {"localhost", "127.0.0.1:0", "127.0.0.1:http", ":9464", "127.0.0.1:65536", "[]:1"}) {
    EXPECT_THAT(errors_with_rest("[daemon]\nhttp_listen = \"" + address + "\"\n"),
                ElementsAre("t.toml:2:15: daemon.http_listen: '" + address +
                            "' is not a listen address: expected host:port, like 127.0.0.1:9464 or [::1]:9464"));
  }
  EXPECT_TRUE(errors_with_rest("[daemon]\nhttp_listen = \"metrics.internal:9464\"\n").empty());
}

TEST(ReadDaemon, ADurationWrittenAsANumberIsATypeError) {
  EXPECT_THAT(errors_with_rest("[daemon]\ncatch_up_max_age = 3\n"),
              ElementsAre("t.toml:2:20: daemon.catch_up_max_age: expected a string like \"2d\", got an integer"));
}

TEST(ReadDaemon, AMalformedDurationIsQuoted) {
  EXPECT_THAT(errors_with_rest("[daemon]\ncatch_up_max_age = \"3 days\"\n"),
              ElementsAre("t.toml:2:20: daemon.catch_up_max_age: '3 days' is not a duration: expected a whole number "
                          "and a unit, like 30s, 15m, 2h, 3d or 2w"));
}

TEST(ReadDaemon, UnknownKeySuggestsTheNearest) {
  EXPECT_THAT(errors_with_rest("[daemon]\ndatabse = \"t.db\"\n"),
              ElementsAre("t.toml:2:1: daemon.databse: unknown key 'databse' in daemon; did you mean 'database'?"));
}

TEST(ReadDaemon, TheSectionMustBeATable) {
  EXPECT_THAT(errors_with_rest("daemon = 1\n"),
              ElementsAre("t.toml:1:10: daemon: expected a table like [daemon], got an integer"));
}

}  // namespace
}  // namespace touchbase::testing
