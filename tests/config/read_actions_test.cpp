// [daemon]'s keys for the one-click action links.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/load_config.h"
#include "tests/config/config_test_support.h"

namespace touchbase::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::string k_key_a(40, 'a');
const std::string k_key_b(48, 'b');

TEST(ReadActions, WithoutActionsListenLinksAreOffAndTheTtlHasItsDefault) {
  Config c = load_ok(k_minimal_rest);
  EXPECT_EQ(c.daemon.actions_listen, "");
  EXPECT_TRUE(c.daemon.action_keys.empty());
  EXPECT_EQ(c.daemon.action_link_ttl, k_default_action_link_ttl);
}

TEST(ReadActions, EveryKeyIsReadAndEachLineOfTheSecretIsAKeyTheFirstSigning) {
  ScopedEnv keys("TB_TEST_ACTION_KEYS", ("\n  " + k_key_a + "  \n\n" + k_key_b + "\r\n").c_str());
  Config c = load_ok(R"([daemon]
actions_listen = "127.0.0.1:8470"
public_url = "https://touchbase.example.com/sales/"
actions_secret_env = "TB_TEST_ACTION_KEYS"
action_link_ttl = "7d"
)" + k_minimal_rest);
  EXPECT_EQ(c.daemon.actions_listen, "127.0.0.1:8470");
  EXPECT_EQ(c.daemon.public_url, "https://touchbase.example.com/sales");
  EXPECT_THAT(c.daemon.action_keys, ElementsAre(k_key_a, k_key_b));
  EXPECT_EQ(c.daemon.action_link_ttl, std::chrono::days(7));
}

TEST(ReadActions, PlainHttpIsAcceptedOnlyToALoopbackHost) {
  ScopedEnv keys("TB_TEST_ACTION_KEYS", k_key_a.c_str());
  auto config = [](std::string url) {
    return "[daemon]\nactions_listen = \"127.0.0.1:8470\"\npublic_url = \"" + url +
           "\"\nactions_secret_env = \"TB_TEST_ACTION_KEYS\"\n";
  };
  EXPECT_EQ(load_ok(config("http://127.0.0.1:8470") + k_minimal_rest).daemon.public_url, "http://127.0.0.1:8470");
  EXPECT_THAT(errors_with_rest(config("http://touchbase.example.com")),
              ElementsAre("t.toml:3:14: daemon.public_url: expected an https:// URL (http:// only to localhost or "
                          "127.0.0.1): links carry tokens"));
  EXPECT_THAT(errors_with_rest(config("https://touchbase.example.com/?x=1")),
              ElementsAre(HasSubstr("expected a URL without credentials, query or fragment")));
  EXPECT_THAT(errors_with_rest(config("touchbase.example.com")), ElementsAre(HasSubstr("is not a URL")));
}

TEST(ReadActions, ActionsListenNeedsAPublicUrlAndAKey) {
  auto errors = errors_with_rest("[daemon]\nactions_listen = \"127.0.0.1:8470\"\n");
  EXPECT_THAT(errors, ElementsAre(HasSubstr("daemon.public_url"), HasSubstr("actions_secret_file")));
}

TEST(ReadActions, AShortKeyIsRefusedByItsLineWithoutShowingIt) {
  ScopedEnv keys("TB_TEST_ACTION_KEYS", (k_key_a + "\nshort-key-9f2c").c_str());
  auto errors = errors_with_rest(
      "[daemon]\nactions_listen = \"127.0.0.1:8470\"\npublic_url = \"https://t.example.com\"\n"
      "actions_secret_env = \"TB_TEST_ACTION_KEYS\"\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], HasSubstr("key 2 is 14 characters long: expected at least 32 (from $TB_TEST_ACTION_KEYS)"));
  EXPECT_THAT(errors[0], ::testing::Not(HasSubstr("9f2c")));
}

TEST(ReadActions, LinkKeysWithoutActionsListenAreAMistakeNotIgnored) {
  EXPECT_THAT(errors_with_rest("[daemon]\npublic_url = \"https://t.example.com\"\n"),
              ElementsAre("t.toml:2:14: daemon.public_url: applies only with actions_listen, which turns the action "
                          "links on"));
}

TEST(ReadActions, ALinkTtlOutsideAnHourToNinetyDaysIsRejected) {
  EXPECT_THAT(errors_with_rest("[daemon]\naction_link_ttl = \"5m\"\n"),
              ElementsAre("t.toml:2:19: daemon.action_link_ttl: expected between 1h and 90d, got 5m"));
}

}  // namespace
}  // namespace touchbase::testing
