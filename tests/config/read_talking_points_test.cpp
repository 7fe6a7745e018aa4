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

}  // namespace
}  // namespace touchbase::testing
