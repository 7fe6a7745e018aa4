#include "notifiers/discord_payload.h"

#include <gtest/gtest.h>

#include "notifiers/text.h"
#include "tests/notifiers/notifier_testing.h"

namespace touchbase {
namespace {

using nlohmann::json;

TEST(DiscordPayload, HasContentOneEmbedAndNoMentions) {
  const json p = discord_payload(testing::sample_message());
  EXPECT_EQ(p["content"], "Follow up with Jane Doe \\(Acme GmbH, proposal\\)");
  EXPECT_EQ(p["allowed_mentions"], (json{{"parse", json::array()}}));
  ASSERT_EQ(p["embeds"].size(), 1u);
  const json& embed = p["embeds"][0];
  EXPECT_EQ(embed["title"], "Follow up with Jane Doe (Acme GmbH, proposal)");
  EXPECT_EQ(embed["url"], "https://example.com/benchmark");
  EXPECT_EQ(embed["footer"]["text"],
            "Log it: touchbase log jane-doe --outcome touched (or --outcome replied, meeting or no-answer)");
  ASSERT_EQ(embed["fields"].size(), 6u);
  EXPECT_EQ(embed["fields"][0], (json{{"name", "Company"}, {"value", "Acme GmbH"}, {"inline", true}}));
  EXPECT_EQ(embed["fields"][5]["name"], "Next step");
}

TEST(DiscordPayload, ContentStaysWithinTwoThousandCharacters) {
  auto m = testing::sample_message();
  m.contact_name = std::string(5000, 'a');
  const json p = discord_payload(m);
  EXPECT_EQ(count_chars(p["content"].get<std::string>()), k_discord_content_limit);
  EXPECT_LE(count_chars(p["embeds"][0]["title"].get<std::string>()), k_discord_title_limit);
}

TEST(DiscordPayload, TheTalkingPointFieldCarriesItsLinkEvenWhenCut) {
  auto m = testing::sample_message();
  json field = discord_payload(m)["embeds"][0]["fields"][4];
  EXPECT_EQ(field["name"], "Talking point");
  EXPECT_EQ(field["value"],
            "Share the Q4 onboarding benchmark: median time-to-value fell 18% https://example.com/benchmark");
  m.talking_point = std::string(800, 'x');
  std::string value = discord_payload(m)["embeds"][0]["fields"][4]["value"].get<std::string>();
  EXPECT_EQ(count_chars(value), k_discord_field_limit);
  EXPECT_TRUE(value.ends_with("… https://example.com/benchmark")) << value;
}

}  // namespace
}  // namespace touchbase
