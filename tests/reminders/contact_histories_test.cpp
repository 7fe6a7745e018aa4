// The history rules applied to what the store read of many contacts at once:
// each contact gets what the store keeps of it, and the rules of
// scheduler/history.h (tested on their own in tests/scheduler/history_test.cpp).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>

#include "reminders/contact_histories.h"
#include "store/store.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Instant at(std::string_view text) {
  return parse_rfc3339(text).value();
}

class ContactHistoriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_sqlite_store(dir_ / "touchbase.db").value();
    for (const char* id : {"jane", "john", "zoe", "idle"}) {
      Contact c;
      c.id = id;
      c.name = id;
      ASSERT_TRUE(store_->add_contact(c).ok());
      contacts_.push_back(c);
    }
  }

  void touch(const std::string& contact, std::string_view when, Outcome outcome, std::string point = "") {
    ASSERT_TRUE(store_->add_touch(contact, Touch{at(when), outcome, "", std::move(point)}).ok());
  }

  // A reminder due at `due`, made at `created`, carrying `point`.
  void remind(const std::string& contact, std::string_view due, std::string_view created, std::string point = "") {
    Reminder r;
    r.contact_id = contact;
    r.owner = "alice";
    r.cadence = "prospect";
    r.step = 2;
    r.due_at = at(due);
    r.remind_at = r.due_at - std::chrono::minutes(15);
    r.created_at = at(created);
    r.talking_point = std::move(point);
    r.why = "2nd touch";
    const std::vector<std::string> notifiers = {"console"};
    auto created_reminder = store_->create_reminder(r, notifiers);
    ASSERT_TRUE(created_reminder) << created_reminder.error().message;
  }

  ContactHistories all() {
    auto histories = store_->histories_of_all_contacts();
    EXPECT_TRUE(histories) << histories.error().message;
    return histories ? std::move(*histories) : ContactHistories{};
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  std::vector<Contact> contacts_;
};

// jane: a reminder answered by a later touch, one not answered, one made late;
// john: reminders and no touch; zoe: touches with points only; idle: nothing.
TEST_F(ContactHistoriesTest, EveryContactGetsWhatTheStoreKeepsOfIt) {
  touch("jane", "2026-11-02T09:00:00Z", Outcome::touched, "q4-benchmark");
  remind("jane", "2026-11-04T16:00:00Z", "2026-11-04T15:45:00Z", "case-study");
  touch("jane", "2026-11-04T16:05:00Z", Outcome::no_answer);
  remind("jane", "2026-11-06T16:00:00Z", "2026-11-06T15:45:00Z", "industry-report");
  remind("jane", "2026-11-08T16:00:00Z", "2026-11-09T08:00:00Z");
  remind("john", "2026-11-05T10:00:00Z", "2026-11-05T09:45:00Z");
  touch("zoe", "2026-11-03T11:00:00Z", Outcome::replied, "case-study");
  const ContactHistories histories = all();
  for (const Contact& c : contacts_) {
    SCOPED_TRACE(c.id);
    const StoredHistory h = stored_history(histories, c.id);
    EXPECT_EQ(std::vector<Touch>(h.touches.begin(), h.touches.end()), store_->touches(c.id).value());
    const auto reminders = store_->reminders(c.id).value();
    ASSERT_EQ(h.reminders.size(), reminders.size());
    for (std::size_t i = 0; i < reminders.size(); ++i) EXPECT_EQ(h.reminders[i].id, reminders[i].id);
    EXPECT_EQ(std::vector<std::string>(h.used_talking_points.begin(), h.used_talking_points.end()),
              store_->used_talking_points(c.id).value());
  }
  EXPECT_THAT(stored_history(histories, "jane").used_talking_points,
              ElementsAre("q4-benchmark", "case-study", "industry-report"));
}

TEST_F(ContactHistoriesTest, UnansweredRemindersJoinTheEngineHistoryAsAssumedTouches) {
  touch("jane", "2026-11-02T09:00:00Z", Outcome::touched);
  remind("jane", "2026-11-04T16:00:00Z", "2026-11-04T15:45:00Z", "case-study");
  remind("jane", "2026-11-06T16:00:00Z", "2026-11-07T08:00:00Z");  // made late: assumed done when made
  const ContactHistories histories = all();
  EXPECT_THAT(
      engine_history(histories, "jane"),
      ElementsAre(Touch{at("2026-11-02T09:00:00Z"), Outcome::touched, "", ""},
                  Touch{at("2026-11-04T16:00:00Z"), Outcome::no_answer, "assumed done when reminded", "case-study"},
                  Touch{at("2026-11-07T08:00:00Z"), Outcome::no_answer, "assumed done when reminded", ""}));
  EXPECT_TRUE(point_history(histories, "jane").next_step_brought);
  EXPECT_THAT(point_history(histories, "jane").used, ElementsAre("case-study"));
}

TEST_F(ContactHistoriesTest, OnlyTheFirstOpenReminderWithoutAPointBringsTheNextStepUp) {
  touch("jane", "2026-11-02T09:00:00Z", Outcome::touched);
  remind("jane", "2026-11-04T16:00:00Z", "2026-11-04T15:45:00Z");
  remind("jane", "2026-11-06T16:00:00Z", "2026-11-06T15:45:00Z");
  const ContactHistories histories = all();
  const auto reminders = stored_history(histories, "jane").reminders;
  ASSERT_EQ(reminders.size(), 2u);
  const ReminderFacts first = reminder_facts(histories, reminders[0]);
  EXPECT_TRUE(first.brings_next_step);
  EXPECT_THAT(first.touches, ElementsAre(Touch{at("2026-11-02T09:00:00Z"), Outcome::touched, "", ""}));
  EXPECT_FALSE(reminder_facts(histories, reminders[1]).brings_next_step);
}

TEST_F(ContactHistoriesTest, AContactWithNothingStoredHasEmptyHistories) {
  touch("jane", "2026-11-02T09:00:00Z", Outcome::touched);
  const ContactHistories histories = all();
  EXPECT_THAT(engine_history(histories, "idle"), IsEmpty());
  const PointHistory h = point_history(histories, "idle");
  EXPECT_THAT(h.touches, IsEmpty());
  EXPECT_THAT(h.used, IsEmpty());
  EXPECT_FALSE(h.next_step_brought);
}

}  // namespace
}  // namespace touchbase::testing
