// [notifiers.NAME]: the keys each kind needs and accepts.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/load_config.h"
#include "tests/config/config_test_support.h"

namespace touchbase::testing {
namespace {

using ::testing::ElementsAre;

TEST(ReadNotifiers, EmailNeedsAUrlAFromAndATo) {
  EXPECT_THAT(errors_with_rest("[notifiers.mail]\nkind = \"email\"\n"),
              ElementsAre("t.toml:1:1: notifiers.mail.url: missing required key: give the URL as url, url_file or "
                          "url_env",
                          "t.toml:1:1: notifiers.mail.from: missing required key: expected an address like "
                          "\"touchbase <touchbase@example.com>\"",
                          "t.toml:1:1: notifiers.mail.to: missing required key: expected an array of addresses like "
                          "[\"alice@example.com\"]"));
}

TEST(ReadNotifiers, EmailValuesAreRead) {
  Config c = load_ok(R"([notifiers.mail]
kind = "email"
url = "smtps://smtp.example.com:465"
from = "touchbase <touchbase@example.com>"
to = ["alice@example.com", "bob@example.com"]
)" + k_minimal_rest);
  const NotifierConfig& n = c.notifiers.at("mail");
  EXPECT_EQ(n.name, "mail");
  EXPECT_EQ(n.kind, NotifierKind::email);
  EXPECT_EQ(n.url, "smtps://smtp.example.com:465");
  EXPECT_EQ(n.from, "touchbase <touchbase@example.com>");
  EXPECT_EQ(n.to, (std::vector<std::string>{"alice@example.com", "bob@example.com"}));
  EXPECT_EQ(n.username, "");
  EXPECT_EQ(n.password, "");
}

TEST(ReadNotifiers, EachKindKeepsToItsServicesRateUnlessToldOtherwise) {
  using std::chrono::seconds;
  auto rate_of = [](const std::string& kind, const std::string& extra) {
    Config c = load_ok("[notifiers.chat]\nkind = \"" + kind + "\"\nurl = \"https://chat.example.com/hook\"\n" + extra +
                       k_minimal_rest);
    return c.notifiers.at("chat").rate;
  };
  EXPECT_EQ(rate_of("slack", ""), (Rate{1, seconds(1)}));
  EXPECT_EQ(rate_of("google-chat", ""), (Rate{60, seconds(60)}));
  EXPECT_EQ(rate_of("discord", ""), (Rate{5, seconds(2)}));
  EXPECT_EQ(rate_of("mattermost", ""), std::nullopt);
  EXPECT_EQ(rate_of("slack", "rate = \"10/m\"\n"), (Rate{10, seconds(60)}));
  EXPECT_EQ(rate_of("slack", "rate = \"unlimited\"\n"), std::nullopt);
}

TEST(ReadNotifiers, ABadRateSaysWhatWasExpected) {
  EXPECT_THAT(errors_with_rest("[notifiers.chat]\nkind = \"slack\"\nurl = \"https://chat.example.com/hook\"\n"
                               "rate = \"fast\"\n"),
              ElementsAre("t.toml:4:8: notifiers.chat.rate: 'fast' is not a rate: expected a count per period, "
                          "like 1/s, 60/m or 5/2s, or \"unlimited\""));
}

TEST(ReadNotifiers, AnEmailUrlMustBeSmtp) {
  EXPECT_THAT(errors_with_rest("[notifiers.mail]\nkind = \"email\"\nurl = \"https://smtp.example.com\"\n"
                               "from = \"t@example.com\"\nto = [\"a@example.com\"]\n"),
              ElementsAre("t.toml:3:7: notifiers.mail.url: expected a URL starting with smtp:// or smtps://"));
}

TEST(ReadNotifiers, AnEmailNeedsAtLeastOneRecipient) {
  EXPECT_THAT(errors_with_rest("[notifiers.mail]\nkind = \"email\"\nurl = \"smtp://localhost:25\"\n"
                               "from = \"t@example.com\"\nto = []\n"),
              ElementsAre("t.toml:5:6: notifiers.mail.to: expected at least one address, like "
                          "[\"alice@example.com\"]"));
}

TEST(ReadNotifiers, EveryChatKindNeedsAnHttpUrl) {
  for (std::string kind : {"slack", "teams", "discord", "mattermost", "google-chat"}) {
    EXPECT_THAT(errors_with_rest("[notifiers.chat]\nkind = \"" + kind + "\"\n"),
                ElementsAre("t.toml:1:1: notifiers.chat.url: missing required key: give the URL as url, url_file "
                            "or url_env"));
    EXPECT_THAT(errors_with_rest("[notifiers.chat]\nkind = \"" + kind + "\"\nurl = \"ftp://chat.example.com\"\n"),
                ElementsAre("t.toml:3:7: notifiers.chat.url: expected a URL starting with https:// or http://"));
    Config c = load_ok("[notifiers.chat]\nkind = \"" + kind + "\"\nurl = \"https://chat.example.com/hook\"\n" +
                       k_minimal_rest);
    EXPECT_EQ(to_string(c.notifiers.at("chat").kind), kind);
    EXPECT_EQ(c.notifiers.at("chat").url, "https://chat.example.com/hook");
  }
}

TEST(ReadNotifiers, AWebhookNeedsASecret) {
  EXPECT_THAT(errors_with_rest("[notifiers.crm]\nkind = \"webhook\"\nurl = \"https://crm.example.com/hooks\"\n"),
              ElementsAre("t.toml:1:1: notifiers.crm.secret_file: missing required key: give the secret as "
                          "secret_file or secret_env"));
}

TEST(ReadNotifiers, AWebhookSecretIsAStandardWebhooksSecret) {
  ScopedEnv secret("TB_TEST_WEBHOOK_SECRET", "plain-secret");
  EXPECT_THAT(errors_with_rest("[notifiers.crm]\nkind = \"webhook\"\nurl = \"https://crm.example.com/hooks\"\n"
                               "secret_env = \"TB_TEST_WEBHOOK_SECRET\"\n"),
              ElementsAre("t.toml:4:14: notifiers.crm.secret_env: expected a Standard Webhooks secret starting with "
                          "whsec_ (from $TB_TEST_WEBHOOK_SECRET)"));
}

TEST(ReadNotifiers, ACommandNeedsAProgram) {
  EXPECT_THAT(errors_with_rest("[notifiers.cmd]\nkind = \"command\"\n"),
              ElementsAre("t.toml:1:1: notifiers.cmd.command: missing required key: expected an array like "
                          "[\"notify-send\", \"touchbase\"]"));
  EXPECT_THAT(errors_with_rest("[notifiers.cmd]\nkind = \"command\"\ncommand = []\n"),
              ElementsAre("t.toml:3:11: notifiers.cmd.command: expected the program to run and its arguments, like "
                          "[\"notify-send\", \"touchbase\"]"));
  EXPECT_THAT(errors_with_rest("[notifiers.cmd]\nkind = \"command\"\ncommand = \"notify-send touchbase\"\n"),
              ElementsAre("t.toml:3:11: notifiers.cmd.command: expected an array like [\"notify-send\", "
                          "\"touchbase\"], got a string"));
}

TEST(ReadNotifiers, ACommandIsReadAsArgv) {
  Config c =
      load_ok("[notifiers.cmd]\nkind = \"command\"\ncommand = [\"notify-send\", \"touchbase\"]\n" + k_minimal_rest);
  EXPECT_EQ(c.notifiers.at("cmd").command, (std::vector<std::string>{"notify-send", "touchbase"}));
  EXPECT_EQ(c.notifiers.at("console").kind, NotifierKind::console);
}

TEST(ReadNotifiers, AnInlinePasswordIsRejected) {
  EXPECT_THAT(errors_with_rest("[notifiers.mail]\nkind = \"email\"\nurl = \"smtp://localhost:25\"\n"
                               "from = \"t@example.com\"\nto = [\"a@example.com\"]\nusername = \"t\"\n"
                               "password = \"hunter2\"\n"),
              ElementsAre("t.toml:7:1: notifiers.mail.password: an inline password is not allowed: put it in a file "
                          "and use password_file, or use password_env"));
}

TEST(ReadNotifiers, AnInlineWebhookSecretIsRejected) {
  ScopedEnv secret("TB_TEST_WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  EXPECT_THAT(errors_with_rest("[notifiers.crm]\nkind = \"webhook\"\nurl = \"https://crm.example.com/hooks\"\n"
                               "secret_env = \"TB_TEST_WEBHOOK_SECRET\"\nsecret = \"whsec_abc\"\n"),
              ElementsAre("t.toml:5:1: notifiers.crm.secret: an inline secret is not allowed: put it in a file and "
                          "use secret_file, or use secret_env"));
}

TEST(ReadNotifiers, APasswordNeedsAUsername) {
  ScopedEnv password("TB_TEST_SMTP_PASSWORD", "pw");
  EXPECT_THAT(errors_with_rest("[notifiers.mail]\nkind = \"email\"\nurl = \"smtp://localhost:25\"\n"
                               "from = \"t@example.com\"\nto = [\"a@example.com\"]\n"
                               "password_env = \"TB_TEST_SMTP_PASSWORD\"\n"),
              ElementsAre("t.toml:6:16: notifiers.mail.password_env: a password needs a username: add username"));
}

TEST(ReadNotifiers, AKeyOfAnotherKindIsNamedAsSuch) {
  EXPECT_THAT(errors_with_rest("[notifiers.chat]\nkind = \"slack\"\nurl = \"https://hooks.slack.com/x\"\n"
                               "from = \"me\"\n"),
              ElementsAre("t.toml:4:1: notifiers.chat.from: 'from' does not apply to a notifier of kind slack"));
}

TEST(ReadNotifiers, AnUnknownKeySuggestsAKeyOfTheKind) {
  EXPECT_THAT(errors_with_rest("[notifiers.mail]\nkind = \"email\"\nurl = \"smtp://localhost:25\"\n"
                               "from = \"t@example.com\"\nto = [\"a@example.com\"]\nusename = \"t\"\n"),
              ElementsAre("t.toml:6:1: notifiers.mail.usename: unknown key 'usename' in notifiers.mail; did you "
                          "mean 'username'?"));
}

TEST(ReadNotifiers, AnUnknownKindSuggestsTheNearest) {
  EXPECT_THAT(errors_with_rest("[notifiers.mail]\nkind = \"emial\"\nurl = \"smtp://localhost:25\"\n"),
              ElementsAre("t.toml:2:8: notifiers.mail.kind: unknown notifier kind 'emial': expected email, slack, "
                          "teams, discord, mattermost, google-chat, webhook, console or command; did you mean "
                          "'email'?"));
}

TEST(ReadNotifiers, KindIsRequired) {
  EXPECT_THAT(errors_with_rest("[notifiers.mail]\nurl = \"smtp://localhost:25\"\n"),
              ElementsAre("t.toml:1:1: notifiers.mail.kind: missing required key: expected one of email, slack, "
                          "teams, discord, mattermost, google-chat, webhook, console or command"));
}

TEST(ReadNotifiers, AConsoleNotifierTakesNoOtherKeys) {
  EXPECT_THAT(errors_with_rest("[notifiers.screen]\nkind = \"console\"\nurl = \"https://example.com\"\n"),
              ElementsAre("t.toml:3:1: notifiers.screen.url: 'url' does not apply to a notifier of kind console"));
}

}  // namespace
}  // namespace touchbase::testing
