// IMAP replies as dovecot and libcurl hand them over, and forged or cut ones.

#include "mailbox/imap_reply.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

TEST(UidvalidityOf, ReadsTheResponseCode) {
  EXPECT_EQ(uidvalidity_of("* 3 EXISTS\r\n* OK [UIDVALIDITY 1796532739] UIDs valid\r\n"), 1796532739u);
  EXPECT_EQ(uidvalidity_of("* 3 EXISTS\r\n"), std::nullopt);
  EXPECT_EQ(uidvalidity_of("* OK [UIDVALIDITY 99999999999] x\r\n"), std::nullopt);
  EXPECT_EQ(uidvalidity_of("* OK [UIDVALIDITY 0] x\r\n"), std::nullopt);
}

TEST(SearchUids, AreSortedUniqueAndTheLowestWithinTheLimit) {
  EXPECT_EQ(search_uids("* SEARCH 9 4 7 4\r\n", 10), (std::vector<Uid>{4, 7, 9}));
  EXPECT_EQ(search_uids("* SEARCH 9 4 7\r\n", 2), (std::vector<Uid>{4, 7}));
  EXPECT_TRUE(search_exceeds("* SEARCH 9 4 7\r\n", 2));
  EXPECT_TRUE(search_uids("* SEARCH\r\n* 4 EXISTS\r\n", 10).empty());
  EXPECT_EQ(search_uids("* SEARCH x 5 -3 99999999999\r\n", 10), (std::vector<Uid>{3, 5}));
}

TEST(FetchedLiteral, IsExactlyTheAnnouncedBytesForThatUid) {
  const std::string transcript =
      "A002 OK Logged in\r\n* 1 FETCH (UID 7 BODY[HEADER.FIELDS (FROM)] {24}\r\nFrom: jane@acme.example\r\n)\r\n"
      "A003 OK Fetch completed.\r\n";
  EXPECT_EQ(fetched_literal(transcript, 7), "From: jane@acme.example\r");
  EXPECT_EQ(fetched_literal(transcript, 8), std::nullopt);
}

TEST(FetchedLiteral, ACutReplyGivesNothing) {
  EXPECT_EQ(fetched_literal("* 1 FETCH (UID 7 BODY[] {5000}\r\nFrom: x\r\n", 7), std::nullopt);
  EXPECT_EQ(fetched_literal("* 1 FETCH (UID 7 BODY[] {99999999999999999999}\r\n", 7), std::nullopt);
  EXPECT_EQ(fetched_literal("* 1 FETCH (UID 7 BODY[] {}\r\n", 7), std::nullopt);
}

TEST(ListedFolders, UnquotesNamesAndSkipsLiterals) {
  EXPECT_EQ(listed_folders("* LIST (\\HasNoChildren) \".\" INBOX\r\n* LIST () \".\" \"Sent Items\"\r\n"
                           "* LIST () NIL {5}\r\n* LIST () \".\" \"a\\\"b\"\r\n",
                           10),
            (std::vector<std::string>{"INBOX", "Sent Items", "a\"b"}));
}

TEST(ImapArguments, AreQuotedAndDatedAsSearchTakesThem) {
  EXPECT_EQ(imap_quoted("Sent \"x\\y\""), "\"Sent \\\"x\\\\y\\\"\"");
  EXPECT_EQ(imap_date(date::sys_days(date::year(2026) / 3 / 3)), "3-Mar-2026");
}

}  // namespace
}  // namespace touchbase
