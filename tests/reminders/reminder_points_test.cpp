// The talking points the daemon's reminders carry: chosen, recorded, never
// repeated; and what happens when the library runs dry, in both modes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>

#include <boost/asio/io_context.hpp>

#include "config/load_config.h"
#include "service/daemon.h"
#include "tests/testing/recording_notifier.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Whole-week windows: a follow-up is due exactly one 2-day gap after the last touch.
std::string config_text(std::string_view points, bool require_point) {
  return std::string(R"(
[defaults]
timezone = "Europe/Berlin"
contact_window = { days = "mon-sun", hours = "00:00-24:00" }
lead_time = "15m"

[owners.alice]
name = "Alice Moreno"
timezone = "Europe/Berlin"
working_hours = { days = "mon-sun", hours = "00:00-24:00" }
notify = ["primary", "backup"]

[notifiers.primary]
kind = "console"

[notifiers.backup]
kind = "console"

[cadences.prospect]
steps = ["2d"]
repeat = true
require_talking_point = )") +
         (require_point ? "true" : "false") + "\n\n" + std::string(points);
}

constexpr std::string_view k_two_points = R"(
[[talking_points]]
id = "generic"
text = "Ask how the pilot went"

[[talking_points]]
id = "fintech-news"
text = "Hi {first_name}: the {company} board will like the new audit log"
link = "https://example.com/audit"
tags = ["fintech"]
)";

constexpr std::string_view k_third_point = R"(
[[talking_points]]
id = "webinar"
text = "Invite {first_name} to the December webinar"
)";

class ReminderPointsTest : public ::testing::Test {
 protected:
  ReminderPointsTest() : clock_(parse_rfc3339("2026-11-23T10:00:00Z").value()) {}

  // Starts (or restarts, on the same database) the daemon with `text` as its config.
  void start(const std::string& text) {
    daemon_.reset();
    store_.reset();
    auto loaded = load_config_text(text, "reminder-points.toml", clock_.now());
    ASSERT_TRUE(loaded.ok()) << loaded.error().front().to_string();
    config_ = std::make_unique<Config>(std::move(loaded).value());
    store_ = open_sqlite_store(dir_ / "touchbase.db").value();
    notifiers_ = NotifierSet();
    auto primary = std::make_unique<RecordingNotifier>();
    primary_ = primary.get();
    notifiers_.add("primary", std::move(primary));
    notifiers_.add("backup", std::make_unique<RecordingNotifier>());
    daemon_ = std::make_unique<Daemon>(io_, *config_, *store_, clock_, notifiers_);
  }

  void add_jane(std::function<void(Contact&)> edit = {}) {
    Contact c;
    c.id = "jane";
    c.name = "Jane Doe";
    c.company = "Acme";
    c.tags = {"fintech"};
    c.stage = "proposal";
    if (edit) edit(c);
    ASSERT_TRUE(store_->add_contact(c).ok());
  }

  void pass() {
    auto wake = daemon_->pass();
    ASSERT_TRUE(wake.ok()) << wake.error().message;
    io_.poll();
    io_.restart();
  }

  // Passes every 2 days from now, `count` times.
  void passes(int count) {
    for (int i = 0; i < count; ++i) {
      if (i > 0) clock_.advance(std::chrono::days(2));
      pass();
    }
  }

  std::vector<std::string> points_given() {
    std::vector<std::string> out;
    const std::vector<Reminder> reminders = store_->reminders("jane").value();
    for (const Reminder& r : reminders) out.push_back(r.talking_point);
    return out;
  }

  std::vector<std::string> delivered_points() const {
    std::vector<std::string> out;
    for (const auto& m : primary_->delivered) out.push_back(m.talking_point + " | " + m.talking_point_link);
    return out;
  }

  TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<Config> config_;
  std::unique_ptr<Store> store_;
  NotifierSet notifiers_;
  RecordingNotifier* primary_ = nullptr;
  boost::asio::io_context io_;
  std::unique_ptr<Daemon> daemon_;
};

TEST_F(ReminderPointsTest, EachReminderCarriesTheBestFreshPointFilledInAndNeverRepeatsOne) {
  start(config_text(k_two_points, false));
  add_jane();
  passes(3);
  EXPECT_THAT(points_given(), ElementsAre("fintech-news", "generic", ""));
  EXPECT_THAT(delivered_points(),
              ElementsAre("Hi Jane: the Acme board will like the new audit log | https://example.com/audit",
                          "Ask how the pilot went | ",
                          "No fresh talking point for fintech / proposal — add one to the library | "));
  EXPECT_THAT(store_->used_talking_points("jane").value(), ElementsAre("fintech-news", "generic"));
}

TEST_F(ReminderPointsTest, TheAgreedNextStepLeadsTheFirstReminderAfterTheTouchOnly) {
  start(config_text(k_two_points, false));
  add_jane([](Contact& c) { c.next_step = {"send the pricing deck", std::nullopt}; });
  passes(2);
  EXPECT_THAT(points_given(), ElementsAre("", "fintech-news"));
  ASSERT_EQ(primary_->delivered.size(), 2u);
  EXPECT_EQ(primary_->delivered[0].talking_point, "You promised to send the pricing deck");
  EXPECT_EQ(primary_->delivered[0].next_step, "");  // said once, as the talking point
  EXPECT_EQ(primary_->delivered[1].talking_point, "Hi Jane: the Acme board will like the new audit log");
  EXPECT_EQ(primary_->delivered[1].next_step, "send the pricing deck");
}

