#include "notifiers/slack_payload.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace touchbase
