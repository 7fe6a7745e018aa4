// The touchbase binary as a user runs it: exit codes, messages, effects.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/testing/daemon_fixture.h"
#include "tests/testing/run_command.h"

namespace touchbase::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class CliTest : public ::testing::Test {
 protected:
  CliTest() {
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

TEST_F(CliTest, VersionAndHelpExitZero) {
  auto version = touchbase({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_THAT(version.out, HasSubstr("touchbase " TOUCHBASE_VERSION));
  auto help = touchbase({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* sub : {"run", "check", "contact", "import"}) EXPECT_THAT(help.out, HasSubstr(sub));
}

TEST_F(CliTest, AnUnknownSubcommandIsAUsageError) {
  EXPECT_EQ(touchbase({"frobnicate"}).exit_code, 64);
  EXPECT_EQ(touchbase({"contact", "add", "x"}).exit_code, 64);  // --name is required
}

TEST_F(CliTest, CheckSummarizesAValidConfig) {
  auto r = touchbase({"check"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("OK"));
  EXPECT_THAT(r.out, HasSubstr("alice"));
  EXPECT_THAT(r.out, HasSubstr("prospect"));
}

TEST_F(CliTest, CheckReportsEveryConfigErrorWithItsPositionAndExits78) {
  auto bad = dir_.write("bad.toml", "[defaults]\ntimezone = \"Mars/Base\"\n[cadences.prospect]\nstpes = [\"2d\"]\n");
  auto r = run_touchbase({"--config", bad.string(), "check"}, dir_.path());
  EXPECT_EQ(r.exit_code, 78);
  EXPECT_THAT(r.err, HasSubstr("bad.toml:2:12"));
  EXPECT_THAT(r.err, HasSubstr("Mars/Base"));
  EXPECT_THAT(r.err, HasSubstr("bad.toml:4:1"));
  EXPECT_THAT(r.err, HasSubstr("did you mean 'steps'?"));
}

TEST_F(CliTest, AMissingConfigIsAConfigurationError) {
  auto r = run_touchbase({"--config", (dir_ / "nope.toml").string(), "check"}, dir_.path());
  EXPECT_EQ(r.exit_code, 78);
  EXPECT_THAT(r.err, HasSubstr("nope.toml"));
}

TEST_F(CliTest, ContactAddThenShowAndList) {
  auto add = touchbase({"contact", "add", "jane", "--name", "Jane Doe", "--company", "Acme GmbH", "--timezone",
                        "Europe/Berlin", "--region", "de-be", "--window", "tue-thu 16:00-17:30", "--tags",
                        "fintech,saas", "--value", "48000"});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  auto show = touchbase({"contact", "show", "jane", "--json"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  auto j = nlohmann::json::parse(show.out);
  EXPECT_EQ(j["name"], "Jane Doe");
  EXPECT_EQ(j["window"], "tue-thu 16:00-17:30");
  EXPECT_EQ(j["region"], "DE-BE");
  EXPECT_EQ(j["tags"], nlohmann::json({"fintech", "saas"}));
  EXPECT_EQ(j["value"], 48000.0);
  EXPECT_THAT(touchbase({"contact", "show", "jane"}).out, HasSubstr("\nregion:         DE-BE\n"));
  ASSERT_EQ(touchbase({"contact", "edit", "jane", "--region", ""}).exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(touchbase({"contact", "show", "jane", "--json"}).out)["region"], "");
  auto list = touchbase({"contact", "list"});
  EXPECT_THAT(list.out, HasSubstr("Acme GmbH"));
}

TEST_F(CliTest, ContactAddRejectsBadValuesNamingTheFlag) {
  auto r = touchbase({"contact", "add", "x", "--name", "X", "--timezone", "Mars/Base"});
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_THAT(r.err, HasSubstr("--timezone: 'Mars/Base' is not a known IANA time zone"));
  auto region = touchbase({"contact", "add", "x", "--name", "X", "--region", "New York"});
  EXPECT_EQ(region.exit_code, 65);
  EXPECT_THAT(region.err, HasSubstr("--region: 'New York' is not a region: expected an ISO 3166-2 code like US, "
                                    "US-NY or DE-BE"));
  auto dup1 = touchbase({"contact", "add", "x", "--name", "X"});
  auto dup2 = touchbase({"contact", "add", "x", "--name", "X"});
  EXPECT_EQ(dup1.exit_code, 0);
  EXPECT_EQ(dup2.exit_code, 65);
  EXPECT_EQ(touchbase({"contact", "show", "ghost"}).exit_code, 66);
}

TEST_F(CliTest, ImportWithABadRowImportsNothingAndNamesTheRow) {
  auto csv = dir_.write("contacts.csv", "id,name,timezone\nok,Fine,Europe/Berlin\nbad,Broken,Mars/Base\n");
  auto r = touchbase({"import", csv.string()});
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_THAT(r.err, HasSubstr("contacts.csv: row 3, column 'timezone'"));
  auto list = touchbase({"contact", "list", "--json"});
  EXPECT_THAT(list.out, Not(HasSubstr("\"ok\"")));
}

TEST_F(CliTest, ImportDryRunWritesNothingAndARealImportWritesAll) {
  auto csv = dir_.write("contacts.csv", "id,name\na,Ann\nb,Ben\n");
  auto dry = touchbase({"import", "--dry-run", csv.string()});
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_THAT(dry.out, HasSubstr("2 contacts are valid"));
  EXPECT_EQ(touchbase({"contact", "list", "--json"}).out, "");
  EXPECT_EQ(touchbase({"import", csv.string()}).exit_code, 0);
  auto list = touchbase({"contact", "list", "--json"});
  EXPECT_THAT(list.out, HasSubstr("\"Ann\""));
  EXPECT_THAT(list.out, HasSubstr("\"Ben\""));
}

TEST_F(CliTest, ImportOfAMissingFileExits66) {
  EXPECT_EQ(touchbase({"import", "missing.csv"}).exit_code, 66);
}

TEST_F(CliTest, RunOnceRemindsTheContactsThatAreDueOnTheConsole) {
  auto csv = dir_.write("contacts.csv",
                        "id,name,company,last_touch\nnew,Nina New,Acme,\nlater,Lou Later,Initech,2099-01-01\n");
  ASSERT_EQ(touchbase({"import", csv.string()}).exit_code, 0);
  auto r = touchbase({"run", "--once"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Follow up with Nina New (Acme)"));
  EXPECT_THAT(r.out, HasSubstr("Share the onboarding benchmark"));
  EXPECT_THAT(r.out, Not(HasSubstr("Lou Later")));
  auto again = touchbase({"run", "--once"});
  EXPECT_THAT(again.out, Not(HasSubstr("Nina New")));  // reminded once
}

TEST_F(CliTest, PlanJsonShowsEachFollowUpInOrderAndChangesNothing) {
  // Given a new contact on a 2-day cadence, the plan shows touches 1, 2, 3
  // two days apart, the first carrying the library's only talking point.
  ASSERT_EQ(touchbase({"contact", "add", "new", "--name", "Nina New"}).exit_code, 0);
  auto r = touchbase({"plan", "--json", "--now", "2026-11-23T10:00:00Z", "--days", "5"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<nlohmann::json> rows;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) rows.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(rows.size(), 3u) << r.out;
  const char* due[] = {"2026-11-23T10:00:00Z", "2026-11-25T10:00:00Z", "2026-11-27T10:00:00Z"};
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(rows[i]["contact"], "new");
    EXPECT_EQ(rows[i]["owner"], "alice");
    EXPECT_EQ(rows[i]["cadence"], "prospect");
    EXPECT_EQ(rows[i]["step"], i + 1);
    EXPECT_EQ(rows[i]["due_at"], due[i]);
    EXPECT_FALSE(rows[i]["why"].get<std::string>().empty());
  }
  EXPECT_EQ(rows[1]["due_local"], "2026-11-25T11:00:00+01:00");
  EXPECT_EQ(rows[1]["remind_at"], "2026-11-25T09:45:00Z");
  EXPECT_EQ(rows[0]["talking_point"], "benchmark");
  EXPECT_TRUE(rows[1]["talking_point"].is_null());

  auto run = touchbase({"run", "--once"});  // planning consumed nothing
  EXPECT_THAT(run.out, HasSubstr("Nina New"));
}

TEST_F(CliTest, PlanRejectsABadNowAndAnUnknownContact) {
  EXPECT_EQ(touchbase({"plan", "--now", "tomorrow"}).exit_code, 64);
  EXPECT_EQ(touchbase({"plan", "--contact", "ghost"}).exit_code, 66);
}

}  // namespace
}  // namespace touchbase::testing
