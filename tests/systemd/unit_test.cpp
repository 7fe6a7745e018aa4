// systemd/*.service and *.timer: `systemd-analyze verify` accepts them and
// `systemd-analyze security` rates the daemon's unit 2.0 or lower ("OK").
// Skipped, saying why, where systemd-analyze is absent.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>

#include "config/load_config.h"
#include "tests/testing/run_command.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view k_systemd_analyze = "/usr/bin/systemd-analyze";
constexpr double k_max_exposure = 2.0;
constexpr std::string_view k_installed_binary = "/usr/local/bin/touchbase";

struct Output {
  int exit_code = -1;
  std::string text;  // stdout and stderr
};

Output run_shell(const std::string& command, const std::filesystem::path& dir) {
  auto file = dir / ".output";
  int status = std::system((command + " >'" + file.string() + "' 2>&1").c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(file)};
}

// The unit from systemd/, its ExecStart pointing at the binary this build made
// (verify checks that the program exists).
std::filesystem::path copy_unit(const TempDir& dir, std::string_view name) {
  std::string text = read_file(source_dir() / "systemd" / name);
  std::string::size_type at;
  while ((at = text.find(k_installed_binary)) != std::string::npos) {
    text.replace(at, k_installed_binary.size(), TOUCHBASE_BINARY);
  }
  return dir.write(name, text);
}

class UnitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(k_systemd_analyze)) {
      GTEST_SKIP() << k_systemd_analyze << " is absent: install systemd to check the unit files";
    }
  }
  TempDir dir_;
};

TEST_F(UnitTest, TheUnitsPassSystemdAnalyzeVerify) {
  std::string units;
  for (const char* name : {"touchbase.service", "touchbase-once.service", "touchbase-once.timer"}) {
    units += " '" + copy_unit(dir_, name).string() + "'";
  }
  // --man=no: the man page is installed with the package, not here.
  auto r =
      run_shell("cd '" + dir_.path().string() + "' && " + std::string(k_systemd_analyze) + " verify --man=no" + units,
                dir_.path());
  EXPECT_EQ(r.exit_code, 0) << r.text;
  EXPECT_EQ(r.text, "");
}

TEST_F(UnitTest, TheServiceIsRatedOkBySystemdAnalyzeSecurity) {
  auto unit = copy_unit(dir_, "touchbase.service");
  auto r = run_shell(std::string(k_systemd_analyze) + " security --offline=yes --no-pager '" + unit.string() + "'",
                     dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.text;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.text, m, std::regex(R"(Overall exposure level for \S+: ([0-9.]+) (\w+))"))) << r.text;
  double exposure = std::stod(m[1]);
  EXPECT_LE(exposure, k_max_exposure) << r.text;
  EXPECT_THAT(std::string(m[2]), ::testing::AnyOf("OK", "SAFE")) << r.text;
}

TEST_F(UnitTest, TheServiceIsANotifyServiceWithAWatchdogAndAReload) {
  std::string unit = read_file(source_dir() / "systemd" / "touchbase.service");
  EXPECT_THAT(unit, HasSubstr("\nType=notify\n"));
  EXPECT_THAT(unit, HasSubstr("\nWatchdogSec="));
  EXPECT_THAT(unit, HasSubstr("\nExecReload=/bin/kill -HUP $MAINPID\n"));
  EXPECT_THAT(unit, HasSubstr("\nDynamicUser=yes\n"));
}

TEST(OnceUnit, ADaemonHoldingTheDatabaseLockIsNoFailureOfTheTimersPass) {
  std::string unit = read_file(source_dir() / "systemd" / "touchbase-once.service");
  EXPECT_THAT(unit, HasSubstr("\nSuccessExitStatus=75\n"));
}

TEST(InstalledConfig, TheExampleInstalledUnderEtcLoadsAndUsesTheStateDirectory) {
  auto config = load_config(source_dir() / "systemd" / "touchbase.toml", parse_rfc3339("2026-11-23T10:00:00Z").value());
  ASSERT_TRUE(config.ok()) << config.error().front().to_string();
  EXPECT_EQ(config->daemon.database, "/var/lib/touchbase/touchbase.db");
  EXPECT_EQ(config->daemon.stop_grace_period, std::chrono::seconds(20));
  EXPECT_EQ(config->notifiers.at("journal").kind, NotifierKind::console);
}

}  // namespace
}  // namespace touchbase::testing
