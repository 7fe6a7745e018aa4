// The histories of every contact read at once, against what the
// per-contact reads return.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>

#include "store/store.h"
#include "tests/store/store_test_support.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using testing::at;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

class ContactHistoriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* id : {"jane", "john", "zoe", "idle"})
      ASSERT_TRUE(store_->add_contact(testing::bare_contact(id)).ok());
  }

  void touch(const std::string& contact, std::string_view when, Outcome outcome, std::string point = "") {
    ASSERT_TRUE(store_->add_touch(contact, Touch{at(when), outcome, "note " + std::string(when), point}).ok());
  }

  void remind(const std::string& contact, std::string_view due, std::string point = "") {
    Reminder r;
    r.contact_id = contact;
    r.owner = "alice";
    r.cadence = "prospect";
    r.step = 2;
    r.due_at = at(due);
    r.remind_at = r.due_at - std::chrono::minutes(15);
    r.created_at = r.remind_at;
    r.talking_point = std::move(point);
    r.why = "2nd touch";
    const std::vector<std::string> notifiers = {"alice-mail"};
    auto created = store_->create_reminder(r, notifiers);
    ASSERT_TRUE(created) << created.error().message;
    ASSERT_TRUE(created->has_value());
  }

  ContactHistories all() {
    auto histories = store_->histories_of_all_contacts();
    EXPECT_TRUE(histories) << histories.error().message;
    return histories ? std::move(*histories) : ContactHistories{};
  }

  testing::TempDir dir_;
  std::filesystem::path path_ = dir_ / "touchbase.db";
  std::unique_ptr<Store> store_ = testing::open_store(path_);
};

TEST_F(ContactHistoriesTest, AnEmptyStoreHasNoHistories) {
  auto h = all();
  EXPECT_THAT(h.touches, IsEmpty());
  EXPECT_THAT(h.reminders, IsEmpty());
  EXPECT_THAT(h.used_talking_points, IsEmpty());
}

TEST_F(ContactHistoriesTest, EachContactGetsWhatItsOwnReadsReturnInTheirOrder) {
  // Written out of order and interleaved between contacts.
  touch("zoe", "2026-11-20T10:00:00Z", Outcome::replied, "case-study");
  touch("jane", "2026-11-18T10:00:00Z", Outcome::touched, "q4-benchmark");
  touch("jane", "2026-11-02T09:00:00Z", Outcome::no_answer);
  touch("john", "2026-11-10T12:00:00Z", Outcome::meeting);
  touch("jane", "2026-11-18T10:00:00Z", Outcome::replied);  // the same instant: by the order logged
  remind("jane", "2026-11-30T16:00:00Z", "industry-report");
  remind("zoe", "2026-11-25T16:00:00Z");
  remind("jane", "2026-11-23T16:00:00Z", "q4-benchmark");  // given again: listed once, where first given

  auto h = all();
  EXPECT_THAT(h.touches, ::testing::SizeIs(3));
  EXPECT_THAT(h.reminders, ::testing::SizeIs(2));
  EXPECT_THAT(h.used_talking_points, ::testing::SizeIs(2));
  for (const std::string id : {"jane", "john", "zoe"}) {
    SCOPED_TRACE(id);
    auto touches = store_->touches(id);
    ASSERT_TRUE(touches);
    EXPECT_EQ(h.touches[id], *touches);
    auto reminders = store_->reminders(id);
    ASSERT_TRUE(reminders);
    ASSERT_EQ(h.reminders[id].size(), reminders->size());
    for (std::size_t i = 0; i < reminders->size(); ++i) {
      EXPECT_EQ(h.reminders[id][i].id, (*reminders)[i].id);
      EXPECT_EQ(h.reminders[id][i].due_at, (*reminders)[i].due_at);
      EXPECT_EQ(h.reminders[id][i].talking_point, (*reminders)[i].talking_point);
    }
    auto used = store_->used_talking_points(id);
    ASSERT_TRUE(used);
    EXPECT_EQ(h.used_talking_points[id], *used);
  }
  EXPECT_THAT(
      h.touches["jane"],
      ElementsAre(Touch{at("2026-11-02T09:00:00Z"), Outcome::no_answer, "note 2026-11-02T09:00:00Z", ""},
                  Touch{at("2026-11-18T10:00:00Z"), Outcome::touched, "note 2026-11-18T10:00:00Z", "q4-benchmark"},
                  Touch{at("2026-11-18T10:00:00Z"), Outcome::replied, "note 2026-11-18T10:00:00Z", ""}));
  ASSERT_THAT(h.reminders["jane"], ::testing::SizeIs(2));
  EXPECT_EQ(h.reminders["jane"][0].due_at, at("2026-11-23T16:00:00Z"));
  EXPECT_EQ(h.reminders["jane"][1].due_at, at("2026-11-30T16:00:00Z"));
  EXPECT_EQ(h.reminders["jane"][1].contact_id, "jane");
  EXPECT_THAT(h.used_talking_points["jane"], ElementsAre("q4-benchmark", "industry-report"));
  EXPECT_THAT(h.used_talking_points["zoe"], ElementsAre("case-study"));
}

