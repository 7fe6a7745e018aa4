// summarize(): what `touchbase check` prints.
#include <gtest/gtest.h>

#include "config/load_config.h"
#include "tests/config/config_test_support.h"

namespace touchbase::testing {
namespace {

TEST(Summarize, ListsOwnersNotifiersCadencesAndCounts) {
  ScopedEnv url("TB_TEST_SLACK_URL", "https://hooks.slack.com/x");
  Config c = load_ok(R"([daemon]
database = "/var/lib/touchbase/touchbase.db"

[holidays]
dates = [2026-12-25, 2027-01-01]

[owners.alice]
name = "Alice Moreno"
notify = ["console", "team-slack"]

[owners.bob]
notify = ["console"]

[notifiers.console]
kind = "console"

[notifiers.team-slack]
kind = "slack"
url_env = "TB_TEST_SLACK_URL"

[notifiers.log]
kind = "command"
command = ["logger"]

[cadences.prospect]
steps = ["2d", "4d", "10d"]
business_days = true

[cadences.nurture]
steps = ["45d"]
repeat = true

[[talking_points]]
id = "a"
text = "one"
)");
  EXPECT_EQ(summarize(c),
            "config: t.toml\n"
            "database: /var/lib/touchbase/touchbase.db\n"
            "owners (2): alice (Alice Moreno), bob\n"
            "notifiers (3): command: log; console: console; slack: team-slack\n"
            "cadences (2): nurture [45d, repeats]; prospect [2d 4d 10d, business days]\n"
            "defaults: owner (none), cadence prospect, timezone America/New_York\n"
            "talking points: 1\n"
            "holidays: 2 dates\n");
}

}  // namespace
}  // namespace touchbase::testing
