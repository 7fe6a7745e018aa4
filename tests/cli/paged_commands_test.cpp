// plan, due, calendar and points read the contacts a page at a time: on a few
// thousand contacts of the plan benchmark's workload (bench/plan), what they
// print is what the whole table planned at once gives
// (tests/reminders/whole_table_follow_ups.h); and temporary runs that cannot
// be written fail the command with EX_IOERR before anything is printed.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>

#include "bench/plan/plan_workload.h"
#include "cli/app.h"
#include "exchange/icalendar.h"
#include "reminders/due_today.h"
#include "tests/reminders/whole_table_follow_ups.h"
#include "tests/testing/cli_in_process.h"
#include "tests/testing/small_disk.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {
namespace {

using namespace std::chrono_literals;

constexpr long k_contacts = 3000;

std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) out.push_back(nlohmann::json::parse(line));
  return out;
}

// Sets an environment variable for the scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* before = std::getenv(name)) before_ = before;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (before_) {
      ::setenv(name_, before_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> before_;
};

class PagedCommandsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    workload_ = new bench::PlanWorkload(bench::make_plan_workload(k_contacts));
    bench::write_plan_config(config_path(), *dir_ / "touchbase.db");
    bench::write_contacts_csv(*dir_ / "contacts.csv", *workload_);
    FakeClock clock(workload_->now);
    auto imported =
        run_touchbase_in_process({"--config", config_path(), "import", (*dir_ / "contacts.csv").string()}, clock);
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    ASSERT_TRUE(bench::log_touches(*dir_ / "touchbase.db", *workload_));
  }
  static void TearDownTestSuite() {
    delete workload_;
    delete dir_;
  }
  static std::string config_path() { return (*dir_ / "touchbase.toml").string(); }

  void SetUp() override {
    FakeClock clock(now());
    Cli cli(clock);
    cli.config_flag = config_path();
    config_ = load_validated_config(cli).value();
    store_ = open_sqlite_store(*dir_ / "touchbase.db").value();
    engine_ = std::make_unique<CadenceEngine>(config_);
  }

  Instant now() const { return workload_->now; }
  std::string now_text() const { return format_rfc3339(now()); }

  CommandResult run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--config", config_path()});
    FakeClock clock(now());
    return run_touchbase_in_process(args, clock);
  }
  FollowUps whole(Instant from, Instant until) {
    return whole_table_follow_ups(config_, *store_, *engine_, now(), from, until).value();
  }

  static TempDir* dir_;
  static bench::PlanWorkload* workload_;
  Config config_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<CadenceEngine> engine_;
};

TempDir* PagedCommandsTest::dir_ = nullptr;
bench::PlanWorkload* PagedCommandsTest::workload_ = nullptr;