TEST_F(ContactHistoriesTest, AContactWithoutHistoryIsAbsent) {
  touch("jane", "2026-11-02T09:00:00Z", Outcome::touched);
  auto h = all();
  EXPECT_FALSE(h.touches.contains("idle"));
  EXPECT_FALSE(h.reminders.contains("idle"));
  EXPECT_FALSE(h.used_talking_points.contains("idle"));
}

TEST_F(ContactHistoriesTest, ARemovedContactKeepsItsHistoryHere) {
  touch("john", "2026-11-10T12:00:00Z", Outcome::meeting, "case-study");
  remind("john", "2026-11-25T16:00:00Z");
  ASSERT_TRUE(store_->mark_contact_removed("john", at("2026-11-26T00:00:00Z")).ok());
  auto h = all();
  EXPECT_THAT(h.touches["john"], ::testing::SizeIs(1));
  EXPECT_THAT(h.reminders["john"], ::testing::SizeIs(1));
  EXPECT_THAT(h.used_talking_points["john"], ElementsAre("case-study"));
}

TEST_F(ContactHistoriesTest, ATouchWithAnOutcomeEditedByHandIsDataNamingTheContact) {
  touch("zoe", "2026-11-20T10:00:00Z", Outcome::touched);
  {
    SQLite::Database db(path_.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA ignore_check_constraints = ON");
    db.exec("UPDATE touches SET outcome = 'waved'");
  }
  auto h = store_->histories_of_all_contacts();
  ASSERT_FALSE(h);
  EXPECT_EQ(h.error().code, Errc::data);
  EXPECT_THAT(h.error().message, HasSubstr("'zoe'"));
  EXPECT_THAT(h.error().message, HasSubstr("'waved'"));
}

TEST_F(ContactHistoriesTest, TheHistoriesOfSomeContactsAreTheirsAloneAsInTheWholeRead) {
  touch("jane", "2026-11-18T10:00:00Z", Outcome::touched, "q4-benchmark");
  touch("john", "2026-11-10T12:00:00Z", Outcome::meeting);
  touch("zoe", "2026-11-20T10:00:00Z", Outcome::replied, "case-study");
  remind("jane", "2026-11-30T16:00:00Z", "industry-report");
  remind("zoe", "2026-11-25T16:00:00Z");
  auto whole = all();

  const std::vector<std::string> ids = {"zoe", "jane", "nobody"};
  auto some = store_->histories_of(ids);
  ASSERT_TRUE(some) << some.error().message;
  EXPECT_THAT(some->touches, ::testing::SizeIs(2));
  EXPECT_EQ(some->touches["jane"].size(), whole.touches["jane"].size());
  EXPECT_EQ(some->touches["zoe"][0].talking_point, "case-study");
  EXPECT_FALSE(some->touches.contains("john"));
  EXPECT_THAT(some->reminders, ::testing::SizeIs(2));
  EXPECT_THAT(some->used_talking_points["jane"], ElementsAre("q4-benchmark", "industry-report"));
  EXPECT_THAT(some->used_talking_points["zoe"], ElementsAre("case-study"));
  EXPECT_THAT(store_->histories_of(std::vector<std::string>{})->touches, IsEmpty());
}

TEST_F(ContactHistoriesTest, InsideAWriteTransactionTheHistoriesSeeItsOwnWrites) {
  const std::vector<std::string> ids = {"john"};
  auto body = [&]() -> Status {
    touch("john", "2026-11-10T12:00:00Z", Outcome::meeting);
    auto h = store_->histories_of(ids);
    if (!h) return h.error();
    EXPECT_THAT(h->touches["john"], ::testing::SizeIs(1));
    return {};
  };
  ASSERT_TRUE(store_->in_one_transaction(body).ok());
}

}  // namespace
}  // namespace touchbase
