// [[talking_points]]: the value a follow-up carries.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/load_config.h"
#include "tests/config/config_test_support.h"

namespace touchbase::testing {
namespace {

using ::testing::ElementsAre;

TEST(ReadTalkingPoints, EveryValueIsReadInFileOrder) {
  Config c = load_ok(R"([[talking_points]]
id = "q4-benchmark"
text = "Share the Q4 onboarding benchmark"
link = "https://example.com/benchmark"
tags = ["fintech", "saas"]
stages = ["discovery", "proposal"]
steps = [2, 3]
expires = 2027-01-31

[[talking_points]]
id = "ask-for-the-best-time"
text = "Ask when suits them best"
)" + k_minimal_rest);
  ASSERT_EQ(c.talking_points.size(), 2u);
  const TalkingPoint& p = c.talking_points[0];
  EXPECT_EQ(p.id, "q4-benchmark");
  EXPECT_EQ(p.text, "Share the Q4 onboarding benchmark");
  EXPECT_EQ(p.link, "https://example.com/benchmark");
  EXPECT_EQ(p.tags, (std::vector<std::string>{"fintech", "saas"}));
  EXPECT_EQ(p.stages, (std::vector<std::string>{"discovery", "proposal"}));
  EXPECT_EQ(p.steps, (std::vector<int>{2, 3}));
  ASSERT_TRUE(p.expires.has_value());
  EXPECT_EQ(format_date(*p.expires), "2027-01-31");
  const TalkingPoint& q = c.talking_points[1];
  EXPECT_EQ(q.id, "ask-for-the-best-time");
  EXPECT_TRUE(q.link.empty());
  EXPECT_TRUE(q.tags.empty());
  EXPECT_TRUE(q.stages.empty());
  EXPECT_TRUE(q.steps.empty());
  EXPECT_FALSE(q.expires.has_value());
}

TEST(ReadTalkingPoints, IdAndTextAreRequired) {
  EXPECT_THAT(errors_with_rest("[[talking_points]]\nlink = \"https://example.com\"\n"),
              ElementsAre("t.toml:1:1: talking_points[0].id: missing required key: expected a string like "
                          "\"q4-benchmark\"",
                          "t.toml:1:1: talking_points[0].text: missing required key: expected a string"));
}

TEST(ReadTalkingPoints, ADuplicateIdNamesTheLineOfTheFirst) {
  EXPECT_THAT(errors_with_rest("[[talking_points]]\nid = \"a\"\ntext = \"one\"\n\n"
                               "[[talking_points]]\nid = \"a\"\ntext = \"two\"\n"),
              ElementsAre("t.toml:6:6: talking_points[1].id: duplicate talking point id 'a': first used at line 2"));
}

TEST(ReadTalkingPoints, ExpiresIsATomlDate) {
  EXPECT_THAT(errors_with_rest("[[talking_points]]\nid = \"a\"\ntext = \"one\"\nexpires = \"2027-01-31\"\n"),
              ElementsAre("t.toml:4:11: talking_points[0].expires: expected a date like 2026-12-25, got a string "
                          "(write TOML dates without quotes)"));
}

TEST(ReadTalkingPoints, StepsAreTouchNumbersFromOne) {
  EXPECT_THAT(errors_with_rest("[[talking_points]]\nid = \"a\"\ntext = \"one\"\nsteps = [0, 1]\n"),
              ElementsAre("t.toml:4:10: talking_points[0].steps[0]: expected an integer of at least 1, got 0"));
}

TEST(ReadTalkingPoints, AnUnknownKeySuggestsTheNearest) {
  EXPECT_THAT(errors_with_rest("[[talking_points]]\nid = \"a\"\ntext = \"one\"\nexpiry = 2027-01-01\n"),
              ElementsAre("t.toml:4:1: talking_points[0].expiry: unknown key 'expiry' in talking_points[0]; did you "
                          "mean 'expires'?"));
}

TEST(ReadTalkingPoints, TheSectionIsAnArrayOfTables) {
  EXPECT_THAT(errors_with_rest("talking_points = \"share news\"\n"),
              ElementsAre("t.toml:1:18: talking_points: expected an array of tables like [[talking_points]], got a "
                          "string"));
}

TEST(ReadTalkingPoints, TheTextIsSplitAtItsPlaceholders) {
  Config c = load_ok(R"([[talking_points]]
id = "hello"
text = "Hi {first_name}, {{braces}} stay; {days_since_last_touch} days"
owner = "alice"
)" + k_minimal_rest);
  ASSERT_EQ(c.talking_points.size(), 1u);
  const TalkingPoint& p = c.talking_points[0];
  EXPECT_EQ(p.text, "Hi {first_name}, {{braces}} stay; {days_since_last_touch} days");
  EXPECT_THAT(p.pieces,
              ElementsAre(TextPiece{"Hi ", std::nullopt}, TextPiece{"", Placeholder::first_name},
                          TextPiece{", {braces} stay; ", std::nullopt},
                          TextPiece{"", Placeholder::days_since_last_touch}, TextPiece{" days", std::nullopt}));
  EXPECT_EQ(p.owner, "alice");
  EXPECT_EQ(p.file, "t.toml");
  EXPECT_EQ(p.line, 1);
}

TEST(ReadTalkingPoints, AnUnknownPlaceholderIsAnErrorAtItsBrace) {
  EXPECT_THAT(errors_with_rest("[[talking_points]]\nid = \"a\"\ntext = \"Hi {{x}} {frist_name}\"\n"),
              ElementsAre("t.toml:3:18: talking_points[0].text: unknown placeholder '{frist_name}'; did you mean "
                          "'first_name'? (write {{ and }} for literal braces)"));
  EXPECT_THAT(errors_with_rest("[[talking_points]]\nid = \"a\"\ntext = \"\"\"\nFirst line\n  then {weather}\"\"\"\n"),
              ElementsAre("t.toml:5:8: talking_points[0].text: unknown placeholder '{weather}': expected one of "
                          "{first_name}, {name}, {company}, {title}, {stage}, {days_since_last_touch}, {last_note} "
                          "(write {{ and }} for literal braces)"));
}

TEST(ReadTalkingPoints, ThePositionCountsCharactersNotBytes) {
  EXPECT_THAT(errors_with_rest("talking_points = [{ id = \"grüße\", text = \"Grüße {x}\" }]\n"),
              ::testing::ElementsAre(::testing::StartsWith("t.toml:1:49: talking_points[0].text: unknown placeholder "
                                                           "'{x}'")));
}

TEST(ReadTalkingPoints, AnUnclosedOrStrayBraceIsAnErrorAtIt) {
  EXPECT_THAT(errors_with_rest("[[talking_points]]\nid = \"a\"\ntext = 'say {name} and {name'\n"),
              ElementsAre("t.toml:3:24: talking_points[0].text: '{' opens a placeholder that is never closed "
                          "(write {{ for a literal brace)"));
  EXPECT_THAT(errors_with_rest("[[talking_points]]\nid = \"a\"\ntext = \"{name} } {}\"\n"),
              ElementsAre("t.toml:3:16: talking_points[0].text: a single '}' closes no placeholder "
                          "(write }} for a literal brace)"));
  EXPECT_THAT(
      errors_with_rest("[[talking_points]]\nid = \"a\"\ntext = \"{}\"\n"),
      ElementsAre("t.toml:3:9: talking_points[0].text: empty placeholder '{}' (write {{}} for literal braces)"));
}

TEST(ReadTalkingPoints, TheOwnerMustBeDefined) {
  EXPECT_THAT(errors_with_rest("[[talking_points]]\nid = \"a\"\ntext = \"one\"\nowner = \"alce\"\n"),
              ElementsAre("t.toml:4:9: talking_points[0].owner: owner 'alce' is not defined; did you mean 'alice'?"));
}

TEST(ReadTalkingPoints, TheLinkIsAWebLink) {
  EXPECT_THAT(errors_with_rest("[[talking_points]]\nid = \"a\"\ntext = \"one\"\nlink = \"example.com/deck\"\n"),
              ElementsAre("t.toml:4:8: talking_points[0].link: 'example.com/deck' is not a web link: expected an "
                          "https:// or http:// URL"));
}

}  // namespace
}  // namespace touchbase::testing
