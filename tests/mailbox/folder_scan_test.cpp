// Reading folders from a real dovecot (tests/servers/dovecot_server.h) over
// plain IMAP and IMAPS: nothing is marked seen, only new UIDs are read, a
// renumbered folder is noticed, and failures are typed.

#include "mailbox/folder_scan.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tests/servers/dovecot_server.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using std::chrono::system_clock;
using testing::DovecotServer;

constexpr const char* k_user = "alice@example.com";
constexpr const char* k_password = "imap-Passw0rd";
const date::sys_days k_since = date::sys_days(date::year(2026) / 3 / 1);
const system_clock::time_point k_received = k_since + std::chrono::days(2);

std::string reply_from(int n) {
  return "From: Jane Doe <jane@acme.example>\nTo: alice@example.com\nSubject: Re: pricing " + std::to_string(n) +
         "\nMessage-ID: <" + std::to_string(n) + "@acme.example>\nDate: Tue, 3 Mar 2026 10:00:00 +0000\n\nYes.\n";
}

constexpr const char* k_bounce =
    "From: MAILER-DAEMON@mx.example\nTo: alice@example.com\nSubject: Undelivered Mail\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
    "--b\nContent-Type: text/plain\n\nA line that looks like a tag:\nA005 OK done\n* 9 EXISTS\n"
    "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example\n\n"
    "Final-Recipient: rfc822; gone@acme.example\nAction: failed\nStatus: 5.1.1\n\n--b--\n";

MailboxResult<FolderScan> scan(ImapConnection& connection, ScanRequest request) {
  std::optional<MailboxResult<FolderScan>> out;
  scan_folder(connection, std::move(request), [&](MailboxResult<FolderScan> result) { out = std::move(result); });
  EXPECT_TRUE(out.has_value()) << "a blocking connection finishes the scan before scan_folder returns";
  return out.has_value() ? std::move(*out) : MailboxFailure::transient("no result");
}

std::vector<std::string> subjects(const FolderScan& scan) {
  std::vector<std::string> out;
  for (const auto& m : scan.messages) out.push_back(m.header.subject);
  return out;
}

class FolderScanTest : public ::testing::Test {
 protected:
  testing::TempDir dir_;
  DovecotServer server_{dir_.path(), k_user, k_password};

  void SetUp() override { ASSERT_TRUE(server_.ready()) << server_.error(); }

  ImapSession session(const std::string& url, std::string password = k_password) const {
    return {parse_mailbox_url(url).value(), k_user, std::move(password), server_.certificate().string()};
  }
  MailboxResult<FolderScan> scan_inbox(std::optional<FolderMark> last = std::nullopt, std::size_t max = 200) {
    BlockingImapConnection connection(session(server_.imap_url("INBOX")));
    return scan(connection, {"INBOX", last, k_since, max});
  }
};

TEST_F(FolderScanTest, EveryMessageKeepsItsFlagsAfterAScanThatReadHeadersAndABounce) {
  server_.add_message("", reply_from(1), k_received);
  server_.add_message("", reply_from(2), k_received, testing::Seen::yes);
  server_.add_message("", k_bounce, k_received);
  const auto before = server_.flags();
  const auto result = scan_inbox();
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(server_.flags(), before);
  EXPECT_EQ(before, (std::vector<std::string>{"", "S", ""}));
  ASSERT_EQ(result->messages.size(), 3u);
  EXPECT_EQ(result->messages[0].header.from.at(0).address, "jane@acme.example");
  EXPECT_EQ(result->messages[0].header.message_id, "<1@acme.example>");
  EXPECT_TRUE(result->messages[0].report.empty());
  EXPECT_NE(result->messages[2].report.find("Final-Recipient: rfc822; gone@acme.example"), std::string::npos);
  EXPECT_EQ(result->mark.last_uid, 3u);
}

TEST_F(FolderScanTest, OnlyTheUidsAfterTheLastSeenAreRead) {
  server_.add_message("", reply_from(1), k_received);
  const auto first = scan_inbox();
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(subjects(*first), std::vector<std::string>{"Re: pricing 1"});
  const auto again = scan_inbox(first->mark);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->messages.empty()) << "UID SEARCH n:* names the last message even when none is newer";
  server_.add_message("", reply_from(2), k_received);
  server_.add_message("", reply_from(3), k_received);
  const auto later = scan_inbox(first->mark);
  ASSERT_TRUE(later.ok()) << later.error().message;
  EXPECT_EQ(subjects(*later), (std::vector<std::string>{"Re: pricing 2", "Re: pricing 3"}));
  EXPECT_EQ(later->mark.last_uid, 3u);
  EXPECT_FALSE(later->renumbered);
}

