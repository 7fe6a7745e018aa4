// touchbase points: how far the talking-point library goes; and the library as
// `plan` and `check` show it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/testing/workflow_fixture.h"

namespace touchbase::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr std::string_view k_library_config = R"(
[daemon]
database = "state/touchbase.db"
log_level = "warn"

[defaults]
timezone = "Europe/Berlin"
contact_window = { days = "mon-sun", hours = "00:00-24:00" }
lead_time = "15m"
owner = "alice"
cadence = "prospect"

[owners.alice]
timezone = "Europe/Berlin"
working_hours = { days = "mon-sun", hours = "00:00-24:00" }
notify = ["primary"]

[owners.bob]
timezone = "America/New_York"
notify = ["primary"]

[notifiers.primary]
kind = "console"

[cadences.prospect]
steps = ["2d"]
repeat = true

[[talking_points]]
id = "fin-1"
text = "Fintech news for {company}"
tags = ["fintech"]

[[talking_points]]
id = "fin-2"
text = "{first_name}, here is the proposal checklist"
link = "https://example.com/checklist"
tags = ["fintech"]
stages = ["proposal"]

[[talking_points]]
id = "any-1"
text = "Ask how the quarter went"

[[talking_points]]
id = "saas-old"
text = "Last year's SaaS survey"
tags = ["saas"]
expires = 2020-01-31

[[talking_points]]
id = "bobs-own"
text = "Bob's case study"
tags = ["fintech", "saas"]
owner = "bob"
)";

constexpr std::string_view k_now = "2026-11-23T10:00:00Z";

class PointsCommandTest : public WorkflowTest {
 protected:
  PointsCommandTest() {
    config_ = dir_.write("touchbase.toml", k_library_config);
    ok({"contact", "add", "jane", "--name", "Jane Doe", "--company", "Acme", "--tags", "fintech", "--stage",
        "proposal"});
    ok({"contact", "add", "max", "--name", "Max Mohr", "--tags", "saas", "--stage", "discovery"});
  }
};

TEST_F(PointsCommandTest, EachSegmentsPointsAgainstItsFollowUpsTheFirstToRunDryFirst) {
  // Jane gets fin-2, fin-1, any-1 and then nothing; Max gets any-1 and then nothing
  // (saas-old has expired, bobs-own is Bob's).
  auto rows = json_lines(ok({"points", "--json", "--now", std::string(k_now), "--days", "7"}));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], nlohmann::json::parse(R"({"segment": "saas / discovery", "tag": "saas", "stage": "discovery",
      "points": 1, "fresh": 1, "follow_ups": 4, "without_point": 3, "runs_dry_at": "2026-11-25T09:45:00Z",
      "runs_dry_contact": "max", "runs_dry_step": 2})"));
  EXPECT_EQ(rows[1], nlohmann::json::parse(R"({"segment": "fintech / proposal", "tag": "fintech",
      "stage": "proposal", "points": 3, "fresh": 3, "follow_ups": 4, "without_point": 1,
      "runs_dry_at": "2026-11-29T09:45:00Z", "runs_dry_contact": "jane", "runs_dry_step": 4})"));
}

TEST_F(PointsCommandTest, TheTableNamesTheSegmentThatRunsDryFirst) {
  auto text = ok({"points", "--now", std::string(k_now), "--days", "7"});
  EXPECT_EQ(text,
            "SEGMENT             POINTS  FRESH  FOLLOW-UPS  WITHOUT  RUNS DRY\n"
            "saas / discovery         1      1           4        3  Wed 25 Nov (max, touch 2)\n"
            "fintech / proposal       3      3           4        1  Sun 29 Nov (jane, touch 4)\n"
            "\n"
            "saas / discovery runs dry first: Wed 25 Nov (max, touch 2); add a point for it to the library\n");
  auto short_run = ok({"points", "--now", std::string(k_now), "--days", "1"});
  EXPECT_THAT(short_run, HasSubstr("\nno segment runs dry in the next 1 days\n"));
  EXPECT_EQ(touchbase({"points", "--days", "0"}).exit_code, 64);
}

TEST_F(PointsCommandTest, ThePlanShowsEachChosenPointFilledInWithItsLink) {
  auto rows = json_lines(ok({"plan", "--json", "--now", std::string(k_now), "--days", "7", "--contact", "jane"}));
  ASSERT_EQ(rows.size(), 4u);
  std::vector<std::string> ids;
  for (const auto& r : rows) ids.push_back(r["talking_point"].is_null() ? "-" : r["talking_point"].get<std::string>());
  EXPECT_THAT(ids, ElementsAre("fin-2", "fin-1", "any-1", "-"));
  EXPECT_EQ(rows[0]["talking_point_text"], "Jane, here is the proposal checklist");
  EXPECT_EQ(rows[0]["talking_point_link"], "https://example.com/checklist");
  EXPECT_EQ(rows[1]["talking_point_text"], "Fintech news for Acme");
  EXPECT_TRUE(rows[1]["talking_point_link"].is_null());
  EXPECT_EQ(rows[3]["talking_point_text"], "No fresh talking point for fintech / proposal — add one to the library");
  EXPECT_EQ(rows[3]["waits_for_talking_point"], false);

  auto agenda = ok({"plan", "--now", std::string(k_now), "--days", "1", "--contact", "jane"});
  EXPECT_THAT(agenda, HasSubstr("         bring: Jane, here is the proposal checklist\n"
                                "         link: https://example.com/checklist\n"));
}

TEST_F(PointsCommandTest, CheckWarnsOfPointsThatAreNeverChosenButPasses) {
  auto r = touchbase({"check"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("talking points: 5\n"));
  EXPECT_THAT(r.out, HasSubstr("warning: " + config_.string() +
                               ":45:1: talking point 'saas-old': expired on 2020-01-31: it is never chosen; "
                               "remove it\n"));
}

TEST_F(PointsCommandTest, CheckFailsOnADuplicateIdOrAnUnknownPlaceholder) {
  dir_.write("touchbase.toml",
             std::string(k_library_config) + "\n[[talking_points]]\nid = \"fin-1\"\ntext = \"Hello {nickname}\"\n");
  auto r = touchbase({"check"});
  EXPECT_EQ(r.exit_code, 78);
  EXPECT_THAT(r.err,
              HasSubstr(config_.string() +
                        ":58:6: talking_points[5].id: duplicate talking point id 'fin-1': first used at line 30"));
  EXPECT_THAT(r.err, HasSubstr(config_.string() + ":59:15: talking_points[5].text: unknown placeholder '{nickname}'"));
}

}  // namespace
}  // namespace touchbase::testing
