#include "notifiers/discord_payload.h"

#include <gtest/gtest.h>

#include "notifiers/reminder_json.h"
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

TEST(DiscordPayload, ActionLinksEndTheDescriptionALinePerRow) {
  const json p = json::parse(dump_json(discord_payload(testing::sample_message_with_actions())));
  const json without = discord_payload(testing::sample_message());
  EXPECT_EQ(p["content"], without["content"]);
  const json& embed = p["embeds"][0];
  const std::string description = embed["description"];
  const std::string why = without["embeds"][0]["description"];
  ASSERT_EQ(description.rfind(why + "\n\n[Touched](" + testing::sample_action_url("touched") + ") · [Replied](", 0), 0u)
      << description;
  for (const ActionLink& link : testing::sample_actions()) {
    EXPECT_NE(description.find("[" + markdown_escape(link.label) + "](" + link.url + ")"), std::string::npos)
        << link.name;
  }
  EXPECT_NE(description.find(")\n[Snooze 1 day]("), std::string::npos);
  EXPECT_NE(description.back(), '\n');
  EXPECT_EQ(embed["fields"], without["embeds"][0]["fields"]);
}

TEST(DiscordPayload, WithoutAReasonTheLinksAreTheWholeDescription) {
  auto m = testing::sample_message_with_actions();
  m.why.clear();
  const std::string description = discord_payload(m)["embeds"][0]["description"];
  EXPECT_EQ(description.rfind("[Touched](", 0), 0u) << description;
}

// All the text of the embed, as Discord counts it against its 6,000.
std::size_t embed_total(const json& embed) {
  std::size_t n = count_chars(embed["title"].get<std::string>()) + count_chars(embed.value("description", "")) +
                  count_chars(embed["footer"]["text"].get<std::string>());
  for (const json& field : embed["fields"]) {
    n += count_chars(field["name"].get<std::string>()) + count_chars(field["value"].get<std::string>());
  }
  return n;
}

TEST(DiscordPayload, LinksBeyondTheEmbedsLimitsKeepThePagesAndNeverCutALink) {
  struct Case {
    std::size_t long_fields;  // characters in every text field
    std::size_t extra_token;  // characters added to every URL
    bool all_shown;
    bool page_shown;
  };
  const Case cases[] = {{0, 0, true, true},     {0, 150, true, true},      {0, 300, false, true},
                        {5000, 0, false, true}, {5000, 600, false, false}, {300, 0, true, true}};
  for (const Case& c : cases) {
    auto m = testing::sample_message_with_actions();
    if (c.long_fields > 0) {
      for (std::string* field : {&m.contact_name, &m.company, &m.stage, &m.due_at, &m.channel, &m.why, &m.talking_point,
                                 &m.next_step, &m.log_command}) {
        *field = std::string(c.long_fields, 'f');
      }
    }
    for (ActionLink& link : m.actions) link.url += std::string(c.extra_token, 'k');
    const json embed = discord_payload(m)["embeds"][0];
    const std::string description = embed.value("description", "");
    EXPECT_LE(count_chars(description), k_discord_description_max) << c.long_fields;
    EXPECT_LE(embed_total(embed), k_discord_embed_limit) << c.long_fields;
    std::size_t shown = 0;
    for (const ActionLink& link : m.actions) {
      const bool url_shown = description.find(link.url) != std::string::npos;
      EXPECT_EQ(url_shown, description.find("](" + link.url + ")") != std::string::npos) << link.name;
      shown += url_shown ? 1 : 0;
    }
    EXPECT_EQ(shown == m.actions.size(), c.all_shown) << c.long_fields << " " << c.extra_token;
    EXPECT_EQ(description.find("](" + m.actions[8].url + ")") != std::string::npos, c.page_shown)
        << "the contact's page: " << c.long_fields << " " << c.extra_token;
  }
}

}  // namespace
}  // namespace touchbase
