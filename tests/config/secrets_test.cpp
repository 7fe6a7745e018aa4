// Secrets from files and the environment, and what errors may say about them.
#include "config/secrets.h"

#include <sys/stat.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/load_config.h"
#include "tests/config/config_test_support.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// Writes `notifiers` plus the minimal rest as touchbase.toml in `dir` and loads it.
ConfigResult load_in(const TempDir& dir, const std::string& notifiers) {
  return load_config(dir.write("touchbase.toml", notifiers + k_minimal_rest), k_load_time);
}

std::vector<std::string> errors_in(const TempDir& dir, const std::string& notifiers) {
  auto r = load_in(dir, notifiers);
  std::vector<std::string> out;
  if (!r.ok()) {
    for (const auto& e : r.error()) out.push_back(e.to_string());
  }
  return out;
}

TEST(Secrets, FilesAreReadRelativeToTheConfigAndTrimmed) {
  TempDir dir;
  dir.write("secrets/smtp-password", "pw-from-file\n");
  auto r = load_in(dir, R"([notifiers.mail]
kind = "email"
url = "smtp://smtp.example.com:587"
from = "t@example.com"
to = ["a@example.com"]
username = "touchbase"
password_file = "secrets/smtp-password"
)");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->notifiers.at("mail").username, "touchbase");
  EXPECT_EQ(r->notifiers.at("mail").password, "pw-from-file");
}

