#include "notifiers/google_chat_payload.h"

#include <gtest/gtest.h>

#include "notifiers/reminder_json.h"
#include "tests/notifiers/notifier_testing.h"

namespace touchbase {
namespace {

using nlohmann::json;

TEST(GoogleChatPayload, HasTextAndACardWithHeaderAndWidgets) {
  const json p = google_chat_payload(testing::sample_message());
  EXPECT_EQ(p["text"], "Follow up with Jane Doe (Acme GmbH, proposal)");
  ASSERT_EQ(p["cardsV2"].size(), 1u);
  const json& card = p["cardsV2"][0]["card"];
  EXPECT_EQ(card["header"]["title"], "Follow up with Jane Doe (Acme GmbH, proposal)");
  EXPECT_EQ(card["header"]["subtitle"], "Acme GmbH · proposal");
  const json& widgets = card["sections"][0]["widgets"];
  ASSERT_EQ(widgets.size(), 7u);
  EXPECT_EQ(widgets[0]["decoratedText"]["topLabel"], "When");
  EXPECT_EQ(widgets[4]["textParagraph"]["text"],
            "<b>Talking point:</b> Share the Q4 onboarding benchmark: median time-to-value fell 18%");
  EXPECT_EQ(widgets[5]["textParagraph"]["text"],
            "<b>Log it:</b> <font color=\"#555555\">touchbase log jane-doe --outcome touched</font> (or --outcome "
            "replied, meeting or no-answer)");
  EXPECT_EQ(widgets[6]["buttonList"]["buttons"][0]["onClick"]["openLink"]["url"], "https://example.com/benchmark");
}

TEST(GoogleChatPayload, CardTextIsHtmlEscaped) {
  auto m = testing::sample_message();
  m.why = "<script>x</script> & more";
  const json p = google_chat_payload(m);
  EXPECT_EQ(p["cardsV2"][0]["card"]["sections"][0]["widgets"][3]["textParagraph"]["text"],
            "<b>Why now:</b> &lt;script&gt;x&lt;/script&gt; &amp; more");
}

TEST(GoogleChatUrl, ThreadsPerContactAndUsesTheIdempotencyKeyAsRequestId) {
  auto m = testing::sample_message();
  m.contact_id = "jane doe";
  EXPECT_EQ(google_chat_url("https://chat.googleapis.com/v1/spaces/AAA/messages?key=K&token=T", m),
            "https://chat.googleapis.com/v1/spaces/AAA/messages?key=K&token=T"
            "&messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD&threadKey=jane%20doe"
            "&requestId=rem-42-alice-mail");
}

TEST(GoogleChatPayload, ActionLinksEndTheCardAsAButtonListPerRow) {
  const json p = json::parse(dump_json(google_chat_payload(testing::sample_message_with_actions())));
  const json& widgets = p["cardsV2"][0]["card"]["sections"][0]["widgets"];
  ASSERT_GE(widgets.size(), 4u);
  EXPECT_EQ(widgets[widgets.size() - 4]["buttonList"]["buttons"][0]["text"], "Open the talking point");
  const std::size_t expected_sizes[] = {4, 4, 2};
  std::vector<ActionLink> shown;
  for (std::size_t w = 0; w < 3; ++w) {
    const json& buttons = widgets[widgets.size() - 3 + w]["buttonList"]["buttons"];
    ASSERT_EQ(buttons.size(), expected_sizes[w]);
    for (const json& button : buttons) shown.push_back({"", button["text"], button["onClick"]["openLink"]["url"]});
  }
  auto expected = testing::sample_actions();
  for (auto& link : expected) link.name.clear();
  EXPECT_EQ(shown, expected);
}

}  // namespace
}  // namespace touchbase