TEST_F(ReminderPointsTest, ATouchLoggedWithAPointRecordsItSoItIsNotGivenAgain) {
  start(config_text(k_two_points, false));
  add_jane();
  pass();
  Contact jane = store_->find_contact("jane").value().value();
  ASSERT_TRUE(store_->log_touch(jane, Touch{clock_.now(), Outcome::touched, "sent it", "generic"}).ok());
  clock_.advance(std::chrono::days(2));
  pass();
  EXPECT_THAT(points_given(), ElementsAre("fintech-news", ""));
  EXPECT_THAT(store_->used_talking_points("jane").value(), ElementsAre("fintech-news", "generic"));
}

TEST_F(ReminderPointsTest, WithARequiredPointTheFollowUpWaitsAndTheOwnerIsToldOnceUntilAReloadAddsOne) {
  start(config_text(k_two_points, true));
  add_jane();
  passes(3);  // two reminders with points, then the library is dry for Jane
  EXPECT_THAT(points_given(), ElementsAre("fintech-news", "generic"));
  ASSERT_EQ(primary_->delivered.size(), 3u);
  const ReminderMessage& notice = primary_->delivered[2];
  EXPECT_EQ(notice.headline, "No fresh talking point for fintech / proposal");
  EXPECT_EQ(notice.why,
            "The follow-up with Jane Doe (touch 3 of prospect) waits: prospect requires a talking point and none "
            "fits that Jane Doe has not been given yet. Add a [[talking_points]] entry with tags = [\"fintech\"] and "
            "stages = [\"proposal\"] and reload touchbase; the waiting follow-ups then go out.");
  ASSERT_EQ(store_->dry_segments().value().size(), 1u);

  // Later passes, and a restart, neither remind nor tell again.
  clock_.advance(std::chrono::hours(1));
  pass();
  start(config_text(k_two_points, true));
  clock_.advance(std::chrono::hours(1));
  pass();
  EXPECT_THAT(points_given(), ElementsAre("fintech-news", "generic"));
  EXPECT_THAT(primary_->delivered, IsEmpty());

  // A reload with a new point releases the follow-up, late, and ends the dry spell.
  start(config_text(std::string(k_two_points) + std::string(k_third_point), true));
  pass();
  EXPECT_THAT(points_given(), ElementsAre("fintech-news", "generic", "webinar"));
  ASSERT_EQ(primary_->delivered.size(), 1u);
  EXPECT_EQ(primary_->delivered[0].talking_point, "Invite Jane to the December webinar");
  EXPECT_TRUE(primary_->delivered[0].late);
  EXPECT_THAT(store_->dry_segments().value(), IsEmpty());
}

TEST_F(ReminderPointsTest, AFollowUpWaitingForAPointTakesNoPlaceInTheOwnersDay) {
  // Given a daily limit of one, and a bigger deal whose segment has no point.
  std::string text = config_text(R"(
[[talking_points]]
id = "fintech-news"
text = "The new audit log"
tags = ["fintech"]
)",
                                 true);
  const std::string anchor = "name = \"Alice Moreno\"\n";
  text.insert(text.find(anchor) + anchor.size(), "daily_limit = 1\n");
  start(text);
  add_jane([](Contact& c) { c.value = 100; });
  Contact rob;
  rob.id = "rob";
  rob.name = "Rob Roe";
  rob.tags = {"retail"};
  rob.value = 900;
  ASSERT_TRUE(store_->add_contact(rob).ok());

  pass();

  EXPECT_THAT(points_given(), ElementsAre("fintech-news"));
  EXPECT_THAT(store_->reminders("rob").value(), IsEmpty());
  ASSERT_EQ(primary_->delivered.size(), 2u);
  EXPECT_EQ(primary_->delivered[0].headline, "No fresh talking point for retail / any stage");
  EXPECT_EQ(primary_->delivered[1].contact_id, "jane");
}

TEST_F(ReminderPointsTest, AfterADrySpellEndsTheNextOneIsToldAgain) {
  start(config_text("", true));
  add_jane();
  pass();
  ASSERT_EQ(primary_->delivered.size(), 1u);
  EXPECT_EQ(primary_->delivered[0].headline, "No fresh talking point for fintech / proposal");
  start(config_text(k_third_point, true));
  pass();
  EXPECT_THAT(points_given(), ElementsAre("webinar"));
  start(config_text(k_third_point, true));
  clock_.advance(std::chrono::days(2));
  pass();
  ASSERT_EQ(primary_->delivered.size(), 1u);  // a new spell: told again
  EXPECT_EQ(primary_->delivered[0].headline, "No fresh talking point for fintech / proposal");
  EXPECT_THAT(points_given(), ElementsAre("webinar"));
}

}  // namespace
}  // namespace touchbase::testing
