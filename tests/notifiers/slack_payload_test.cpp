#include "notifiers/slack_payload.h"

#include <gtest/gtest.h>

#include "notifiers/reminder_json.h"
#include "notifiers/text.h"
#include "tests/notifiers/notifier_testing.h"

namespace touchbase {
namespace {

using nlohmann::json;

TEST(SlackPayload, HasFallbackTextAndBlocksInReadingOrder) {
  const json p = slack_payload(testing::sample_message());
  EXPECT_EQ(p["text"], "Follow up with Jane Doe (Acme GmbH, proposal)");
  const json& blocks = p["blocks"];
  ASSERT_EQ(blocks.size(), 6u);
  EXPECT_EQ(blocks[0]["type"], "header");
  EXPECT_EQ(blocks[0]["text"]["type"], "plain_text");
  EXPECT_EQ(blocks[0]["text"]["text"], "Follow up with Jane Doe (Acme GmbH, proposal)");
  ASSERT_EQ(blocks[1]["fields"].size(), 4u);
  EXPECT_EQ(blocks[1]["fields"][0]["text"], "*Company*\nAcme GmbH");
  EXPECT_EQ(blocks[1]["fields"][3]["text"], "*How*\ncall +49 30 1234567");
  EXPECT_EQ(blocks[2]["text"]["text"].get<std::string>().rfind("*Why now*\n3rd touch", 0), 0u);
  EXPECT_EQ(blocks[3]["text"]["text"],
            "*Talking point*\nShare the Q4 onboarding benchmark: median time-to-value fell 18% "
            "<https://example.com/benchmark|link>");
  EXPECT_EQ(blocks[4]["text"]["text"], "*Next step*\nsend the pricing deck");
  EXPECT_EQ(blocks[5]["type"], "context");
  EXPECT_EQ(blocks[5]["elements"][0]["text"],
            "Log it: `touchbase log jane-doe --outcome touched` (or --outcome replied, meeting or no-answer)");
}

TEST(SlackPayload, ContactDataCannotMentionOrLink) {
  auto m = testing::sample_message();
  m.contact_name = "<!channel> & <https://evil.test|click>";
  const json p = slack_payload(m);
  EXPECT_EQ(p["text"], "Follow up with &lt;!channel&gt; &amp; &lt;https://evil.test|click&gt; (Acme GmbH, proposal)");
}

TEST(SlackPayload, EmptyFieldsLeaveNoEmptyBlocks) {
  ReminderMessage m;
  m.contact_name = "Jane";
  const json p = slack_payload(m);
  ASSERT_EQ(p["blocks"].size(), 1u);
  EXPECT_EQ(p["blocks"][0]["type"], "header");
}

TEST(SlackPayload, HeaderIsCutToSlacksLimit) {
  auto m = testing::sample_message();
  m.contact_name = std::string(300, 'x');
  const json p = slack_payload(m);
  EXPECT_EQ(count_chars(p["blocks"][0]["text"]["text"].get<std::string>()), k_slack_header_limit);
}

TEST(SlackPayload, ActionLinksAreLinkButtonsInAnActionsBlockPerRowAfterTheText) {
  const json p = json::parse(dump_json(slack_payload(testing::sample_message_with_actions())));
  const json& blocks = p["blocks"];
  ASSERT_EQ(blocks.size(), 9u);
  EXPECT_EQ(blocks[5]["type"], "context");
  const std::size_t expected_sizes[] = {4, 4, 2};
  std::vector<ActionLink> shown;
  for (std::size_t b = 0; b < 3; ++b) {
    const json& block = blocks[6 + b];
    EXPECT_EQ(block["type"], "actions");
    ASSERT_EQ(block["elements"].size(), expected_sizes[b]);
    for (const json& button : block["elements"]) {
      EXPECT_EQ(button["type"], "button");
      EXPECT_EQ(button["text"]["type"], "plain_text");
      shown.push_back({button["action_id"], button["text"]["text"], button["url"]});
    }
  }
  EXPECT_EQ(shown, testing::sample_actions());
}

TEST(SlackPayload, ButtonLabelsArePlainTextAndKeptWithinSlacksLimits) {
  struct Case {
    std::string label;
    std::string url;
    std::string shown_label;  // empty: no button
  };
  const Case cases[] = {
      {"<!channel> & <https://evil.test|x>", "https://t.example/a", "<!channel> & <https://evil.test|x>"},
      {"Line\nbreak", "https://t.example/a", "Line break"},
      {std::string(100, 'x'), "https://t.example/a", std::string(74, 'x') + "…"},
      {"Too long a URL", "https://t.example/" + std::string(3000, 'a'), ""},
      {"Not a web link", "javascript:alert(1)", ""},
  };
  for (const Case& c : cases) {
    auto m = testing::sample_message();
    m.actions = {{"touched", c.label, c.url}};
    const json blocks = json::parse(dump_json(slack_payload(m)))["blocks"];
    if (c.shown_label.empty()) {
      EXPECT_NE(blocks.back()["type"], "actions") << c.label;
      continue;
    }
    ASSERT_EQ(blocks.back()["type"], "actions") << c.label;
    const json& button = blocks.back()["elements"][0];
    EXPECT_EQ(button["text"]["text"], c.shown_label);
    EXPECT_LE(count_chars(button["text"]["text"].get<std::string>()), k_slack_button_text_limit);
    EXPECT_EQ(button["url"], c.url);
  }
}

TEST(SlackPayload, MoreOutcomesThanABlockTakesContinueInTheNextBlock) {
  auto m = testing::sample_message();
  for (int i = 0; i < 30; ++i) m.actions.push_back({"touched", "Touched", testing::sample_action_url("t")});
  const json blocks = slack_payload(m)["blocks"];
  ASSERT_EQ(blocks.size(), 8u);
  EXPECT_EQ(blocks[6]["elements"].size(), k_slack_actions_per_block);
  EXPECT_EQ(blocks[7]["elements"].size(), 5u);
}

}  // namespace
}  // namespace touchbase
