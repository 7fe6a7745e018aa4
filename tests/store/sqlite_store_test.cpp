// Contacts and touches in the SQLite store.

#include "store/store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "tests/store/store_test_support.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using testing::at;
using testing::bare_contact;
using ::testing::ElementsAre;
using testing::full_contact;
using ::testing::HasSubstr;

class SqliteStoreTest : public ::testing::Test {
 protected:
  std::vector<std::string> ids() {
    auto all = store_->list_contacts();
    EXPECT_TRUE(all) << all.error().message;
    std::vector<std::string> out;
    if (all) {
      for (const auto& c : *all) out.push_back(c.id);
    }
    return out;
  }

  std::optional<Contact> find(std::string_view id) {
    auto found = store_->find_contact(id);
    EXPECT_TRUE(found) << found.error().message;
    return found ? *found : std::nullopt;
  }

  testing::TempDir dir_;
  std::filesystem::path path_ = dir_ / "touchbase.db";
  std::unique_ptr<Store> store_ = testing::open_store(path_);
};

TEST_F(SqliteStoreTest, AContactWithEveryFieldSetReadsBackEqual) {
  ASSERT_TRUE(store_->add_contact(full_contact("jane")).ok());
  EXPECT_EQ(find("jane"), full_contact("jane"));
  auto all = store_->list_contacts();
  ASSERT_TRUE(all);
  EXPECT_THAT(*all, ElementsAre(full_contact("jane")));
}

TEST_F(SqliteStoreTest, AContactWithOnlyAnIdAndNameReadsBackWithNothingElseSet) {
  ASSERT_TRUE(store_->add_contact(bare_contact("john")).ok());
  auto found = find("john");
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, bare_contact("john"));
  EXPECT_FALSE(found->window);
  EXPECT_FALSE(found->paused_until);
  EXPECT_FALSE(found->next_step.date);
  EXPECT_TRUE(found->tags.empty());
}

TEST_F(SqliteStoreTest, ExtremeValuesReadBackExactly) {
  auto c = bare_contact("big");
  c.value = std::nextafter(1e15, 2e15);
  c.paused_until = Instant(Seconds(-86400));  // before 1970
  c.tags = {" padded ", "ünïcode"};
  ASSERT_TRUE(store_->add_contact(c).ok());
  EXPECT_EQ(find("big"), c);
}

TEST_F(SqliteStoreTest, ContactsReadAPageAtATimeComeInIdOrderAndLeaveOutTheRemoved) {
  for (const char* id : {"d", "b", "e", "a", "c"}) ASSERT_TRUE(store_->add_contact(bare_contact(id)).ok());
  ASSERT_TRUE(store_->mark_contact_removed("c", at("2026-11-23T10:00:00Z")).ok());
  auto page_ids = [&](std::string_view after) {
    auto page = store_->list_contacts_after(after, 2);
    std::vector<std::string> out;
    if (!page) return std::vector<std::string>{page.error().message};
    for (const auto& c : *page) out.push_back(c.id);
    return out;
  };
  EXPECT_THAT(page_ids(""), ElementsAre("a", "b"));
  EXPECT_THAT(page_ids("b"), ElementsAre("d", "e"));
  EXPECT_THAT(page_ids("e"), ::testing::IsEmpty());
}

TEST_F(SqliteStoreTest, ContactsFoundByIdsComeInIdOrderWithoutUnknownOrRemovedOnes) {
  ASSERT_TRUE(store_->add_contact(full_contact("jane")).ok());
  ASSERT_TRUE(store_->add_contact(bare_contact("john")).ok());
  ASSERT_TRUE(store_->add_contact(bare_contact("zoe")).ok());
  ASSERT_TRUE(store_->mark_contact_removed("zoe", at("2026-11-23T10:00:00Z")).ok());
  const std::vector<std::string> wanted = {"john", "nobody", "zoe", "jane", "it's \"quoted\""};
  auto found = store_->find_contacts(wanted);
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_THAT(*found, ElementsAre(full_contact("jane"), bare_contact("john")));
}

TEST_F(SqliteStoreTest, AnIdThatIsNotUtf8OrHoldsControlCharactersIsFoundWithItsHistory) {
  // Written by an older version, or by hand: such ids must never be lost.
  const std::vector<std::string> odd = {"J\xFCrgen", "tab\there", "nul\x01", "back\\slash"};
  for (const std::string& id : odd) ASSERT_TRUE(store_->add_contact(bare_contact(id)).ok());
  ASSERT_TRUE(store_->add_touch("J\xFCrgen", Touch{at("2026-11-20T10:00:00Z"), Outcome::replied, "", ""}).ok());
  auto found = store_->find_contacts(odd);
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(found->size(), odd.size());
  auto histories = store_->histories_of(odd);
  ASSERT_TRUE(histories) << histories.error().message;
  ASSERT_TRUE(histories->touches.contains("J\xFCrgen"));
  EXPECT_EQ(histories->touches.at("J\xFCrgen").size(), 1u);
}