TEST_F(PagedCommandsTest, PlanPrintsTheWholeTablesFollowUpsByRemindAtThenDueAtThenContact) {
  FollowUps all = whole(now(), now() + 24h * 30);
  std::vector<const FollowUp*> planned;
  for (const FollowUp& f : all.items) planned.push_back(&f);
  auto key = [&](const FollowUp* f) { return std::tie(f->remind_at, f->due_at, all.contacts[f->contact].id); };
  std::sort(planned.begin(), planned.end(), [&](auto* a, auto* b) { return key(a) < key(b); });
  std::vector<std::string> expected;
  for (const FollowUp* f : planned) {
    expected.push_back(all.contacts[f->contact].id + " " + format_rfc3339(f->remind_at) + " " +
                       format_rfc3339(f->due_at) + " " + f->owner + " " + std::to_string(f->step) + " " +
                       (f->point ? f->point->id : "-") + " " + f->bring + " / " + f->why);
  }

  auto r = run({"plan", "--now", now_text(), "--days", "30", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> printed;
  for (const auto& j : json_lines(r.out)) {
    printed.push_back(j["contact"].get<std::string>() + " " + j["remind_at"].get<std::string>() + " " +
                      j["due_at"].get<std::string>() + " " + j["owner"].get<std::string>() + " " +
                      std::to_string(j["step"].get<int>()) + " " +
                      (j["talking_point"].is_null() ? "-" : j["talking_point"].get<std::string>()) + " " +
                      j["talking_point_text"].get<std::string>() + " / " + j["why"].get<std::string>());
  }
  EXPECT_GT(expected.size(), 4000u);
  EXPECT_EQ(printed, expected);
}

TEST_F(PagedCommandsTest, DueListsWhatDueTodayListsOfTheWholeTable) {
  FollowUps all = whole(Instant::min(), now() + k_due_horizon);
  std::vector<std::string> expected;
  for (const DueItem& item : due_today(config_, all, "", now())) {
    expected.push_back(item.follow_up->owner + " " + item.contact->id + " " + format_rfc3339(item.follow_up->due_at) +
                       (item.overdue ? " overdue" : "") + (item.follow_up->reminded ? " reminded" : "") + " " +
                       item.follow_up->bring);
  }

  auto r = run({"due", "--now", now_text(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> printed;
  for (const auto& j : json_lines(r.out)) {
    printed.push_back(j["owner"].get<std::string>() + " " + j["contact"].get<std::string>() + " " +
                      j["due_at"].get<std::string>() + (j["overdue"].get<bool>() ? " overdue" : "") +
                      (j["reminded"].get<bool>() ? " reminded" : "") + " " + j["bring"].get<std::string>());
  }
  EXPECT_GT(expected.size(), 500u);
  EXPECT_EQ(printed, expected);
}

TEST_F(PagedCommandsTest, TheCalendarHoldsTheWholeTablesFollowUpsInOrder) {
  FollowUps all = whole(now() - 24h * 7, now() + 24h * 28);
  std::vector<std::string> uids;
  for (const FollowUp& f : all.items) uids.push_back(follow_up_uid(all.contacts[f.contact].id, f.due_at));

  const auto path = *dir_ / "follow-ups.ics";
  auto r = run({"calendar", path.string(), "--now", now_text()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, path.string() + ": " + std::to_string(uids.size()) + " follow-ups up to " +
                       format_rfc3339(now() + 24h * 28) + "\n");
  std::istringstream ics(read_file(path));
  std::vector<std::string> printed;
  for (std::string line; std::getline(ics, line);) {
    if (line.starts_with("UID:")) printed.push_back(line.substr(4, line.size() - 5));  // without the CR
  }
  EXPECT_GT(uids.size(), 4000u);
  EXPECT_EQ(printed, uids);
}

TEST_F(PagedCommandsTest, PointsCountsTheWholeTablesFollowUpsPerSegment) {
  FollowUps all = whole(now(), now() + 24h * 30);
  std::map<std::string, std::tuple<int, int, std::string>> expected;  // follow-ups, without a point, runs dry
  std::map<std::string, std::tuple<Instant, Instant, std::string>> first_dry;
  for (const FollowUp& f : all.items) {
    const Contact& c = all.contacts[f.contact];
    for (const std::string& tag : c.tags.empty() ? std::vector<std::string>{""} : c.tags) {
      const std::string segment = (tag.empty() ? "untagged" : tag) + " / " + (c.stage.empty() ? "any stage" : c.stage);
      auto& [follow_ups, without, dry] = expected[segment];
      ++follow_ups;
      if (f.brings != PointChoice::Kind::none) continue;
      ++without;
      const auto candidate = std::tuple(f.remind_at, f.due_at, c.id);
      if (!first_dry.contains(segment) || candidate < first_dry[segment]) {
        first_dry[segment] = candidate;
        dry = c.id;
      }
    }
  }

  auto r = run({"points", "--now", now_text(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::tuple<int, int, std::string>> printed;
  for (const auto& j : json_lines(r.out)) {
    printed[j["segment"].get<std::string>()] = {j["follow_ups"].get<int>(), j["without_point"].get<int>(),
                                                j["runs_dry_contact"].is_null() ? "" : j["runs_dry_contact"]};
  }
  EXPECT_GT(expected.size(), 3u);
  EXPECT_EQ(printed, expected);
}

TEST_F(PagedCommandsTest, RunsThatDoNotFitInTmpdirFailThePlanWithExit74NamingTheFileAndPrintNothing) {
  // Given $TMPDIR on a full tmpfs (root only) and a year's plan, more than
  // the rows kept in memory: the first run cannot be written.
  TempDir tmp;
  const SmallDisk small(tmp / "disk", "64k");
  if (!small.mounted()) GTEST_SKIP() << small.why_not();
  ASSERT_TRUE(small.fill());
  const auto& disk = small.path();
  CommandResult r;
  {
    ScopedEnv tmpdir("TMPDIR", disk.string());
    r = run({"plan", "--now", now_text(), "--days", "366", "--json"});
  }
  EXPECT_EQ(r.exit_code, 74);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("cannot write the temporary file " + (disk / "touchbase-run-").string()), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace touchbase::testing