TEST_F(FolderScanTest, TheFirstScanReadsOnlyWhatArrivedSinceItsDay) {
  server_.add_message("", reply_from(1), k_since - std::chrono::days(3));
  server_.add_message("", reply_from(2), k_received);
  const auto result = scan_inbox();
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(subjects(*result), std::vector<std::string>{"Re: pricing 2"});
}

TEST_F(FolderScanTest, ARenumberedFolderIsNoticedAndReadAgainSinceItsDay) {
  server_.add_message("", reply_from(1), k_received);
  const auto first = scan_inbox();
  ASSERT_TRUE(first.ok()) << first.error().message;
  server_.renumber();
  const auto after = scan_inbox(first->mark);
  ASSERT_TRUE(after.ok()) << after.error().message;
  EXPECT_TRUE(after->renumbered);
  EXPECT_NE(after->mark.uidvalidity, first->mark.uidvalidity);
  EXPECT_EQ(subjects(*after), std::vector<std::string>{"Re: pricing 1"});
}

TEST_F(FolderScanTest, AScanReadsAtMostItsLimitAndSaysMoreWait) {
  for (int i = 1; i <= 3; ++i) server_.add_message("", reply_from(i), k_received);
  const auto result = scan_inbox(std::nullopt, 2);
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->messages.size(), 2u);
  EXPECT_TRUE(result->more);
  EXPECT_EQ(result->mark.last_uid, 2u);
}

TEST_F(FolderScanTest, TheSentFolderIsReadOverImapsWithTheServersCertificate) {
  server_.add_message("Sent", reply_from(1), k_received, testing::Seen::yes);
  BlockingImapConnection connection(session(server_.imaps_url("Sent")));
  const auto result = scan(connection, {"Sent", std::nullopt, k_since});
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(subjects(*result), std::vector<std::string>{"Re: pricing 1"});
}

TEST_F(FolderScanTest, AFolderThatDoesNotExistIsAPermanentFailure) {
  BlockingImapConnection connection(session(server_.imap_url()));
  const auto result = scan(connection, {"Nowhere", std::nullopt, k_since});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, MailboxFailure::Kind::permanent);
  EXPECT_NE(result.error().message.find("EXAMINE \"Nowhere\""), std::string::npos) << result.error().message;
}

TEST_F(FolderScanTest, ARefusedLoginIsAPermanentFailureThatNeverShowsThePassword) {
  BlockingImapConnection connection(session(server_.imap_url(), "wrong-Passw0rd"));
  const auto result = scan(connection, {"INBOX", std::nullopt, k_since});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, MailboxFailure::Kind::permanent);
  EXPECT_NE(result.error().message.find("refused the login"), std::string::npos) << result.error().message;
  EXPECT_EQ(result.error().message.find("wrong-Passw0rd"), std::string::npos);
}

TEST_F(FolderScanTest, ACertificateThatDoesNotVerifyIsAPermanentFailure) {
  ImapSession untrusted = session(server_.imaps_url());
  untrusted.ca_file = "/dev/null/none";
  BlockingImapConnection connection(untrusted);
  const auto result = scan(connection, {"INBOX", std::nullopt, k_since});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, MailboxFailure::Kind::permanent) << result.error().message;
}

TEST_F(FolderScanTest, ListingGivesEveryFolder) {
  server_.add_message("Sent", reply_from(1), k_received);
  BlockingImapConnection connection(session(server_.imap_url()));
  std::optional<MailboxResult<std::vector<std::string>>> folders;
  list_folders(connection, [&](auto result) { folders = std::move(result); });
  ASSERT_TRUE(folders.has_value() && folders->ok());
  EXPECT_EQ(folders->value(), (std::vector<std::string>{"Sent", "INBOX"}));
}

// A port nothing listens on, and one that accepts connections and never answers.
TEST(FolderScanNetwork, ARefusedConnectionAndASilentServerAreTransientFailures) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), length), 0);
  ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length), 0);
  const std::string url = "imap://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/";
  ImapSession session{parse_mailbox_url(url).value(), k_user, k_password, ""};
  session.command_timeout = std::chrono::milliseconds(300);
  for (bool listening : {false, true}) {
    if (listening) {
      ASSERT_EQ(::listen(fd, 4), 0);
    }
    BlockingImapConnection connection(session);
    const auto result = scan(connection, {"INBOX", std::nullopt, k_since});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, MailboxFailure::Kind::transient) << result.error().message;
  }
  ::close(fd);
}

}  // namespace
}  // namespace touchbase