TEST(Secrets, CredentialsDirectoryIsExpandedInFilePaths) {
  TempDir dir;
  dir.write("creds/slack-url", "https://hooks.slack.com/services/T0/B0/xyz\n");
  dir.write("creds/webhook-secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n");
  ScopedEnv creds("CREDENTIALS_DIRECTORY", (dir / "creds").c_str());
  auto r = load_in(dir, R"([notifiers.team-slack]
kind = "slack"
url_file = "${CREDENTIALS_DIRECTORY}/slack-url"

[notifiers.crm]
kind = "webhook"
url = "https://crm.example.com/hooks/touchbase"
secret_file = "$CREDENTIALS_DIRECTORY/webhook-secret"
)");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->notifiers.at("team-slack").url, "https://hooks.slack.com/services/T0/B0/xyz");
  EXPECT_EQ(r->notifiers.at("crm").secret, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
}

TEST(Secrets, EnvironmentVariablesAreRead) {
  ScopedEnv url("TB_TEST_TEAMS_URL", "https://example.webhook.office.com/x");
  ScopedEnv secret("TB_TEST_WEBHOOK_SECRET", "whsec_c2VjcmV0");
  Config c = load_ok(R"([notifiers.teams]
kind = "teams"
url_env = "TB_TEST_TEAMS_URL"

[notifiers.crm]
kind = "webhook"
url = "http://127.0.0.1:8080/hook"
secret_env = "TB_TEST_WEBHOOK_SECRET"
)" + k_minimal_rest);
  EXPECT_EQ(c.notifiers.at("teams").url, "https://example.webhook.office.com/x");
  EXPECT_EQ(c.notifiers.at("crm").secret, "whsec_c2VjcmV0");
}

TEST(Secrets, AnUnreadableFileIsNamedWithTheReason) {
  TempDir dir;
  EXPECT_THAT(errors_in(dir, "[notifiers.chat]\nkind = \"slack\"\nurl_file = \"missing-url\"\n"),
              ElementsAre((dir / "touchbase.toml").string() + ":3:12: notifiers.chat.url_file: cannot read '" +
                          (dir / "missing-url").string() + "': No such file or directory"));
}

TEST(Secrets, AFifoADeviceOrAnOversizedFileIsAConfigErrorNeverAHang) {
  TempDir dir;
  ASSERT_EQ(::mkfifo((dir / "url-fifo").c_str(), 0600), 0);
  dir.write("huge-url", std::string(70 * 1024, 'x'));
  const std::string config = (dir / "touchbase.toml").string();
  EXPECT_THAT(errors_in(dir, "[notifiers.chat]\nkind = \"slack\"\nurl_file = \"url-fifo\"\n"),
              ElementsAre(config + ":3:12: notifiers.chat.url_file: cannot read '" + (dir / "url-fifo").string() +
                          "': a FIFO: expected a regular file"));
  EXPECT_THAT(errors_in(dir, "[notifiers.chat]\nkind = \"slack\"\nurl_file = \"/dev/zero\"\n"),
              ElementsAre(config + ":3:12: notifiers.chat.url_file: cannot read '/dev/zero': a device: expected a "
                                   "regular file"));
  EXPECT_THAT(errors_in(dir, "[notifiers.chat]\nkind = \"slack\"\nurl_file = \"huge-url\"\n"),
              ElementsAre(config + ":3:12: notifiers.chat.url_file: cannot read '" + (dir / "huge-url").string() +
                          "': it holds 71680 bytes: expected at most 65536"));
}

TEST(Secrets, AnEmptyFileIsAnError) {
  TempDir dir;
  dir.write("empty", "\n");
  EXPECT_THAT(errors_in(dir, "[notifiers.chat]\nkind = \"slack\"\nurl_file = \"empty\"\n"),
              ElementsAre((dir / "touchbase.toml").string() + ":3:12: notifiers.chat.url_file: '" +
                          (dir / "empty").string() + "' is empty: expected the URL"));
}

TEST(Secrets, AnUnsetVariableIsNamed) {
  ScopedEnv unset("TB_TEST_UNSET", nullptr);
  EXPECT_THAT(errors_with_rest("[notifiers.chat]\nkind = \"slack\"\nurl_env = \"TB_TEST_UNSET\"\n"),
              ElementsAre("t.toml:3:11: notifiers.chat.url_env: environment variable TB_TEST_UNSET is not set"));
  EXPECT_THAT(errors_with_rest("[notifiers.chat]\nkind = \"slack\"\nurl_file = \"${TB_TEST_UNSET}/url\"\n"),
              ElementsAre("t.toml:3:12: notifiers.chat.url_file: environment variable TB_TEST_UNSET is not set (used "
                          "in '${TB_TEST_UNSET}/url')"));
}

TEST(Secrets, ASecretGivenTwoWaysIsReportedAtTheLaterKey) {
  ScopedEnv url("TB_TEST_SLACK_URL", "https://hooks.slack.com/x");
  EXPECT_THAT(errors_with_rest("[notifiers.chat]\nkind = \"slack\"\nurl_env = \"TB_TEST_SLACK_URL\"\n"
                               "url = \"https://hooks.slack.com/y\"\n"),
              ElementsAre("t.toml:4:7: notifiers.chat.url: the URL is given both by url_env and by url: give it only "
                          "one way"));
  EXPECT_THAT(errors_with_rest("[notifiers.mail]\nkind = \"email\"\nurl = \"smtp://localhost\"\nfrom = \"f\"\n"
                               "to = [\"t\"]\nusername = \"u\"\npassword_file = \"/run/pw\"\n"
                               "password_env = \"TB_TEST_SLACK_URL\"\n"),
              ElementsAre("t.toml:8:16: notifiers.mail.password_env: the password is given both by password_file "
                          "and by password_env: give it only one way"));
}

TEST(Secrets, ValuesNeverAppearInErrors) {
  TempDir dir;
  dir.write("url", "https://SECRET-URL-1.example.com\n");
  dir.write("secret", "SECRET-KEY-2\n");
  ScopedEnv env("TB_TEST_CRM_URL", "ftp://SECRET-URL-3.example.com");
  auto errors = errors_in(dir, R"([notifiers.mail]
kind = "email"
url_file = "url"
from = "f"
to = ["t"]
password = "SECRET-PASSWORD-4"

[notifiers.crm]
kind = "webhook"
url_env = "TB_TEST_CRM_URL"
secret_file = "secret"
)");
  ASSERT_EQ(errors.size(), 4u);
  for (const auto& e : errors) EXPECT_THAT(e, Not(HasSubstr("SECRET"))) << e;
  EXPECT_THAT(errors[0],
              HasSubstr("expected a URL starting with smtp:// or smtps:// (read from " + (dir / "url").string() + ")"));
  EXPECT_THAT(errors[1], HasSubstr("an inline password is not allowed"));
  EXPECT_THAT(errors[2], HasSubstr("expected a URL starting with https:// or http:// (from $TB_TEST_CRM_URL)"));
  EXPECT_THAT(errors[3], HasSubstr("expected a Standard Webhooks secret starting with whsec_ (read from"));
}

}  // namespace
}  // namespace touchbase::testing
