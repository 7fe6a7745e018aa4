#include "config/config.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

TEST(NotifierKindNames, RoundTripEveryKind) {
  for (auto kind :
       {NotifierKind::email, NotifierKind::slack, NotifierKind::teams, NotifierKind::discord, NotifierKind::mattermost,
        NotifierKind::google_chat, NotifierKind::webhook, NotifierKind::console, NotifierKind::command}) {
    EXPECT_EQ(parse_notifier_kind(to_string(kind)), kind) << to_string(kind);
  }
  EXPECT_EQ(to_string(NotifierKind::google_chat), "google-chat");
  EXPECT_EQ(parse_notifier_kind("google_chat"), std::nullopt);
  EXPECT_EQ(parse_notifier_kind("Email"), std::nullopt);
}

Config two_of_each() {
  Config c;
  c.cadences["nurture"].name = "nurture";
  c.cadences["prospect"].name = "prospect";
  c.defaults.cadence = "prospect";
  c.owners["alice"].id = "alice";
  c.owners["bob"].id = "bob";
  return c;
}

TEST(CadenceFor, ANamedCadenceOrTheDefault) {
  Config c = two_of_each();
  EXPECT_EQ(c.cadence_for("nurture").name, "nurture");
  EXPECT_EQ(c.cadence_for("").name, "prospect");
  EXPECT_EQ(c.cadence_for("removed-since").name, "prospect");
}

TEST(OwnerFor, ANamedOwnerOrTheDefaultOrTheFirst) {
  Config c = two_of_each();
  EXPECT_EQ(c.owner_for("bob").id, "bob");
  EXPECT_EQ(c.owner_for("").id, "alice");  // no defaults.owner: the first by id
  c.defaults.owner = "bob";
  EXPECT_EQ(c.owner_for("").id, "bob");
  EXPECT_EQ(c.owner_for("carol").id, "bob");
}

TEST(TalkingPoint, APointOfTheLibraryByItsId) {
  Config c = two_of_each();
  c.talking_points.resize(2);
  c.talking_points[0].id = "case-study";
  c.talking_points[1].id = "benchmark";
  ASSERT_NE(c.talking_point("benchmark"), nullptr);
  EXPECT_EQ(c.talking_point("benchmark"), &c.talking_points[1]);
  EXPECT_EQ(c.talking_point("retired"), nullptr);
  EXPECT_EQ(c.talking_point(""), nullptr);
}

}  // namespace
}  // namespace touchbase
