// SqliteStore: reading owners' mailboxes -- where each folder got to, each
// Message-ID recorded once per owner, and contacts found by their address or
// its domain in any case, through the indexes.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include "tests/store/store_test_support.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {
namespace {

Contact contact(std::string id, std::string owner, std::string email) {
  Contact c = bare_contact(std::move(id));
  c.owner = std::move(owner);
  c.email = std::move(email);
  return c;
}

const std::vector<std::string> k_alice = {"alice"};
const std::vector<std::string> k_bob = {"bob"};

std::vector<std::string> ids(const Result<std::vector<Contact>>& contacts) {
  std::vector<std::string> out;
  if (!contacts.ok()) return {"error: " + contacts.error().message};
  for (const auto& c : *contacts) out.push_back(c.id);
  return out;
}

// The query plan's details for `sql`, run on the test's file.
std::string plan_of(const std::filesystem::path& db, const std::string& sql) {
  SQLite::Database connection(db.string(), SQLite::OPEN_READONLY);
  SQLite::Statement explain(connection, "EXPLAIN QUERY PLAN " + sql);
  std::string out;
  while (explain.executeStep()) out += explain.getColumn(3).getString() + "\n";
  return out;
}

class MailboxStoreTest : public ::testing::Test {
 protected:
  TempDir dir_;
  std::unique_ptr<Store> store_ = open_store(dir_ / "touchbase.db");

  void SetUp() override {
    for (const auto& c :
         {contact("jane", "alice", "Jane.Doe@ACME.example"), contact("joe", "alice", "joe@acme.example"),
          contact("zed", "alice", "zed@other.example"), contact("bob-jane", "bob", "jane.doe@acme.example"),
          contact("nomail", "alice", ""), contact("unowned", "", "ann@acme.example")}) {
      ASSERT_TRUE(store_->add_contact(c).ok());
    }
  }
};

TEST_F(MailboxStoreTest, AFolderHasNoMarkUntilOneIsStoredAndThenTheLatest) {
  EXPECT_EQ(store_->mailbox_mark("alice", "INBOX").value(), std::nullopt);
  ASSERT_TRUE(store_->set_mailbox_mark("alice", "INBOX", {4'000'000'000u, 7}).ok());
  ASSERT_TRUE(store_->set_mailbox_mark("alice", "INBOX", {4'000'000'000u, 9}).ok());
  ASSERT_TRUE(store_->set_mailbox_mark("alice", "Sent", {12, 3}).ok());
  EXPECT_EQ(store_->mailbox_mark("alice", "INBOX").value(), (MailboxMark{4'000'000'000u, 9}));
  EXPECT_EQ(store_->mailbox_mark("alice", "Sent").value(), (MailboxMark{12, 3}));
  EXPECT_EQ(store_->mailbox_mark("bob", "INBOX").value(), std::nullopt);
}

TEST_F(MailboxStoreTest, AMessageIsRecordedOncePerOwner) {
  const Instant now = at("2026-03-03T10:00:00Z");
  EXPECT_TRUE(store_->record_mail_message("alice", "<1@acme.example>", now).value());
  EXPECT_FALSE(store_->record_mail_message("alice", "<1@acme.example>", now).value());
  EXPECT_TRUE(store_->record_mail_message("bob", "<1@acme.example>", now).value());
  EXPECT_EQ(count_rows(dir_ / "touchbase.db", "mail_messages"), 2);
}

TEST_F(MailboxStoreTest, ContactsAreFoundByTheirAddressInAnyCaseAndOnlyTheOwners) {
  EXPECT_EQ(ids(store_->contacts_with_email(k_alice, "jane.doe@acme.example")), std::vector<std::string>{"jane"});
  EXPECT_EQ(ids(store_->contacts_with_email(k_alice, "JANE.DOE@acme.EXAMPLE")), std::vector<std::string>{"jane"});
  EXPECT_EQ(ids(store_->contacts_with_email(k_bob, "jane.doe@acme.example")), std::vector<std::string>{"bob-jane"});
  EXPECT_TRUE(ids(store_->contacts_with_email(k_alice, "nobody@acme.example")).empty());
}

TEST_F(MailboxStoreTest, ContactsAreFoundByTheirDomainWithinTheLimit) {
  EXPECT_EQ(ids(store_->contacts_at_domain(k_alice, "ACME.example", 10)), (std::vector<std::string>{"jane", "joe"}));
  EXPECT_EQ(ids(store_->contacts_at_domain(k_alice, "acme.example", 1)), std::vector<std::string>{"jane"});
  EXPECT_TRUE(ids(store_->contacts_at_domain(k_alice, "", 10)).empty());
}

TEST_F(MailboxStoreTest, ContactsWithoutAnOwnerAreFoundWhenAskedFor) {
  const std::vector<std::string> alice_and_unowned = {"alice", ""};
  EXPECT_EQ(ids(store_->contacts_with_email(alice_and_unowned, "ann@acme.example")),
            std::vector<std::string>{"unowned"});
  EXPECT_EQ(ids(store_->contacts_at_domain(alice_and_unowned, "acme.example", 10)),
            (std::vector<std::string>{"jane", "joe", "unowned"}));
}

TEST_F(MailboxStoreTest, ARemovedContactIsNotFound) {
  ASSERT_TRUE(store_->mark_contact_removed("jane", at("2026-03-03T10:00:00Z")).ok());
  EXPECT_TRUE(ids(store_->contacts_with_email(k_alice, "jane.doe@acme.example")).empty());
  EXPECT_EQ(ids(store_->contacts_at_domain(k_alice, "acme.example", 10)), std::vector<std::string>{"joe"});
}

TEST_F(MailboxStoreTest, BothLookUpsGoThroughTheirIndex) {
  const auto db = dir_ / "touchbase.db";
  EXPECT_NE(plan_of(db, "SELECT id FROM contacts WHERE removed_at IS NULL AND owner = 'a' AND lower(email) = 'x'")
                .find("contacts_by_email "),
            std::string::npos);
  EXPECT_NE(plan_of(db,
                    "SELECT id FROM contacts WHERE removed_at IS NULL AND owner = 'a' AND "
                    "lower(substr(email, instr(email, '@') + 1)) = 'x'")
                .find("contacts_by_email_domain"),
            std::string::npos);
}

}  // namespace
}  // namespace touchbase::testing
