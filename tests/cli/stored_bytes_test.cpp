// A database that already holds bytes that are not UTF-8, ANSI escapes and C1
// controls -- written by an older version, or by hand -- in names, notes,
// ids, reasons and stored delivery failures: every command, its --json
// output, the running daemon and its status answer go on, and print valid
// UTF-8 with no raw control character. Against the real binary and a real
// SQLite file.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/utf8.h"
#include "tests/testing/daemon_process.h"
#include "tests/testing/run_command.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {
namespace {

using ::testing::HasSubstr;

// Not UTF-8, ESC sequences (clear the screen, set the title), a C1 CSI, DEL.
const std::string k_bad = std::string("\xFF\xFE bad \x1B[2J \x1B]0;pwned\x07 \xC2\x9B") + "31m \x7F end";

std::string config_text() {
  return R"(
[daemon]
database = "state/touchbase.db"
log_level = "info"

[defaults]
timezone = "Europe/Berlin"
contact_window = { days = "mon-sun", hours = "00:00-24:00" }
lead_time = "15m"
owner = "alice"
cadence = "prospect"

[owners.alice]
timezone = "Europe/Berlin"
working_hours = { days = "mon-sun", hours = "00:00-24:00" }
notify = ["failing"]

[notifiers.failing]
kind = "command"
command = ["/bin/sh", "-c", "cat > /dev/null; printf 'crm \\377\\033[2J\\302\\233' >&2; exit 1"]

[cadences.prospect]
steps = ["2d"]
repeat = true
)";
}

class StoredBytesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_ = dir_.write("touchbase.toml", config_text());
    for (const char* id : {"jane", "bob"}) {
      ok({"contact", "add", id, "--name", id, "--email", std::string(id) + "@example.com", "--last-touch",
          "2026-01-01T10:00:00Z"});
    }
    ok({"log", "jane", "--outcome", "replied", "--at", "2026-01-02T10:00:00Z", "--note", "fine"});
    ok({"run", "--once"});  // reminders made, their deliveries failed: outbox rows with a last error
    corrupt(dir_ / "state" / "touchbase.db");
  }

  // Every text a person or the network gave, overwritten with k_bad; one more contact whose id holds it.
  static void corrupt(const std::filesystem::path& database) {
    SQLite::Database db(database.string(), SQLite::OPEN_READWRITE);
    for (const char* sql : {
             "UPDATE contacts SET name = ?1, notes = ?1, company = ?1, title = ?1, stage = ?1, next_step = ?1",
             "UPDATE touches SET note = ?1",
             "UPDATE reminders SET why = ?1",
             "UPDATE reminder_messages SET contact_name = ?1, why = ?1, channel = ?1, next_step = ?1",
             "UPDATE outbox SET last_error = ?1",
             "CREATE TEMP TABLE copy AS SELECT * FROM contacts WHERE id = 'bob'",
             "UPDATE copy SET id = 'bad-' || ?1",
             "INSERT INTO contacts SELECT * FROM copy",
         }) {
      SQLite::Statement statement(db, sql);
      if (statement.getBindParameterCount() > 0) statement.bind(1, k_bad);
      statement.exec();
    }
    ASSERT_GT(db.execAndGet("SELECT count(*) FROM outbox").getInt(), 0) << "the failed deliveries were kept";
  }

  CommandResult touchbase(std::vector<std::string> args) {
    args.insert(args.begin(), {"--config", config_.string()});
    return run_touchbase(args, dir_.path());
  }
  std::string ok(std::vector<std::string> args) {
    const auto r = touchbase(args);
    EXPECT_EQ(r.exit_code, 0) << ::testing::PrintToString(args) << ": " << r.err;
    return r.out;
  }

  static void expect_printable(const std::string& text, const std::string& what) {
    EXPECT_TRUE(is_utf8(text)) << what << ": not UTF-8:\n" << text;
    EXPECT_EQ(text.find('\x1B'), std::string::npos) << what << ": a raw ESC in\n" << text;
    EXPECT_EQ(text.find("\xC2\x9B"), std::string::npos) << what << ": a raw C1 control in\n" << text;
    EXPECT_EQ(text.find('\x7F'), std::string::npos) << what << ": a raw DEL in\n" << text;
  }

  // Runs a command that must succeed; what it prints is printable, and with --json every line parses.
  std::string check(const std::vector<std::string>& args) {
    const auto r = touchbase(args);
    const std::string what = ::testing::PrintToString(args);
    EXPECT_EQ(r.exit_code, 0) << what << ": " << r.err;
    expect_printable(r.out, what);
    expect_printable(r.err, what + " (stderr)");
    // --json: one JSON value (status), or one per line.
    if (std::find(args.begin(), args.end(), "--json") != args.end() && !nlohmann::json::accept(r.out)) {
      std::istringstream lines(r.out);
      for (std::string line; std::getline(lines, line);) {
        EXPECT_TRUE(nlohmann::json::accept(line)) << what << ": not JSON: " << line;
      }
    }
    return r.out;
  }

  TempDir dir_;
  NotifySocket notify_{dir_ / "notify.sock"};
  std::filesystem::path config_;
};

