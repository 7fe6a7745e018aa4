#include "notifiers/mattermost_payload.h"

#include <gtest/gtest.h>

#include "notifiers/reminder_json.h"
#include "notifiers/text.h"
#include "tests/notifiers/notifier_testing.h"

namespace touchbase {
namespace {

TEST(MattermostPayload, IsOneMarkdownMessageWithEveryField) {
  const auto p = mattermost_payload(testing::sample_message());
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(
      p["text"],
      "#### Follow up with Jane Doe \\(Acme GmbH, proposal\\)\n"
      "**When:** Tue 16:00 Europe/Berlin \\(09:00 America/Chicago\\)\n"
      "**How:** call +49 30 1234567\n"
      "**Why now:** 3rd touch, 9 days after the last, no reply yet; Tuesday 16:00 in Berlin is the window Jane "
      "asked for\n"
      "**Next step:** send the pricing deck\n"
      "**Talking point:** Share the Q4 onboarding benchmark: median time-to-value fell 18% "
      "[link](https://example.com/benchmark)\n"
      "**Log it:** `touchbase log jane-doe --outcome touched` \\(or --outcome replied, meeting or no-answer\\)\n");
}

TEST(MattermostPayload, MarkdownInContactDataShowsLiterally) {
  auto m = testing::sample_message();
  m.contact_name = "*Jane* [x](https://evil.test)";
  const std::string text = mattermost_payload(m)["text"];
  EXPECT_NE(text.find("\\*Jane\\* \\[x\\]\\(https://evil.test\\)"), std::string::npos) << text;
}

TEST(MattermostPayload, ChannelWideMentionsInContactDataNotifyNobody) {
  auto m = testing::sample_message();
  m.contact_name = "Jane @channel";
  m.why = "asked for @ALL and @here, mail jane@example.com";
  m.next_step = "@Channel.";
  const std::string text = mattermost_payload(m)["text"];
  for (std::string_view mention : {"@channel", "@ALL", "@here", "@Channel"}) {
    EXPECT_EQ(text.find(mention), std::string::npos) << mention << " in " << text;
  }
  EXPECT_NE(text.find("Jane @\u200Bchannel"), std::string::npos) << text;
  EXPECT_NE(text.find("asked for @\u200BALL and @\u200Bhere, mail jane@example.com"), std::string::npos) << text;
  EXPECT_NE(text.find("**Next step:** @\u200BChannel."), std::string::npos) << text;
}

TEST(MattermostPayload, ActionLinksEndTheTextAsMarkdownLinksALinePerRow) {
  const auto p = nlohmann::json::parse(dump_json(mattermost_payload(testing::sample_message_with_actions())));
  const std::string text = p["text"];
  const std::string url = testing::sample_action_url("touched");
  const std::size_t links = text.find("\n[Touched](" + url + ") · [Replied](");
  ASSERT_NE(links, std::string::npos) << text;
  EXPECT_EQ(text.substr(0, links + 1), mattermost_payload(testing::sample_message())["text"]);
  EXPECT_NE(text.find("\n[Snooze 1 day]("), std::string::npos);
  EXPECT_NE(text.find("\n[Jane Doe's page](" + testing::sample_action_url("page") + ") · [Today's follow-ups]("),
            std::string::npos);
  EXPECT_EQ(text.back(), '\n');
}

TEST(MattermostPayload, ActionLabelsShowLiterallyAndTheLinksStayWholeAfterALongText) {
  auto m = testing::sample_message_with_actions();
  m.why = std::string(20000, 'w');
  m.actions[0].label = "@all [x](https://evil.test)";
  const std::string text = mattermost_payload(m)["text"];
  EXPECT_LE(count_chars(text), k_mattermost_post_limit);
  EXPECT_NE(text.find("[@\u200Ball \\[x\\]\\(https://evil.test\\)](" + testing::sample_action_url("touched") + ")"),
            std::string::npos);
  for (const ActionLink& link : testing::sample_actions()) EXPECT_NE(text.find(link.url), std::string::npos);
}

}  // namespace
}  // namespace touchbase