TEST_F(SqliteStoreTest, AnUnknownIdIsFoundAsNothing) {
  EXPECT_EQ(find("nobody"), std::nullopt);
}

TEST_F(SqliteStoreTest, AddingAnExistingIdFailsAndKeepsTheStoredContact) {
  ASSERT_TRUE(store_->add_contact(full_contact("jane")).ok());
  auto again = store_->add_contact(bare_contact("jane"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Errc::data);
  EXPECT_EQ(again.error().message, "contact 'jane' already exists");
  EXPECT_EQ(find("jane"), full_contact("jane"));
}

TEST_F(SqliteStoreTest, UpdatingChangesEveryField) {
  ASSERT_TRUE(store_->add_contact(full_contact("jane")).ok());
  auto changed = bare_contact("jane");
  changed.status = ContactStatus::closed_won;
  ASSERT_TRUE(store_->update_contact(changed).ok());
  EXPECT_EQ(find("jane"), changed);
}

TEST_F(SqliteStoreTest, UpdatingAMissingContactIsNoInputAndCreatesNothing) {
  auto updated = store_->update_contact(full_contact("ghost"));
  ASSERT_FALSE(updated);
  EXPECT_EQ(updated.error().code, Errc::no_input);
  EXPECT_THAT(updated.error().message, HasSubstr("'ghost'"));
  EXPECT_TRUE(ids().empty());
}

TEST_F(SqliteStoreTest, ContactsAreListedById) {
  for (auto id : {"carol", "alice", "bob"}) ASSERT_TRUE(store_->add_contact(bare_contact(id)).ok());
  EXPECT_THAT(ids(), ElementsAre("alice", "bob", "carol"));
}

TEST_F(SqliteStoreTest, UpsertInsertsNewContactsAndUpdatesExistingOnesInPlace) {
  ASSERT_TRUE(store_->add_contact(bare_contact("jane")).ok());
  ASSERT_TRUE(store_->add_touch("jane", Touch{at("2026-11-02T10:00:00Z"), Outcome::touched, "", ""}).ok());
  std::vector<Contact> batch = {full_contact("jane"), bare_contact("john")};

  ASSERT_TRUE(store_->upsert_contacts(batch).ok());
  EXPECT_EQ(find("jane"), full_contact("jane"));
  EXPECT_EQ(find("john"), bare_contact("john"));
  auto touches = store_->touches("jane");
  ASSERT_TRUE(touches);
  EXPECT_EQ(touches->size(), 1u) << "an update must not drop what hangs off the contact";
}

// The last contact has no id, which the table's CHECK refuses after the
// others were written: they must be undone, the update of jane included.
TEST_F(SqliteStoreTest, UpsertWritesNothingWhenALaterContactIsRefusedByTheDatabase) {
  ASSERT_TRUE(store_->add_contact(bare_contact("jane")).ok());
  std::vector<Contact> batch = {full_contact("jane"), bare_contact("john"), bare_contact("")};

  auto upserted = store_->upsert_contacts(batch);
  ASSERT_FALSE(upserted);
  EXPECT_EQ(upserted.error().code, Errc::data);
  EXPECT_THAT(upserted.error().message, HasSubstr("cannot store contact ''"));
  EXPECT_THAT(upserted.error().message, HasSubstr("CHECK constraint failed"));
  EXPECT_EQ(find("jane"), bare_contact("jane"));
  EXPECT_THAT(ids(), ElementsAre("jane"));
}

TEST_F(SqliteStoreTest, UpsertWritesNothingWhenALaterContactCannotBeStored) {
  auto bad = bare_contact("zed");
  bad.next_step = NextStep{"call", date::year{2026} / 2 / 30};
  std::vector<Contact> batch = {bare_contact("jane"), bad};

  auto upserted = store_->upsert_contacts(batch);
  ASSERT_FALSE(upserted);
  EXPECT_EQ(upserted.error().code, Errc::data);
  EXPECT_EQ(upserted.error().message, "contact 'zed' cannot be stored: its next step date is not a valid date");
  EXPECT_TRUE(ids().empty());
}

TEST_F(SqliteStoreTest, ATagWithACommaIsRefusedBecauseItWouldNotReadBack) {
  auto c = bare_contact("jane");
  c.tags = {"saas", "emea,west"};
  auto added = store_->add_contact(c);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code, Errc::data);
  EXPECT_EQ(added.error().message, "contact 'jane' cannot be stored: tag 'emea,west' contains a comma");
  EXPECT_TRUE(ids().empty());
}

TEST_F(SqliteStoreTest, AWindowWithoutDaysIsRefused) {
  auto c = bare_contact("jane");
  c.window = WeeklyWindow{DaySet{}, {HourRange{960, 1050}}};
  auto added = store_->add_contact(c);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code, Errc::data);
  EXPECT_THAT(added.error().message, HasSubstr("window"));
}

