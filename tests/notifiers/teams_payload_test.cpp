#include "notifiers/teams_payload.h"

#include <gtest/gtest.h>

#include "notifiers/reminder_json.h"
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

TEST(TeamsPayload, ActionLinksEndTheBodyAsOpenUrlActionsInAnActionSetPerRow) {
  const json p = json::parse(dump_json(teams_payload(testing::sample_message_with_actions())));
  const json& card = p["attachments"][0]["content"];
  const json& body = card["body"];
  ASSERT_GE(body.size(), 3u);
  EXPECT_EQ(body[body.size() - 4]["text"], "\\(or --outcome replied, meeting or no-answer\\)");
  const std::size_t expected_sizes[] = {4, 4, 2};
  std::vector<ActionLink> shown;
  for (std::size_t s = 0; s < 3; ++s) {
    const json& set = body[body.size() - 3 + s];
    EXPECT_EQ(set["type"], "ActionSet");
    ASSERT_EQ(set["actions"].size(), expected_sizes[s]);
    for (const json& action : set["actions"]) {
      EXPECT_EQ(action["type"], "Action.OpenUrl");
      shown.push_back({"", action["title"], action["url"]});
    }
  }
  auto expected = testing::sample_actions();
  for (auto& link : expected) link.name.clear();
  EXPECT_EQ(shown, expected);
  ASSERT_EQ(card["actions"].size(), 1u) << "the talking point's link stays the card's own action";
}

TEST(TeamsPayload, NoActionSetHoldsMoreActionsThanTeamsShows) {
  const std::pair<std::size_t, std::vector<std::size_t>> cases[] = {{1, {1}}, {6, {6}}, {7, {6, 1}}, {14, {6, 6, 2}}};
  for (const auto& [outcomes, expected_sizes] : cases) {
    auto m = testing::sample_message();
    for (std::size_t i = 0; i < outcomes; ++i) m.actions.push_back({"replied", "Replied", "https://t.example/a"});
    std::vector<std::size_t> sizes;
    const json p = teams_payload(m);
    for (const json& item : p["attachments"][0]["content"]["body"]) {
      if (item["type"] == "ActionSet") sizes.push_back(item["actions"].size());
    }
    EXPECT_EQ(sizes, expected_sizes) << outcomes;
    for (std::size_t size : sizes) EXPECT_LE(size, k_teams_actions_per_set);
  }
}

}  // namespace
}  // namespace touchbase
