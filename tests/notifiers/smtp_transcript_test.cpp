#include "notifiers/smtp_transcript.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

// A conversation as libcurl's debug callback reports it.
SmtpTranscript conversation(const std::vector<std::pair<char, std::string>>& lines) {
  SmtpTranscript t;
  for (const auto& [who, text] : lines) {
    if (who == '>') t.on_command(text + "\r\n");
    if (who == '<') t.on_reply(text + "\r\n");
  }
  return t;
}

TEST(SmtpTranscript, KeepsTheReplyToEachRecipient) {
  const auto t = conversation({{'<', "220 mx ready"},
                               {'>', "EHLO client"},
                               {'<', "250-mx\r\n250-AUTH PLAIN\r\n250 HELP"},
                               {'>', "MAIL FROM:<tb@example.com>"},
                               {'<', "250 OK"},
                               {'>', "RCPT TO:<a@example.com>"},
                               {'<', "250 OK"},
                               {'>', "RCPT TO:<b@example.com>"},
                               {'<', "550 5.1.1 No such user"},
                               {'>', "DATA"},
                               {'<', "354 go ahead"},
                               {'<', "250 2.0.0 Message accepted"}});
  ASSERT_EQ(t.recipients().size(), 2u);
  EXPECT_EQ(t.recipients()[0].address, "a@example.com");
  EXPECT_EQ(t.recipients()[0].code, 250);
  EXPECT_TRUE(t.recipients()[0].accepted());
  EXPECT_EQ(t.recipients()[1].address, "b@example.com");
  EXPECT_EQ(t.recipients()[1].reply, "550 5.1.1 No such user");
  EXPECT_FALSE(t.recipients()[1].accepted());
  EXPECT_EQ(t.last_step(), SmtpTranscript::Step::message);
  EXPECT_EQ(t.last_code(), 250);
}

TEST(SmtpTranscript, TheReplyAfterTheMessageIsTheEndOfData) {
  const auto t = conversation({{'>', "DATA"}, {'<', "354 go ahead"}, {'<', "554 5.6.0 Message content rejected"}});
  EXPECT_EQ(t.last_step(), SmtpTranscript::Step::message);
  EXPECT_EQ(t.last_reply(), "554 5.6.0 Message content rejected");
  EXPECT_EQ(describe(t.last_step()), "at the end of DATA");
}

TEST(SmtpTranscript, AuthCredentialsAreNeitherKeptNorMistakenForCommands) {
  const auto t = conversation({{'>', "AUTH PLAIN"},
                               {'<', "334 "},
                               {'>', "AHRvdWNoYmFzZQBzM2NyZXQ="},
                               {'<', "535 5.7.8 Authentication credentials invalid"}});
  EXPECT_EQ(t.last_step(), SmtpTranscript::Step::auth);
  EXPECT_EQ(t.last_code(), 535);
  EXPECT_TRUE(t.recipients().empty());
}

TEST(SmtpTranscript, TheReplyToQuitAfterAFailureDoesNotHideTheFailure) {
  const auto t = conversation(
      {{'>', "RCPT TO:<a@example.com>"}, {'<', "550 5.1.1 No such user"}, {'>', "QUIT"}, {'<', "221 Bye"}});
  EXPECT_EQ(t.last_code(), 550);
  EXPECT_EQ(t.last_step(), SmtpTranscript::Step::rcpt_to);
}

}  // namespace
}  // namespace touchbase
