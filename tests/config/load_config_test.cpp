// Whole files: the documented sample, the shipped example, syntax errors,
// and every error of a file reported at once.
#include "config/load_config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "tests/config/config_test_support.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {
namespace {

using std::chrono::days;
using ::testing::ElementsAre;

// The sample from the design, with its secrets in files under `creds/`.
constexpr std::string_view k_design_sample = R"([daemon]
database = "/var/lib/touchbase/touchbase.db"
log_level = "info"
http_listen = "127.0.0.1:9464"
catch_up_max_age = "3d"

[defaults]
timezone = "America/New_York"
contact_window = { days = "tue-thu", hours = "16:00-17:30" }
lead_time = "15m"
cadence = "prospect"
owner = "alice"

[holidays]
dates = [2026-12-25, 2027-01-01]

[owners.alice]
name = "Alice Moreno"
timezone = "America/Chicago"
working_hours = { days = "mon-fri", hours = "08:30-17:30" }
notify = ["alice-mail", "team-slack"]
daily_limit = 25

[notifiers.alice-mail]
kind = "email"
url = "smtp://smtp.example.com:587"
from = "touchbase <touchbase@example.com>"
to = ["alice@example.com"]
username = "touchbase"
password_file = "${CREDENTIALS_DIRECTORY}/smtp-password"

[notifiers.team-slack]
kind = "slack"
url_file = "${CREDENTIALS_DIRECTORY}/slack-url"

[notifiers.crm]
kind = "webhook"
url = "https://crm.example.com/hooks/touchbase"
secret_file = "creds/webhook-secret"

[cadences.prospect]
steps = ["2d", "4d", "7d", "14d"]
business_days = true
min_gap = "2d"
max_touches = { count = 3, within = "21d" }
backoff = 1.5
give_up_after = 5
then = "nurture"
on_reply = "pause"

[cadences.nurture]
steps = ["45d"]
repeat = true

[[talking_points]]
id = "q4-benchmark"
text = "Share the Q4 onboarding benchmark: median time-to-value fell 18%"
link = "https://example.com/benchmark"
tags = ["fintech", "saas"]
stages = ["discovery", "proposal"]
expires = 2027-01-31
)";

