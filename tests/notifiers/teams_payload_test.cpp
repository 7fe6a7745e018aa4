#include "notifiers/teams_payload.h"

#include <gtest/gtest.h>

#include "tests/notifiers/notifier_testing.h"

namespace touchbase {
namespace {

using nlohmann::json;

TEST(TeamsPayload, IsAMessageWithOneAdaptiveCard) {
  const json p = teams_payload(testing::sample_message());
  EXPECT_EQ(p["type"], "message");
  ASSERT_EQ(p["attachments"].size(), 1u);
  const json& attachment = p["attachments"][0];
  EXPECT_EQ(attachment["contentType"], "application/vnd.microsoft.card.adaptive");
  EXPECT_TRUE(attachment["contentUrl"].is_null());
  const json& card = attachment["content"];
  EXPECT_EQ(card["type"], "AdaptiveCard");
  EXPECT_EQ(card["version"], "1.4");
  EXPECT_EQ(card["body"][0]["text"], "Follow up with Jane Doe \\(Acme GmbH, proposal\\)");
  EXPECT_EQ(card["body"][0]["weight"], "Bolder");
  const json& facts = card["body"][1]["facts"];
  ASSERT_EQ(facts.size(), 5u);
  EXPECT_EQ(facts[0], (json{{"title", "Company"}, {"value", "Acme GmbH"}}));
  EXPECT_EQ(facts[4], (json{{"title", "Next step"}, {"value", "send the pricing deck"}}));
  const json& log = card["body"][card["body"].size() - 2];
  EXPECT_EQ(log["text"], "touchbase log jane-doe --outcome touched");
  EXPECT_EQ(log["fontType"], "Monospace");
  EXPECT_EQ(card["body"].back()["text"], "\\(or --outcome replied, meeting or no-answer\\)");
  ASSERT_EQ(card["actions"].size(), 1u);
  EXPECT_EQ(card["actions"][0]["type"], "Action.OpenUrl");
  EXPECT_EQ(card["actions"][0]["url"], "https://example.com/benchmark");
}

TEST(TeamsPayload, ANonWebLinkBecomesNoAction) {
  auto m = testing::sample_message();
  m.talking_point_link = "javascript:alert(1)";
  EXPECT_FALSE(teams_payload(m)["attachments"][0]["content"].contains("actions"));
}

}  // namespace
}  // namespace touchbase
