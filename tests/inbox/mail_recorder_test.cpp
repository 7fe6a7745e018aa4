// From a real dovecot mailbox (tests/servers/dovecot_server.h) to the store:
// a reply, a reply from another address of the same company, an
// out-of-office, a bounce, a newsletter, unrelated mail and the sent folder
// become the right touches, notes, bounced_at and notice -- once each.
#include "inbox/mail_recorder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/load_config.h"
#include "tests/servers/dovecot_server.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using ::testing::HasSubstr;

constexpr const char* k_user = "alice@example.com";
constexpr const char* k_password = "imap-Passw0rd";
const Instant k_now = parse_rfc3339("2026-11-25T09:30:00Z").value();
const Instant k_date = parse_rfc3339("2026-11-24T10:00:00Z").value();

std::string mail(std::string_view from, std::string_view to, std::string_view subject, std::string_view id,
                 std::string_view extra = "") {
  return "From: " + std::string(from) + "\nTo: " + std::string(to) + "\nSubject: " + std::string(subject) + "\n" +
         std::string(extra) + "Message-ID: <" + std::string(id) + ">\nDate: Tue, 24 Nov 2026 10:00:00 +0000\n\nHi.\n";
}

constexpr const char* k_bounce =
    "From: MAILER-DAEMON@mx.example\nTo: alice@example.com\nSubject: Undelivered Mail\nMessage-ID: <dsn@mx>\n"
    "Date: Tue, 24 Nov 2026 10:00:00 +0000\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
    "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example\n\n"
    "Final-Recipient: rfc822; gone@initech.example\nAction: failed\nStatus: 5.1.1\n\n--b--\n";

Contact contact(std::string id, std::string name, std::string email) {
  Contact c;
  c.id = std::move(id);
  c.name = std::move(name);
  c.email = std::move(email);
  c.owner = "alice";
  return c;
}

class MailRecorderTest : public ::testing::Test {
 protected:
  testing::TempDir dir_;
  testing::TempDir imap_dir_;
  testing::DovecotServer server_{imap_dir_.path(), k_user, k_password};
  std::unique_ptr<Store> store_ = open_sqlite_store(dir_ / "touchbase.db").value();

  void SetUp() override {
    ASSERT_TRUE(server_.ready()) << server_.error();
    for (const auto& c :
         {contact("jane", "Jane Doe", "jane@acme.example"), contact("lee", "Lee Park", "lee@globex.example"),
          contact("gone", "Gone Away", "gone@initech.example"), contact("kim", "Kim Lo", "kim@gmail.com")}) {
      ASSERT_TRUE(store_->add_contact(c).ok());
    }
    const auto received = std::chrono::system_clock::time_point(k_now - std::chrono::days(1));
    server_.add_message("", mail("Jane Doe <jane@acme.example>", k_user, "Re: pricing", "1@acme"), received);
    server_.add_message("", mail("carol@globex.example", k_user, "Re: intro", "2@globex"), received);
    server_.add_message(
        "", mail("jane@acme.example", k_user, "Out of office", "3@acme", "Auto-Submitted: auto-replied\n"), received);
    server_.add_message("", k_bounce, received);
    server_.add_message("", mail("news@shop.example", k_user, "Our news", "4@shop", "List-Id: <news.shop.example>\n"),
                        received);
    server_.add_message("", mail("someone@gmail.com", k_user, "Hello", "5@gmail"), received);
    server_.add_message("", mail("Jane Doe <jane@acme.example>", k_user, "Re: pricing", "1@acme"), received);
    server_.add_message("Sent", mail(k_user, "Lee <lee@globex.example>", "Next week", "6@example"), received,
                        testing::Seen::yes);
  }

  Config config(std::string_view match) {
    return load_config_text(std::string("[owners.alice]\nnotify = [\"console\"]\n[owners.alice.mailbox]\nurl = \"") +
                                server_.imap_url("INBOX") + "\"\nusername = \"" + k_user + "\"\npassword_file = \"" +
                                dir_.write("imap-password", k_password).string() + "\"\nsent = \"Sent\"\nmatch = \"" +
                                std::string(match) +
                                "\"\n[notifiers.console]\nkind = \"console\"\n[cadences.prospect]\nsteps = [\"2d\"]\n",
                            "t.toml", k_now)
        .value();
  }

