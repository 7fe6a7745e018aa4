// Defaults that depend on other sections, and names defined elsewhere.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/load_config.h"
#include "tests/config/config_test_support.h"

namespace touchbase::testing {
namespace {

using ::testing::ElementsAre;

TEST(ResolveDefaults, TheDefaultCadenceIsProspectWhenDefined) {
  Config c = load_ok("[cadences.aaa]\nsteps = [\"1d\"]\n" + k_minimal_rest);
  EXPECT_EQ(c.defaults.cadence, "prospect");
}

TEST(ResolveDefaults, OtherwiseTheDefaultCadenceIsTheFirstByName) {
  Config c = load_ok("[cadences.zeta]\nsteps = [\"1d\"]\n\n[cadences.beta]\nsteps = [\"2d\"]\n" + std::string(k_alice) +
                     std::string(k_console));
  EXPECT_EQ(c.defaults.cadence, "beta");
  EXPECT_EQ(c.cadence_for("").name, "beta");
}

TEST(ResolveDefaults, WithTwoOwnersThereIsNoDefaultOwner) {
  Config c = load_ok("[owners.bob]\nnotify = [\"console\"]\n" + k_minimal_rest);
  EXPECT_EQ(c.defaults.owner, "");
  EXPECT_EQ(
      load_ok("[defaults]\nowner = \"bob\"\n\n[owners.bob]\nnotify = [\"console\"]\n" + k_minimal_rest).defaults.owner,
      "bob");
}

TEST(ResolveDefaults, AtLeastOneOwnerAndOneCadenceAreRequired) {
  EXPECT_THAT(config_errors(k_console),
              ElementsAre("t.toml: cadences: at least one cadence is required: add a [cadences.NAME] table with steps",
                          "t.toml: owners: at least one owner is required: add an [owners.ID] table with notify"));
}

TEST(CheckReferences, AnUndefinedDefaultOwnerListsTheOwners) {
  EXPECT_THAT(errors_with_rest("[defaults]\nowner = \"bob\"\n"),
              ElementsAre("t.toml:2:9: defaults.owner: owner 'bob' is not defined: expected 'alice'"));
}

TEST(CheckReferences, AnUndefinedDefaultCadenceSuggestsTheNearest) {
  EXPECT_THAT(errors_with_rest("[defaults]\ncadence = \"prospekt\"\n"),
              ElementsAre("t.toml:2:11: defaults.cadence: cadence 'prospekt' is not defined; did you mean "
                          "'prospect'?"));
}

TEST(CheckReferences, SaysSoWhenNothingOfTheKindIsDefined) {
  EXPECT_THAT(config_errors(std::string(k_alice) + std::string(k_prospect)),
              ElementsAre("t.toml:3:11: owners.alice.notify[0]: notifier 'console' is not defined; no notifier is "
                          "defined"));
}

}  // namespace
}  // namespace touchbase::testing
