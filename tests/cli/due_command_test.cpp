// touchbase due: what is due today and overdue, per owner, most valuable first.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/testing/workflow_fixture.h"

namespace touchbase::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

class DueCommandTest : public WorkflowTest {
 protected:
  std::vector<nlohmann::json> due(std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"due", "--json", "--now", iso(now_)};
    args.insert(args.end(), extra.begin(), extra.end());
    return json_lines(ok(args));
  }

  static std::vector<std::string> ids(const std::vector<nlohmann::json>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r["contact"].get<std::string>());
    return out;
  }
};

TEST_F(DueCommandTest, ListsOverdueAndTodayPerOwnerMostValuableFirst) {
  ok({"contact", "add", "small", "--name", "Sue Small", "--value", "100"});
  ok({"contact", "add", "big", "--name", "Bea Big", "--value", "90000", "--last-touch", iso(now_ - hours(72))});
  ok({"contact", "add", "mid", "--name", "Max Mid", "--value", "5000", "--owner", "bob"});
  ok({"contact", "add", "later", "--name", "Lou Later", "--value", "99999", "--last-touch", iso(now_)});
  ok({"contact", "add", "won", "--name", "Wes Won", "--value", "99999"});
  ok({"close", "won", "--reason", "won"});

  auto rows = due();
  EXPECT_THAT(ids(rows), ElementsAre("big", "small", "mid"));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0]["owner"], "alice");
  EXPECT_EQ(rows[0]["overdue"], true);
  EXPECT_EQ(rows[0]["due_at"], iso(now_ - hours(24)));
  EXPECT_EQ(rows[0]["step"], 2);
  EXPECT_EQ(rows[0]["talking_point"], "benchmark");
  EXPECT_EQ(rows[1]["overdue"], false);
  EXPECT_EQ(rows[2]["owner"], "bob");

  EXPECT_THAT(ids(due({"--owner", "bob"})), ElementsAre("mid"));

  auto text = ok({"due", "--now", iso(now_)});
  EXPECT_THAT(text, HasSubstr("alice (Alice Moreno): "));
  EXPECT_THAT(text, HasSubstr("\nbob (bob): "));
  EXPECT_THAT(text, HasSubstr("  OVERDUE  Bea Big (big), value 90000: touch 2 of prospect, due "));
  EXPECT_LT(text.find("Bea Big"), text.find("Sue Small"));
  EXPECT_THAT(text, Not(HasSubstr("Lou Later")));
}

TEST_F(DueCommandTest, AReminderStaysDueUntilATouchIsLogged) {
  ok({"contact", "add", "nina", "--name", "Nina New"});
  ok({"run", "--once"});
  auto rows = due();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["contact"], "nina");
  EXPECT_EQ(rows[0]["reminded"], true);
  ok({"log", "nina", "--outcome", "touched"});
  EXPECT_THAT(due(), IsEmpty());
}

TEST_F(DueCommandTest, NothingDueSaysSoAndAnUnknownOwnerIsRefused) {
  EXPECT_EQ(ok({"due"}), "nothing is due today or overdue\n");
  auto r = touchbase({"due", "--owner", "carol"});
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_THAT(r.err, HasSubstr("--owner: 'carol' is not an owner of the config"));
}

}  // namespace
}  // namespace touchbase::testing
