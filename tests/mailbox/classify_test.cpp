// What a message is, from its header (and a bounce's body): a table of the
// mail an owner receives and sends, hostile forms included.

#include "mailbox/classify.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

constexpr const char* k_dsn_body =
    "--b\r\nContent-Type: text/plain\r\n\r\nDelivery to jane@acme.example failed.\r\n"
    "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example\r\n\r\n"
    "Final-Recipient: rfc822; Jane@ACME.example\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
    "Final-Recipient: rfc822; slow@acme.example\r\nAction: delayed\r\nStatus: 4.4.7\r\n\r\n--b--\r\n";

struct Case {
  const char* what;
  const char* header;
  const char* report;
  FolderRole folder;
  MessageKind kind;
  std::vector<std::string> addresses;
};

const Case k_cases[] = {
    {"a reply",
     "From: Jane <jane@acme.example>\r\nSubject: Re: pricing\r\n",
     "",
     FolderRole::inbox,
     MessageKind::reply,
     {"jane@acme.example"}},
    {"Auto-Submitted: no is a person",
     "From: jane@acme.example\r\nAuto-Submitted: no\r\n",
     "",
     FolderRole::inbox,
     MessageKind::reply,
     {"jane@acme.example"}},
    {"an out-of-office",
     "From: jane@acme.example\r\nAuto-Submitted: auto-replied (vacation)\r\n",
     "",
     FolderRole::inbox,
     MessageKind::automatic_reply,
     {"jane@acme.example"}},
    {"X-Autoreply",
     "From: jane@acme.example\r\nX-Autoreply: yes\r\n",
     "",
     FolderRole::inbox,
     MessageKind::automatic_reply,
     {"jane@acme.example"}},
    {"X-Autorespond",
     "From: jane@acme.example\r\nX-Autorespond: 1\r\n",
     "",
     FolderRole::inbox,
     MessageKind::automatic_reply,
     {"jane@acme.example"}},
    {"Precedence bulk",
     "From: news@acme.example\r\nPrecedence: Bulk\r\n",
     "",
     FolderRole::inbox,
     MessageKind::automatic_reply,
     {"news@acme.example"}},
    {"Precedence auto_reply",
     "From: a@acme.example\r\nPrecedence: auto_reply\r\n",
     "",
     FolderRole::inbox,
     MessageKind::automatic_reply,
     {"a@acme.example"}},
    {"a list",
     "From: a@acme.example\r\nList-Id: <news.acme.example>\r\n",
     "",
     FolderRole::inbox,
     MessageKind::automatic_reply,
     {"a@acme.example"}},
    {"a delivery-status report",
     "From: MAILER-DAEMON@mx.example\r\nContent-Type: multipart/report; "
     "report-type=\"delivery-status\"; boundary=b\r\n",
     k_dsn_body,
     FolderRole::inbox,
     MessageKind::bounce,
     {"jane@acme.example"}},
    {"a report that only delays",
     "From: postmaster@mx.example\r\nContent-Type: multipart/report; "
     "report-type=delivery-status\r\n",
     "Final-Recipient: rfc822; slow@acme.example\r\nAction: delayed\r\n",
     FolderRole::inbox,
     MessageKind::unrelated,
     {}},
    {"a read receipt",
     "From: jane@acme.example\r\nContent-Type: multipart/report; "
     "report-type=disposition-notification\r\n",
     "",
     FolderRole::inbox,
     MessageKind::unrelated,
     {}},
    {"a plain bounce from MAILER-DAEMON",
     "From: Mail Delivery System <MAILER-DAEMON@mx.example>\r\n",
     "I could not deliver to <Jane@Acme.example>: mailbox full.\r\n",
     FolderRole::inbox,
     MessageKind::bounce,
     {"jane@acme.example"}},
    {"a note from postmaster naming nobody",
     "From: postmaster@mx.example\r\n",
     "Hello there.",
     FolderRole::inbox,
     MessageKind::unrelated,
     {}},
    {"sent mail",
     "From: alice@example.com\r\nTo: Jane <jane@acme.example>, bob@b.example\r\nCc: jane@acme.example, "
     "c@c.example\r\n",
     "",
     FolderRole::sent,
     MessageKind::sent,
     {"jane@acme.example", "bob@b.example", "c@c.example"}},
    {"no From at all", "Subject: hi\r\n", "", FolderRole::inbox, MessageKind::reply, {}},
    {"a forged Final-Recipient outside a report",
     "From: jane@acme.example\r\n",
     "Final-Recipient: rfc822; bob@b.example\r\nAction: failed\r\n",
     FolderRole::inbox,
     MessageKind::reply,
     {"jane@acme.example"}},
};

TEST(Classify, EachKindOfMailIsRecognised) {
  for (const auto& c : k_cases) {
    const auto header = read_mail_header(c.header);
    const auto result = classify(header, c.report, c.folder);
    EXPECT_EQ(result.kind, c.kind) << c.what;
    EXPECT_EQ(result.addresses, c.addresses) << c.what;
  }
}

TEST(MayBeBounce, OnlyReportsAndMailFromTheMailSystemHaveTheirBodyFetched) {
  EXPECT_TRUE(may_be_bounce(read_mail_header("Content-Type: multipart/report; report-type=delivery-status\r\n")));
  EXPECT_TRUE(may_be_bounce(read_mail_header("From: mailer-daemon@mx.example\r\n")));
  EXPECT_TRUE(may_be_bounce(read_mail_header("From: Postmaster@mx.example\r\n")));
  EXPECT_FALSE(may_be_bounce(read_mail_header("From: jane@acme.example\r\nContent-Type: text/plain\r\n")));
}

TEST(FailedRecipients, AHugeReportNamesAtMostTheBoundedNumberOfAddresses) {
  std::string report;
  for (int i = 0; i < 1000; ++i)
    report += "Final-Recipient: rfc822; a" + std::to_string(i) + "@x.example\nAction: failed\n\n";
  EXPECT_EQ(failed_recipients(report).size(), k_max_bounced_addresses);
  EXPECT_EQ(addresses_in_text(report, 5).size(), 5u);
}

TEST(ReadMailHeader, KeepsWhatTheWiringNeeds) {
  const auto header = read_mail_header(
      "From: Jane Doe <jane@acme.example>\r\nDate: Tue, 3 Mar 2026 10:00:00 +0000\r\n"
      "Subject: =?UTF-8?Q?Re:_caf=C3=A9?=\r\nMessage-ID: <1@acme.example>\r\n");
  EXPECT_EQ(header.subject, "Re: café");
  EXPECT_EQ(header.message_id, "<1@acme.example>");
  ASSERT_TRUE(header.date.has_value());
  EXPECT_EQ(header.from.at(0).name, "Jane Doe");
}

}  // namespace
}  // namespace touchbase
