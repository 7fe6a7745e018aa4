#include "notifiers/mattermost_payload.h"

#include <gtest/gtest.h>

#include "tests/notifiers/notifier_testing.h"

namespace touchbase {
namespace {

TEST(MattermostPayload, IsOneMarkdownMessageWithEveryField) {
  const auto p = mattermost_payload(testing::sample_message());
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p["text"],
            "#### Follow up with Jane Doe \\(Acme GmbH, proposal\\)\n"
            "**When:** Tue 16:00 Europe/Berlin \\(09:00 America/Chicago\\)\n"
            "**How:** call +49 30 1234567\n"
            "**Why now:** 3rd touch, 9 days after the last, no reply yet; Tuesday 16:00 in Berlin is the window Jane "
            "asked for\n"
            "**Next step:** send the pricing deck\n"
            "**Talking point:** Share the Q4 onboarding benchmark: median time-to-value fell 18% "
            "[link](https://example.com/benchmark)\n"
            "**Log it:** `touchbase log jane-doe --outcome touched`\n");
}

TEST(MattermostPayload, MarkdownInContactDataShowsLiterally) {
  auto m = testing::sample_message();
  m.contact_name = "*Jane* [x](https://evil.test)";
  const std::string text = mattermost_payload(m)["text"];
  EXPECT_NE(text.find("\\*Jane\\* \\[x\\]\\(https://evil.test\\)"), std::string::npos) << text;
}

}  // namespace
}  // namespace touchbase
