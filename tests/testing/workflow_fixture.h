#pragma once
// The salesperson's commands as a user runs them, on a test config and
// database in a fresh directory: in-process at a FakeClock's time (`now_`,
// fixed unless a test advances `clock_`), or through the real binary, which
// reads the wall clock (`binary`). The plan is read with `plan --json --now`.

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/time.h"
#include "tests/testing/cli_in_process.h"
#include "tests/testing/run_command.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {

// Every day and hour is inside the windows and working hours, so a follow-up
// is due exactly one cadence gap after the last touch.
inline constexpr std::string_view k_workflow_config = R"(
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
name = "Alice Moreno"
timezone = "Europe/Berlin"
working_hours = { days = "mon-sun", hours = "00:00-24:00" }
notify = ["primary"]

[owners.bob]
timezone = "America/New_York"
working_hours = { days = "mon-sun", hours = "00:00-24:00" }
notify = ["primary"]

[notifiers.primary]
kind = "console"

[cadences.prospect]
steps = ["2d"]
repeat = true

[cadences.partner]
steps = ["3d"]
repeat = true
on_reply = "nurture"

[cadences.oneshot]
steps = ["2d"]
repeat = true
on_reply = "stop"

[cadences.nurture]
steps = ["30d"]
repeat = true

[[talking_points]]
id = "benchmark"
text = "Share the onboarding benchmark, with commas; and semicolons"
link = "https://example.com/benchmark"
)";

// A Wednesday morning in Berlin, in no DST change's week.
inline const Instant k_workflow_now = parse_rfc3339("2026-11-25T09:30:00Z").value();

class WorkflowTest : public ::testing::Test {
 protected:
  // How touchbase() runs a command.
  enum class Runner {
    in_process,  // at clock_'s time
    binary,      // the real binary, at the wall clock's time: for tests beside a running daemon
  };

  explicit WorkflowTest(Runner runner = Runner::in_process)
      : runner_(runner), now_(runner == Runner::in_process ? k_workflow_now : wall_clock_now()), clock_(now_) {
    config_ = dir_.write("touchbase.toml", k_workflow_config);
  }

  CommandResult touchbase(std::vector<std::string> args) {
    args.insert(args.begin(), {"--config", config_.string()});
    if (runner_ == Runner::binary) return run_touchbase(args, dir_.path());
    return run_touchbase_in_process(args, clock_);
  }

  // Runs a command that must succeed.
  std::string ok(std::vector<std::string> args) {
    auto r = touchbase(args);
    EXPECT_EQ(r.exit_code, 0) << "touchbase " << ::testing::PrintToString(args) << ": " << r.err;
    return r.out;
  }

  static std::vector<nlohmann::json> json_lines(const std::string& text) {
    std::vector<nlohmann::json> rows;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) rows.push_back(nlohmann::json::parse(line));
    return rows;
  }

  // The plan of one contact from now_, as `plan --json` prints it.
  std::vector<nlohmann::json> plan_of(const std::string& contact, int days = 7) {
    return json_lines(ok({"plan", "--json", "--now", iso(now_), "--days", std::to_string(days), "--contact", contact}));
  }

  nlohmann::json show(const std::string& contact) {
    return nlohmann::json::parse(ok({"contact", "show", contact, "--json"}));
  }

  static std::string iso(Instant t) { return format_rfc3339(t); }
  // The date of `t` in Berlin, the test config's zone: "2026-11-28".
  static std::string berlin_date(Instant t) { return date::format("%F", date::zoned_seconds("Europe/Berlin", t)); }

  static Instant wall_clock_now() { return SystemClock().now(); }

  const Runner runner_;
  TempDir dir_;
  std::filesystem::path config_;
  const Instant now_;
  FakeClock clock_;
};

using std::chrono::hours;
using std::chrono::minutes;

}  // namespace touchbase::testing