  MailRecord record(const Config& config, std::string_view folder, FolderRole role) {
    BlockingImapConnection connection({parse_mailbox_url(server_.imap_url()).value(), k_user, k_password, ""});
    std::optional<MailboxResult<FolderScan>> scan;
    scan_folder(connection, {std::string(folder), std::nullopt, date::floor<date::days>(k_now - std::chrono::days(14))},
                [&](auto result) { scan = std::move(result); });
    EXPECT_TRUE(scan && scan->ok()) << (scan && !scan->ok() ? scan->error().message : "");
    MailRecorder recorder(config, *store_, "alice");
    auto recorded = recorder.record(scan->value(), std::string(folder), role, k_now);
    EXPECT_TRUE(recorded.ok()) << recorded.error().message;
    return recorded.ok() ? *recorded : MailRecord{};
  }

  std::vector<Touch> touches(const std::string& id) { return store_->touches(id).value(); }
  Contact find(const std::string& id) { return store_->find_contact(id).value().value(); }
};

TEST_F(MailRecorderTest, EachKindOfMailIsRecordedOnceWhenMatchingByDomain) {
  const Config c = config("domain");
  const MailRecord inbox = record(c, "INBOX", FolderRole::inbox);
  const MailRecord sent = record(c, "Sent", FolderRole::sent);
  EXPECT_EQ(inbox.touches, 2);
  EXPECT_EQ(inbox.notes, 1);
  EXPECT_EQ(inbox.bounces, 1);
  EXPECT_EQ(inbox.notices, 2);
  EXPECT_EQ(sent.touches, 1);

  const auto jane = touches("jane");
  ASSERT_EQ(jane.size(), 1u) << "the repeated Message-ID and the newsletter (List-Id) add nothing";
  EXPECT_EQ(jane[0].outcome, Outcome::replied);
  EXPECT_EQ(jane[0].source, TouchSource::mailbox);
  EXPECT_EQ(jane[0].note, "Re: pricing");
  EXPECT_EQ(jane[0].at, k_date);
  EXPECT_EQ(find("jane").status, ContactStatus::paused) << "the cadence's on_reply (pause) applies";
  EXPECT_THAT(find("jane").notes, HasSubstr("2026-11-24 automatic reply: Out of office"));

  const auto lee = touches("lee");
  ASSERT_EQ(lee.size(), 2u);
  EXPECT_EQ(lee[0].source, TouchSource::mailbox) << "carol@globex.example replied for her company";
  EXPECT_EQ(lee[1].outcome, Outcome::touched);
  EXPECT_EQ(lee[1].source, TouchSource::sent);

  EXPECT_EQ(find("gone").bounced_at, k_date);
  EXPECT_TRUE(touches("kim").empty()) << "gmail.com never matches by domain";

  const auto rows = store_->outbox_ready(k_now, 10).value();
  ASSERT_EQ(rows.size(), 2u);
  const auto notice = store_->find_notice(rows[0].notice_id).value();
  ASSERT_TRUE(notice.has_value());
  EXPECT_EQ(notice->headline, "Jane Doe replied: Re: pricing — follow-ups paused");
}

TEST_F(MailRecorderTest, MatchingByAddressLeavesTheCompanysOtherAddressesOut) {
  const MailRecord inbox = record(config("address"), "INBOX", FolderRole::inbox);
  EXPECT_EQ(inbox.touches, 1);
  EXPECT_TRUE(touches("lee").empty());
}

TEST_F(MailRecorderTest, ReadingTheSameMessagesAgainRecordsNothing) {
  const Config c = config("domain");
  record(c, "INBOX", FolderRole::inbox);
  const MailRecord again = record(c, "INBOX", FolderRole::inbox);
  EXPECT_EQ(again.touches + again.notes + again.bounces + again.notices, 0);
  EXPECT_EQ(touches("jane").size(), 1u);
}

}  // namespace
}  // namespace touchbase
