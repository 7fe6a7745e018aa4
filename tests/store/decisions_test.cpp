// The stored decisions: which contacts changed since they were decided, and
// which are due to be looked at again.

#include <SQLiteCpp/Database.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/decision_queries.h"
#include "store/migrations.h"
#include "store/store.h"
#include "tests/store/store_test_support.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using testing::at;
using testing::bare_contact;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

class DecisionsTest : public ::testing::Test {
 protected:
  std::vector<std::string> changed() {
    std::vector<std::string> ids;
    const auto changes = store_->contact_changes(100).value();
    for (const ContactChange& c : changes) ids.push_back(c.contact_id);
    return ids;
  }
  // Stores a decision for each contact changed, revisited at `revisit`, forgetting the changes.
  void decide_all(std::optional<Instant> revisit) {
    auto changes = store_->contact_changes(100).value();
    std::vector<StoredDecision> decided;
    for (const ContactChange& c : changes) decided.push_back({c.contact_id, revisit, revisit, revisit, revisit});
    ASSERT_TRUE(store_->store_decisions(decided, changes).ok());
  }
  std::optional<StoredDecision> decision(const std::string& id) {
    auto found = store_->find_decisions(std::span(&id, 1)).value();
    if (found.empty()) return std::nullopt;
    return found.front();
  }
  std::vector<std::string> due(Instant now, std::string_view after = "", int limit = 100) {
    std::vector<std::string> ids;
    const auto contacts = store_->contacts_to_revisit(now, after, limit).value();
    for (const Contact& c : contacts) ids.push_back(c.id);
    return ids;
  }

  testing::TempDir dir_;
  std::filesystem::path path_ = dir_ / "touchbase.db";
  std::unique_ptr<Store> store_ = testing::open_store(path_);
};

TEST_F(DecisionsTest, AddingEditingLoggingAndListingInANoticeMarkAContactChangedWhoeverWrites) {
  for (const char* id : {"ann", "bob", "cat", "dan"}) ASSERT_TRUE(store_->add_contact(bare_contact(id)).ok());
  EXPECT_THAT(changed(), ElementsAre("ann", "bob", "cat", "dan"));
  decide_all(std::nullopt);
  EXPECT_THAT(changed(), IsEmpty());

  Contact bob = bare_contact("bob");
  bob.stage = "proposal";
  ASSERT_TRUE(store_->update_contact(bob).ok());
  ASSERT_TRUE(store_->add_touch("cat", Touch{at("2026-11-20T10:00:00Z"), Outcome::replied, "", ""}).ok());
  Reminder r;
  r.contact_id = "dan";
  r.owner = "alice";
  r.cadence = "prospect";
  r.step = 1;
  r.due_at = at("2026-11-24T16:00:00Z");
  r.remind_at = r.due_at;
  r.created_at = r.due_at;
  // The daemon stores the next decision of a contact it reminds itself.
  ASSERT_TRUE(store_->create_reminder(r, std::vector<std::string>{"mail"}).ok());
  EXPECT_THAT(changed(), ElementsAre("bob", "cat"));
  r.due_at += std::chrono::hours(24);
  Notice missed{0, "alice", "1 follow-up missed", "Dan", r.due_at};
  ASSERT_TRUE(store_->create_notice(missed, std::span(&r, 1), std::vector<std::string>{"mail"}).ok());
  Contact ann = bare_contact("ann");
  ann.stage = "won";
  ASSERT_TRUE(store_->upsert_contacts(std::span(&ann, 1)).ok());  // an import
  EXPECT_THAT(changed(), ElementsAre("bob", "cat", "dan", "ann"));

  // Another program writing the file with SQL is seen too.
  decide_all(std::nullopt);
  SQLite::Database db(path_, SQLite::OPEN_READWRITE);
  db.exec("UPDATE contacts SET paused_until = 100 WHERE id = 'ann'");
  EXPECT_THAT(changed(), ElementsAre("ann"));
}

TEST_F(DecisionsTest, AChangeMadeAfterTheDecisionWasReadIsNotForgottenWithIt) {
  ASSERT_TRUE(store_->add_contact(bare_contact("ann")).ok());
  auto seen = store_->contact_changes(10).value();
  ASSERT_EQ(seen.size(), 1u);
  // A command edits Ann while the pass decides on what it read before.
  Contact ann = bare_contact("ann");
  ann.notes = "moved to Berlin";
  ASSERT_TRUE(store_->update_contact(ann).ok());

  ASSERT_TRUE(store_->store_decisions(std::vector<StoredDecision>{{"ann", {}, {}, {}, {}}}, seen).ok());
  EXPECT_THAT(changed(), ElementsAre("ann"));
}

