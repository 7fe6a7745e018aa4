// What `touchbase check` warns about: talking points that load but are never chosen.
#include "config/talking_point_warnings.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/config/config_test_support.h"

namespace touchbase::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> warnings(std::string_view toml, std::string_view now) {
  Config c = load_ok(toml);
  std::vector<std::string> out;
  for (const auto& w : talking_point_warnings(c, parse_rfc3339(now).value())) out.push_back(w.to_string());
  return out;
}

constexpr std::string_view k_owners = R"(
[owners.alice]
timezone = "Pacific/Auckland"
notify = ["console"]

[owners.bob]
timezone = "UTC"
notify = ["console"]

[notifiers.console]
kind = "console"
)";

TEST(TalkingPointWarnings, APointIsExpiredOnceItsDayHasPassedForEveryOwnerItServes) {
  std::string toml = R"([[talking_points]]
id = "shared"
text = "for everyone"
expires = 2026-12-01

[[talking_points]]
id = "alices"
text = "for Alice in Auckland"
expires = 2026-12-01
owner = "alice"

[cadences.prospect]
steps = ["2d"]
)" + std::string(k_owners);
  // 2 Dec 01:00 in Auckland, still 1 Dec in UTC: Bob can still be given the shared point.
  EXPECT_THAT(warnings(toml, "2026-12-01T12:00:00Z"),
              ElementsAre("t.toml:6:1: talking point 'alices': expired on 2026-12-01: it is never chosen; remove it"));
  EXPECT_THAT(warnings(toml, "2026-12-02T00:00:00Z"),
              ElementsAre("t.toml:1:1: talking point 'shared': expired on 2026-12-01: it is never chosen; remove it",
                          "t.toml:6:1: talking point 'alices': expired on 2026-12-01: it is never chosen; remove it"));
  EXPECT_THAT(warnings(toml, "2026-12-01T10:59:59Z"), IsEmpty());
}

TEST(TalkingPointWarnings, APointForStepsNoCadenceReachesIsNeverChosen) {
  std::string toml = R"([[talking_points]]
id = "late"
text = "for the 5th touch on"
steps = [5, 6]

[[talking_points]]
id = "fourth"
text = "for the 4th touch"
steps = [4, 9]

[cadences.prospect]
steps = ["2d", "4d", "7d"]

[cadences.nurture]
steps = ["30d"]
repeat = true
give_up_after = 2
)" + std::string(k_owners);
  EXPECT_THAT(warnings(toml, "2026-11-23T10:00:00Z"),
              ElementsAre("t.toml:1:1: talking point 'late': no cadence reaches touch 5 (the furthest is touch 4): it "
                          "is never chosen; change its steps"));
}

TEST(TalkingPointWarnings, TheFurthestStepHonoursRepeatAndGiveUp) {
  Config c = load_ok(R"([cadences.prospect]
steps = ["2d", "4d"]
give_up_after = 2
)" + std::string(k_owners));
  EXPECT_EQ(furthest_step(c), 2);
  c.cadences.at("prospect").give_up_after = 0;
  EXPECT_EQ(furthest_step(c), 3);
  c.cadences.at("prospect").repeat = true;
  EXPECT_EQ(furthest_step(c), std::nullopt);
  c.cadences.at("prospect").give_up_after = 6;
  EXPECT_EQ(furthest_step(c), 6);
}

}  // namespace
}  // namespace touchbase::testing