TEST_F(StoredBytesTest, EveryCommandAndItsJsonOutputGoOnBesideARunningDaemon) {
  DaemonProcess daemon({"--config", config_.string(), "run"}, dir_.path(),
                       {"NOTIFY_SOCKET=" + notify_.path().string()});
  ASSERT_TRUE(notify_.wait_for("READY=1")) << daemon.err();

  const std::string bad_id = "bad-" + k_bad;
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"contact", "list"},
           {"contact", "list", "--json"},
           {"contact", "show", "jane"},
           {"contact", "show", "jane", "--json"},
           {"contact", "show", bad_id},
           {"contact", "show", bad_id, "--json"},
           {"due"},
           {"due", "--json"},
           {"plan"},
           {"plan", "--json"},
           {"points"},
           {"points", "--json"},
           {"outbox"},
           {"outbox", "--json"},
           {"status"},
           {"status", "--json"},
       }) {
    check(args);
  }
  EXPECT_THAT(check({"contact", "show", "jane"}), HasSubstr("\\x1B[2J"));
  const auto status = nlohmann::json::parse(check({"status", "--json"}));
  EXPECT_EQ(status["state"], "running");

  // The daemon made and tried the reminders of every contact, the one with the bad id too, and still answers.
  EXPECT_FALSE(daemon.wait_exit(std::chrono::milliseconds(200)).has_value()) << daemon.err();
  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait_exit(), 0) << daemon.err();
  expect_printable(daemon.out(), "the daemon's stdout");
  expect_printable(daemon.err(), "the daemon's log");
}

TEST_F(StoredBytesTest, AnExportReadsBackIntoAnotherDatabase) {
  for (const std::string format : {"csv", "json"}) {
    const auto file = dir_ / ("contacts." + format);
    ok({"export", "--format", format, "--output", file.string()});
    std::string other = config_text();
    other.replace(other.find("state/"), 6, "other-" + format + "/");
    const auto other_config = dir_.write("other-" + format + ".toml", other);
    const auto r = run_touchbase({"--config", other_config.string(), "import", file.string()}, dir_.path());
    EXPECT_EQ(r.exit_code, 0) << format << ": " << r.err;
    expect_printable(r.out, format + " import");
    expect_printable(r.err, format + " import (stderr)");
    const auto listed = run_touchbase({"--config", other_config.string(), "contact", "list", "--json"}, dir_.path());
    EXPECT_EQ(listed.exit_code, 0) << listed.err;
    EXPECT_EQ(std::count(listed.out.begin(), listed.out.end(), '\n'), 3) << listed.out;
  }
}

}  // namespace
}  // namespace touchbase::testing