TEST_F(DecisionsTest, OnlyTheContactsWhoseRevisitHasComeAreReadAgainByIdAndPaged) {
  for (const char* id : {"ann", "bob", "cat", "dan", "eve"}) ASSERT_TRUE(store_->add_contact(bare_contact(id)).ok());
  const Instant now = at("2026-11-20T10:00:00Z");
  ASSERT_TRUE(
      store_
          ->store_decisions(
              std::vector<StoredDecision>{
                  {"ann", now, now, now, {}},
                  {"bob", {}, {}, {}, {}},
                  {"cat", now + std::chrono::hours(2), now + std::chrono::hours(2), now + std::chrono::hours(1), {}},
                  {"dan", now, now, now - std::chrono::hours(30), now},
                  {"eve", now, now, now, now}},
              {})
          .ok());
  ASSERT_TRUE(store_->mark_contact_removed("eve", now).ok());

  EXPECT_THAT(due(now), ElementsAre("ann", "dan"));
  EXPECT_THAT(due(now, "", 1), ElementsAre("ann"));
  EXPECT_THAT(due(now, "ann", 1), ElementsAre("dan"));
  EXPECT_THAT(due(now - std::chrono::hours(1)), ElementsAre("dan"));
  EXPECT_THAT(due(now + std::chrono::hours(1)), ElementsAre("ann", "cat", "dan"));

  auto ahead = store_->decisions_ahead(now).value();
  EXPECT_EQ(ahead.revisit_at, now + std::chrono::hours(1));
  EXPECT_EQ(ahead.remind_at, now + std::chrono::hours(2));
  EXPECT_EQ(decision("cat"), (StoredDecision{"cat", now + std::chrono::hours(2), now + std::chrono::hours(2),
                                             now + std::chrono::hours(1), std::nullopt}));
  EXPECT_EQ(decision("nobody"), std::nullopt);
}

TEST_F(DecisionsTest, DeletingAContactDeletesItsDecision) {
  ASSERT_TRUE(store_->add_contact(bare_contact("ann")).ok());
  decide_all(at("2026-11-20T10:00:00Z"));
  ASSERT_TRUE(store_->remove_contact("ann").ok());
  EXPECT_EQ(decision("ann"), std::nullopt);
  EXPECT_THAT(changed(), IsEmpty());
}

TEST_F(DecisionsTest, RedecidingAllMarksEveryContactChangedAndKeepsTheKey) {
  EXPECT_EQ(store_->decisions_key().value(), "");
  for (const char* id : {"ann", "bob"}) ASSERT_TRUE(store_->add_contact(bare_contact(id)).ok());
  decide_all(std::nullopt);
  ASSERT_TRUE(store_->redecide_all("1:abc").ok());
  EXPECT_EQ(store_->decisions_key().value(), "1:abc");
  EXPECT_THAT(changed(), ElementsAre("ann", "bob"));
}

TEST_F(DecisionsTest, ReadingTheDueOnesWalksTheIndexNotTheContacts) {
  SQLite::Database db(path_, SQLite::OPEN_READONLY);
  SQLite::Statement plan(db, "EXPLAIN QUERY PLAN " + due_contacts_sql());
  std::string lines;
  while (plan.executeStep()) lines += plan.getColumn(3).getString() + "\n";
  EXPECT_THAT(lines, HasSubstr("SEARCH decisions USING COVERING INDEX decisions_by_revisit (revisit_at<?)"));
  EXPECT_THAT(lines, Not(HasSubstr("SCAN contacts")));
}

TEST(DecisionsMigration, Version10MarksEveryStoredContactChangedSoTheFirstPassDecidesIt) {
  testing::TempDir dir;
  {
    SQLite::Database db(dir / "t.db", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    ASSERT_TRUE(migrate(db, schema_migrations().first(9)).ok());
    db.exec(
        "INSERT INTO contacts (id, name, email, phone, company, title, owner, timezone, cadence, stage, tags, "
        "deal_value, status, next_step, notes) VALUES ('jane', 'Jane', '', '', '', '', '', '', '', '', '', 0, "
        "'active', '', '')");
  }
  auto store = testing::open_store(dir / "t.db");
  auto changes = store->contact_changes(10).value();
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].contact_id, "jane");
}

}  // namespace
}  // namespace touchbase
