// A contact the engine cannot decide (a time zone the system no longer
// knows) or whose row does not read, written straight into the database:
// the pass leaves it out, says so once, counts it, and reminds the others.
#include <SQLiteCpp/Database.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

#include "tests/testing/daemon_fixture.h"

namespace touchbase::testing {
namespace {

using namespace std::chrono_literals;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

int occurrences(const std::string& text, std::string_view part) {
  int n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

class SkippedContactsTest : public DaemonFixture {
 protected:
  SkippedContactsTest() {
    previous_ = spdlog::default_logger();
    spdlog::set_default_logger(
        std::make_shared<spdlog::logger>("test", std::make_shared<spdlog::sinks::ostream_sink_mt>(log_)));
    daemon_ = std::make_unique<Daemon>(io_, config_, *faulty_, clock_, notifiers_, metrics_);
  }
  ~SkippedContactsTest() override { spdlog::set_default_logger(previous_); }

  // As a person with the sqlite3 shell would, or a tzdata upgrade that moved a zone out.
  void write_by_hand(const std::string& sql) {
    SQLite::Database db((dir_ / "touchbase.db").string(), SQLite::OPEN_READWRITE);
    db.exec(sql);
  }

  void add_bad_contacts() {
    contact("ann", "Ann");
    contact("mars", "Marvin");
    contact("broken", "Bo Roken");
    contact("zed", "Zed");
    write_by_hand("UPDATE contacts SET timezone = 'Mars/Olympus' WHERE id = 'mars'");
    write_by_hand("UPDATE contacts SET contact_window = 'someday' WHERE id = 'broken'");
  }

  std::ostringstream log_;
  std::shared_ptr<spdlog::logger> previous_;
  Metrics metrics_{clock_.now(), "touchbase.toml"};
};

TEST_F(SkippedContactsTest, AnUnknownZoneAndAnUnreadableRowAreLeftOutAndTheOthersAreReminded) {
  add_bad_contacts();
  pass();
  EXPECT_THAT(delivered_ids(), UnorderedElementsAre("ann", "zed"));
  EXPECT_THAT(log_.str(), HasSubstr("contact mars is skipped until it is fixed, the others go on: its time zone "
                                    "'Mars/Olympus' is not in this system's time zone database"));
  EXPECT_THAT(log_.str(), HasSubstr("contact broken is skipped until it is fixed, the others go on: its window "
                                    "'someday' in the database does not read"));
}

TEST_F(SkippedContactsTest, EachSkipIsLoggedOnceNotAtEveryPass) {
  add_bad_contacts();
  for (int i = 0; i < 3; ++i) {
    pass();
    clock_.advance(1min);
  }
  EXPECT_EQ(occurrences(log_.str(), "contact mars is skipped"), 1) << log_.str();
  EXPECT_EQ(occurrences(log_.str(), "contact broken is skipped"), 1) << log_.str();
}

TEST_F(SkippedContactsTest, TheSkippedContactsAreCountedInMetricsAndStatus) {
  add_bad_contacts();
  pass();
  const StoreFigures figures = read_store_figures(*store_).value();
  EXPECT_THAT(metrics_.prometheus_text(figures), HasSubstr("\ntouchbase_contacts_skipped 2\n"));
  const nlohmann::json status = metrics_.status_json(figures, clock_.now());
  ASSERT_EQ(status["skipped_contacts"].size(), 2u) << status.dump();
  EXPECT_EQ(status["skipped_contacts"][0]["contact"], "broken");
  EXPECT_EQ(status["skipped_contacts"][1]["contact"], "mars");
  EXPECT_THAT(status["skipped_contacts"][1]["why"].get<std::string>(), HasSubstr("'Mars/Olympus'"));
}

TEST_F(SkippedContactsTest, AContactFixedIsNoLongerCounted) {
  add_bad_contacts();
  pass();
  write_by_hand("UPDATE contacts SET timezone = 'America/Chicago' WHERE id = 'mars'");
  clock_.advance(1min);
  pass();
  EXPECT_THAT(delivered_ids(), ::testing::Contains("mars"));
  const nlohmann::json status = metrics_.status_json(read_store_figures(*store_).value(), clock_.now());
  ASSERT_EQ(status["skipped_contacts"].size(), 1u) << status.dump();
  EXPECT_EQ(status["skipped_contacts"][0]["contact"], "broken");
}

TEST_F(SkippedContactsTest, AStoredReminderOfAContactWhoseZoneWentAwayIsStillDelivered) {
  // Made before the tz database lost the zone, and delivered after: its message reads the default zone.
  contact("mars", "Marvin");
  Reminder r;
  r.contact_id = "mars";
  r.owner = "alice";
  r.cadence = "prospect";
  r.due_at = r.remind_at = r.created_at = clock_.now();
  const std::vector<std::string> primary = {"primary"};
  ASSERT_TRUE(store_->create_reminder(r, primary).ok());
  write_by_hand("UPDATE contacts SET timezone = 'Mars/Olympus' WHERE id = 'mars'");
  pass();
  EXPECT_THAT(delivered_ids(), ElementsAre("mars"));
}

}  // namespace
}  // namespace touchbase::testing
