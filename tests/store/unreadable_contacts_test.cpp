// Contact rows that do not read back (a value written by hand, or by a
// version that wrote what this one cannot read): left out of listings and
// told to the observer, while every other contact reads as before.

#include <SQLiteCpp/Database.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/store.h"
#include "tests/store/store_test_support.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using testing::bare_contact;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> ids_of(const std::vector<Contact>& contacts) {
  std::vector<std::string> out;
  for (const Contact& c : contacts) out.push_back(c.id);
  return out;
}

class UnreadableContactsTest : public ::testing::Test {
 protected:
  UnreadableContactsTest() {
    for (const char* id : {"a", "b", "c", "d", "e"}) EXPECT_TRUE(store_->add_contact(bare_contact(id)).ok());
    store_->on_unreadable_contact([this](const SkippedContact& c) { told_.push_back(c); });
  }

  // Writes `sql` through a connection of its own, as a person with the sqlite3 shell would.
  void write_by_hand(const std::string& sql) {
    SQLite::Database db(path_.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA ignore_check_constraints = ON");
    db.exec(sql);
  }

  testing::TempDir dir_;
  std::filesystem::path path_ = dir_ / "touchbase.db";
  std::unique_ptr<Store> store_ = testing::open_store(path_);
  std::vector<SkippedContact> told_;
};

TEST_F(UnreadableContactsTest, ARowWithABadWindowIsLeftOutOfTheListAndToldWithItsColumnAndValue) {
  write_by_hand("UPDATE contacts SET contact_window = 'someday' WHERE id = 'b'");
  auto all = store_->list_contacts();
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_THAT(ids_of(*all), ElementsAre("a", "c", "d", "e"));
  ASSERT_EQ(told_.size(), 1u);
  EXPECT_EQ(told_[0].id, "b");
  EXPECT_THAT(told_[0].why, HasSubstr("its window 'someday' in the database does not read"));
}

TEST_F(UnreadableContactsTest, ABadStatusOrNextStepDateIsLeftOutOfFindContacts) {
  write_by_hand("UPDATE contacts SET status = 'asleep' WHERE id = 'a'");
  write_by_hand("UPDATE contacts SET next_step_date = '2026-02-30' WHERE id = 'c'");
  const std::vector<std::string> wanted = {"a", "b", "c"};
  auto found = store_->find_contacts(wanted);
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_THAT(ids_of(*found), ElementsAre("b"));
  ASSERT_EQ(told_.size(), 2u);
  EXPECT_THAT(told_[0].why, HasSubstr("status 'asleep'"));
  EXPECT_THAT(told_[1].why, HasSubstr("next step date '2026-02-30'"));
}

TEST_F(UnreadableContactsTest, APageStillFillsUpWhenARowInItDoesNotRead) {
  // A shorter page would tell the caller that no contact follows.
  write_by_hand("UPDATE contacts SET contact_window = 'never' WHERE id = 'b'");
  auto first = store_->list_contacts_after("", 2);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_THAT(ids_of(*first), ElementsAre("a", "c"));
  auto second = store_->list_contacts_after("c", 2);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_THAT(ids_of(*second), ElementsAre("d", "e"));
}

TEST_F(UnreadableContactsTest, FindingTheContactItselfFailsNamingItAndWhy) {
  write_by_hand("UPDATE contacts SET contact_window = 'someday' WHERE id = 'b'");
  auto found = store_->find_contact("b");
  ASSERT_FALSE(found);
  EXPECT_EQ(found.error().code, Errc::data);
  EXPECT_THAT(found.error().message, HasSubstr("contact 'b' cannot be read: its window 'someday'"));
}

TEST_F(UnreadableContactsTest, WithoutAnObserverTheRowIsStillLeftOut) {
  store_->on_unreadable_contact({});
  write_by_hand("UPDATE contacts SET contact_window = 'someday' WHERE id = 'b'");
  auto all = store_->list_contacts();
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_THAT(ids_of(*all), ElementsAre("a", "c", "d", "e"));
  EXPECT_TRUE(told_.empty());
}

}  // namespace
}  // namespace touchbase
