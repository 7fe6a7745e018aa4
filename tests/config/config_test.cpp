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

}  // namespace
}  // namespace touchbase
