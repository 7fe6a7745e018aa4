// The real binary on a database holding a contact whose time zone the system
// no longer knows and one whose row does not read, written by hand beside
// good contacts: every command goes on with the good ones and names the
// others on stderr; `run --once` reminds the good ones and exits 0.
#include <SQLiteCpp/Database.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/testing/daemon_fixture.h"
#include "tests/testing/run_command.h"

namespace touchbase::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

int occurrences(const std::string& text, std::string_view part) {
  int n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

class SkippedContactsBinaryTest : public ::testing::Test {
 protected:
  SkippedContactsBinaryTest() {
    config_ = dir_.write("touchbase.toml",
                         "[daemon]\ndatabase = \"state/touchbase.db\"\n" + std::string(k_daemon_test_config));
    for (auto [id, name] :
         {std::pair{"ann", "Ann Able"}, {"mars", "Marvin Mars"}, {"broken", "Bo Roken"}, {"zed", "Zed Zeta"}}) {
      EXPECT_EQ(touchbase({"contact", "add", id, "--name", name}).exit_code, 0);
    }
    // A tzdata upgrade moved the zone out; someone edited the row with the sqlite3 shell.
    SQLite::Database db((dir_ / "state/touchbase.db").string(), SQLite::OPEN_READWRITE);
    db.exec("UPDATE contacts SET timezone = 'Mars/Olympus' WHERE id = 'mars'");
    db.exec("UPDATE contacts SET contact_window = 'someday' WHERE id = 'broken'");
  }
  CommandResult touchbase(std::vector<std::string> args) {
    args.insert(args.begin(), {"--config", config_.string()});
    return run_touchbase(args, dir_.path());
  }
  static void expect_both_named(const std::string& err) {
    EXPECT_THAT(err, HasSubstr("contact mars is left out: its time zone 'Mars/Olympus' is not in this system's "
                               "time zone database"));
    EXPECT_THAT(err, HasSubstr("contact broken is left out: its window 'someday' in the database does not read"));
  }

  TempDir dir_;
  std::filesystem::path config_;
};

TEST_F(SkippedContactsBinaryTest, RunOnceRemindsTheGoodContactsExitsZeroAndLogsEachSkipOnce) {
  auto r = touchbase({"run", "--once"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Ann Able"));
  EXPECT_THAT(r.out, HasSubstr("Zed Zeta"));
  EXPECT_THAT(r.out, Not(HasSubstr("Marvin Mars")));
  EXPECT_THAT(r.out, Not(HasSubstr("Bo Roken")));
  EXPECT_EQ(occurrences(r.err, "contact mars is skipped until it is fixed"), 1) << r.err;
  EXPECT_EQ(occurrences(r.err, "contact broken is skipped until it is fixed"), 1) << r.err;
}

TEST_F(SkippedContactsBinaryTest, DueAndPlanAsJsonGoOnWithTheOthersAndWarn) {
  auto due = touchbase({"due", "--json"});
  EXPECT_EQ(due.exit_code, 0) << due.err;
  EXPECT_THAT(due.out, HasSubstr("\"contact\":\"ann\""));
  EXPECT_THAT(due.out, HasSubstr("\"contact\":\"zed\""));
  expect_both_named(due.err);

  auto plan = touchbase({"plan", "--json"});
  EXPECT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_THAT(plan.out, HasSubstr("\"contact\":\"ann\""));
  EXPECT_THAT(plan.out, Not(HasSubstr("\"contact\":\"mars\"")));
  expect_both_named(plan.err);
  EXPECT_EQ(occurrences(plan.err, "contact broken is left out"), 1) << plan.err;
}

TEST_F(SkippedContactsBinaryTest, ListingsAndExportsLeaveOutOnlyTheRowThatDoesNotRead) {
  auto list = touchbase({"contact", "list", "--json"});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_THAT(list.out, HasSubstr("\"mars\""));
  EXPECT_THAT(list.out, Not(HasSubstr("\"broken\"")));
  EXPECT_THAT(list.err, HasSubstr("contact broken is left out"));

  auto exported = touchbase({"export", "--format", "json", "--output", (dir_ / "out.json").string()});
  EXPECT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_THAT(exported.err, HasSubstr("contact broken is left out"));

  for (auto cmd :
       {std::vector<std::string>{"calendar", (dir_ / "f.ics").string()}, std::vector<std::string>{"points"}}) {
    auto r = touchbase(cmd);
    EXPECT_EQ(r.exit_code, 0) << cmd[0] << ": " << r.err;
    expect_both_named(r.err);
  }
}

TEST_F(SkippedContactsBinaryTest, ShowingTheUnreadableContactSaysWhyItCannotBeRead) {
  auto show = touchbase({"contact", "show", "broken"});
  EXPECT_EQ(show.exit_code, 65);
  EXPECT_THAT(show.err, HasSubstr("contact 'broken' cannot be read: its window 'someday'"));
  EXPECT_EQ(touchbase({"contact", "show", "mars"}).exit_code, 0);
}

}  // namespace
}  // namespace touchbase::testing
