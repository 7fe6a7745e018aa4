#include "notifiers/action_links.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "notifiers/text.h"
#include "tests/notifiers/notifier_testing.h"

namespace touchbase {
namespace {

std::vector<std::string> names_of(const ActionRow& row) {
  std::vector<std::string> names;
  for (const ActionLink& link : row.links) names.push_back(link.name);
  return names;
}

TEST(IsActionLink, OnlyHttpsOrHttpToALoopbackHostWithoutSpacesIsFollowed) {
  const std::pair<const char*, bool> cases[] = {
      {"https://touchbase.example.com/a/tok", true},
      {"HTTPS://Touchbase.Example.com/a/tok", true},
      {"http://127.0.0.1:8470/a/tok", true},
      {"http://localhost:8470/a/tok", true},
      {"http://[::1]:8470/a/tok", true},
      {"http://touchbase.example.com/a/tok", false},
      {"http://127.example.com/a/tok", false},
      {"javascript:alert(1)", false},
      {"ftp://touchbase.example.com/a/tok", false},
      {"https://touchbase.example.com/a/t ok", false},
      {"https://touchbase.example.com/a/tok\n", false},
      {"https://", false},
      {"", false},
  };
  for (const auto& [url, followed] : cases) EXPECT_EQ(is_action_link(url), followed) << url;
}

TEST(ActionRows, OutcomesThenSnoozesAndPauseThenPagesWhateverTheOrderGiven) {
  auto actions = testing::sample_actions();
  std::reverse(actions.begin(), actions.end());
  actions.push_back({"later-unknown", "Something new", testing::sample_action_url("x")});
  const auto rows = action_rows(actions);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].kind, ActionKind::outcome);
  EXPECT_EQ(names_of(rows[0]), (std::vector<std::string>{"no-answer", "meeting", "replied", "touched"}));
  EXPECT_EQ(rows[1].kind, ActionKind::later);
  EXPECT_EQ(names_of(rows[1]), (std::vector<std::string>{"pause", "snooze-1w", "snooze-3d", "snooze-1d"}));
  EXPECT_EQ(rows[2].kind, ActionKind::page);
  EXPECT_EQ(names_of(rows[2]), (std::vector<std::string>{"today", "page", "later-unknown"}));
}

TEST(ActionRows, LinksNotSafeToFollowAreLeftOutAndEmptyRowsWithThem) {
  const std::vector<ActionLink> actions = {{"touched", "Touched", "javascript:alert(1)"},
                                           {"snooze-1d", "Snooze 1 day", "http://touchbase.example.com/a/t"},
                                           {"page", "Page", "http://127.0.0.1:8470/p/t"}};
  const auto rows = action_rows(actions);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(names_of(rows[0]), std::vector<std::string>{"page"});
  EXPECT_TRUE(action_rows({}).empty());
}

TEST(ActionRows, ARowLongerThanTheLimitContinuesInARowOfItsKind) {
  const auto rows = action_rows(testing::sample_actions(), 3);
  ASSERT_EQ(rows.size(), 5u);
  const std::pair<ActionKind, std::size_t> expected[] = {{ActionKind::outcome, 3},
                                                         {ActionKind::outcome, 1},
                                                         {ActionKind::later, 3},
                                                         {ActionKind::later, 1},
                                                         {ActionKind::page, 2}};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].kind, expected[i].first) << i;
    EXPECT_EQ(rows[i].links.size(), expected[i].second) << i;
  }
}

TEST(MarkdownLink, LabelsShowLiterallyAndUrlsCannotCloseTheLink) {
  const std::tuple<const char*, const char*, const char*> cases[] = {
      {"Touched", "https://t.example/a/x", "[Touched](https://t.example/a/x)"},
      {"[x](https://evil.test)", "https://t.example/a/x", "[\\[x\\]\\(https://evil.test\\)](https://t.example/a/x)"},
      {"Ping @channel", "https://t.example/a/x", "[Ping @\u200Bchannel](https://t.example/a/x)"},
      {"Line\nbreak", "https://t.example/a/x", "[Line break](https://t.example/a/x)"},
      {"Touched", "https://t.example/a/(x)", "[Touched](https://t.example/a/%28x%29)"},
  };
  for (const auto& [label, url, expected] : cases) EXPECT_EQ(markdown_link(label, url), expected) << label;
}

TEST(MarkdownActionLines, ALinePerRowWithTheLinksSeparatedByDots) {
  const std::vector<ActionLink> actions = {{"touched", "Touched", "https://t.example/1"},
                                           {"replied", "Replied", "https://t.example/2"},
                                           {"pause", "Pause", "https://t.example/3"},
                                           {"page", "Page", "https://t.example/4"}};
  EXPECT_EQ(markdown_action_lines(action_rows(actions), 10000),
            "[Touched](https://t.example/1) · [Replied](https://t.example/2)\n"
            "[Pause](https://t.example/3)\n"
            "[Page](https://t.example/4)\n");
}

TEST(MarkdownActionLines, WhenNotAllFitThePagesAreKeptFirstAndNoLinkIsCut) {
  const auto rows = action_rows(testing::sample_actions());
  const std::string all = markdown_action_lines(rows, 100000);
  for (const std::size_t room : {0ul, 100ul, 500ul, 1000ul, 1500ul, 2000ul}) {
    const std::string some = markdown_action_lines(rows, room);
    EXPECT_LE(count_chars(some), room);
    for (const ActionLink& link : testing::sample_actions()) {
      const std::string markdown = markdown_link(link.label, link.url);
      // A link is there whole or not at all: its URL never appears without its label.
      EXPECT_EQ(some.find(link.url) != std::string::npos, some.find(markdown) != std::string::npos) << room;
    }
    if (room >= 500) {
      EXPECT_NE(some.find(testing::sample_action_url("page")), std::string::npos) << room;
      EXPECT_NE(some.find(testing::sample_action_url("today")), std::string::npos) << room;
    }
  }
  EXPECT_LT(count_chars(all), 2500u);
  EXPECT_EQ(markdown_action_lines(rows, count_chars(all) + 30), all);
}

}  // namespace
}  // namespace touchbase