TEST_F(SqliteStoreTest, AValueThatIsNotANumberIsRefused) {
  auto c = bare_contact("jane");
  c.value = std::nan("");
  auto added = store_->add_contact(c);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code, Errc::data);
}

TEST_F(SqliteStoreTest, TouchesReadBackOldestFirst) {
  ASSERT_TRUE(store_->add_contact(bare_contact("jane")).ok());
  Touch later{at("2026-11-10T16:00:00Z"), Outcome::no_answer, "voicemail", "q4-benchmark", TouchSource::link};
  Touch earlier{at("2026-11-03T16:00:00Z"), Outcome::replied, "asked for pricing", "", TouchSource::mailbox};
  ASSERT_TRUE(store_->add_touch("jane", later).ok());
  ASSERT_TRUE(store_->add_touch("jane", earlier).ok());

  auto touches = store_->touches("jane");
  ASSERT_TRUE(touches) << touches.error().message;
  EXPECT_THAT(*touches, ElementsAre(earlier, later));
  auto histories = store_->histories_of_all_contacts();
  ASSERT_TRUE(histories) << histories.error().message;
  EXPECT_THAT(histories->touches["jane"], ElementsAre(earlier, later));
  auto none = store_->touches("john");
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

TEST_F(SqliteStoreTest, ABounceIsForgottenWhenTheEmailChangesAndKeptOtherwise) {
  ASSERT_TRUE(store_->add_contact(full_contact("jane")).ok());
  auto renamed = full_contact("jane");
  renamed.name = "Jane Roe";
  ASSERT_TRUE(store_->update_contact(renamed).ok());
  EXPECT_EQ(find("jane")->bounced_at, at("2026-11-04T08:00:00Z"));

  auto moved = renamed;
  moved.email = "jane@new.example.com";
  ASSERT_TRUE(store_->upsert_contacts({&moved, 1}).ok());
  EXPECT_EQ(find("jane")->bounced_at, std::nullopt);
}

TEST_F(SqliteStoreTest, ATouchCarryingATalkingPointRecordsItAsUsed) {
  ASSERT_TRUE(store_->add_contact(bare_contact("jane")).ok());
  ASSERT_TRUE(store_->add_touch("jane", Touch{at("2026-11-10T16:00:00Z"), Outcome::touched, "", "case-study"}).ok());
  auto used = store_->used_talking_points("jane");
  ASSERT_TRUE(used);
  EXPECT_THAT(*used, ElementsAre("case-study"));
}

TEST_F(SqliteStoreTest, ATouchOfAMissingContactIsNoInput) {
  auto added = store_->add_touch("ghost", Touch{at("2026-11-10T16:00:00Z"), Outcome::touched, "", "case-study"});
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code, Errc::no_input);
  EXPECT_THAT(added.error().message, HasSubstr("'ghost'"));
  EXPECT_EQ(testing::count_rows(path_, "talking_point_uses"), 0);
}

TEST_F(SqliteStoreTest, RemovingAContactRemovesEverythingThatHangsOffIt) {
  ASSERT_TRUE(store_->add_contact(bare_contact("jane")).ok());
  ASSERT_TRUE(store_->add_contact(bare_contact("john")).ok());
  for (auto id : {"jane", "john"}) {
    ASSERT_TRUE(store_->add_touch(id, Touch{at("2026-11-03T16:00:00Z"), Outcome::touched, "", "case-study"}).ok());
    Reminder r;
    r.contact_id = id;
    r.due_at = at("2026-11-10T16:00:00Z");
    r.remind_at = r.created_at = at("2026-11-10T15:45:00Z");
    r.talking_point = "benchmark";
    std::vector<std::string> notifiers = {"mail", "chat"};
    auto created = store_->create_reminder(r, notifiers);
    ASSERT_TRUE(created && created->has_value());
  }

  ASSERT_TRUE(store_->remove_contact("jane").ok());
  EXPECT_THAT(ids(), ElementsAre("john"));
  EXPECT_EQ(testing::count_rows(path_, "touches"), 1);
  EXPECT_EQ(testing::count_rows(path_, "reminders"), 1);
  EXPECT_EQ(testing::count_rows(path_, "outbox"), 2);
  EXPECT_EQ(testing::count_rows(path_, "talking_point_uses"), 2);
  auto used = store_->used_talking_points("jane");
  ASSERT_TRUE(used);
  EXPECT_TRUE(used->empty());
}

TEST_F(SqliteStoreTest, RemovingAMissingContactIsNoInput) {
  auto removed = store_->remove_contact("ghost");
  ASSERT_FALSE(removed);
  EXPECT_EQ(removed.error().code, Errc::no_input);
}

TEST_F(SqliteStoreTest, ContactsSurviveReopening) {
  ASSERT_TRUE(store_->add_contact(full_contact("jane")).ok());
  store_.reset();
  store_ = testing::open_store(path_);
  EXPECT_EQ(find("jane"), full_contact("jane"));
}

}  // namespace
}  // namespace touchbase