TEST(LoadConfig, TheDesignSampleLoadsWithEveryValue) {
  TempDir dir;
  dir.write("creds/smtp-password", "correct horse\n");
  dir.write("creds/slack-url", "https://hooks.slack.com/services/T0/B0/abc\n");
  dir.write("creds/webhook-secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n");
  ScopedEnv creds("CREDENTIALS_DIRECTORY", (dir / "creds").c_str());
  auto path = dir.write("touchbase.toml", k_design_sample);
  auto r = load_config(path, k_load_time);
  ASSERT_TRUE(r.ok()) << r.error().front().to_string();
  const Config& c = *r;

  EXPECT_EQ(c.source, path);
  EXPECT_EQ(c.daemon.database, "/var/lib/touchbase/touchbase.db");
  EXPECT_EQ(c.daemon.log_level, "info");
  EXPECT_EQ(c.daemon.http_listen, "127.0.0.1:9464");
  EXPECT_EQ(c.daemon.catch_up_max_age, days(3));

  EXPECT_EQ(c.defaults.timezone, "America/New_York");
  EXPECT_EQ(format_window(c.defaults.contact_window), "tue-thu 16:00-17:30");
  EXPECT_EQ(c.defaults.lead_time, std::chrono::minutes(15));
  EXPECT_EQ(c.defaults.cadence, "prospect");
  EXPECT_EQ(c.defaults.owner, "alice");

  ASSERT_EQ(c.holidays.dates.size(), 2u);
  EXPECT_EQ(c.holidays.dates[0], Date{date::year{2026} / 12 / 25});
  EXPECT_EQ(c.holidays.dates[1], Date{date::year{2027} / 1 / 1});

  ASSERT_EQ(c.owners.size(), 1u);
  const Owner& alice = c.owners.at("alice");
  EXPECT_EQ(alice.name, "Alice Moreno");
  EXPECT_EQ(alice.timezone, "America/Chicago");
  EXPECT_EQ(format_window(alice.working_hours), "mon-fri 08:30-17:30");
  EXPECT_EQ(alice.notify, (std::vector<std::string>{"alice-mail", "team-slack"}));
  EXPECT_EQ(alice.daily_limit, 25);

  ASSERT_EQ(c.notifiers.size(), 3u);
  const NotifierConfig& mail = c.notifiers.at("alice-mail");
  EXPECT_EQ(mail.kind, NotifierKind::email);
  EXPECT_EQ(mail.url, "smtp://smtp.example.com:587");
  EXPECT_EQ(mail.from, "touchbase <touchbase@example.com>");
  EXPECT_EQ(mail.to, std::vector<std::string>{"alice@example.com"});
  EXPECT_EQ(mail.username, "touchbase");
  EXPECT_EQ(mail.password, "correct horse");
  const NotifierConfig& slack = c.notifiers.at("team-slack");
  EXPECT_EQ(slack.kind, NotifierKind::slack);
  EXPECT_EQ(slack.url, "https://hooks.slack.com/services/T0/B0/abc");
  const NotifierConfig& crm = c.notifiers.at("crm");
  EXPECT_EQ(crm.kind, NotifierKind::webhook);
  EXPECT_EQ(crm.url, "https://crm.example.com/hooks/touchbase");
  EXPECT_EQ(crm.secret, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

  ASSERT_EQ(c.cadences.size(), 2u);
  const Cadence& prospect = c.cadences.at("prospect");
  EXPECT_EQ(prospect.steps, (std::vector<Seconds>{days(2), days(4), days(7), days(14)}));
  EXPECT_FALSE(prospect.repeat);
  EXPECT_TRUE(prospect.business_days);
  EXPECT_EQ(prospect.min_gap, days(2));
  ASSERT_TRUE(prospect.max_touches.has_value());
  EXPECT_EQ(prospect.max_touches->count, 3);
  EXPECT_EQ(prospect.max_touches->within, days(21));
  EXPECT_DOUBLE_EQ(prospect.backoff, 1.5);
  EXPECT_EQ(prospect.give_up_after, 5);
  EXPECT_EQ(prospect.then, "nurture");
  EXPECT_EQ(prospect.on_reply, "pause");
  const Cadence& nurture = c.cadences.at("nurture");
  EXPECT_EQ(nurture.steps, std::vector<Seconds>{days(45)});
  EXPECT_TRUE(nurture.repeat);

  ASSERT_EQ(c.talking_points.size(), 1u);
  EXPECT_EQ(c.talking_points[0].id, "q4-benchmark");
  EXPECT_EQ(c.talking_points[0].text, "Share the Q4 onboarding benchmark: median time-to-value fell 18%");
  EXPECT_EQ(c.talking_points[0].expires, Date{date::year{2027} / 1 / 31});
}

TEST(LoadConfig, TheExampleConfigLoads) {
  const char* source_dir = std::getenv("TOUCHBASE_SOURCE_DIR");
  ASSERT_NE(source_dir, nullptr) << "TOUCHBASE_SOURCE_DIR is set when the tests run under ctest";
  ScopedEnv state("STATE_DIRECTORY", "/var/lib/touchbase-demo");
  auto r = load_config(std::filesystem::path(source_dir) / "examples/touchbase.toml", k_load_time);
  ASSERT_TRUE(r.ok()) << r.error().front().to_string();
  EXPECT_EQ(r->daemon.database, "/var/lib/touchbase-demo/touchbase.db");
  ASSERT_EQ(r->owners.size(), 1u);
  EXPECT_EQ(r->owners.at("alice").notify, std::vector<std::string>{"console"});
  EXPECT_EQ(format_window(r->owners.at("alice").working_hours), "mon-sun 00:00-24:00");
  EXPECT_EQ(format_window(r->defaults.contact_window), "mon-sun 00:00-24:00");
  EXPECT_EQ(r->notifiers.at("console").kind, NotifierKind::console);
  EXPECT_TRUE(r->cadences.at("prospect").business_days);
  EXPECT_TRUE(r->cadences.contains("nurture"));
  EXPECT_GE(r->talking_points.size(), 3u);
  for (const auto& p : r->talking_points) {
    if (p.expires) {
      EXPECT_GE(*p.expires, Date{date::year{2027} / 1 / 1}) << p.id;
    }
  }
  EXPECT_EQ(r->holidays.dates, (std::vector<Date>{date::year{2026} / 12 / 25, date::year{2027} / 1 / 1}));
}

TEST(LoadConfig, ASyntaxErrorGivesItsPosition) {
  EXPECT_THAT(config_errors("[daemon]\nlog_level = \n"),
              ElementsAre("t.toml:2:13: Error while parsing key-value pair: expected value, saw '\\n'"));
}

TEST(LoadConfig, AKeyDefinedTwiceIsASyntaxError) {
  EXPECT_THAT(config_errors("[daemon]\nlog_level = \"info\"\nlog_level = \"debug\"\n"),
              ElementsAre("t.toml:3:13: Error while parsing key-value pair: cannot redefine existing string "
                          "'log_level'"));
}

TEST(LoadConfig, AnUnknownTopLevelKeySuggestsTheNearest) {
  EXPECT_THAT(errors_with_rest("[deamon]\nlog_level = \"info\"\n"),
              ElementsAre("t.toml:1:2: deamon: unknown key 'deamon' at the top level; did you mean 'daemon'?"));
}

TEST(LoadConfig, EveryErrorInTheFileIsReportedTogether) {
  EXPECT_THAT(config_errors(R"([daemon]
log_level = "loud"

[owners.alice]
notify = ["mail"]
daily_limit = "many"

[notifiers.mail]
kind = "email"
url = "smtp://localhost"
from = "f"
to = ["t"]
password = "x"

[cadences.prospect]
steps = ["2d", "-1d"]
on_reply = "pasue"
)"),
              ElementsAre("t.toml:2:13: daemon.log_level: unknown log level 'loud': expected trace, debug, info, warn "
                          "or error",
                          "t.toml:6:15: owners.alice.daily_limit: expected an integer, got a string",
                          "t.toml:13:1: notifiers.mail.password: an inline password is not allowed: put it in a file "
                          "and use password_file, or use password_env",
                          "t.toml:16:16: cadences.prospect.steps[1]: '-1d' is not a duration: expected a whole number "
                          "and a unit, like 30s, 15m, 2h, 3d or 2w",
                          "t.toml:17:12: cadences.prospect.on_reply: 'pasue' is not 'pause', 'stop' or a defined "
                          "cadence; did you mean 'pause'?"));
}

TEST(LoadConfig, AMissingFileIsOneErrorNamingIt) {
  TempDir dir;
  auto path = dir / "touchbase.toml";
  auto r = load_config(path, k_load_time);
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.error().size(), 1u);
  EXPECT_EQ(r.error()[0].to_string(),
            path.string() + ": cannot read '" + path.string() + "': No such file or directory");
}

}  // namespace
}  // namespace touchbase::testing
