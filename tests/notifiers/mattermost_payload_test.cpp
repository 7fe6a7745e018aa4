#include "notifiers/mattermost_payload.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace touchbase
